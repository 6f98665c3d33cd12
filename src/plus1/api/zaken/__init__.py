"""Zaken API 1.7.0: zaken, statussen, resultaten, rollen and the rest, over the same tables as the portal."""
