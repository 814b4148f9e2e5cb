"""The activity database's table of sit/stand switches (its own module so the store can
list the migration without importing the code that writes the table)."""

# Appended to activity_store.MIGRATIONS: one row per switch between sitting and standing.
SIT_STAND_MIGRATION = """
    CREATE TABLE posture_switches (
        id INTEGER PRIMARY KEY,
        posture TEXT NOT NULL CHECK (posture IN ('sitting', 'standing')),
        at_utc TEXT NOT NULL,
        utc_offset_minutes INTEGER NOT NULL
    );
    CREATE INDEX posture_switches_by_time ON posture_switches (at_utc);
    """
