"""What every ZGW API shares: JWT auth, scopes, errors, pagination, ETags, CRS headers."""
