"""The ZGW APIs (no models): one subpackage per standard API, shared plumbing in ``common``."""
