"""``export --format brat``: our decisions as brat standoff, ``NAME.txt`` + ``NAME.ann`` in a folder.

The shape is PolNeAR's (``Content``/``Source``/``Cue`` spans joined by ``Attribution`` events), so
``import brat`` reads it back to the same spans and relations. Every other relation is an ``R``
line named by its label (none is dropped), brat attributes an import kept are ``A`` lines again,
and each folder gets the ``annotation.conf`` that declares every type written (so brat shows
none as unknown) and ``annotators.json``, who made each ``.ann``.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Mapping

from annotator.core.records import CUE, CUE_REL, QUOTE, QUOTE_TYPES, SAID_BY, SPEAKER, Relation, Span, Task
from annotator.core.sources import InputError
from annotator.formats.brat_reading import QUOTE_TYPE_ATTRIBUTE
from annotator.formats.brat_standoff import (ANNOTATORS_FILE, format_attribute, format_event, format_relation,
                                            format_textbound)

#: Our structure labels as PolNeAR's types, for writing.
BRAT_TYPES = {QUOTE: "Content", SPEAKER: "Source", CUE: "Cue"}
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
#: brat's name for a type may not hold spaces (nor the ``:`` and ``=`` of its config syntax)
_UNSAFE_TYPE = re.compile(r"[\s:=,|]+")
CONFIG_FILE = "annotation.conf"
ATTRIBUTION, ATTRIBUTION_NO_SOURCE = "Attribution", "Attribution-no-source"


def check_output_folder(path: str | Path) -> Path:
    """brat output is a folder of files: its parent must exist (an existing folder is refused or,
    with --force, replaced by ``output_paths.refuse_existing_outputs``)."""
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
    """What a brat export writes: ``NAME.txt``, ``NAME.ann``, ``annotation.conf``, ``annotators.json``."""
    return entry.suffix in (".txt", ".ann") or entry.name in (CONFIG_FILE, ANNOTATORS_FILE)


def brat_type(label: str) -> str:
    return _UNSAFE_TYPE.sub("_", BRAT_TYPES.get(label, label)) or "_"


class BratSchema:
    """The types a folder's ``.ann`` files use, for its ``annotation.conf``."""

    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.events: set[str] = set()
        self.relations: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        self.attributes: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))

    def config(self) -> str:
        """brat's ``annotation.conf``; attribution events may take one content, any sources and cues."""
        roles = {ATTRIBUTION: "Content:Content, Source+:Source, Cue*:Cue",
                 ATTRIBUTION_NO_SOURCE: "Content:Content, Cue+:Cue"}
        # Our spans overlap (a speaker inside a quote, two quotes sharing words): brat refuses
        # overlapping spans unless the configuration allows them.
        lines = ["[entities]", *sorted(self.entities), "", "[relations]",
                 "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:contain|equal|cross"]
        for name, (heads, children) in sorted(self.relations.items()):
            lines.append(f"{name}\tArg1:{'|'.join(sorted(heads))}, Arg2:{'|'.join(sorted(children))}")
        lines += ["", "[events]", *(f"{name}\t{roles[name]}" for name in sorted(self.events)), "", "[attributes]"]
        for name, (targets, values) in sorted(self.attributes.items()):
            value = f", Value:{'|'.join(sorted(values))}" if values else ""
            lines.append(f"{name}\tArg:{'|'.join(sorted(targets))}{value}")
        return "\n".join(lines) + "\n"


def ann_text(task: Task, schema: BratSchema | None = None) -> str:
    """The ``.ann`` lines for one record: T lines for spans, one event per attributed quote (its
    trigger on the cue, else the speaker, as PolNeAR does), a ``QuoteType`` attribute per quote,
    an R line for every other relation, an A line for each brat attribute the record kept."""
    schema = schema if schema is not None else BratSchema()
    lines: list[str] = []
    ids: dict[tuple[int, int, str], str] = {}
    for span in task.spans:
        ids[span.key] = f"T{len(ids) + 1}"
        schema.entities.add(brat_type(span.label))
        lines.append(format_textbound(ids[span.key], brat_type(span.label), span.start, span.end, task.text))
    by_quote, others = _attributions(task)
    lines += _event_lines(task, by_quote, ids, schema)
    lines += _attribute_lines(task, ids, schema)
    for number, rel in enumerate(others, start=1):
        name = brat_type(rel.label)
        heads, children = schema.relations[name]
        heads.add(brat_type(rel.head_span.label))
        children.add(brat_type(rel.child_span.label))
        lines.append(format_relation(f"R{number}", name, ids[rel.head_span.key], ids[rel.child_span.key]))
    return "".join(lines)


def _attributions(task: Task) -> tuple[dict[tuple, dict[str, list[Span]]], list[Relation]]:
    """Each quote's speakers and cues (its SAID_BY and CUE relations), and every other relation."""
    by_quote: dict[tuple, dict[str, list[Span]]] = {}
    others = []
    for rel in task.relations:
        if rel.label in (SAID_BY, CUE_REL) and rel.head_span.label == QUOTE:
            parts = by_quote.setdefault(rel.head_span.key, {SAID_BY: [], CUE_REL: []})
            parts[rel.label].append(rel.child_span)
        else:
            others.append(rel)
    return by_quote, others


