"""Small HTML tables for notebooks: how a :class:`~geodrills.gazetteer.Place` or a mention shows in Jupyter.

Every value is escaped (``html.escape``): a place or article name is data,
never markup, whatever it contains.

Examples
--------
>>> record_html("Place", {"name": "<b>Kars</b>", "country": "TR", "lat": 40.6})
'<table class="geodrills-record"><caption>Place</caption><tr><th>name</th><td>&lt;b&gt;Kars&lt;/b&gt;</td></tr><tr><th>country</th><td>TR</td></tr><tr><th>lat</th><td>40.6</td></tr></table>'
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

__all__ = ["record_html"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return html.escape(f"{value:.6g}")
    return html.escape(str(value), quote=True)


def record_html(title: str, fields: Mapping[str, Any]) -> str:
    """One record as an HTML table with a caption; keys and values escaped, ``None`` shown empty."""
    rows = "".join(f"<tr><th>{_cell(k)}</th><td>{_cell(v)}</td></tr>" for k, v in fields.items())
    return f'<table class="geodrills-record"><caption>{_cell(title)}</caption>{rows}</table>'
