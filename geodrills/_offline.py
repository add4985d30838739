"""Self-contained HTML: inline Leaflet and our own assets, find external URLs.

A map saved by folium references its JavaScript and CSS on CDNs and draws
tiles from tile servers, so opened without a network it is blank.  This module
supplies everything such a page needs from installed packages instead:

* Leaflet 1.9.4 (JS + CSS, its PNGs turned into ``data:`` URIs) from the PyPI
  package ``django-js-lib-leaflet``, which ships Leaflet's unmodified ``dist``
  files (BSD-2-Clause) and has no dependencies; we only read its files, Django
  is neither needed nor imported.
* our own renderer and stylesheet, ``geodrills/data/map_drills.js`` and
  ``map_drills.css``.

and checks a finished page for any URL that would reach the network.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

from ._optional import import_optional
from .errors import DataError

#: Leaflet version every page embeds, online and offline (no page of ours loads it from a CDN)
LEAFLET_VERSION = "1.9.4"

_LEAFLET_PACKAGE = "js_lib_leaflet"
_LEAFLET_DIR = "static/js_lib_leaflet"


def _leaflet_file(name: str) -> bytes:
    import_optional(_LEAFLET_PACKAGE, feature="offline maps (inlined Leaflet)", extra=None)
    path = resources.files(_LEAFLET_PACKAGE).joinpath(f"{_LEAFLET_DIR}/{name}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(
            f"Leaflet asset {name!r} is missing from the installed package django-js-lib-leaflet "
            f"({exc}); reinstall it: pip install --force-reinstall django-js-lib-leaflet"
        ) from exc


def _check_inlinable(text: str, what: str, closing: str) -> str:
    # Text inlined into <script>/<style> must not be able to close its element
    # early; a third-party file that could is refused rather than rewritten.
    low = text.lower()
    if closing in low or "<!--" in low:
        raise DataError(f"{what} contains {closing!r} or '<!--' and cannot be inlined safely")
    return text


def _script_text(js: str, what: str) -> str:
    """``js`` made safe to inline and free of literal ``scheme://`` text.

    ``://`` can only occur in JS inside strings, comments and regexes, where
    ``:\\/\\/`` means the same; the page then holds no URL-looking text a
    scanner (or a reviewer's grep) could mistake for something it loads.
    """
    return _check_inlinable(js, what, "</script").replace("://", ":\\/\\/")


@functools.cache
def leaflet_js() -> str:
    """Leaflet's minified JavaScript, checked to be safe to inline.

    Examples
    --------
    >>> "Leaflet 1.9.4" in leaflet_js()[:200]
    True
    """
    js = _leaflet_file("leaflet.js").decode("utf-8")
    if f"Leaflet {LEAFLET_VERSION}" not in js[:300]:
        raise DataError(
            f"the installed django-js-lib-leaflet does not ship Leaflet {LEAFLET_VERSION}; "
            f"install django-js-lib-leaflet=={LEAFLET_VERSION}.1"
        )
    return _script_text(js, "leaflet.js")


def data_uri(data: bytes, mime: str) -> str:
    """``data:`` URI of ``data``.

    Examples
    --------
    >>> data_uri(b"hi", "text/plain")
    'data:text/plain;base64,aGk='
    """
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


@functools.cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images as ``data:`` URIs.

    Examples
    --------
    >>> "images/" in leaflet_css()
    False
    """
    css = _leaflet_file("leaflet.css").decode("utf-8")

    def inline(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"url({data_uri(_leaflet_file(f'images/{name}'), 'image/png')})"

    css = re.sub(r"url\(\s*['\"]?images/([\w.-]+\.png)['\"]?\s*\)", inline, css)
    # its comments are notes with bug-tracker links, not licence text: dropped
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return _check_inlinable(css, "leaflet.css", "</style")


def _own_asset(name: str) -> str:
    path = resources.files("geodrills").joinpath(f"data/{name}")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"geodrills asset data/{name} is missing ({exc}); reinstall geodrills") from exc


@functools.cache
def drills_js() -> str:
    """Our map renderer (``geodrills/data/map_drills.js``)."""
    return _script_text(_own_asset("map_drills.js"), "map_drills.js")


@functools.cache
def drills_css() -> str:
    """Our map stylesheet (``geodrills/data/map_drills.css``)."""
    return _check_inlinable(_own_asset("map_drills.css"), "map_drills.css", "</style")


_IMAGE_TYPES = {".png": "image/png", ".gif": "image/gif", ".svg": "image/svg+xml"}


def _css_text(css: str, what: str) -> str:
    """CSS made safe to inline, free of literal ``scheme://`` text (``:\\/\\/`` is the same in a CSS string)."""
    return _check_inlinable(css, what, "</style").replace("://", ":\\/\\/")


@functools.cache
def plugin_assets() -> str:
    """The Leaflet plugins' ``<style>``/``<script>`` blocks, inlined, in load order.

    The files are the npm packages' dist files as ``gazetteer/build_map_assets.py``
    copied them (checked against the SHA-256 in ``data/map_plugins.json``);
    images their CSS points to become ``data:`` URIs.
    """
    manifest = json.loads(_own_asset("map_plugins.json"))
    blocks: list[str] = []
    for plugin in manifest["plugins"]:
        files = {}
        for name, digest in sorted(plugin["sha256"].items()):
            data = resources.files("geodrills").joinpath(f"data/{name}").read_bytes()
            if hashlib.sha256(data).hexdigest() != digest:
                raise DataError(f"geodrills asset data/{name} differs from the npm package "
                                f"{plugin['package']}@{plugin['version']}; rebuild with "
                                "python gazetteer/build_map_assets.py")
            files[name] = data
        images = {name.split("-", 2)[2]: name for name in plugin["images"]}

        def inline(match: re.Match[str], images=images, files=files) -> str:
            ref = match.group(1)
            if ref.startswith("data:"):
                return match.group(0)
            base = ref.rsplit("/", 1)[-1]
            if base not in images:
                raise DataError(f"{plugin['package']} CSS points to {ref!r}, which is not bundled")
            name = images[base]
            return "url(" + data_uri(files[name], _IMAGE_TYPES[Path(name).suffix]) + ")"

        for name in plugin["css"]:
            css = re.sub(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", inline, files[name].decode("utf-8"))
            blocks.append("<style>" + _css_text(css, name) + "</style>\n")
        for name in plugin["js"]:
            blocks.append("<script>" + _script_text(files[name].decode("utf-8"), name) + "</script>\n")
    return "".join(blocks)


_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(value: object) -> str:
    """JSON for a ``<script>`` block: sorted keys, no ``<``, ``>``, ``&``, U+2028/9.

    Untrusted text can then neither end the script element (``</script>``)
    nor open an HTML comment, and the output is byte-stable.  ``://`` is
    written ``:\\/\\/`` (the same JSON string).

    Examples
    --------
    >>> script_json({"b": "</script>", "a": 1})
    '{"a":1,"b":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    text = _SCRIPT_ESCAPE_RE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)
    # an article quoting a link stays data, without URL-looking text in the page
    return text.replace("://", ":\\/\\/")


class _UrlFinder(HTMLParser):
    """Collects URLs an HTML page would fetch or link to."""

    _URL_ATTRS = frozenset({"src", "href", "srcset", "poster", "data", "action", "formaction", "background"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in self._URL_ATTRS:
                self.urls.extend(v.strip().split()[0] for v in value.split(",") if v.strip())
            elif name == "style":
                self.urls.extend(_css_urls(value))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(_css_urls(data))


def _css_urls(css: str) -> list[str]:
    found = [m.strip("'\" ") for m in re.findall(r"url\(\s*([^)]*?)\s*\)", css)]
    found += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", css)
    return found


def external_urls(page: str) -> list[str]:
    """URLs in ``page``'s markup and CSS that would reach beyond the file.

    Looks at every ``src``/``href``-like attribute, inline ``style``, and
    ``url()``/``@import`` in ``<style>`` blocks; ``data:``, ``#fragment`` and
    ``javascript:`` are local.  (Strings inside scripts are not URLs the page
    loads; a real browser test checks what is actually requested.)

    Examples
    --------
    >>> external_urls('<script src="https://x.org/a.js"></script><img src="data:,">')
    ['https://x.org/a.js']
    """
    finder = _UrlFinder()
    finder.feed(page)
    finder.close()
    return [u for u in finder.urls if u and not re.match(r"(?i)(data:|#|javascript:|about:blank)", u)]


def inline_leaflet(page: str) -> str:
    """Replace folium's Leaflet ``<script>``/``<link>`` CDN tags by the inlined files.

    Only for a plain folium map (not one of ours) saved with ``offline=True``:
    folium links Leaflet from a CDN, and any version it links is replaced by
    our 1.9.4; whatever else it still needs is refused by :func:`save_map`.

    Examples
    --------
    >>> out = inline_leaflet('<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"/>')
    >>> external_urls(out)
    []
    """
    js_tag = re.compile(r'<script src="https://cdn\.jsdelivr\.net/npm/leaflet@[\d.]+/dist/leaflet\.js"></script>')
    css_tag = re.compile(r'<link rel="stylesheet" href="https://cdn\.jsdelivr\.net/npm/leaflet@[\d.]+/dist/leaflet\.css"\s*/>')
    page = js_tag.sub(lambda _m: f"<script>{leaflet_js()}</script>", page)
    return css_tag.sub(lambda _m: f"<style>{leaflet_css()}</style>", page)


def page(*, title: str, data_json: str, digest: str, head_extra: str = "") -> str:
    """The whole map page: a fixed skeleton with Leaflet, our renderer and the data inlined.

    Nothing here is a template: the page is joined from constant pieces, the
    escaped ``title`` and the ``data_json`` from :func:`script_json`.  No
    string reaches Jinja (branca compiles what its ``html`` macro returns as a
    template, so article text with ``{{ }}`` ran as code there) or
    ``str.format``.

    Parameters
    ----------
    title : str
        Page title; HTML-escaped here.
    data_json : str
        The payload, already made safe by :func:`script_json`.
    digest : str
        Hex digest of ``data_json``; names the map and data elements.
    head_extra : str
        Further inlined ``<style>``/``<script>`` blocks (trusted assets only).

    Examples
    --------
    >>> html = page(title="{{ 7*7 }} <b>", data_json=script_json({"a": 1}), digest="ab12")
    >>> "<title>{{ 7*7 }} &lt;b&gt;</title>" in html and external_urls(html) == []
    True
    """
    if not re.fullmatch(r"[0-9a-f]{1,64}", digest):
        raise ValueError("digest must be lowercase hex")
    if "</script" in data_json.lower() or "<" in data_json:
        raise ValueError("data_json must come from script_json()")
    map_id = "gd-map-" + digest
    data_id = "gd-data-" + digest
    return "".join((
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n",
        "<title>", html_text(title).replace("://", ":&#47;&#47;"), "</title>\n",
        "<style>", leaflet_css(), "</style>\n",
        "<style>html,body{height:100%;margin:0;padding:0}.gd-map{position:absolute;inset:0}</style>\n",
        "<style>", drills_css(), "</style>\n",
        "<script>", leaflet_js(), "</script>\n",
        plugin_assets(),
        head_extra,
        "<script>", drills_js(), "</script>\n",
        "</head>\n<body>\n",
        "<div class=\"gd-map\" id=\"", map_id, "\"></div>\n",
        "<script type=\"application/json\" id=\"", data_id, "\">", data_json, "</script>\n",
        "<script>geodrillsPage(\"", map_id, "\", \"", data_id, "\");</script>\n",
        "</body>\n</html>\n",
    ))


def html_text(text: str) -> str:
    """``text`` escaped for an HTML text node or attribute.

    Examples
    --------
    >>> html_text('<b a="1">')
    '&lt;b a=&quot;1&quot;&gt;'
    """
    return html.escape(text, quote=True)
