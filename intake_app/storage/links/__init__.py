"""Linked incidents in the store: tables, the index kept in step with every change, queries, decisions and settings."""
