"""The supervisor's review queue, approval, felony review and the Touhy request dialog."""
