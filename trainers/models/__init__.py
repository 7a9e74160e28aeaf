from .areas import Area
from .people import AdminScope

__all__ = ["AdminScope", "Area"]
