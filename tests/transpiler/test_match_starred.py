"""rx.match with cases from a starred list, in node as in CPython."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.render import compare, js_render

ROOT = Path(__file__).resolve().parents[2]


def test_match_cases_from_a_starred_list_pick_what_python_picks():
    """rx.match(v, *[(k, f(k)) for k in TABLE], default), as Reflex templates build colour maps:
    the list is built where the match is, from a constant or a helper's parameter alike."""
    case = ROOT / "fixtures" / "transpile" / "match_starred_cases"
    scenarios = json.loads((case / "states.json").read_text())
    assert compare(case / "input.py", [{}, *scenarios]) == []
    (page,), = js_render(case / "input.py", [{"pick": {"team": "CHI", "size": "XL", "n": 8}}])[0]
    assert "CHI is red" in page.text and "unknown" in page.text and "seven or eight" in page.text
