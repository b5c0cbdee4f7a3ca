"""Safe by default: the write token, request size limits and the browser security headers.

- Writes (uploads, corrections, re-processing) need ``Authorization: Bearer TOKEN``. The token is
  ``NEWSEVENTS_TOKEN``, else one generated on first start and kept (mode 0600) in the cache folder.
- A request body larger than the limit is refused with 413 before it is read whole.
- Every response carries a strict Content-Security-Policy: scripts, styles, data and workers only
  from this server, no inline script, no framing.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CSP",
    "BodyLimit",
    "HostCheck",
    "SecurityHeaders",
    "TokenError",
    "bearer",
    "check_token",
    "resolve_token",
]

TOKEN_ENV = "NEWSEVENTS_TOKEN"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; worker-src 'self' blob:; font-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

bearer = HTTPBearer(auto_error=False, description="The write token (NEWSEVENTS_TOKEN).")


class TokenError(Exception):
    """A write request without the right token."""


def resolve_token(cache_dir: str) -> tuple[str, str | None]:
    """(token, where it was generated) : NEWSEVENTS_TOKEN, else the kept one, else a new one
    written to the cache folder, whose path is returned so the caller can print the token."""
    env = os.environ.get(TOKEN_ENV)
    if env:
        return env, None
    path = Path(cache_dir).expanduser() / "serve-token"
    if path.exists():
        return path.read_text(encoding="utf-8").strip(), None
    token = secrets.token_urlsafe(24)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    return token, str(path)


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Raise :class:`TokenError` unless the request carries the app's token."""
    expected: str = request.app.state.token
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise TokenError()


class SecurityHeaders:
    """Adds :data:`HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class HostCheck:
    """Refuses (400) a request whose Host header is not one of ``hosts`` ("*" allows any): a
    page on another site cannot reach this server through a DNS name it controls."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower().strip("[]") not in self.hosts:
                message = f"host {host!r} is not served here; use http://127.0.0.1"
                await _send_json(send, 400, {"message": message, "code": "invalid_host"})
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses (413) a request whose body is over ``limit`` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(self.limit, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:  # turned into the JSON error by the app's handler
                raise HTTPException(413, _too_large_message(self.limit))
            return message

        await self.app(scope, counted, send)


def _too_large_message(limit: int) -> str:
    return f"request body over {limit} bytes; send fewer or smaller articles"


async def _too_large(limit: int, send: Send) -> None:
    await _send_json(send, 413, {"message": _too_large_message(limit), "code": "too_large"})


async def _send_json(send: Send, status: int, payload: dict[str, str]) -> None:
    body = json.dumps(payload).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
