"""The annotator in a browser: textual-serve runs one app process per visitor, behind an access token.

Every request (page, static files, websocket) must carry the token, as ``?token=`` or as the
cookie the page sets; without it the answer is 403 and nothing of the documents. On a loopback
address the token is optional; elsewhere one is always required (``access_token``).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket

from aiohttp import web
from textual_serve.server import Server

TOKEN_COOKIE = "annotator_token"
REFUSED = ("403 Forbidden: this annotator needs its access token. Open the address that "
           "'annotator serve' printed (it ends in ?token=...).")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def access_token(host: str, token: str | None) -> str | None:
    """The token to require: the one given, a new one off loopback, none on loopback without one."""
    if token:
        return token
    return None if is_loopback(host) else secrets.token_urlsafe(18)


class TokenServer(Server):
    """textual-serve's server with a token check in front of every route."""

    def __init__(self, command: str, *, host: str, port: int, token: str | None, title: str,
                 public_url: str | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.token = token
        self._fixed_public_url = public_url is not None

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._require_token)
        return app

    @web.middleware
    async def _require_token(self, request: web.Request, handler):
        if self.token is not None:
            offered = request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
            if not hmac.compare_digest(offered.encode(), self.token.encode()):
                raise web.HTTPForbidden(text=REFUSED)
        response = await handler(request)
        if self.token is not None and request.path == "/" and "token" in request.query:
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # Listening on 0.0.0.0 is not an address a browser can connect back to: the page and its
        # websocket use the address the visitor reached us at.
        if not self._fixed_public_url:
            self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def on_startup(self, app: web.Application) -> None:
        # 0.0.0.0 means every interface; visitors need a name they can reach.
        host = socket.gethostname() if self.host in ("0.0.0.0", "::", "") else self.host
        address = self.public_url if self._fixed_public_url else f"http://{host}:{self.port}"
        suffix = f"/?token={self.token}" if self.token else "/"
        self.console.print(f"annotator: serving on {address}{suffix}", highlight=False, markup=False)
        self.console.print("Press Ctrl+C to stop.", highlight=False, markup=False)
