"""The Suppliers tab."""
