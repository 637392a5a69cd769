"""``annotator serve``: the annotate (or review) screen in a browser, one app and one file per visitor."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Optional

import typer

from annotator.cli.app import app
from annotator.core.sources import InputError


def serve_annotator(*, sources: list[str | Path], out_dir: str | Path, host: str = "127.0.0.1",
                    port: int = 8000, annotators: list[str] | None = None, review: bool = False,
                    token: str | None = None, model: str | None = None, labels: str | None = None) -> None:
    """Serve the annotator until interrupted; each visitor names themself and writes DIR/NAME.jsonl."""
    for source in sources:
        if not Path(source).exists():
            raise InputError(str(source), None, "no such file or folder")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), None, "--out-dir is a file; give a folder")
    if not out_dir.parent.exists():
        raise InputError(str(out_dir), None, f"the folder {out_dir.parent} does not exist")
    out_dir.mkdir(exist_ok=True)
    from annotator.tui.web_server import TokenServer, access_token

    command = [sys.executable, "-m", "annotator", "visit", *map(str, sources), "--out-dir", str(out_dir)]
    if annotators:
        command += ["--annotators", ",".join(annotators)]
    if review:
        command.append("--review")
    if model:
        command += ["--model", model]
    if labels:
        command += ["--labels", labels]
    server = TokenServer(shlex.join(command), host=host, port=port, token=access_token(host, token),
                         title="annotator review" if review else "annotator")
    server.serve()


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
) -> None:
    """Serve the annotator to browsers (textual-serve): each visitor gets their own app and file.

    Example: annotator serve seeds/ --out-dir team/ --annotators alice,bob
    """
    names = [name.strip() for name in annotators.split(",") if name.strip()] if annotators else None
    serve_annotator(sources=list(sources), out_dir=out_dir, host=host, port=port, annotators=names,
                    review=review, token=token, model=model, labels=labels)
