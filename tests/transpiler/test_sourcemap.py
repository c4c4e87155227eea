"""The generated module's inline source map points each JSX element back to its Python line."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from pyxjs.loader import load_app
from pyxjs.transpiler import transpile
from pyxjs.transpiler.sourcemap import encode_mappings, vlq

ROOT = Path(__file__).resolve().parents[2]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def decode_vlq_segment(segment: str) -> list[int]:
    values, shift, value = [], 0, 0
    for char in segment:
        digit = B64.index(char)
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        shift = value = 0
    return values


def decode(mappings: str) -> list[tuple[int, int, int, int]]:
    out, src_line, src_col = [], 0, 0
    for gen_line, line in enumerate(mappings.split(";")):
        gen_col = 0
        for segment in filter(None, line.split(",")):
            d_gen, _source, d_line, d_col = decode_vlq_segment(segment)
            gen_col += d_gen
            src_line += d_line
            src_col += d_col
            out.append((gen_line, gen_col, src_line, src_col))
    return out


def test_vlq_known_values():
    assert [vlq(v) for v in (0, 1, -1, 15, 16, -16, 123)] == ["A", "C", "D", "e", "gB", "hB", "2H"]


def test_encode_round_trips():
    mappings = [(0, 0, 0, 0), (0, 7, 3, 4), (2, 1, 1, 0), (2, 30, 9, 12)]
    assert decode(encode_mappings(mappings)) == mappings


def test_example_maps_elements_to_python_lines():
    app_file = ROOT / "examples" / "github_avatar" / "app.py"
    page = load_app(app_file).app.pages["/"].component
    (module,) = transpile([page], root=ROOT, embed_sources=True)
    code, comment = module.code.split("//# sourceMappingURL=data:application/json;base64,")
    smap = json.loads(base64.b64decode(comment))
    assert smap["sources"] == [app_file.as_uri()]
    assert smap["sourcesContent"][0] == app_file.read_text()
    # By default the Python text (server-side handlers included) stays out of the map.
    (plain,) = transpile([page], root=ROOT)
    assert "sourcesContent" not in json.loads(base64.b64decode(plain.code.split("base64,")[1]))
    python_lines = app_file.read_text().splitlines()
    js_lines = code.splitlines()
    mapped = {}
    for gen_line, gen_col, src_line, src_col in decode(smap["mappings"]):
        mapped.setdefault(js_lines[gen_line][gen_col:gen_col + 10], (src_line, src_col))
    avatar_line, avatar_col = next(at for text, at in mapped.items() if text.startswith("<Avatar "))
    assert python_lines[avatar_line][avatar_col:].startswith("rx.avatar(")
    input_line, input_col = mapped["<PyxInput "]
    assert python_lines[input_line][input_col:].startswith("rx.input(")
