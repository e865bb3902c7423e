"""Intake: documenting alleged violations by federal immigration agents (Chicago "ICE On Notice")."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("intake-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
