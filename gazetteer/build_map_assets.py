"""Fetch the Leaflet plugins our maps inline, from pinned npm packages, unmodified.

    python gazetteer/build_map_assets.py            # npm pack each package, copy its dist files

Writes ``geodrills/data/mapplugin-<short>-<file>`` (each file byte for byte as
the package ships it, licence file included) and the manifest
``geodrills/data/map_plugins.json``: package, version, licence, and the
SHA-256 of every file, which :mod:`geodrills._offline` checks before inlining.
Versions are pinned here and nowhere else; the licences are recorded in
``geodrills/data/LICENSES.md``.

The measure tool is not a package: ``leaflet-measure`` 3.1.0 (the last
release) moves the map on every click under Leaflet >= 1.8 and measures on a
sphere; ours (``map_drills.js``) is a WGS84 geodesic, like the distances.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "geodrills" / "data"
MANIFEST = DATA / "map_plugins.json"


@dataclass(frozen=True)
class Plugin:
    short: str                    # file prefix and key in the manifest
    package: str                  # npm name
    version: str                  # pinned
    license: str                  # SPDX id the package.json must declare
    js: tuple[str, ...]           # paths in the package, inlined in this order
    css: tuple[str, ...] = ()
    images: tuple[str, ...] = ()  # files the CSS points to, inlined as data: URIs
    license_file: str = "LICENSE"


#: load order matters: each after Leaflet, in this order
PLUGINS: tuple[Plugin, ...] = (
    Plugin("markercluster", "leaflet.markercluster", "1.5.3", "MIT",
           js=("dist/leaflet.markercluster.js",),
           css=("dist/MarkerCluster.css", "dist/MarkerCluster.Default.css"),
           license_file="MIT-LICENCE.txt"),
    Plugin("fullscreen", "leaflet.fullscreen", "5.3.3", "MIT",
           js=("dist/Control.FullScreen.umd.js",), css=("dist/Control.FullScreen.css",),
           license_file="LICENSE.md"),
    Plugin("minimap", "leaflet-minimap", "3.6.1", "BSD-2-Clause",
           js=("dist/Control.MiniMap.min.js",), css=("dist/Control.MiniMap.min.css",),
           images=("dist/images/toggle.svg", "dist/images/toggle.png"), license_file="LICENSE.txt"),
    Plugin("search", "leaflet-search", "4.0.0", "MIT",
           js=("dist/leaflet-search.min.js",), css=("dist/leaflet-search.min.css",),
           images=("images/search-icon.png", "images/loader.gif"), license_file="license.txt"),
)


def out_name(plugin: Plugin, path: str) -> str:
    return f"mapplugin-{plugin.short}-{Path(path).name}"


def npm_pack(plugin: Plugin, into: Path) -> Path:
    """Unpack ``package@version`` from the npm registry into ``into``; return its ``package/`` folder."""
    spec = f"{plugin.package}@{plugin.version}"
    done = subprocess.run(["npm", "pack", spec, "--silent"], cwd=into, check=True, capture_output=True, text=True)
    tgz = into / done.stdout.strip().splitlines()[-1]
    target = into / plugin.short
    with tarfile.open(tgz) as tar:
        tar.extractall(target, filter="data")
    package = target / "package"
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if meta.get("version") != plugin.version or meta.get("license") != plugin.license:
        raise SystemExit(f"{spec}: package.json says version {meta.get('version')!r}, "
                         f"licence {meta.get('license')!r}; expected {plugin.version!r}, {plugin.license!r}")
    return package


def build(out: Path = DATA) -> dict:
    manifest: dict = {"plugins": []}
    with tempfile.TemporaryDirectory(prefix="map_assets_") as tmp:
        for plugin in PLUGINS:
            package = npm_pack(plugin, Path(tmp))
            entry = {"short": plugin.short, "package": plugin.package, "version": plugin.version,
                     "license": plugin.license, "js": [], "css": [], "images": [], "license_file": None,
                     "sha256": {}}
            for kind, paths in (("js", plugin.js), ("css", plugin.css), ("images", plugin.images),
                                ("license_file", (plugin.license_file,))):
                for path in paths:
                    data = (package / path).read_bytes()  # copied byte for byte
                    name = out_name(plugin, path)
                    (out / name).write_bytes(data)
                    entry["sha256"][name] = hashlib.sha256(data).hexdigest()
                    if kind == "license_file":
                        entry[kind] = name
                    else:
                        entry[kind].append(name)
            manifest["plugins"].append(entry)
    (out / MANIFEST.name).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DATA, help="folder to write into (default geodrills/data)")
    args = parser.parse_args()
    manifest = build(args.out)
    for p in manifest["plugins"]:
        print(f"{p['package']}@{p['version']} ({p['license']}): {len(p['sha256'])} files")


if __name__ == "__main__":
    main()
