"""``masswork draft DOCUMENT``: propose a plan file from the words of a plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..helptext import HelpCommand, option
from ..i18n import resolve, tr
from ..loaders.files import write_atomic
from ..options import lang_option
from . import Draft, draft_file

__all__ = ["draft"]


def _outputs(output: Path, drafts: list[Draft]) -> list[Path]:
    if len(drafts) == 1:
        return [output]
    return [output.with_name(f"{output.stem}-s{d.article}{output.suffix}") for d in drafts]


def _json(document: str, drafts: list[Draft]) -> dict[str, Any]:
    reqs: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    for d in drafts:
        reqs += [{"article": d.article, **r.to_dict()} for r in d.requirements]
        reviews += [{"article": d.article, **n.to_dict()} for n in d.needs_review]
    return {
        "document": document,
        "encoding": drafts[0].encoding if drafts else None,
        "year": drafts[0].year if drafts else None,
        "year_assumed": drafts[0].year_assumed if drafts else False,
        "articles": [{"article": d.article, "plan_id": d.plan_id, "title": d.title,
                      "requirements": len(d.requirements), "needs_review": len(d.needs_review)}
                     for d in drafts],
        "requirements": reqs,
        "needs_review": reviews,
        "plans": [dict(d.plan) for d in drafts],
    }


@click.command(cls=HelpCommand, help="help.draft", short_help="help.draft.short")
@click.argument("document", type=click.Path(dir_okay=False))
@option("--year", type=click.IntRange(1900, 2200), metavar="YYYY", help="help.draft.year")
@option("--article", type=click.IntRange(1, 999), metavar="N", help="help.draft.article")
@option("-o", "--output", type=click.Path(dir_okay=False), help="help.draft.output")
@option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True,
        help="help.draft.format")
@lang_option()
def draft(document: str, year: int | None, article: int | None, output: str | None, fmt: str,
          lang: str | None) -> None:
    """Propose a plan file from DOCUMENT (.txt or .docx) 由方案文本草擬計劃文件.

    Every requirement cites its clause and sentence; sentences that read like requirements
    but could not be turned into one are listed for review 待人工審核.
    """
    drafts = draft_file(document, year=year, article=article)
    first = drafts[0]
    # What a person reads on stderr: --lang, else the environment, else the document's script.
    say = resolve(lang, plan_text="".join(d.title for d in drafts) + "".join(
        r.quote for d in drafts for r in d.requirements[:20]))
    click.echo(tr(say, "draft.read", document=document, encoding=first.encoding, year=first.year)
               + (tr(say, "draft.year_assumed") if first.year_assumed else ""), err=True)
    for d in drafts:
        warn = sum(1 for r in d.requirements if r.severity != "error")
        click.echo(tr(say, "draft.summary", article=d.article, requirements=len(d.requirements), review=warn,
                      sentences=len(d.needs_review)), err=True)
    if fmt == "json":
        text = json.dumps(_json(document, drafts), ensure_ascii=False, indent=2) + "\n"
        if output:
            write_atomic(Path(output), text)
            click.echo(tr(say, "draft.wrote", path=output), err=True)
        else:
            click.echo(text, nl=False)
        return
    if output:
        for d, path in zip(drafts, _outputs(Path(output), drafts)):
            write_atomic(path, d.to_toml())
            click.echo(tr(say, "draft.wrote", path=path), err=True)
        return
    for i, d in enumerate(drafts):
        if len(drafts) > 1:
            banner = tr(say, "draft.banner", article=d.article)
            click.echo(("\n" if i else "") + f"# ======== {banner} ========")
        click.echo(d.to_toml(), nl=False)
