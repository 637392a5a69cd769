"""``annotator serve``: the token in front of every route, and a real browser annotating into its own file."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")

from aiohttp import ClientSession
from aiohttp.test_utils import TestClient, TestServer

from annotator.tui.web_server import (
    TOKEN_COOKIE, TokenServer, access_token, is_loopback, served_names,
)
from tests.conftest import assert_valid_record
from tests.tui.conftest import SEED_PRELABELED, read_records

SCREENSHOT = Path("/tmp/annotator-serve-screenshot.png")


def test_a_token_is_required_off_loopback_and_optional_on_it():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")
    assert access_token("127.0.0.1", None) is None
    assert access_token("127.0.0.1", "given") == "given"
    generated = access_token("0.0.0.0", None)
    assert generated and len(generated) >= 20 and generated != access_token("0.0.0.0", None)


async def test_every_route_refuses_a_request_without_the_token():
    server = TokenServer("true", host="127.0.0.1", port=0, token="s3cret", title="annotator")
    async with TestClient(TestServer(await server._make_app())) as client:
        for path in ("/", "/ws", "/static/js/textual.js", "/?token=wrong"):
            response = await client.get(path)
            assert response.status == 403, path
            assert "access token" in await response.text()
        page = await client.get("/?token=s3cret")
        assert page.status == 200
        assert "textual-terminal" in await page.text()
        assert page.cookies[TOKEN_COOKIE].value == "s3cret"
        # The page's own requests carry the cookie, not the token in the address.
        assert (await client.get("/static/js/textual.js")).status == 200


@pytest.mark.parametrize("token", [None, "s3cret"])
async def test_a_request_by_another_host_name_is_refused_before_anything(token):
    """DNS rebinding: a page at evil.example resolved to 127.0.0.1 reached the app (no token on loopback)."""
    server = TokenServer("true", host="127.0.0.1", port=0, token=token, title="annotator",
                         allowed_hosts=["annotate.example.org"])
    query = f"?token={token}" if token else ""
    async with TestClient(TestServer(await server._make_app())) as client:
        for path in ("/", "/ws", "/static/js/textual.js"):
            refused = await client.get(path + query, headers={"Host": "evil.example:8000"})
            assert refused.status == 403, path
            assert "does not answer to the address 'evil.example:8000'" in await refused.text()
        for host in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "annotate.example.org"):
            page = await client.get("/" + query, headers={"Host": host})
            assert page.status == 200, host
            assert host.lower() in (await page.text()).lower()  # the websocket address the page is given


async def test_a_page_from_another_origin_cannot_use_the_app_or_its_websocket():
    server = TokenServer("true", host="127.0.0.1", port=0, token=None, title="annotator")
    async with TestClient(TestServer(await server._make_app())) as client:
        own = f"http://{client.host}:{client.port}"
        for origin in ("http://evil.example", "http://203.0.113.9", "null", "file://", "http://127.0.0.1:1"):
            for path in ("/", "/ws"):
                response = await client.get(path, headers={"Origin": origin})
                assert response.status == 403, (origin, path)
        assert (await client.get("/", headers={"Origin": own})).status == 200


def test_the_names_a_server_answers_to():
    assert served_names("127.0.0.1") == {"127.0.0.1", "localhost"}
    assert socket.gethostname().lower() in served_names("0.0.0.0")
    assert "proxy.example" in served_names("127.0.0.1", ["Proxy.Example."])
    assert "localhost" not in served_names("192.0.2.7")


def run_without(module: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The program as installed without ``module`` (an optional extra)."""
    code = (f"import sys; sys.modules[{module!r}] = None; from annotator.cli import app; "
            "app(prog_name='annotator')")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})


