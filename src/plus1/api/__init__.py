"""The ZGW REST APIs and the VNG Referentielijsten API: delivery channels with no models."""
