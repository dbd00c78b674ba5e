"""The Dash app of the relations product: network map, stance matrix, evidence."""

from .app import create_app

__all__ = ["create_app"]
