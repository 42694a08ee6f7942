"""claimtrack: a fact-checking claims tracker for newsrooms that work in JupyterLab."""

__version__ = "0.1.0"
