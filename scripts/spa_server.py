#!/usr/bin/env python3
"""Quiet static file server for a built single-page app (trunk's dist/).

usage: python3 scripts/spa_server.py [PORT [ROOT]]     (defaults: 8090 dist)

* binds 127.0.0.1 only;
* an extension-less path that is not a file (a client-side route such as /tiltak/PLL)
  gets ROOT/index.html with status 200; a missing file with an extension (/x.js) is a 404;
* .wasm is served as application/wasm (needed for WebAssembly.instantiateStreaming);
* no request logging (errors still go to stderr).
"""
import functools
import http.server
import os
import posixpath
import sys
import urllib.parse


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
        super().end_headers()

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
