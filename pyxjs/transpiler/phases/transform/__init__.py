"""Transform: one Python function (ast) -> one JS function (jsast).

The transformer is split by node group, one mixin module each: statements, expressions, calls
(builtins and methods), jsx (components and control flow), events, hooks, and pysem (the
Python-semantics rules that pick a plain JS operator or a runtime helper by type).
"""

from pyxjs.transpiler.phases.transform.function import FunctionTransformer, Typed

__all__ = ["FunctionTransformer", "Typed"]
