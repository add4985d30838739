"""Lazy imports of heavy or optional dependencies, with one clear error."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError


def import_optional(name: str, *, feature: str, extra: str | None = None) -> ModuleType:
    """Import module ``name`` or raise :class:`MissingDependencyError` naming it.

    Examples
    --------
    >>> import_optional("json", feature="reading JSON").__name__
    'json'
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        hint = f"pip install 'geodrills[{extra}]'" if extra else f"pip install {name.split('.')[0]}"
        raise MissingDependencyError(f"{feature} needs the package {name!r}, which is not installed ({hint})") from exc
