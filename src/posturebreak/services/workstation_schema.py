"""The activity log's tables for workstation checks, as one migration step.

Kept apart from :mod:`posturebreak.services.workstation_store` so the activity
store can list it among its migrations without importing the store back.
"""

from __future__ import annotations

# A check and its answers; deleting a check deletes its answers.
WORKSTATION_MIGRATION = """
CREATE TABLE workstation_checks (
    id INTEGER PRIMARY KEY,
    checked_utc TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL,
    local_day TEXT NOT NULL
);
CREATE TABLE workstation_answers (
    check_id INTEGER NOT NULL REFERENCES workstation_checks (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('yes', 'not_yet', 'not_applicable')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (check_id, item)
) WITHOUT ROWID;
CREATE INDEX workstation_checks_by_time ON workstation_checks (checked_utc);
"""
