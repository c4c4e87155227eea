"""Reflex names pyxjs deliberately does not provide, with the reason and what to write instead.
The build's PYX103 for `rx.<name>` says this rather than a bare "pyxjs has no ..."."""

from __future__ import annotations

# name -> (why, what to do)
REASONS: dict[str, tuple[str, str]] = {
    "logo": ("it is Reflex's own brand badge (\"Built with Reflex\", linking to Reflex's site), which a pyxjs app "
             "is not; pyxjs adds no badge of its own to apps",
             'remove it, or show your own logo: rx.image(src=rx.asset("logo.svg"))'),
    "input_otp": ("Reflex's component library has no input_otp either (it is not a Reflex name)",
                  "wrap npm's `input-otp` package with an rx.Component class (README: \"Components from npm\")"),
}


def unsupported_message(name: str) -> tuple[str, str] | None:
    """(message, hint) for a Reflex name pyxjs refuses on purpose, else None."""
    if name not in REASONS:
        return None
    why, instead = REASONS[name]
    return f"pyxjs has no `rx.{name}`: {why}", instead
