"""Desktop point of sale for shops that accept Cashu ecash."""

import sys

from pos_app.paths import resources_path

# httpx imports its own command line (click, pygments, rich: 50 ms, a tenth of a CLI
# command's run) whenever those happen to be installed, and ignores an ImportError
# there. The app never runs httpx's command line; a None entry makes that import fail
# at once. setdefault: a process that already loaded it (a test run) keeps it.
sys.modules.setdefault("httpx._main", None)

__version__ = "0.1.0"

__all__ = ["__version__", "resources_path"]
