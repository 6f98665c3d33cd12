"""Notificaties API 1.0.1: kanalen, abonnementen and publishing notifications."""
