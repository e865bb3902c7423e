"""Records, validation and workflow. Plain Python: no Qt, no SQL."""
