"""The API's errors: every one is JSON ``{"message": ..., "code": ...}`` with its HTTP status."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import Match

from newsevents.errors import NewsEventsError
from newsevents.web.security import TokenError

__all__ = ["ApiError", "install_handlers"]

CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
}
TOKEN_MESSAGE = (
    "this endpoint needs the write token: send 'Authorization: Bearer TOKEN' "
    "(NEWSEVENTS_TOKEN, or the one newsevents serve printed on first start)"
)


class ApiError(Exception):
    """An error the API reports as is: status, stable code, and a message saying what to do."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"message": message, "code": code}, status_code=status, headers=dict(headers or {})
    )


def install_handlers(app: FastAPI) -> None:
    """Route every exception the app may raise to a JSON error."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error(exc.status, exc.code, exc.message)

    @app.exception_handler(TokenError)
    async def token_error(request: Request, exc: TokenError) -> JSONResponse:
        return error(401, "unauthorized", TOKEN_MESSAGE, {"www-authenticate": "Bearer"})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = CODES.get(exc.status_code, "http_error")
        headers = {k: v for k, v in (exc.headers or {}).items() if k.lower() != "allow"}
        if exc.status_code == 405:
            headers["allow"] = ", ".join(allowed_methods(app, request))
        return error(exc.status_code, code, str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, "invalid_request", validation_message(exc))

    @app.exception_handler(NewsEventsError)
    async def newsevents_error(request: Request, exc: NewsEventsError) -> JSONResponse:
        return error(500, "server_error", str(exc))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        message = f"internal error ({type(exc).__name__}); the server log has the details"
        return error(500, "internal_error", message)


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route of this path answers (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in app.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


def validation_message(exc: RequestValidationError) -> str:
    """The first problem, as 'where: what' (e.g. "query.limit: Input should be ≤ 500")."""
    problems = []
    for item in exc.errors()[:3]:
        where = ".".join(str(p) for p in item.get("loc", ()))
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"
