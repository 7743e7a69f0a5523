"""factcheck: claim records in TOML, exact arithmetic checks and conflict detection."""

__version__ = "0.1.0"
