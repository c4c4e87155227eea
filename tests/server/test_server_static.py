"""Functional tests of static serving from dist/: fallback, caching, precompressed assets, traversal."""

from __future__ import annotations

import gzip

import pytest
from yarl import URL

INDEX = "<!doctype html><title>app</title><div id=root></div>"
SCRIPT = "console.log('hello from a hashed asset');" * 20
SECRET = "do not serve me"


@pytest.fixture
def dist(tmp_path):
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX)
    (dist / "robots.txt").write_text("User-agent: *\n")
    (dist / "about").mkdir()
    (dist / "about" / "index.html").write_text("<p>prerendered about</p>")
    (dist / "assets" / "app-3f2a9c.js").write_text(SCRIPT)
    (dist / "assets" / "app-3f2a9c.js.gz").write_bytes(gzip.compress(SCRIPT.encode()))
    (dist / "assets" / "plain-77aa.css").write_text("body{margin:0}")
    (tmp_path / "secret.txt").write_text(SECRET)
    (dist / "assets" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (dist / "leak.txt").symlink_to(tmp_path / "secret.txt")
    return dist


@pytest.fixture
async def client(server_factory, dist):
    # auto_decompress=False: see the bytes on the wire, so a served .gz is visible as such.
    return await server_factory([], dist_dir=dist, auto_decompress=False)


async def test_root_serves_index_without_caching(client):
    response = await client.get("/")
    assert response.status == 200
    assert await response.text() == INDEX
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("path", ["/profile", "/users/42/settings", "/deep/link?tab=2", "/index.html"])
async def test_unknown_paths_fall_back_to_index_for_client_side_routing(client, path):
    response = await client.get(path)
    assert response.status == 200
    assert await response.text() == INDEX
    assert response.headers["Cache-Control"] == "no-cache"


async def test_an_existing_file_is_served_as_itself(client):
    response = await client.get("/robots.txt")
    assert response.status == 200
    assert await response.text() == "User-agent: *\n"
    assert response.headers["Cache-Control"] == "no-cache"


async def test_a_folder_serves_its_prerendered_index(client):
    response = await client.get("/about")
    assert await response.text() == "<p>prerendered about</p>"


async def test_assets_are_immutable(client):
    response = await client.get("/assets/plain-77aa.css", headers={"Accept-Encoding": "identity"})
    assert response.status == 200
    assert await response.text() == "body{margin:0}"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Type"].startswith("text/css")


async def test_gzip_sibling_is_served_when_accepted(client):
    response = await client.get("/assets/app-3f2a9c.js", headers={"Accept-Encoding": "gzip, deflate"})
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers.get("Vary", "")
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "javascript" in response.headers["Content-Type"]
    assert gzip.decompress(await response.read()).decode() == SCRIPT


async def test_uncompressed_asset_without_gzip_in_accept_encoding(client):
    response = await client.get("/assets/app-3f2a9c.js", headers={"Accept-Encoding": "identity"})
    assert response.status == 200
    assert "Content-Encoding" not in response.headers
    assert (await response.read()).decode() == SCRIPT


async def test_a_missing_asset_is_404_not_index(client):
    response = await client.get("/assets/gone-000.js")
    assert response.status == 404
    assert INDEX not in await response.text()


@pytest.mark.parametrize(
    "raw_path",
    [
        "/assets/..%2F..%2Fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2Ftmp%2Fsecret.txt",
        "/assets/leak.txt",
        "/leak.txt",
    ],
)
async def test_nothing_outside_dist_is_served(client, raw_path):
    response = await client.get(URL(raw_path, encoded=True))
    body = await response.text()
    assert SECRET not in body
    assert response.status in (403, 404) or body == INDEX


@pytest.mark.parametrize(
    "raw_path", ["/assets/..%2F..%2Fsecret.txt", "/..%2Fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/leak.txt"]
)
async def test_traversal_is_rejected_outright(client, raw_path):
    response = await client.get(URL(raw_path, encoded=True))
    assert response.status == 403


@pytest.mark.parametrize("raw_path", ["/%00", "/assets/%00.js", "/" + "a" * 5000])
async def test_odd_paths_do_not_crash_the_server(client, raw_path):
    response = await client.get(URL(raw_path, encoded=True))
    assert response.status in (200, 403, 404)
    assert (await client.get("/")).status == 200


async def test_no_index_html_gives_a_clear_503(server_factory, tmp_path):
    empty = tmp_path / "not-built"
    empty.mkdir()
    client = await server_factory([], dist_dir=empty)
    response = await client.get("/anything")
    assert response.status == 503
    text = await response.text()
    assert "index.html" in text and "pyx build" in text
    assert (await client.get("/_pyx/health")).status == 200  # the server itself is fine


async def test_head_requests_work(client):
    response = await client.head("/assets/plain-77aa.css")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
