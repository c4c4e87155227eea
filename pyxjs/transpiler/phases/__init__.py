"""The transpiler's phases, each in its own package: parse, analyze, transform (print and source
maps live beside them in pyxjs.transpiler, since they know only the JS tree)."""
