from .base import AppState
from .board import COLUMNS, BoardState

__all__ = ["AppState", "BoardState", "COLUMNS"]
