"""Data files shipped with Polybius; read through importlib.resources."""
