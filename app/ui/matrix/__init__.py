"""The Capacity & Credit tab: supplier matrix, comparison radar and score trend."""
