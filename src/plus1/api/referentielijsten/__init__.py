"""The VNG Referentielijsten API served from our own copy of the lists, so no ZGW link needs the internet."""
