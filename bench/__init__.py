"""The benchmark's parts: the reference programs, measuring one run, and the report.

``scripts/benchmark`` puts them together; nothing here is shipped with the app.
"""
