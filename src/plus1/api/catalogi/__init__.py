"""Catalogi API 1.3.3: catalogussen, zaaktypen and their sub-types, over the shared catalog."""
