"""Desktop point of sale for shops that accept Cashu ecash."""

__version__ = "0.1.0"
