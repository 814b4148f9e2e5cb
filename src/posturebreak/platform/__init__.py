"""Platform adapters: what the desktop says about the user (idle, asleep, locked, busy)."""
