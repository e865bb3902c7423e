"""The court packet: building, previewing and exporting it from the incident view."""
