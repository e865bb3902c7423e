"""The app's frame: start-up, the main window, its menus, crash and restart handling, about and appearance."""
