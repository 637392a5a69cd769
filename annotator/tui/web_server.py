"""The annotator in a browser: textual-serve runs one app process per visitor, behind an access token.

Every request is first checked for who is asking: its ``Host`` must name this server (an IP
address, the address it was started on, ``localhost`` on loopback, the machine's name on a
wildcard bind, or a name given with ``--allow-host`` for a reverse proxy), and an ``Origin``, which
every browser sends with a websocket, must be the page's own (same host and port, or a host given
with ``--allow-host``). So a web page
the annotator visits can neither reach the app by DNS rebinding nor open its websocket. Then every
request (page, static files, websocket) must carry the token, as ``?token=`` or as the cookie the
page sets; without it the answer is 403 and nothing of the documents. On a loopback address the
token is optional; elsewhere one is always required (``access_token``).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from typing import Iterable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

TOKEN_COOKIE = "annotator_token"
REFUSED = ("403 Forbidden: this annotator needs its access token. Open the address that "
           "'annotator serve' printed (it ends in ?token=...).")


WRONG_HOST = ("403 Forbidden: this annotator does not answer to the address {host!r}. Open the address "
              "'annotator serve' printed; behind a reverse proxy, start it with --allow-host {name}.")
WRONG_ORIGIN = ("403 Forbidden: a page from {origin!r} may not use this annotator. Open the address "
                "'annotator serve' printed.")
WILDCARDS = ("0.0.0.0", "::", "")


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


def _host_name(netloc: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``; lower case."""
    try:
        name = urlsplit(f"//{netloc}").hostname
    except ValueError:
        return ""
    return (name or "").lower()


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def served_names(host: str, allowed: Iterable[str] = ()) -> set[str]:
    """The host names a request may use to reach a server bound to ``host`` (IP addresses aside)."""
    names = {host.lower(), *(name.strip().lower() for name in allowed if name.strip())}
    if is_loopback(host):
        names.add("localhost")
    if host in WILDCARDS:
        names |= {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}
    return {name.rstrip(".") for name in names if name}


class TokenServer(Server):
    """textual-serve's server with a check of who is asking (Host, Origin) and a token in front of
    every route."""

    def __init__(self, command: str, *, host: str, port: int, token: str | None, title: str,
                 public_url: str | None = None, allowed_hosts: Iterable[str] = ()) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.token = token
        self._fixed_public_url = public_url is not None
        allowed_hosts = list(allowed_hosts)
        self.names = served_names(host, allowed_hosts)
        #: pages from these hosts (a reverse proxy's, named with --allow-host) may use the app too
        self.origin_names = {name.strip().lower().rstrip(".") for name in allowed_hosts if name.strip()}
        if public_url is not None:
            self.names.add(_host_name(urlsplit(public_url).netloc))
            self.origin_names.add(_host_name(urlsplit(public_url).netloc))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._check_who_asks)
        app.middlewares.append(self._require_token)
        return app

    def host_allowed(self, netloc: str) -> bool:
        """An IP address cannot be rebound to another site; a name must be one this server serves."""
        name = _host_name(netloc)
        return bool(name) and (_is_ip(name) or name.rstrip(".") in self.names)

    @web.middleware
    async def _check_who_asks(self, request: web.Request, handler):
        host = request.headers.get("Host", "")
        if not self.host_allowed(host):
            raise web.HTTPForbidden(text=WRONG_HOST.format(host=host, name=_host_name(host) or "NAME"))
        origin = request.headers.get("Origin")
        if origin is not None:
            parts = urlsplit(origin)
            same_page = parts.netloc.lower() == host.lower()
            if not (parts.scheme in ("http", "https")
                    and (same_page or _host_name(parts.netloc) in self.origin_names)):
                raise web.HTTPForbidden(text=WRONG_ORIGIN.format(origin=origin))
        return await handler(request)

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
        host = socket.gethostname() if self.host in WILDCARDS else self.host
        address = self.public_url if self._fixed_public_url else f"http://{host}:{self.port}"
        suffix = f"/?token={self.token}" if self.token else "/"
        self.console.print(f"annotator: serving on {address}{suffix}", highlight=False, markup=False)
        self.console.print("Press Ctrl+C to stop.", highlight=False, markup=False)
