"""``masswork_server.asgi:app`` for an ASGI server run on its own (``uvicorn
masswork_server.asgi:app``, several workers); the body limit comes from
``MASSWORK_SERVER_MAX_BODY``, the token from ``MASSWORK_SERVER_TOKEN``."""

from __future__ import annotations

import os

from .app import DEFAULT_MAX_BODY, create_app

app = create_app(max_body=int(os.environ.get("MASSWORK_SERVER_MAX_BODY", DEFAULT_MAX_BODY)))
