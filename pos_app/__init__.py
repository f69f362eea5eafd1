"""Desktop point of sale for shops that accept Cashu ecash."""

from pos_app.paths import resources_path

__version__ = "0.1.0"

__all__ = ["__version__", "resources_path"]
