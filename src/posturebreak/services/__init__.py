"""Thin adapters between the core rules and the outside world (timers, D-Bus, sockets)."""
