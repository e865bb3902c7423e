"""Pieces every screen shares: the task runner, table models, translated vocabularies and dates, layouts."""
