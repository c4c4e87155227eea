"""Redis fixtures for any test folder (loaded by tests/conftest.py as a plugin)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A real redis-server for the whole session (Debian's package; .ci/run installs it)."""
    from pyxjs.state.redis_manager import redis_installed
    from tests.support.redis_server import RedisServer, find_redis_server

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
