"""Serving the built dist/ folder: hashed assets cached forever, everything else revalidated.

aiohttp's FileResponse already does the file work we want (a precompressed `.gz`/`.br` sibling
when the client accepts it, with `Vary: Accept-Encoding`; ETag, ranges, sendfile); this module
decides which file a path means and which caching headers it gets.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

DIST_DIR = web.AppKey("pyx_dist_dir", Path)

# Asset names carry a content hash, so a URL's bytes never change.
IMMUTABLE = "public, max-age=31536000, immutable"
# index.html and other unhashed files must be revalidated, or a deploy would never be seen.
REVALIDATE = "no-cache"


def add_static_routes(app: web.Application, dist_dir: Path) -> None:
    """Register last: the catch-all route would shadow anything added after it."""
    app[DIST_DIR] = dist_dir.resolve()
    app.router.add_get("/assets/{path:.*}", serve_asset)
    app.router.add_get("/{path:.*}", serve_page)


async def serve_asset(request: web.Request) -> web.StreamResponse:
    dist = request.app[DIST_DIR]
    file = resolve_inside(dist, "assets/" + request.match_info["path"])
    if file is None:
        raise web.HTTPForbidden(text="path outside the dist folder")
    if not _is_file(file):
        # No index.html fallback here: HTML served as a missing script would fail confusingly.
        raise web.HTTPNotFound(text=f"no asset {request.path}")
    return web.FileResponse(file, headers={"Cache-Control": IMMUTABLE})


async def serve_page(request: web.Request) -> web.StreamResponse:
    dist = request.app[DIST_DIR]
    file = resolve_inside(dist, request.match_info["path"])
    if file is None:
        raise web.HTTPForbidden(text="path outside the dist folder")
    if _is_dir(file):
        file = file / "index.html"  # a prerendered route page, dist/<route>/index.html
    if not _is_file(file):
        # Client-side routing: the app's router decides what an unknown path shows.
        file = dist / "index.html"
        if not _is_file(file):
            return web.Response(
                status=503,
                text=f"pyxjs: {file} does not exist; build the app first (pyx build app.py)\n",
            )
    return web.FileResponse(file, headers={"Cache-Control": REVALIDATE})


def resolve_inside(root: Path, relative: str) -> Path | None:
    """`root/relative` with symlinks and `..` resolved, or None if that lands outside root."""
    try:
        candidate = (root / relative.lstrip("/")).resolve()
    except (OSError, ValueError):  # ValueError: an embedded NUL byte
        return None
    return candidate if candidate.is_relative_to(root) else None


# Path.is_file/is_dir raise on some errors (a name too long); for us that is just "no such file".
def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
