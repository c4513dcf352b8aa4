#!/usr/bin/env python3
"""A real HTTP server for the feed's failure modes (tests/e2e/robust*.spec.js).

usage: python3 tests/server/feed_server.py PORT [DIST]

Serves DIST like scripts/spa_server.py (same CSP headers), but /public/feed.json answers as told
by the last POST /__test/config (JSON):

  {"mode": "ok"}                      the built feed, with ETag and Last-Modified; answers
                                      If-None-Match / If-Modified-Since with 304
  {"mode": "status", "status": 500}   that status with a short text body
  {"mode": "delay", "delay_ms": 1500} the feed after a pause
  {"mode": "hang"}                    never answers (until the client gives up)
  {"mode": "drop"}                    closes the connection without an answer
  {"mode": "truncated"}               Content-Length of the whole feed, half the body, then closes
  {"mode": "fixture", "path": "bad/load-syntax.json"}   a file under tests/fixtures/
  {"mode": "large", "bytes": 6000000, "content_length": false}   a body of that size

  optional in any config: "timeout_ms", "max_bytes", "feed_url" (rewrite the <meta name="veikart-…">
  tags of index.html), "etag": false (no ETag header), "wasm_delay_ms" (the app's wasm after a
  pause: a late app without the browser's request interception, which buffers bodies itself).

GET /__test/stats gives {"feed_requests", "not_modified", "conditional"} since the last config.
"""
import hashlib
import json
import os
import re
import sys
import threading
import time
from email.utils import formatdate

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import spa_server  # noqa: E402

FIXTURES = os.path.join(REPO, "tests", "fixtures")
LOCK = threading.Lock()
STATE = {"config": {"mode": "ok"}, "stats": {}}


def reset(config):
    with LOCK:
        STATE["config"] = config
        STATE["stats"] = {"feed_requests": 0, "not_modified": 0, "conditional": 0}


reset({"mode": "ok"})


def bump(key):
    with LOCK:
        STATE["stats"][key] += 1


class Handler(spa_server.SpaHandler):
    protocol_version = "HTTP/1.0"  # a body without Content-Length ends when the connection closes

    def do_POST(self):
        if self.path.split("?")[0] != "/__test/config":
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length") or 0)
        config = json.loads(self.rfile.read(length) or b"{}")
        reset(config)
        self.reply(200, b'{"ok": true}', "application/json")

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/__test/stats":
            with LOCK:
                body = json.dumps(STATE["stats"]).encode()
            self.reply(200, body, "application/json")
            return
        with LOCK:
            config = dict(STATE["config"])
        if path == "/public/feed.json":
            self.feed(config)
            return
        if "." not in os.path.basename(path.rstrip("/")) or path.endswith("/index.html"):
            self.index(config)
            return
        if path.endswith("_bg.wasm") and config.get("wasm_delay_ms"):
            time.sleep(float(config["wasm_delay_ms"]) / 1000.0)
        super().do_GET()

    def reply(self, status, body, ctype, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def index(self, config):
        with open(os.path.join(self.directory, "index.html"), encoding="utf-8") as f:
            html = f.read()
        for key, name in (("feed_url", "veikart-feed-url"), ("timeout_ms", "veikart-timeout-ms"),
                          ("max_bytes", "veikart-max-bytes")):
            if key in config:
                html = re.sub(r'(<meta name="%s" content=")[^"]*(")' % name,
                              lambda m: m.group(1) + str(config[key]) + m.group(2), html)
        self.reply(200, html.encode("utf-8"), "text/html; charset=utf-8")

    def feed_bytes(self):
        with open(os.path.join(self.directory, "public", "feed.json"), "rb") as f:
            return f.read()

    def feed(self, config):
        bump("feed_requests")
        if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
            bump("conditional")
        mode = config.get("mode", "ok")
        if mode == "status":
            status = int(config.get("status", 500))
            self.reply(status, ("HTTP %d from the test server" % status).encode(), "text/plain")
        elif mode == "hang":
            time.sleep(float(config.get("hang_s", 60)))
            self.close_connection = True
        elif mode == "drop":
            self.close_connection = True  # no status line at all: the browser sees a network error
        elif mode == "truncated":
            body = self.feed_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif mode == "fixture":
            with open(os.path.join(FIXTURES, config["path"]), "rb") as f:
                self.reply(200, f.read(), "application/json")
        elif mode == "large":
            size = int(config.get("bytes", 6_000_000))
            chunk = b" " * 65536
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if config.get("content_length", True):
                self.send_header("Content-Length", str(size + 2))
            self.end_headers()
            try:
                self.wfile.write(b"{")
                sent = 0
                while sent < size:
                    n = min(len(chunk), size - sent)
                    self.wfile.write(chunk[:n])
                    sent += n
                self.wfile.write(b"}")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its limit
            self.close_connection = True
        else:  # ok / delay
            if mode == "delay":
                time.sleep(float(config.get("delay_ms", 1000)) / 1000.0)
            body = self.feed_bytes()
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
            mtime = os.path.getmtime(os.path.join(self.directory, "public", "feed.json"))
            last_modified = formatdate(mtime, usegmt=True)
            headers = [("Last-Modified", last_modified)]
            if config.get("etag", True):
                headers.append(("ETag", etag))
                if self.headers.get("If-None-Match") == etag:
                    bump("not_modified")
                    self.send_response(304)
                    for k, v in headers:
                        self.send_header(k, v)
                    self.end_headers()
                    return
            elif self.headers.get("If-Modified-Since") == last_modified:
                bump("not_modified")
                self.send_response(304)
                self.send_header("Last-Modified", last_modified)
                self.end_headers()
                return
            self.reply(200, body, "application/json", headers)


def main(argv):
    port = int(argv[1]) if len(argv) > 1 else 8171
    root = os.path.abspath(argv[2] if len(argv) > 2 else "dist")
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.stderr.write("feed_server: %s/index.html not found\n" % root)
        return 2
    handler = lambda *a, **kw: Handler(*a, directory=root, **kw)  # noqa: E731
    with spa_server.Server(("127.0.0.1", port), handler) as httpd:
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
