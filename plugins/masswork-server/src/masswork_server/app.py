"""The ASGI application: masswork's commands as HTTP endpoints, answering the JSON the
command line prints.

Starlette rather than FastAPI: the request and response bodies are already described by
masswork's own JSON Schemas (``masswork schema plan|schedule|report``) and validated by
masswork's own loaders, with messages that name the key path in two languages; FastAPI's
pydantic models would be a second description of the same data, and its 422 answers would
carry pydantic's messages instead of the CLI's. Starlette gives routing, multipart and a
test-friendly app in one small well-kept dependency; the OpenAPI document is generated from
the same JSON Schemas (:mod:`masswork_server.openapi`).

Checking is CPU work: each request runs it in the thread pool, so one long check does not
hold up the others. The plugin registries are built once at start-up.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from masswork.api import check
from masswork.errors import InputError, MassworkError, PluginError, format_path, nearest
from masswork.exporters import ExportInput
from masswork.plugins import get_host
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .catalog import explain_data, formats_data, kinds_data, readers_data, remind_data
from .inputs import CATALOGUE, BodyTooLarge, Inputs, message_lang, parse_inputs, read_body

__all__ = ["create_app", "TOKEN_ENV", "DEFAULT_MAX_BODY"]

TOKEN_ENV = "MASSWORK_SERVER_TOKEN"
DEFAULT_MAX_BODY = 10 * 1024 * 1024
_OPEN_PATHS = ("/healthz",)


class _JSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")


def error_body(exc: MassworkError, lang: str) -> dict[str, Any]:
    """The 422 answer: the CLI's message (after ``錯誤 error:``) and each problem's parts."""
    body: dict[str, Any] = {"error": type(exc).__name__, "message": exc.message(message_lang(lang))}
    if isinstance(exc, InputError):
        body["problems"] = [{
            "file": p.file, "line": p.line, "path": format_path(p.path), "where": p.where(),
            "message": p.text(message_lang(lang)), "zh": p.zh, "en": p.en,
            # ``expected`` may be a catalogue message: its words in the request's language.
            "expected": p.expected if p.expected is None or isinstance(p.expected, str)
            else p.expected.render(message_lang(lang)), "hint": p.hint,
        } for p in exc.problems]
    if isinstance(exc, PluginError):
        body["plugin"] = exc.plugin
    return body


class _Auth(BaseHTTPMiddleware):
    """With a token set, every endpoint but /healthz wants ``Authorization: Bearer TOKEN``."""

    def __init__(self, app: Any, token: str) -> None:
        super().__init__(app)
        self.token = token.encode("utf-8")

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.url.path not in _OPEN_PATHS:
            given = request.headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode("utf-8"), self.token):
                said = CATALOGUE.tr(_query_lang(request), "server.unauthorized")
                return _JSON({"error": "Unauthorized", "message": said},
                             status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return await call_next(request)


Handler = Callable[[Request, Inputs], Awaitable[Response]]


def _query_lang(request: Request) -> str:
    """The language of an answer given before the body is read: ``?lang=`` when it names
    one, else the server's default (as for a request without ``lang``)."""
    return message_lang(request.query_params.get("lang"))  # an unknown one: the default


