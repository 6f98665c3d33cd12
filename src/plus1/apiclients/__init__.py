"""Applications that call the ZGW APIs: their client ids, secrets and autorisaties (Autorisaties API)."""
