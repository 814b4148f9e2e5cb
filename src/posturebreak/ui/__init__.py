"""Qt widgets: they show state and forward the user's intent, and hold no rules."""
