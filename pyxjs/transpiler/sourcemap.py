"""Source map v3 writer: base64 VLQ mappings from generated JS positions to Python ones."""

from __future__ import annotations

import base64
import json

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _vlq(value: int) -> str:
    bits = (-value << 1) | 1 if value < 0 else value << 1
    out = []
    while True:
        digit = bits & 31
        bits >>= 5
        out.append(_B64[digit | (32 if bits else 0)])
        if not bits:
            return "".join(out)


_SMALL = {v: _vlq(v) for v in range(-1024, 1025)}


def vlq(value: int) -> str:
    """Base64 VLQ of one number (the small ones, nearly all of a map, from a table)."""
    cached = _SMALL.get(value)
    return cached if cached is not None else _vlq(value)


def encode_mappings(mappings: list[tuple[int, int, int, int]]) -> str:
    """mappings: (gen_line, gen_col, src_line, src_col), all 0-based, one source file.

    The generated column restarts at each line; source line and column are relative to the
    previous segment across the whole map (source map v3).
    """
    by_line: dict[int, list[tuple[int, int, int]]] = {}
    # The printer records segments in output order; sort only if something else did not.
    ordered = mappings if all(a < b for a, b in zip(mappings, mappings[1:])) else sorted(set(mappings))
    for gen_line, gen_col, src_line, src_col in ordered:
        by_line.setdefault(gen_line, []).append((gen_col, src_line, src_col))
    out_lines = []
    small = _SMALL
    prev_src_line = prev_src_col = 0
    for gen_line in range(max(by_line, default=-1) + 1):
        prev_gen_col = 0
        segments = []
        for gen_col, src_line, src_col in by_line.get(gen_line, []):
            # the table lookup of vlq(), inlined: a map has tens of thousands of numbers
            a, b, c = gen_col - prev_gen_col, src_line - prev_src_line, src_col - prev_src_col
            segments.append((small.get(a) or _vlq(a)) + "A" + (small.get(b) or _vlq(b)) + (small.get(c) or _vlq(c)))
            prev_gen_col, prev_src_line, prev_src_col = gen_col, src_line, src_col
        out_lines.append(",".join(segments))
    return ";".join(out_lines)


def source_map(file: str, source_name: str, source_text: str | None, mappings: list[tuple[int, int, int, int]]) -> dict:
    """`source_text` None leaves the source's content out of the map (see Project.embed_sources)."""
    smap = {"version": 3, "file": file, "sources": [source_name], "names": [], "mappings": encode_mappings(mappings)}
    if source_text is not None:
        smap["sourcesContent"] = [source_text]
    return smap


def inline_comment(map_dict: dict) -> str:
    data = base64.b64encode(json.dumps(map_dict, separators=(",", ":")).encode()).decode()
    return f"//# sourceMappingURL=data:application/json;base64,{data}\n"
