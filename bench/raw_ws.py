"""A minimal websocket client for the benchmarks: plain sockets, RFC 6455 framing, no event loop.

Why not aiohttp's client: the benchmark client shares the 2-core machine with the server, and
aiohttp's client spent about as much CPU per round trip as the server did (~110 µs), so the
figure measured the client as much as the server. This client does what a page does on the
wire (an HTTP upgrade, masked text frames out, pongs to pings) and nothing more; the server
does the same work for it as for a browser.
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import struct

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class ClosedError(ConnectionError):
    """The server closed the websocket (or the TCP connection)."""


def connect(host: str, port: int, path: str, timeout: float = 10.0, offer_deflate: bool = False) -> socket.socket:
    """A connected, upgraded websocket (blocking, TCP_NODELAY), the handshake checked.
    `offer_deflate`: offer permessage-deflate as browsers do (an error if the server takes it:
    this client does not inflate)."""
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16))
    sock.sendall(
        b"GET " + path.encode() + b" HTTP/1.1\r\nHost: " + f"{host}:{port}".encode()
        + b"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
        + b"\r\nSec-WebSocket-Version: 13\r\n"
        + (b"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" if offer_deflate else b"")
        + b"\r\n"
    )
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise ClosedError("the server closed the connection during the websocket handshake")
        head += chunk
    head, _, rest = head.partition(b"\r\n\r\n")
    if rest:  # the server speaks only after our first frame
        raise ConnectionError(f"unexpected bytes after the handshake: {rest[:80]!r}")
    lines = head.split(b"\r\n")
    if not lines[0].startswith(b"HTTP/1.1 101"):
        raise ConnectionError(f"websocket upgrade refused: {lines[0].decode(errors='replace')}")
    accept = base64.b64encode(hashlib.sha1(key + _GUID).digest())
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(b":") for line in lines[1:])}
    if headers.get(b"sec-websocket-accept") != accept:
        raise ConnectionError("the server's Sec-WebSocket-Accept does not match the key")
    if b"sec-websocket-extensions" in headers:
        raise ConnectionError(f"the server took an extension this client lacks: {headers[b'sec-websocket-extensions']!r}")
    return sock


def text_frame(text: str) -> bytes:
    """One masked, final text frame (a client must mask; a fresh random key per frame)."""
    return _frame(0x1, text.encode())


def _frame(opcode: int, payload: bytes) -> bytes:
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
    elif n < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
    mask = os.urandom(4)
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes(mask * ((n + 3) // 4), "big") >> (8 * (-n % 4))).to_bytes(n, "big")
    return head + mask + masked


class Reader:
    """Server frames from the bytes read so far: text messages out, pings answered."""

    __slots__ = ("sock", "_buffer")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = b""

    def feed(self, data: bytes) -> list[str]:
        """The complete text messages in what arrived (none when a frame is still partial)."""
        if not data:
            raise ClosedError("the server closed the connection")
        buffer = self._buffer + data if self._buffer else data
        messages: list[str] = []
        at = 0
        end = len(buffer)
        while end - at >= 2:
            first, second = buffer[at], buffer[at + 1]
            n = second & 0x7F
            start = at + 2
            if n == 126:
                if end - start < 2:
                    break
                n = int.from_bytes(buffer[start:start + 2], "big")
                start += 2
            elif n == 127:
                if end - start < 8:
                    break
                n = int.from_bytes(buffer[start:start + 8], "big")
                start += 8
            if second & 0x80:
                raise ConnectionError("the server sent a masked frame")
            if end - start < n:
                break
            payload = buffer[start:start + n]
            at = start + n
            opcode = first & 0x0F
            if opcode == 0x1 and first & 0x80:
                messages.append(payload.decode())
            elif opcode == 0x9:
                self.sock.sendall(_frame(0xA, payload))  # the server's heartbeat: pong
            elif opcode == 0x8:
                code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else None
                raise ClosedError(f"the server closed the websocket ({code}): {payload[2:].decode(errors='replace')}")
            elif opcode != 0xA:
                raise ConnectionError(f"unexpected websocket frame (opcode {opcode}, fin {bool(first & 0x80)})")
        self._buffer = buffer[at:]
        return messages

    def receive(self) -> str:
        """The next text message (blocking socket)."""
        while True:
            messages = self.feed(self.sock.recv(65536))
            if messages:
                if len(messages) > 1:
                    raise ConnectionError(f"{len(messages)} messages where one answer was expected: {messages}")
                return messages[0]


def close(sock: socket.socket) -> None:
    """A polite close frame, then the socket."""
    try:
        sock.setblocking(True)
        sock.sendall(_frame(0x8, struct.pack("!H", 1000)))
    except OSError:
        pass
    sock.close()
