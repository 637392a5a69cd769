"""``annotator serve``: the annotate (or review) screen in a browser, one app and one file per visitor."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path
from typing import Optional

import typer

from annotator.cli.app import app
from annotator.core.errors import UserError
from annotator.core.output_paths import visitor_name_problem
from annotator.core.sources import InputError


def serve_annotator(*, sources: list[str | Path], out_dir: str | Path, host: str = "127.0.0.1",
                    port: int = 8000, annotators: list[str] | None = None, review: bool = False,
                    token: str | None = None, model: str | None = None, labels: str | None = None,
                    allow_hosts: list[str] | None = None, order: str = "file", suggestions: bool = True) -> None:
    """Serve the annotator until interrupted; each visitor names themself and writes DIR/NAME.jsonl."""
    try:
        from annotator.tui.web_server import TokenServer, access_token
    except ImportError as err:
        raise UserError(f"annotator serve needs the [serve] extra ({(err.name or 'textual_serve').split('.')[0]} is not "
                        "installed): pip install 'annotator[serve]'") from None
    for source in sources:
        if not Path(source).exists():
            raise InputError(str(source), None, "no such file or folder")
    _check_address(host, port)
    from annotator.tui.feed import ORDERS

    if order not in ORDERS:
        raise UserError(f"--order must be one of {', '.join(ORDERS)}, not {order!r}")
    for name in annotators or []:
        problem = visitor_name_problem(name)
        if problem is not None:
            raise UserError(f"--annotators {name!r}: {problem}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), None, "--out-dir is a file; give a folder")
    if not out_dir.parent.exists():
        raise InputError(str(out_dir), None, f"the folder {out_dir.parent} does not exist")
    out_dir.mkdir(exist_ok=True)

    command = [sys.executable, "-m", "annotator", "visit", *map(str, sources), "--out-dir", str(out_dir)]
    if annotators:
        command += ["--annotators", ",".join(annotators)]
    if review:
        command.append("--review")
    if model:
        command += ["--model", model]
    if labels:
        command += ["--labels", labels]
    if order != "file":
        command += ["--order", order]
    if not suggestions:
        command.append("--no-suggestions")
    server = TokenServer(shlex.join(command), host=host, port=port, token=access_token(host, token),
                         title="annotator review" if review else "annotator", allowed_hosts=allow_hosts or ())
    server.serve()


def _check_address(host: str, port: int) -> None:
    """An address that does not resolve is refused by name before anything starts."""
    try:
        socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as err:
        reason = err.strerror if isinstance(err, socket.gaierror) and err.strerror else str(err)
        raise UserError(f"--host {host}: not an address to listen on ({reason}); give one of this machine, "
                        "e.g. 127.0.0.1 or 0.0.0.0") from None


@app.command()
def serve(
    sources: list[Path] = typer.Argument(..., help="Documents: JSONL files, .txt files or folders of them."),
    out_dir: Path = typer.Option(..., "--out-dir", help="Folder of the visitors' files (NAME.jsonl)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (a token is required "
                             "off loopback)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    annotators: Optional[str] = typer.Option(None, "--annotators", help="Names allowed, comma-separated "
                                             "(default: any name)."),
    review: bool = typer.Option(False, "--review", help="Serve the review screen over the files in "
                                "--out-dir; gold records go to DIR/gold/NAME.jsonl."),
    token: Optional[str] = typer.Option(None, "--token", help="Access token every page must carry "
                                        "(default off loopback: one is generated and printed)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline for documents without spans."),
    labels: Optional[str] = typer.Option(None, "--labels", help="Entity labels for keys 1-6, comma-separated."),
    allow_host: list[str] = typer.Option([], "--allow-host", help="Another host name visitors reach this "
                                         "server by (a reverse proxy's), besides its own address; repeat for more."),
    order: str = typer.Option("file", "--order", help="file, or uncertain: of the next 10 documents, the "
                              "one whose pre-labels and suggestions look least sure first."),
    suggestions: bool = typer.Option(True, "--suggestions/--no-suggestions", help="Offer suggestions on the "
                                     "documents the server pre-labels."),
) -> None:
    """Serve the annotator to browsers (textual-serve): each visitor gets their own app and file.

    Example: annotator serve seeds/ --out-dir team/ --annotators alice,bob
    """
    names = [name.strip() for name in annotators.split(",") if name.strip()] if annotators else None
    serve_annotator(sources=list(sources), out_dir=out_dir, host=host, port=port, annotators=names,
                    review=review, token=token, model=model, labels=labels,
                    allow_hosts=[name for value in allow_host for name in value.split(",") if name.strip()],
                    order=order, suggestions=suggestions)
