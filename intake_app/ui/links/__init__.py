"""Linked incidents: the links tab, its model and the feature that installs it."""
