"""Fixtures for the server tests: a real aiohttp server on 127.0.0.1 per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from pyxjs.server import create_app


@pytest.fixture
async def server_factory(tmp_path):
    """`client = await server_factory(states, dist_dir=...)`: a TestClient bound to a real socket."""
    clients: list[TestClient] = []

    async def start(states: list[type], dist_dir: Path | None = None, pages: Any = None,
                    app_kwargs: dict[str, Any] | None = None, **client_kwargs: Any) -> TestClient:
        app = create_app(states, dist_dir if dist_dir is not None else tmp_path, pages=pages, **(app_kwargs or {}))
        client = TestClient(TestServer(app, host="127.0.0.1"), **client_kwargs)
        await client.start_server()
        clients.append(client)
        return client

    yield start
    for client in clients:
        await client.close()
