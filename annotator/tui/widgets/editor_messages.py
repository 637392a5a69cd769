"""What the document editor asks of its screen (messages up): a selection finished, a word jumped
to, a bound to move, a line for the status. Declared here, read as ``DocumentEditor.<name>``."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from annotator.core.records import Span


@dataclass
class SelectionFinished(Message, namespace="document_editor"):
    """Enter (or a label key) on a selection of tokens first..last; ``origin``: focused when it began."""

    first: int
    last: int
    purpose: str
    origin: Span | None
    label: str | None


@dataclass
class WordJumped(Message, namespace="document_editor"):
    """``g`` and a tag put the cursor on ``token`` (right after ``[ ] { }`` the screen moves a bound there)."""

    token: int


@dataclass
class EdgeWanted(Message, namespace="document_editor"):
    """``$`` or ``.`` with no selection: move the focused span's bound to the clause or sentence edge."""

    where: str


@dataclass
class Said(Message, namespace="document_editor"):
    """Something for the status line (a search hit, a span's position)."""

    text: str
    warning: bool = False
