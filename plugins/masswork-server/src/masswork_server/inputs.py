"""What a request carries → plan, schedule, day and language, with the limits a server
needs: a body no larger than ``max_body`` bytes, at most a handful of parts, and nothing a
request names ever opened (plans and schedules come as data or as uploaded bytes).

Errors are the library's own :class:`~masswork.errors.InputError`, so the server answers
with the very messages and key paths ``masswork check`` prints.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import attrs
from masswork.api import plan_from_upload, schedule_for
from masswork.errors import InputError, Problem
from masswork.i18n import Catalogue
from masswork.model import Plan, Schedule
from starlette.datastructures import UploadFile
from starlette.requests import Request

__all__ = ["Inputs", "BodyTooLarge", "read_body", "parse_inputs", "LANGS", "message_lang", "plan_lang"]

LANGS = ("zh-Hans", "zh-Hant", "en", "zh", "zh-CN", "zh_CN", "zh-SG", "zh-TW", "zh_TW", "zh-HK", "zh_HK", "zh-MO",
         "en-US", "en_US", "en-GB")
"""Spellings of ``lang`` the OpenAPI document lists; any tag :func:`masswork.i18n.normalize`
reads is taken, as ``masswork check --lang`` takes it."""
_MAX_PARTS = 8


class BodyTooLarge(Exception):
    """The request body is over the limit (HTTP 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def message_lang(lang: str | None) -> str:
    """The message language for a request's ``lang``: ``zh-Hans``, ``zh-Hant`` or ``en``,
    from any spelling ``--lang`` takes (``zh`` is Traditional, as on the command line)."""
    from masswork.i18n import DEFAULT_LANG, normalize

    return normalize(lang) or DEFAULT_LANG


def plan_lang(lang: str | None, plan: Plan) -> str:
    """The language a request is answered in: its ``lang``, else the plan's own script —
    what ``masswork check`` speaks without ``--lang`` (the server's own locale does not
    decide for its callers)."""
    from masswork.i18n import resolve

    if lang:
        return message_lang(lang)
    return resolve(None, plan_text=plan.title + "".join(r.quote for r in plan.requirements[:20]), env={})


@attrs.frozen
class Inputs:
    plan: Plan
    schedule: Schedule | None
    as_of: dt.date | None
    lang: str


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused past ``limit`` bytes — by its Content-Length before reading
    anything, else while it streams in (chunked uploads)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # starlette's form() reads the cached body  # noqa: SLF001
    return body


CATALOGUE = Catalogue("masswork_server")


def _bad(what: str, path: tuple[str | int, ...] = (), expected: str | None = None, **params: object) -> InputError:
    # ``what`` and ``expected`` name messages of this plugin's catalogue (``server.``).
    return InputError(Problem(msg=CATALOGUE.msg(f"server.{what}", **params), path=path,
                              expected=CATALOGUE.msg(f"server.expected.{expected}", **params) if expected else None))


def _as_of(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _bad("not_date", ("as_of",), "date", value=repr(value))


def _lang(value: Any) -> str | None:
    from masswork.i18n import normalize

    if value in (None, ""):
        return None
    lang = normalize(value) if isinstance(value, str) else None
    if lang is None:
        raise _bad("unknown_lang", ("lang",), "lang", value=repr(value), others=", ".join(LANGS[3:]))
    return lang


async def parse_inputs(request: Request, body: bytes, *, need_schedule: bool = True) -> Inputs:
    """Plan, schedule, ``as_of`` and ``lang`` from a JSON body or a multipart upload."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        return await _multipart(request, need_schedule)
    try:
        data = json.loads(body.decode("utf-8")) if body else None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(Problem(msg=CATALOGUE.msg("server.not_json", error=str(exc)),
                                 expected='{"plan": {...}, "schedule": {...}, "as_of": "2014-03-05", "lang": "zh"}')) from None
    if not isinstance(data, Mapping):
        raise InputError(Problem(msg=CATALOGUE.msg("server.not_object"), expected='{"plan": {...}, "schedule": {...}}'))
    unknown = [k for k in data if k not in ("plan", "schedule", "as_of", "lang", "mapping")]
    if unknown:
        raise _bad("unknown_key", (str(unknown[0]),), "keys", key=repr(unknown[0]))
    lang = _lang(data.get("lang"))
    request.state.lang = message_lang(lang)  # for the messages of any error below
    as_of = _as_of(data.get("as_of"))
    plan_data = data.get("plan")
    if not isinstance(plan_data, Mapping):
        raise _bad("no_plan", ("plan",), "plan")
    plan = plan_from_upload(plan_data)
    schedule = None
    if need_schedule:
        sched_data = data.get("schedule")
        if not isinstance(sched_data, Mapping):
            raise _bad("no_schedule", ("schedule",), "schedule")
        mapping = data.get("mapping")
        schedule = schedule_for(plan, sched_data, mapping=mapping if isinstance(mapping, Mapping) else None)
    return Inputs(plan, schedule, as_of, plan_lang(lang, plan))


async def _multipart(request: Request, need_schedule: bool) -> Inputs:
    form = await request.form(max_files=_MAX_PARTS, max_fields=_MAX_PARTS)
    try:
        fields: dict[str, Any] = dict(form.items())
        unknown = [k for k in fields if k not in ("plan", "schedule", "as_of", "lang", "mapping")]
        if unknown:
            raise _bad("unknown_field", (unknown[0],), "keys", key=repr(unknown[0]))
        lang = _lang(fields.get("lang"))
        request.state.lang = message_lang(lang)
        as_of = _as_of(fields.get("as_of"))
        plan_part = fields.get("plan")
        if not isinstance(plan_part, UploadFile):
            raise _bad("no_plan_file", ("plan",), "plan_file")
        plan = plan_from_upload(await plan_part.read(), _filename(plan_part, "plan"))
        schedule = None
        if need_schedule:
            sched_part = fields.get("schedule")
            if not isinstance(sched_part, UploadFile):
                raise _bad("no_schedule_file", ("schedule",), "schedule_file")
            mapping = None
            map_part = fields.get("mapping")
            if isinstance(map_part, UploadFile):
                from masswork.loaders.files import parse_data
                from masswork.readers.data import looks_like_json
                from masswork.readers.text import decode

                raw = await map_part.read()
                name = _filename(map_part, "mapping")
                mapping = parse_data(decode(raw, name).text, "json" if looks_like_json(raw) else "toml", name)
            schedule = schedule_for(plan, await sched_part.read(), name=_filename(sched_part, "schedule"),
                                    mapping=mapping, plan_label=_filename(plan_part, "plan"))
        return Inputs(plan, schedule, as_of, plan_lang(lang, plan))
    finally:
        await form.close()


def _filename(part: UploadFile, default: str) -> str:
    # The name is only ever shown in messages; nothing is opened by it. Keep its last part.
    name = (part.filename or default).replace("\\", "/").rsplit("/", 1)[-1]
    return name[:200] or default
