#!/usr/bin/env python3
"""Quiet static file server for a built single-page app (trunk's dist/).

usage: python3 scripts/spa_server.py [PORT [ROOT]]     (defaults: 8090 dist)

* binds 127.0.0.1 only;
* an extension-less path that is not a file (a client-side route such as /tiltak/PLL)
  gets ROOT/index.html with status 200; a missing file with an extension (/x.js) is a 404;
* .wasm is served as application/wasm (needed for WebAssembly.instantiateStreaming);
* no request logging (errors still go to stderr);
* sends the Content-Security-Policy of the build as an HTTP header (scripts/csp.py: hashes of the
  inline loader script, 'wasm-unsafe-eval', and frame-ancestors from $VEIKART_FRAME_ANCESTORS,
  default 'self'), plus X-Content-Type-Options and Referrer-Policy.
"""
import functools
import http.server
import os
import posixpath
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import csp  # noqa: E402  (scripts/csp.py)


class CspCache:
    """The policy for ROOT/index.html, recomputed when the file changes (a rebuild)."""

    def __init__(self):
        self.key = None
        self.value = None

    def get(self, root):
        path = os.path.join(root, "index.html")
        try:
            st = os.stat(path)
        except OSError:
            return None
        key = (path, st.st_mtime_ns, st.st_size, csp.frame_ancestors())
        if key != self.key:
            with open(path, encoding="utf-8") as f:
                self.value = csp.policy(f.read())
            self.key = key
        return self.value


CSP = CspCache()


class SpaHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".html": "text/html",
    }

    def send_head(self):
        url_path = urllib.parse.urlsplit(self.path).path
        fs_path = self.translate_path(self.path)
        last = posixpath.basename(url_path.rstrip("/")) if url_path != "/" else ""
        if not os.path.exists(fs_path) and "." not in last:
            self.path = "/index.html"
        return super().send_head()

    def end_headers(self):
        # Always revalidate, so a rebuilt dist/ is never served stale from the browser cache.
        self.send_header("Cache-Control", "no-cache")
        self.send_security_headers()
        super().end_headers()

    def send_security_headers(self):
        # The policy is the app document's. Other pages under the root are not the app (the
        # embedding example stands in for a host site, the benchmark's vis-timeline page is a
        # peer library) and would be broken by it; other files are not documents.
        url_path = urllib.parse.urlsplit(self.path).path
        is_app = url_path in ("/", "/index.html") or not url_path.endswith(".html")
        policy = CSP.get(self.directory) if is_app else None
        if policy:
            self.send_header("Content-Security-Policy", policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")

    def log_message(self, format, *args):  # quiet: no per-request lines
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(argv):
    port = int(argv[1]) if len(argv) > 1 else 8090
    root = os.path.abspath(argv[2] if len(argv) > 2 else "dist")
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.stderr.write(f"spa_server: {root}/index.html not found (run `trunk build --release` first)\n")
        return 2
    handler = functools.partial(SpaHandler, directory=root)
    with Server(("127.0.0.1", port), handler) as httpd:
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
