"""Generation with the released weights (a stand-in)."""
