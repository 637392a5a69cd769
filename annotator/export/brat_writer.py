"""``export --format brat``: our decisions as brat standoff, ``NAME.txt`` + ``NAME.ann`` in a folder.

The shape is PolNeAR's (``Content``/``Source``/``Cue`` spans joined by ``Attribution`` events), so
``import brat`` reads it back to the same spans and relations.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Mapping

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Span, Task
from annotator.core.sources import InputError
from annotator.export.brat import QUOTE_TYPE_ATTRIBUTE
from annotator.export.brat_standoff import format_attribute, format_event, format_relation, format_textbound

#: Our structure labels as PolNeAR's types, for writing.
BRAT_TYPES = {QUOTE: "Content", SPEAKER: "Source", CUE: "Cue"}
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def check_output_folder(path: str | Path) -> Path:
    """brat output is a folder of files: its parent must exist (an existing folder is refused or,
    with --force, replaced by ``atomic.refuse_existing_outputs``)."""
    path = Path(path)
    if str(path) == "-":
        raise InputError("-", None, "brat export writes a folder of .txt and .ann files; give its name with -o")
    if path.exists() and not path.is_dir():
        raise InputError(str(path), None, "already exists and is not a folder; brat export writes a folder")
    if not path.parent.is_dir():
        raise InputError(str(path), None, f"the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise InputError(str(path), None, f"the folder {path.parent} is not writable")
    return path


def output_folders(output: Path, paths: dict[str, Path]) -> list[Path]:
    """One folder per split, each built whole."""
    return list(paths.values())


def holds_export_file(entry: Path) -> bool:
    """What a brat export writes: ``NAME.txt`` and ``NAME.ann``."""
    return entry.suffix in (".txt", ".ann")


def ann_text(task: Task) -> str:
    """The ``.ann`` lines for one record: T lines for spans, one event per attributed quote (its
    trigger on the cue, else the speaker, as PolNeAR does), a ``QuoteType`` attribute per quote,
    R lines for COREF."""
    lines: list[str] = []
    ids: dict[tuple[int, int, str], str] = {}
    for span in task.spans:
        ids[span.key] = f"T{len(ids) + 1}"
        lines.append(format_textbound(ids[span.key], BRAT_TYPES.get(span.label, span.label), span.start,
                                      span.end, task.text))
    by_quote: dict[tuple, dict[str, list[Span]]] = {}
    for rel in task.relations:
        if rel.label in (SAID_BY, CUE_REL) and rel.head_span.label == QUOTE:
            parts = by_quote.setdefault(rel.head_span.key, {SAID_BY: [], CUE_REL: []})
            parts[rel.label].append(rel.child_span)
    next_t = len(ids) + 1
    for number, (quote_key, parts) in enumerate(by_quote.items(), start=1):
        anchor = (parts[CUE_REL] or parts[SAID_BY])[0]
        kind = "Attribution" if parts[SAID_BY] else "Attribution-no-source"
        trigger = f"T{next_t}"
        next_t += 1
        lines.append(format_textbound(trigger, kind, anchor.start, anchor.end, task.text))
        args = [("Content", ids[quote_key])]
        for role, spans in (("Source", parts[SAID_BY]), ("Cue", parts[CUE_REL])):
            args += [(role if i == 0 else f"{role}{i + 1}", ids[s.key]) for i, s in enumerate(spans)]
        lines.append(format_event(f"E{number}", kind, trigger, args))
    quotes = [s for s in task.spans if s.label == QUOTE and s.quote_type]
    for number, quote in enumerate(quotes, start=1):
        lines.append(format_attribute(f"A{number}", QUOTE_TYPE_ATTRIBUTE, ids[quote.key], quote.quote_type))
    corefs = [r for r in task.relations if r.label == COREF]
    for number, rel in enumerate(corefs, start=1):
        lines.append(format_relation(f"R{number}", COREF, ids[rel.head_span.key], ids[rel.child_span.key]))
    return "".join(lines)


class BratWriter:
    """Writes ``NAME.txt`` + ``NAME.ann`` per document into the folder being built (renamed into place
    with the other outputs); a document decided by several annotators gets ``NAME_ANNOTATOR.ann``
    per decision, which ``import brat`` reads back the same way."""

    needs_doc = False

    def __init__(self, folder: Path, decisions_per_input: Mapping[int, int]) -> None:
        self.folder = Path(folder)
        self.decisions_per_input = decisions_per_input
        self.stems: dict[int, str] = {}
        self.anns: set[str] = set()

    def add(self, decision, doc) -> None:
        task = decision.annotation.task
        stem = self.stems.get(task.input_hash)
        if stem is None:
            stem = self._new_stem(task)
            (self.folder / f"{stem}.txt").write_text(task.text, encoding="utf-8")
        name = stem
        if self.decisions_per_input.get(task.input_hash, 1) > 1:
            # A stem never holds "_", so STEM_ANNOTATOR can never be another document's stem; two
            # annotator ids that read alike once made safe ("a/b", "a-b") are numbered apart.
            who = _UNSAFE_NAME.sub("-", decision.annotation.annotator_id or "") or "anonymous"
            name, n = f"{stem}_{who}", 1
            while name in self.anns:
                n += 1
                name = f"{stem}_{who}-{n}"
        self.anns.add(name)
        (self.folder / f"{name}.ann").write_text(ann_text(task), encoding="utf-8")

    def _new_stem(self, task: Task) -> str:
        wanted = task.meta.get("id") or Path(str(task.meta.get("source") or "")).stem or f"doc-{task.input_hash}"
        base = _UNSAFE_NAME.sub("-", str(wanted)).replace("_", "-").strip(".-") or f"doc-{task.input_hash}"
        stem, n = base, 1
        taken = set(self.stems.values())
        while stem in taken:
            n += 1
            stem = f"{base}-{n}"
        self.stems[task.input_hash] = stem
        return stem

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass
