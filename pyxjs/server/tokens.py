"""Client tokens the server issues and signs, so it accepts its own and replaces any other.

A token is `ident` (16 random characters) + `issued` (8 hex digits, Unix seconds) + `mac` (22
characters: the first 16 bytes of HMAC-SHA256(secret, ident + issued), base64url): 46 characters
of the protocol's token alphabet. A server restarted with the same secret accepts the tokens it
issued before; the issue time tells a memory manager's restart from a state that never existed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("pyxjs.server")

IDENT_LEN = 16
ISSUED_LEN = 8
MAC_LEN = 22
TOKEN_LEN = IDENT_LEN + ISSUED_LEN + MAC_LEN
MIN_SECRET_BYTES = 16
SECRET_ENV = "PYXJS_SECRET"


@dataclass(frozen=True, slots=True)
class Accepted:
    token: str
    issued_at: int  # Unix seconds
    replaced: bool  # the page named no token, a malformed one, or one this server never signed


class TokenSigner:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the token secret must be at least {MIN_SECRET_BYTES} bytes, got {len(secret)}")
        self._secret = secret

    def sign(self, ident: str, issued_at: int | None = None) -> str:
        if len(ident) != IDENT_LEN:
            raise ValueError(f"a token ident is {IDENT_LEN} characters, got {len(ident)}")
        issued = f"{int(time.time()) if issued_at is None else issued_at:08x}"
        return ident + issued + self._mac(ident + issued)

    def issue(self) -> str:
        return self.sign(secrets.token_urlsafe(12))  # 12 bytes -> 16 URL-safe characters

    def issued_at(self, token: object) -> int | None:
        """When this server's secret signed `token`, or None if it did not."""
        if not isinstance(token, str) or len(token) != TOKEN_LEN or not token.isascii():
            return None
        body, mac = token[:-MAC_LEN], token[-MAC_LEN:]
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            return int(body[IDENT_LEN:], 16)
        except ValueError:
            return None

    def accept(self, token: str | None) -> Accepted:
        """The page's token if this server signed it, else a new one (the hydrate hands it over)."""
        issued = self.issued_at(token)
        if issued is not None:
            return Accepted(token, issued, False)  # type: ignore[arg-type]
        fresh = self.issue()
        return Accepted(fresh, int(fresh[IDENT_LEN:IDENT_LEN + ISSUED_LEN], 16), True)

    def _mac(self, body: str) -> str:
        digest = hmac.new(self._secret, body.encode(), hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(digest).decode()[:MAC_LEN]  # 16 bytes: 22 chars + "=="


def load_secret(app_dir: Path | None) -> bytes:
    """$PYXJS_SECRET, else `.pyx/secret` beside the app (created 0600 on first run), else (no app
    folder: tests, create_app alone) a random secret for this process only."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        secret = from_env.encode()
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"${SECRET_ENV} must be at least {MIN_SECRET_BYTES} characters (e.g. `openssl rand -hex 32`)")
        return secret
    if app_dir is None:
        return secrets.token_bytes(32)
    path = Path(app_dir) / ".pyx" / "secret"
    path.parent.mkdir(exist_ok=True)
    try:
        # O_EXCL: two servers starting at once never overwrite each other's secret.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning("%s is readable by other users (mode %o); chmod 600 it", path, stat.S_IMODE(mode))
        secret = path.read_bytes().strip()
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"{path} holds {len(secret)} bytes; a secret needs {MIN_SECRET_BYTES} (delete it to make a new one)") from None
        return secret
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_hex(32) + "\n")
    log.info("created the token secret %s", path)
    return path.read_bytes().strip()
