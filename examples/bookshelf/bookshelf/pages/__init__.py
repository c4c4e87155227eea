from .add import add
from .index import index
from .stats import stats

__all__ = ["add", "index", "stats"]
