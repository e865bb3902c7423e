"""The desktop app: the only package that imports Qt. It calls the core, never SQL."""
