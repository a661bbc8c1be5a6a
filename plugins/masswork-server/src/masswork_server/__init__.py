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
from masswork.helptext import HelpCommand, option
from masswork.i18n import Catalogue

from .app import DEFAULT_MAX_BODY, TOKEN_ENV, create_app

__all__ = ["create_app", "masswork_register_commands", "TOKEN_ENV", "DEFAULT_MAX_BODY"]

__version__ = "0.1.0"


# The command's help in the reader's language, from this plugin's catalogue (locale/).
CATALOGUE = Catalogue("masswork_server")


@click.command(cls=HelpCommand, help="server.help.serve", catalogue=CATALOGUE)
@option("--host", default="127.0.0.1", show_default=True, help="server.help.host", catalogue=CATALOGUE)
@option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="server.help.port",
        catalogue=CATALOGUE)
@option("--max-body", default=DEFAULT_MAX_BODY, show_default=True, type=click.IntRange(1),
        help="server.help.max_body", catalogue=CATALOGUE)
@option("--workers", default=1, show_default=True, type=click.IntRange(1), help="server.help.workers",
        catalogue=CATALOGUE)
def serve(host: str, port: int, max_body: int, workers: int) -> None:
    """Serve masswork over HTTP (help: ``server.help.serve`` in this plugin's catalogue)."""
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
