#!/usr/bin/env python3
"""The Content-Security-Policy of the built app.

usage:
  python3 scripts/csp.py DIST/index.html          print the policy header for that build
  python3 scripts/csp.py --inject [DIR]           add the policy as <meta http-equiv> to DIR/index.html
                                                  (DIR defaults to $TRUNK_STAGING_DIR: trunk's post_build hook)

trunk writes one inline <script type="module"> (the wasm loader) whose file names change with
every build, so the policy carries the sha256 of every inline script in the built index.html;
no 'unsafe-inline' for scripts. 'wasm-unsafe-eval' lets the page compile its WebAssembly.

frame-ancestors (who may embed the app in an iframe) works only as an HTTP header, never in a
<meta>: set it with VEIKART_FRAME_ANCESTORS (default "'self'"), e.g.
  VEIKART_FRAME_ANCESTORS="'self' https://www.ehelse.no"
The meta policy leaves frame-ancestors out (browsers ignore it there and warn), and is only
injected into release builds (trunk serve's live-reload script changes when served).
"""
import base64
import hashlib
import os
import re
import sys

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def script_hashes(html):
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
        if body.strip()
    ]


def frame_ancestors():
    return os.environ.get("VEIKART_FRAME_ANCESTORS", "'self'").strip() or "'self'"


FEED_ORIGINS = re.compile(r'<meta\s+name="veikart-feed-origins"\s+content="([^"]*)"', re.I)
ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]+)?$", re.I)


def feed_origins(html):
    """The allow-listed feed origins of index.html (`?feed=` may fetch from them)."""
    m = FEED_ORIGINS.search(html)
    return [o.rstrip("/") for o in (m.group(1).split() if m else []) if ORIGIN.match(o.rstrip("/"))]


def policy(html, header=True):
    directives = [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(script_hashes(html)),
        "style-src 'self'",
        # blob: for the PNG export (the SVG is drawn through an <img> from a blob URL)
        "img-src 'self' data: blob:",
        "font-src 'self'",
        " ".join(["connect-src 'self'"] + feed_origins(html)),
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ]
    if header:
        directives.append("frame-ancestors " + frame_ancestors())
    return "; ".join(d.strip() for d in directives)


def inject(directory):
    path = os.path.join(directory, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    meta = '<meta http-equiv="Content-Security-Policy" content="%s"/>' % policy(html, header=False)
    # The meta must come before any script: right after <meta charset>.
    html, n = re.subn(r'(<meta charset="utf-8"\s*/?>)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
    if n != 1:
        sys.stderr.write("csp.py: no <meta charset=\"utf-8\"> in %s\n" % path)
        return 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "--inject":
        if os.environ.get("TRUNK_PROFILE", "release") != "release":
            # `trunk serve` (debug) rewrites its live-reload script when serving, so no hash can
            # match it: the meta policy is for release builds only.
            return 0
        directory = argv[2] if len(argv) > 2 else os.environ.get("TRUNK_STAGING_DIR")
        if not directory:
            sys.stderr.write("csp.py --inject: no DIR and no TRUNK_STAGING_DIR\n")
            return 2
        return inject(directory)
    if len(argv) == 2:
        with open(argv[1], encoding="utf-8") as f:
            print(policy(f.read()))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
