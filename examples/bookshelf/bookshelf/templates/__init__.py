from .template import template

__all__ = ["template"]
