"""correct stage."""
