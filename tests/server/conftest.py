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


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A real redis-server for the whole session (Debian's package; .ci/run installs it)."""
    from tests.support.redis_server import RedisServer, find_redis_server
    from pyxjs.state.redis_manager import redis_installed

    executable = find_redis_server()
    if executable is None:
        pytest.skip("redis-server is not installed (apt-get install -y redis-server; .ci/run does it)")
    if not redis_installed():
        pytest.skip("the redis package is not installed: pip install -e '.[test]'")
    server = RedisServer(executable, tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
async def redis_flushed(redis_server):
    """The session's redis-server, emptied before the test."""
    import redis.asyncio

    client = redis.asyncio.Redis.from_url(redis_server.url)
    await client.flushdb()
    await client.aclose()
    return redis_server
