"""Footage evidence: the evidence tab, the preservation screen and file hashing progress."""