@pytest.mark.parametrize("module", ["aiohttp", "textual_serve"])
def test_serve_without_its_extra_says_what_to_install_and_exits_2(tmp_path, module):
    done = run_without(module, "serve", str(SEED_PRELABELED), "--out-dir", "team", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "annotator serve needs the [serve] extra" in done.stderr and "pip install 'annotator[serve]'" in done.stderr
    assert not (tmp_path / "team").exists()


def test_prelabel_on_dask_without_its_extra_says_what_to_install_and_exits_2(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"text": "Ana said yes."}\n', encoding="utf-8")
    done = run_without("dask", "prelabel", "d.jsonl", "-o", "parts", "--engine", "dask", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "pip install 'annotator[cluster]'" in done.stderr


def test_serve_on_an_address_that_does_not_resolve_names_it(tmp_path):
    done = subprocess.run([sys.executable, "-m", "annotator", "serve", str(SEED_PRELABELED), "--out-dir", "team",
                           "--host", "no.such.host.invalid"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: --host no.such.host.invalid: not an address to listen on")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"annotator serve exited: {process.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("annotator serve did not start listening")


@pytest.fixture
def served(tmp_path):
    """``annotator serve`` on the pre-labeled seed, on a free loopback port, with a token."""
    port, token = free_port(), "t0ken-for-tests"
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "serve", str(SEED_PRELABELED), "--out-dir", str(tmp_path / "team"),
         "--port", str(port), "--token", token, "--annotators", "alice,bob"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}", token, tmp_path / "team"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serve_refuses_a_request_without_the_token(served):
    url, token, _team = served
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url + "/", timeout=10)
    assert refused.value.code == 403
    with urllib.request.urlopen(f"{url}/?token={token}", timeout=10) as page:
        assert page.status == 200


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


class DevTools:
    """Just enough of the Chrome DevTools Protocol: numbered commands over one page's websocket."""

    def __init__(self, socket_) -> None:
        self.socket = socket_
        self.next_id = 0

    async def call(self, method: str, **params):
        self.next_id += 1
        await self.socket.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.socket.receive_json(timeout=30)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def key(self, key: str, text: str | None = None, code: int | None = None) -> None:
        down = {"type": "keyDown", "key": key}
        if text is not None:
            down.update(text=text, unmodifiedText=text)
        if code is not None:
            down.update(windowsVirtualKeyCode=code, nativeVirtualKeyCode=code, code=key)
        await self.call("Input.dispatchKeyEvent", **down)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key)

    async def type(self, text: str) -> None:
        for char in text:
            await self.key(char, char)

    async def evaluate(self, expression: str):
        return (await self.call("Runtime.evaluate", expression=expression, returnByValue=True))["result"].get("value")

    async def screenshot(self, path: Path) -> None:
        data = (await self.call("Page.captureScreenshot", format="png"))["data"]
        path.write_bytes(base64.b64decode(data))


async def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def browser(tmp_path):
    executable = chromium()
    if executable is None:
        reason = "Chromium is not installed (apt-get install chromium); the browser test is skipped"
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed, and CI must run the browser test (.ci/run installs it)")
        print(reason)
        pytest.skip(reason)
    process = subprocess.Popen(
        [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--remote-debugging-port=0", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,860",
         "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        deadline = time.monotonic() + 30
        while port is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            port = int(found.group(1)) if found else None
            if not line and process.poll() is not None:
                break
        if port is None:
            pytest.fail("Chromium did not open its DevTools port")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


async def test_a_browser_visitor_names_themself_and_accepts_into_their_own_file(served, browser):
    url, token, team = served
    async with ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{browser}/json/list") as listing:
            page = next(t for t in await listing.json() if t["type"] == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket_:
            tools = DevTools(socket_)
            await tools.call("Page.enable")
            await tools.call("Page.navigate", url=f"{url}/?token={token}")

            async def app_started():
                return await tools.evaluate("document.body && document.body.classList.contains('-first-byte')")

            await wait_until(app_started, 60, "the app to start in the page")
            await asyncio.sleep(2)  # the login screen's first frame
            await tools.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            await tools.type("alice")
            await tools.key("Enter", "\r", 13)
            mine = team / "alice.jsonl"

            async def logged_in():
                return mine.exists()

            await wait_until(logged_in, 30, "alice's file to be opened")
            await asyncio.sleep(3)  # the document is read and shown
            await tools.screenshot(SCREENSHOT)

            async def accepted():
                # A whole line: the record (tens of kB) may be read while the server still writes it.
                text = mine.read_text(encoding="utf-8") if mine.exists() else ""
                return text.strip() != "" and text.endswith("\n")

            for _attempt in range(3):  # a key pressed before the document is shown does nothing
                await tools.type("a")
                try:
                    await wait_until(accepted, 10, "the accepted record")
                    break
                except AssertionError:
                    continue
    [record] = read_records(mine)
    assert_valid_record(record)
    assert (record["answer"], record["_annotator_id"]) == ("accept", "alice")
    assert [p.name for p in team.iterdir()] == ["alice.jsonl"] or "bob.jsonl" not in os.listdir(team)
    assert SCREENSHOT.stat().st_size > 10_000
    assert json.loads(SEED_PRELABELED.read_text(encoding="utf-8").splitlines()[0])["text"] == record["text"]
