"""The Negotiation tab's rules: quotes, landed cost, selling price, market, worksheet."""
