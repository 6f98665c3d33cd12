"""ZGW Notificaties: kanalen, abonnementen, and an outbox delivered to subscribers with retries."""
