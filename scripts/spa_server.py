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
  default 'self'), plus X-Content-Type-Options and Referrer-Policy;
* precompressed variants (issue 14; written by scripts/compress.mjs after `trunk build --release`):
  for FILE it sends FILE.br or FILE.gz as they are, by the request's Accept-Encoding (br, then
  gzip, then the file itself; an encoding with q=0 is refused), with Content-Encoding, and
  Vary: Accept-Encoding on every answer for a compressible type. A variant older than its
  original (e.g. a feed replaced without re-running compress.mjs) is ignored, never sent stale;
* caching (docs/hosting.md): trunk's content-hashed files (NAME-<8–16 hex>[_bg].EXT) get
  Cache-Control: public, max-age=31536000, immutable; everything else (index.html and the SPA
  fallback, the feed(s), the schema, embed.js, …) gets Cache-Control: no-cache, an ETag (sha256
  of the file; one per encoding) and Last-Modified, and If-None-Match / If-Modified-Since are
  answered with 304 Not Modified.
"""
import email.utils
import functools
import hashlib
import http.server
import os
import posixpath
import re
import sys
import threading
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


# Types worth compressing (what scripts/compress.mjs writes .br/.gz for).
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt", ".xml", ".map",
                ".webmanifest", ".ico"}
# br before gzip before identity (the order of preference, not the client's q-values).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
# trunk's content-hashed output: veikart-<hash>.js, veikart-<hash>_bg.wasm, main-<hash>.css
# trunk writes the 64-bit hash as `{:x}`, without leading zeros: 16 hex digits, 15 in one build
# of 16 (7 or fewer, which this misses: about one in 69 billion)
HASHED = re.compile(r"-[0-9a-f]{8,16}(?:_bg)?\.[A-Za-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def accepted_encodings(header):
    """{coding: q} of an Accept-Encoding header ("br;q=1.0, gzip;q=0.8, *;q=0")."""
    out = {}
    for part in (header or "").split(","):
        token, *params = [p.strip() for p in part.split(";")]
        if not token:
            continue
        q = 1.0
        for p in params:
            if p[:2].lower() == "q=":
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        out[token.lower()] = q
    if "x-gzip" in out and "gzip" not in out:
        out["gzip"] = out["x-gzip"]
    return out


def choose_encoding(header, available):
    """The coding to send: "br", "gzip" or None (identity), among `available` ones."""
    q = accepted_encodings(header)
    star = q.get("*", 0.0)
    for coding, _ in ENCODINGS:
        if coding in available and q.get(coding, star) > 0:
            return coding
    return None


class EtagCache:
    """sha256 of a file, recomputed when its size or mtime changes."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = {}

    def get(self, path, st):
        key = (st.st_mtime_ns, st.st_size)
        with self.lock:
            hit = self.entries.get(path)
        if hit and hit[0] == key:
            return hit[1]
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        tag = h.hexdigest()[:32]
        with self.lock:
            self.entries[path] = (key, tag)
        return tag


ETAGS = EtagCache()


def etag_matches(header, etag):
    """If-None-Match (weak comparison): "*" or any listed tag equal to `etag`, W/ ignored."""
    if not header:
        return False
    if header.strip() == "*":
        return True
    bare = etag[2:] if etag.startswith("W/") else etag
    for tag in header.split(","):
        tag = tag.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == bare:
            return True
    return False


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
    cache_control = None  # set per answer by send_file; None means "no-cache"

    def parse_request(self):
        self.cache_control = None
        return super().parse_request()

    def send_head(self):
        url_path = urllib.parse.urlsplit(self.path).path
        fs_path = self.translate_path(self.path)
        last = posixpath.basename(url_path.rstrip("/")) if url_path != "/" else ""
        if not os.path.exists(fs_path) and "." not in last:
            self.path = "/index.html"  # SPA fallback: a client-side route
            fs_path = self.translate_path(self.path)
        elif os.path.isdir(fs_path) and url_path.endswith("/"):
            index = os.path.join(fs_path, "index.html")
            if os.path.isfile(index):
                fs_path = index
        if not os.path.isfile(fs_path):
            return super().send_head()  # directory redirects and listings, 404s
        return self.send_file(fs_path)

    def send_file(self, fs_path):
        """Headers for a regular file (or its .br / .gz variant); returns the open body or None."""
        ext = os.path.splitext(fs_path)[1].lower()
        try:
            st = os.stat(fs_path)
        except OSError:
            self.send_error(404, "File not found")
            return None
        compressible = ext in COMPRESSIBLE
        body_path, coding = fs_path, None
        if compressible:
            fresh = {}
            for c, suffix in ENCODINGS:
                try:
                    vst = os.stat(fs_path + suffix)
                except OSError:
                    continue
                if vst.st_mtime_ns >= st.st_mtime_ns:
                    fresh[c] = fs_path + suffix
            coding = choose_encoding(self.headers.get("Accept-Encoding"), fresh)
            if coding:
                body_path = fresh[coding]
        tag = ETAGS.get(fs_path, st)
        etag = '"%s%s"' % (tag, {"br": "-br", "gzip": "-gz"}.get(coding, ""))
        immutable = bool(HASHED.search(os.path.basename(fs_path)))
        self.cache_control = IMMUTABLE if immutable else REVALIDATE
        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)

        def common():
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            if compressible:
                self.send_header("Vary", "Accept-Encoding")

        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        not_modified = etag_matches(inm, etag) if inm else False
        if not inm and ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
                not_modified = int(st.st_mtime) <= since
            except (TypeError, ValueError, IndexError, OverflowError):
                not_modified = False
        if not_modified:
            self.send_response(304)
            common()
            self.end_headers()
            return None
        try:
            f = open(body_path, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        try:
            self.send_response(200)
            self.send_header("Content-type", self.guess_type(fs_path))
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            if coding:
                self.send_header("Content-Encoding", coding)
            common()
            self.end_headers()
            return f
        except BaseException:
            f.close()
            raise

    def end_headers(self):
        # Hashed assets are immutable; everything else is revalidated (a rebuilt dist/ is never
        # served stale from the browser cache), including errors.
        self.send_header("Cache-Control", self.cache_control or REVALIDATE)
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
