"""Signing in, locking, passphrases, the station's users and settings, and the privacy of the reporting party."""
