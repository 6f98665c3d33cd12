"""Documenten API 1.7.0: informatieobjecten with versions, locks and upload in parts."""