def create_app(*, max_body: int = DEFAULT_MAX_BODY, token: str | None = None) -> Starlette:
    """The application. ``token`` (default: the ``MASSWORK_SERVER_TOKEN`` environment
    variable; unset or empty for none) guards every endpoint but ``/healthz``."""
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None

    def endpoint(handler: Handler, *, need_schedule: bool = True) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            lang = message_lang(None)
            try:
                body = await read_body(request, max_body)
                inputs = await parse_inputs(request, body, need_schedule=need_schedule)
                lang = inputs.lang
                return await handler(request, inputs)
            except BodyTooLarge as exc:
                said = CATALOGUE.tr(_query_lang(request), "server.body_too_large", limit=exc.limit)
                return _JSON({"error": "PayloadTooLarge", "message": said},
                             status_code=413)
            except PluginError as exc:
                return _JSON(error_body(exc, getattr(request.state, "lang", lang)), status_code=500)
            except MassworkError as exc:
                return _JSON(error_body(exc, getattr(request.state, "lang", lang)), status_code=422)
        return run

    async def do_check(request: Request, inp: Inputs) -> Response:
        assert inp.schedule is not None
        report = await run_in_threadpool(check, inp.plan, inp.schedule, inp.as_of)
        return _JSON(report.to_dict(message_lang(inp.lang)))

    async def do_explain(request: Request, inp: Inputs) -> Response:
        return _JSON(await run_in_threadpool(explain_data, inp.plan, message_lang(inp.lang)))

    async def do_remind(request: Request, inp: Inputs) -> Response:
        assert inp.schedule is not None
        return _JSON(await run_in_threadpool(remind_data, inp.plan, inp.schedule, inp.as_of, message_lang(inp.lang)))

    async def do_export(request: Request, inp: Inputs) -> Response:
        assert inp.schedule is not None
        fmt = request.query_params.get("format", "")
        host = get_host()
        exporters = host.exporters()
        if fmt not in exporters:
            hint = nearest(fmt, exporters)
            raise InputError(_problem_format(fmt, sorted(exporters), hint))
        exporter = exporters[fmt]
        lang = message_lang(inp.lang)

        def work() -> bytes:
            report = check(inp.plan, inp.schedule, inp.as_of)  # type: ignore[arg-type]
            try:
                data = exporter.export(ExportInput(inp.plan, inp.schedule, report, lang, inp.as_of))  # type: ignore[arg-type]
            except MassworkError:
                raise
            except Exception as exc:  # noqa: BLE001 - a plugin's bug is named, as the CLI names it
                owner = host.owner_of("format", fmt)
                raise PluginError(owner, msg=CATALOGUE.msg("server.export_failed", fmt=fmt, error=repr(exc))) from exc
            if not isinstance(data, (bytes, bytearray)):
                raise PluginError(host.owner_of("format", fmt), msg=CATALOGUE.msg("server.export_not_bytes", fmt=fmt))
            return bytes(data)

        data = await run_in_threadpool(work)
        filename = f"{inp.plan.id}{exporter.suffix}"
        media = exporter.media_type + ("; charset=utf-8" if exporter.media_type.startswith("text/") else "")
        return Response(data, media_type=media, headers={
            "Content-Disposition": f"attachment; filename=\"masswork{exporter.suffix}\"; filename*=UTF-8''{_quote(filename)}"})

    async def get_json(request: Request) -> Response:
        fn = _GETS[request.url.path]
        lang = request.query_params.get("lang")
        from masswork.i18n import LANG_CHOICES, normalize, tr

        if lang is not None and normalize(lang) is None:
            said = tr(message_lang(None), "cli.bad_lang", value=repr(lang), others=", ".join(LANG_CHOICES[3:]))
            return _JSON({"error": "InputError", "message": said}, status_code=422)
        return _JSON(fn(lang))

    async def get_schema(request: Request) -> Response:
        from masswork.schema import SCHEMAS

        which = request.path_params["which"]
        if which not in SCHEMAS:
            said = CATALOGUE.tr(_query_lang(request), "server.no_schema", which=repr(which))
            return _JSON({"error": "NotFound", "message": said},
                         status_code=404)
        return _JSON(SCHEMAS[which]())

    async def openapi(request: Request) -> Response:
        from .openapi import openapi_document

        return _JSON(openapi_document(bearer=token is not None))

    async def healthz(request: Request) -> Response:
        from masswork import __version__

        return _JSON({"status": "ok", "version": __version__})

    _GETS: dict[str, Callable[..., Any]] = {
        "/kinds": kinds_data, "/formats": formats_data, "/readers": readers_data,
    }

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Build every registry before the first request, not in several threads at once.
        host = get_host()
        host.kinds(), host.exporters(), host.readers(), host.channels(), host.calendar()
        yield

    routes = [
        Route("/check", endpoint(do_check), methods=["POST"]),
        Route("/explain", endpoint(do_explain, need_schedule=False), methods=["POST"]),
        Route("/export", endpoint(do_export), methods=["POST"]),
        Route("/remind", endpoint(do_remind), methods=["POST"]),
        Route("/kinds", get_json, methods=["GET"]),
        Route("/formats", get_json, methods=["GET"]),
        Route("/readers", get_json, methods=["GET"]),
        Route("/schemas/{which}", get_schema, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    middleware = [Middleware(_Auth, token=token)] if token else []
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def _problem_format(fmt: str, names: list[str], hint: str | None) -> Any:
    from masswork.errors import Problem

    return Problem(msg=CATALOGUE.msg("server.unknown_format", fmt=repr(fmt)), path=("format",),
                   expected=CATALOGUE.msg("server.expected.formats", formats=", ".join(names)), hint=hint)


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