def _event_lines(task: Task, by_quote: dict[tuple, dict[str, list[Span]]], ids: dict[tuple[int, int, str], str],
                 schema: BratSchema) -> list[str]:
    """One event per attributed quote, its trigger a T line after the spans' (numbered on from them)."""
    lines = []
    triggers: dict[tuple[str, int, int], str] = {}
    for number, (quote_key, parts) in enumerate(by_quote.items(), start=1):
        anchor = (parts[CUE_REL] or parts[SAID_BY])[0]
        kind = ATTRIBUTION if parts[SAID_BY] else ATTRIBUTION_NO_SOURCE
        schema.events.add(kind)
        # Quotes with one cue share its trigger (brat warns of two triggers with one span and type).
        trigger = triggers.get((kind, anchor.start, anchor.end))
        if trigger is None:
            trigger = triggers[(kind, anchor.start, anchor.end)] = f"T{len(ids) + len(triggers) + 1}"
            lines.append(format_textbound(trigger, kind, anchor.start, anchor.end, task.text))
        args = [("Content", ids[quote_key])]
        for role, spans in (("Source", parts[SAID_BY]), ("Cue", parts[CUE_REL])):
            args += [(role if i == 0 else f"{role}{i + 1}", ids[s.key]) for i, s in enumerate(spans)]
        lines.append(format_event(f"E{number}", kind, trigger, args))
    return lines


def _attribute_lines(task: Task, ids: dict[tuple[int, int, str], str], schema: BratSchema) -> list[str]:
    """A ``QuoteType`` attribute per typed quote, then each brat attribute the record kept."""
    lines = []
    attributes = [(QUOTE_TYPE_ATTRIBUTE, ids[s.key], s.quote_type, brat_type(s.label))
                  for s in task.spans if s.label == QUOTE and s.quote_type]
    kept = task.meta.get("brat", {}).get("attributes", []) if isinstance(task.meta.get("brat"), dict) else []
    for item in kept if isinstance(kept, list) else []:
        key = (item.get("start"), item.get("end"), item.get("label")) if isinstance(item, dict) else None
        if key in ids and isinstance(item.get("name"), str):
            value = item.get("value")
            attributes.append((_UNSAFE_TYPE.sub("_", item["name"]), ids[key],
                               value if isinstance(value, str) else None, brat_type(key[2])))
    for number, (name, target, value, target_type) in enumerate(attributes, start=1):
        targets, values = schema.attributes[name]
        targets.add(target_type)
        if name == QUOTE_TYPE_ATTRIBUTE:
            values.update(QUOTE_TYPES)
        if value is not None:
            values.add(_UNSAFE_TYPE.sub("_", value))
            lines.append(format_attribute(f"A{number}", name, target, _UNSAFE_TYPE.sub("_", value)))
        else:
            lines.append(f"A{number}\t{name} {target}\n")
    return lines


class BratWriter:
    """Writes ``NAME.txt`` + ``NAME.ann`` per document into the folder being built (renamed into place
    with the other outputs). brat shows one ``.ann`` per text, so a document's first decision is
    ``NAME.ann`` and any other annotator's ``NAME_ANNOTATOR.ann`` (PolNeAR's layout); who made
    each is in ``annotators.json``, which ``import brat`` reads back."""

    needs_doc = False

    def __init__(self, folder: Path, decisions_per_input: Mapping[int, int]) -> None:
        self.folder = Path(folder)
        self.decisions_per_input = decisions_per_input
        self.stems: dict[int, str] = {}
        self.anns: set[str] = set()
        self.schema = BratSchema()
        #: ``.ann`` file name → who made that decision
        self.annotators: dict[str, str] = {}

    def add(self, decision, doc) -> None:
        task = decision.annotation.task
        stem = self.stems.get(task.input_hash)
        annotator = decision.annotation.annotator_id
        if stem is None:
            stem = self._new_stem(task)
            (self.folder / f"{stem}.txt").write_text(task.text, encoding="utf-8")
        name = stem
        if self.decisions_per_input.get(task.input_hash, 1) > 1:
            # A stem never holds "_", so STEM_ANNOTATOR can never be another document's stem; two
            # annotator ids that read alike once made safe ("a/b", "a-b") are numbered apart.
            who = _UNSAFE_NAME.sub("-", annotator or "") or "anonymous"
            name, n = f"{stem}_{who}", 1
            while name in self.anns:
                n += 1
                name = f"{stem}_{who}-{n}"
        self.anns.add(name)
        (self.folder / f"{name}.ann").write_text(ann_text(task, self.schema), encoding="utf-8")
        if annotator is not None:
            self.annotators[f"{name}.ann"] = annotator

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
        (self.folder / CONFIG_FILE).write_text(self.schema.config(), encoding="utf-8")
        if self.annotators:
            (self.folder / ANNOTATORS_FILE).write_text(
                json.dumps(self.annotators, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    def abandon(self) -> None:
        pass
