"""Domain rules with no Qt imports, so they are unit-tested in milliseconds."""
