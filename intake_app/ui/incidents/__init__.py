"""The incident list and the incident view with its tabs, and the prompts around saving a record."""
