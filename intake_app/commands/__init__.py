"""The `intake` sub-commands, one module per feature. Each module has `register(subparsers)`;
cli.py lists the modules in COMMAND_MODULES."""
