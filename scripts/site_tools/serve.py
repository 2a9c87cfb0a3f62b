"""The built site served on 127.0.0.1 under its deployed base path, gzip-encoded as a
static host serves it, and Debian's Chromium to look at it: one helper for the
browser tests, the budget and the screenshots."""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

# Headless, and nothing that reaches for another host (the machine has no network).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",  # the built-in ones cost each test run about a tenth of Chromium's time
]


def chromium_path() -> str | None:
    """$CHROMIUM, else Debian's chromium."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def base_path(root: Path) -> str:
    """The path of site_url in mkdocs.yml ('/h20/'), where the site is deployed."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !!python/name tags; only site_url's default matters here.
    _Loader.add_multi_constructor(
        "",
        lambda loader, suffix, node: (
            loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
        ),
    )
    url = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["site_url"]
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"


def _handler(base: str):
    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            if not path.startswith(base):
                return str(Path(self.directory) / "__outside_base_path__")
            return super().translate_path("/" + path[len(base) :])

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(site: Path, base: str) -> tuple[ThreadingHTTPServer, str]:
    """Serve `site` at http://127.0.0.1:PORT{base}; returns the server and that URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_handler(base), directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{base}"
