"""Autorisaties API 1.1.0: applications, their client ids and autorisaties."""
