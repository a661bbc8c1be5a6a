"""MkDocs hooks for the documentation site (``hooks:`` in mkdocs.yml).

Two jobs, both so the site cannot drift from the repository:

* pages the code already knows are written at build time rather than by hand — the
  requirement kinds from the kinds registry (built-ins and every installed plugin), the
  plan/schedule/report JSON Schemas from :mod:`masswork.schema`, and the changelog from
  ``CHANGELOG.md`` at the repository root (the site may link only inside ``docs/``);
* every subcommand is loaded before mkdocs-click reads the command line (some load
  lazily at run time);
* the nav is kept true to the files present: an entry naming a page that does not exist
  (a page another branch adds) is dropped, and a page in ``docs/`` that no entry names is
  listed under "More", so merging a branch with a new page never breaks ``--strict``.

Generated at build time instead of committed: a committed copy would go stale whenever a
kind or a model field changes on another branch, and a build-time page needs no "is it up
to date" test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("reference/kinds.md", "reference/schemas.md", "changelog.md")


# ------------------------------------------------------------------------------ the nav

def _prune(items: list[Any], docs: Path, listed: set[str]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, str):
            entry: Any = item
            title, value = None, item
        else:
            ((title, value),) = item.items()
            entry = None
        if isinstance(value, list):
            kept = _prune(value, docs, listed)
            if kept:
                out.append({title: kept})
            continue
        if "://" not in value and value not in GENERATED and not (docs / value).is_file():
            continue
        listed.add(value)
        out.append(entry if entry is not None else {title: value})
    return out


def _load_every_command() -> None:
    """The command line loads some subcommands only when they are run (masswork.lazycli);
    the reference page lists what ``cli.commands`` holds, so load them all first."""
    import click
    from masswork.cli import cli

    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        cli.get_command(ctx, name)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _load_every_command()
    docs = Path(config.docs_dir)
    listed: set[str] = set()
    nav = _prune(config.nav or [], docs, listed)
    extra = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                   if p.relative_to(docs).as_posix() not in listed)
    if extra:
        nav.append({"More": extra})
    config.nav = nav
    return config


# ------------------------------------------------------------------------------ pages

def _kinds_page() -> str:
    from masswork.plugins import make_plugin_manager

    reg = make_plugin_manager().kinds()
    lines = [
        "# Requirement kinds 要求類型",
        "",
        "Every kind a requirement's `kind` may name, as the kinds registry holds them on the",
        "machine that built this site (the built-in kinds and those of the installed plugins).",
        "The same list comes from `masswork kinds` and, as data, `masswork kinds --json`.",
        "Parameters are the keys of the requirement's table in a plan file;",
        "[Plan and schedule files](../formats.md) shows them in use.",
        "",
    ]
    for k in reg.kinds():
        lines += [f"## `{k.name}` — {k.title_zh} / {k.title_en}", ""]
        lines += [f"Registered by `{reg.owner(k.name)}`.", ""]
        doc = (k.params.__doc__ or "").strip()
        if doc:
            lines += [_dedent(doc), ""]
        lines += ["| parameter | type | default |", "|---|---|---|"]
        for f in attrs.fields(k.params):
            default = "required" if f.default is attrs.NOTHING else _default(f.default)
            kind = f.metadata.get("masswork_ref")
            typ = _type_name(f.type) + (f" ({kind})" if kind else "")
            lines.append(f"| `{f.name}` | {_cell(typ)} | {_cell(default)} |")
        lines.append("")
    return "\n".join(lines)


def _dedent(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)


def _default(value: Any) -> str:
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        value = value.factory()
    return f"`{value!r}`"


def _type_name(tp: Any) -> str:
    text = tp if isinstance(tp, str) else getattr(tp, "__name__", None) or repr(tp)
    # A "|" inside a table cell would need escaping, which shows in a code span: say "or".
    return " or ".join(f"`{part.strip()}`" for part in str(text).replace("typing.", "").split("|"))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _schemas_page() -> str:
    from masswork.schema import SCHEMAS

    lines = [
        "# JSON Schemas",
        "",
        "The schemas of plan, schedule and report files, generated from the attrs model and the",
        "kinds registry (`masswork schema plan|schedule|report` prints the same; the copies in",
        "`schemas/` at the repository root are checked against the code by the tests). Dates are",
        "strings in JSON (`2014-02-24`); TOML files have the same structure with native dates.",
        "",
    ]
    for name, make in SCHEMAS.items():
        schema = make()
        lines += [f"## {name}", ""]
        if schema.get("description"):
            lines += [schema["description"], ""]
        props = schema.get("properties", {})
        required = set(schema.get("required", ()))
        if props:
            lines += ["| key | type | required | description |", "|---|---|---|---|"]
            for key, sub in props.items():
                lines.append(f"| `{key}` | {_cell(_schema_type(sub))} | {'yes' if key in required else ''} "
                             f"| {_cell(str(sub.get('description', '')))} |")
            lines.append("")
        body = json.dumps(schema, ensure_ascii=False, indent=2)
        lines += [f'??? note "The whole {name} schema"', "", "    ```json"]
        lines += ["    " + line for line in body.splitlines()]
        lines += ["    ```", ""]
    return "\n".join(lines)


def _schema_type(sub: dict[str, Any]) -> str:
    if "$ref" in sub:
        return "`" + sub["$ref"].rsplit("/", 1)[-1] + "`"
    typ = sub.get("type")
    if typ == "array":
        return "array of " + _schema_type(sub.get("items", {}))
    if isinstance(typ, list):
        return " or ".join(f"`{t}`" for t in typ)
    if typ:
        return f"`{typ}`"
    if "anyOf" in sub:
        return " or ".join(_schema_type(s) for s in sub["anyOf"])
    if "enum" in sub:
        return "one of " + ", ".join(f"`{v}`" for v in sub["enum"])
    return "any"


def _changelog_page() -> str:
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, make in (("reference/kinds.md", _kinds_page), ("reference/schemas.md", _schemas_page),
                      ("changelog.md", _changelog_page)):
        files.append(File.generated(config, uri, content=make()))
    return files
