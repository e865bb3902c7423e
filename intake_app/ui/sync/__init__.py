"""The sync status in the window, the conflicts screen and enrolling the device with the server."""
