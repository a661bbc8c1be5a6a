"""masswork-server: ``masswork serve`` — the commands over HTTP, for tools in any language.

``POST /check`` (JSON ``{"plan": {...}, "schedule": {...}, "as_of": "2014-03-05", "lang":
"zh"}`` or a multipart upload of the two files, XLSX included) answers with the JSON report
of ``masswork check --format json``; ``/explain``, ``/export?format=F`` and ``/remind``
(dry run) likewise; ``GET /kinds``, ``/formats``, ``/readers``, ``/schemas/{plan,schedule,
report}``, ``/healthz``, ``/openapi.json``. See docs/server.md.
"""

from __future__ import annotations

import click
from masswork import hookimpl

from .app import DEFAULT_MAX_BODY, TOKEN_ENV, create_app

__all__ = ["create_app", "masswork_register_commands", "TOKEN_ENV", "DEFAULT_MAX_BODY"]

__version__ = "0.1.0"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on 監聽地址.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port 端口.")
@click.option("--max-body", default=DEFAULT_MAX_BODY, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted, in bytes 請求體上限.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Worker processes.")
def serve(host: str, port: int, max_body: int, workers: int) -> None:
    """Serve masswork over HTTP 以 HTTP 提供服務 (token: MASSWORK_SERVER_TOKEN)."""
    import uvicorn

    if workers > 1:
        import os

        os.environ["MASSWORK_SERVER_MAX_BODY"] = str(max_body)
        uvicorn.run("masswork_server.asgi:app", host=host, port=port, workers=workers, log_level="info")
    else:
        uvicorn.run(create_app(max_body=max_body), host=host, port=port, log_level="info")


@hookimpl
def masswork_register_commands(cli: click.Group) -> None:
    cli.add_command(serve)
