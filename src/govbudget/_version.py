"""The installed version of govbudget."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govbudget")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
