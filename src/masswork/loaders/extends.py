"""``extends``: a plan built on another plan file, resolved safely.

An untrusted plan names its base by path, so the path is the attack: ``extends`` resolves
only to a regular file under the plan's own folder or under a templates folder the caller
names (``templates=`` of :func:`masswork.load_plan`, ``--templates`` on the command line,
``MASSWORK_TEMPLATES`` in the environment, several separated by ``os.pathsep``). Anything
else — an absolute path elsewhere, a ``..`` escape, a symbolic link leading out or round in a
loop, NUL in the path, a missing file, a folder, a device, the plan itself, a chain longer
than ``Limits.max_extends`` — is an :class:`~masswork.errors.InputError` naming the file
and the key path ``extends``.

Merging keeps, for every top-level key and every list entry, the file and key path it came
from (:class:`Origins`), so a problem found in the merged plan is blamed on the file that
wrote it, with that file's line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError, Problem
from ..i18n import Msg
from .files import detect_format, locate_toml, read_data, read_text
from .limits import DEFAULT_LIMITS, Limits, shorten

__all__ = ["resolve_extends", "Origins", "templates_from_env", "MERGED_LISTS", "merged_within", "from_base"]

MERGED_LISTS = ("roles", "people", "bodies", "sections", "groups", "activities", "documents",
                "phases", "requirements")

Path_ = tuple[str | int, ...]


@attrs.define
class Origins:
    """Where each part of a merged plan was written: merged key path prefix (``(key,)`` or
    ``(key, index)``) → (file, key path in that file)."""

    parts: dict[Path_, tuple[Path | None, Path_]] = attrs.field(factory=dict)

    def blame(self, problem: Problem, default: Path | None) -> Problem:
        """``problem`` moved to the file (and key path, and line) that wrote its part."""
        path = problem.path
        for n in (2, 1):
            if len(path) >= n and path[:n] in self.parts:
                file, orig = self.parts[path[:n]]
                new_path = orig + path[n:]
                if file is None or (default is not None and file == default and orig == path[:n]):
                    return problem
                line = _line_in(file, new_path)
                return attrs.evolve(problem, file=str(file), path=new_path, line=line)
        return problem


def _line_in(file: Path, path: Path_) -> int | None:
    try:
        text = read_text(file)
    except InputError:
        return None
    return locate_toml(text, path) if detect_format(file, text) == "toml" else None


def templates_from_env() -> tuple[Path, ...]:
    """The templates folders named by ``MASSWORK_TEMPLATES`` (``os.pathsep``-separated)."""
    raw = os.environ.get("MASSWORK_TEMPLATES", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


def _fail(file: Path | None, msg: Msg, expected: Msg | None = None, path: Path_ = ("extends",)) -> InputError:
    return InputError(Problem(msg=msg, path=path, file=str(file) if file else None, expected=expected))


def _within(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def _locate(parent: str, file: Path | None, roots: Sequence[Path], chain: Sequence[Path]) -> Path:
    where = Msg.of("extends.expected.where")
    if "\x00" in parent:
        raise _fail(file, Msg.of("extends.nul"), where)
    if not parent.strip():
        raise _fail(file, Msg.of("extends.empty"), where)
    shown = shorten(parent, 120)
    here = file.parent if file else Path.cwd()
    candidates = [Path(parent)] if Path(parent).is_absolute() else [here / parent, *(r / parent for r in roots)]
    outside: Path | None = None
    for cand in candidates:
        try:
            resolved = cand.resolve(strict=True)
        except FileNotFoundError:
            continue
        except (RuntimeError, OSError) as exc:  # symlink loop (RuntimeError before 3.13), ENAMETOOLONG …
            why = getattr(exc, "strerror", None) or Msg.of("extends.symlink_loop")
            raise _fail(file, Msg.of("extends.unresolvable", path=shown, why=why), where) from None
        if not _within(resolved, roots):
            outside = outside or resolved
            continue
        if resolved.is_dir():
            raise _fail(file, Msg.of("extends.directory", path=shown), Msg.of("extends.expected.file"))
        if not resolved.is_file():
            raise _fail(file, Msg.of("extends.not_regular", path=shown), Msg.of("extends.expected.file"))
        if resolved in chain:
            names = " → ".join(str(p) for p in (*chain, resolved))
            raise _fail(file, Msg.of("extends.cycle", names=names))
        return resolved
    if outside is not None:
        raise _fail(file, Msg.of("extends.outside", path=shown), where)
    raise _fail(file, Msg.of("extends.missing", path=shown), where)


def _remove_ids(child: Mapping[str, Any], file: Path | None) -> set[str]:
    removed = child.get("remove", [])
    if isinstance(removed, str):
        removed = [removed]  # one id written without the list brackets
    if not isinstance(removed, list) or not all(isinstance(r, str) for r in removed):
        raise _fail(file, Msg.of("extends.remove_not_list", value=shorten(removed, 60)),
                    Msg.of("extends.expected.id_list"), path=("remove",))
    return set(removed)


def _merge(base: dict[str, Any], base_origins: Origins, child: Mapping[str, Any],
           file: Path | None) -> tuple[dict[str, Any], Origins]:
    out = dict(base)
    origins = Origins(dict(base_origins.parts))
    removed = _remove_ids(child, file)
    for key, value in child.items():
        if key in ("extends", "remove"):
            continue
        if key in MERGED_LISTS and isinstance(value, list) and isinstance(out.get(key), list):
            merged: dict[Any, tuple[Any, tuple[Path | None, Path_]]] = {}
            for i, item in enumerate(out[key]):
                ident = item.get("id") if isinstance(item, Mapping) else object()
                merged[ident if isinstance(ident, (str, int)) else object()] = (
                    item, origins.parts.get((key, i), (None, (key, i))))
            for j, item in enumerate(value):
                ident = item.get("id") if isinstance(item, Mapping) else None
                merged[ident if isinstance(ident, (str, int)) else object()] = (item, (file, (key, j)))
            for k in [p for p in origins.parts if p and p[0] == key]:
                del origins.parts[k]
            out[key] = [item for item, _ in merged.values()]
            for i, (_, where) in enumerate(merged.values()):
                origins.parts[(key, i)] = where
        elif key == "options" and isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = {**out[key], **value}
            for k in value:
                origins.parts[(key, k)] = (file, (key, k))
        else:
            out[key] = value
            for k in [p for p in origins.parts if p and p[0] == key]:
                del origins.parts[k]
            origins.parts[(key,)] = (file, (key,))
    if removed:
        found: set[str] = set()
        for key in MERGED_LISTS:
            if not isinstance(out.get(key), list):
                continue
            keep = [(i, item) for i, item in enumerate(out[key])
                    if not (isinstance(item, Mapping) and item.get("id") in removed)]
            found |= {str(item["id"]) for item in out[key] if isinstance(item, Mapping) and item.get("id") in removed}
            old = {i: origins.parts.pop((key, i)) for i in range(len(out[key])) if (key, i) in origins.parts}
            out[key] = [item for _, item in keep]
            for n, (i, _) in enumerate(keep):
                if i in old:
                    origins.parts[(key, n)] = old[i]
        missing = sorted(removed - found)
        if missing:
            raise _fail(file, Msg.of("extends.remove_unknown", ids=shorten(", ".join(missing), 200)),
                        Msg.of("extends.expected.inherited_ids"), path=("remove",))
    return out, origins


def _own_origins(data: Mapping[str, Any], file: Path | None) -> Origins:
    parts: dict[Path_, tuple[Path | None, Path_]] = {}
    for key, value in data.items():
        if key in MERGED_LISTS and isinstance(value, list):
            for i in range(len(value)):
                parts[(key, i)] = (file, (key, i))
        parts[(key,)] = (file, (key,))
    return Origins(parts)


# Bases read, by file identity: a batch of a thousand unit plans extends one template, which
# is read and checked once per run, not once per unit. Read-only: merging copies.
_BASES: dict[tuple[Any, ...], dict[str, Any]] = {}
# The entries of those bases' lists, by id(): what a merged plan shares with a base read
# once, so that the loader may build each of them once too (masswork.loaders.plan). The
# bases hold them alive, so an id stands for one entry until the bases are let go.
_SHARED: set[int] = set()


def from_base(entry: object) -> bool:
    """Whether ``entry`` (a table of a merged plan's list) is one read from an ``extends``
    base kept by this process: read-only, the same object in every plan that extends it."""
    return id(entry) in _SHARED


def _read_base(path: Path, limits: Limits) -> dict[str, Any]:
    try:
        st = path.stat()
    except OSError:
        return read_data(path, limits=limits)  # says what is wrong
    key = (str(path), st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev, limits)
    hit = _BASES.get(key)
    if hit is None:
        hit = read_data(path, limits=limits)
        if len(_BASES) >= 64:
            _BASES.clear()
            _SHARED.clear()
        _BASES[key] = hit
        _SHARED.update(id(item) for name in MERGED_LISTS if isinstance(hit.get(name), list)
                       for item in hit[name] if isinstance(item, dict))
    return hit


def merged_within(data: Mapping[str, Any], limits: Limits) -> bool:
    """Whether a plan merged from files each within ``limits`` is within them too: merging
    only makes the lists of things with ids longer (check_tree gives the exact verdict)."""
    for key in MERGED_LISTS:
        value = data.get(key)
        cap = limits.max_requirements if key == "requirements" else limits.max_items
        if isinstance(value, list) and len(value) > cap:
            return False
    return True


def resolve_extends(data: Mapping[str, Any], file: Path | None, *, templates: Sequence[Path] = (),
                    limits: Limits = DEFAULT_LIMITS) -> tuple[dict[str, Any], Origins]:
    """Merge the chain of ``extends`` into one plain-data plan; also where each part came
    from. ``file`` is the plan's own file (None for plain data: the current folder is its
    folder)."""
    roots = [(file.parent if file else Path.cwd()).resolve()]
    for t in templates:
        try:
            roots.append(Path(t).resolve(strict=True))
        except (OSError, RuntimeError):
            raise InputError(Problem(msg=Msg.of("extends.no_templates"), file=str(t))) from None
    own = file.resolve() if file is not None else None
    chain: list[Path] = [own] if own is not None else []
    layers: list[tuple[Mapping[str, Any], Path | None]] = [(data, file)]
    current, current_file = data, file
    while "extends" in current and current.get("extends") is not None:
        parent = current["extends"]
        if not isinstance(parent, str):
            raise _fail(current_file, Msg.of("extends.not_a_path"), Msg.of("extends.expected.path"))
        if len(layers) > limits.max_extends:
            raise _fail(current_file, Msg.of("extends.too_long", n=limits.max_extends),
                        Msg.of("extends.expected.chain", n=limits.max_extends))
        base_path = _locate(parent, current_file, roots, chain)
        current = _read_base(base_path, limits)
        current_file = base_path
        chain.append(base_path)
        layers.append((current, base_path))
    merged: dict[str, Any] = {}
    origins = Origins()
    for n, (layer, layer_file) in enumerate(reversed(layers)):
        if n == 0:
            merged, origins = dict(layer), _own_origins(layer, layer_file)
            if _remove_ids(layer, layer_file):
                raise _fail(layer_file, Msg.of("extends.remove_alone"), Msg.of("extends.expected.with_extends"),
                            path=("remove",))
            merged.pop("remove", None)
        else:
            base_id = merged.get("id")
            merged, origins = _merge(merged, origins, layer, layer_file)
            merged["extends"] = base_id if isinstance(base_id, str) else layer.get("extends")
    return merged, origins
