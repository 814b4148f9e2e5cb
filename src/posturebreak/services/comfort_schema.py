"""The activity database's table of comfort check-ins, as one migration step.

Kept apart from :mod:`~posturebreak.services.comfort_store` so that the
activity store can list it among its migrations without an import cycle.
"""

COMFORT_MIGRATION = """
CREATE TABLE comfort_check_ins (
    local_day TEXT PRIMARY KEY,
    comfort INTEGER NOT NULL CHECK (comfort BETWEEN 0 AND 10),
    note TEXT NOT NULL DEFAULT '',
    stool_setting TEXT,
    answered_utc TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL
) WITHOUT ROWID;
"""
