"""brat's standoff files: reading and writing ``.ann`` lines, and pairing ``.ann`` files with texts.

Only the file format lives here; what the annotations mean for our records is ``brat.py``'s job.
Offsets count characters of the ``.txt`` file as brat reads it (a byte-order mark is one).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from annotator.core.sources import InputError, refuse_special_file

Fragment = tuple[int, int]

_ID = re.compile(r"^([TERAMN]\d+|#\d*|\*)\t")
_OFFSETS = re.compile(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)")
_ARG = re.compile(r"([^\s:]+):([TE]\d+)")
#: ``A1<TAB>Negation E4`` or ``A2<TAB>Confidence E2 Likely`` (``M`` is brat's older spelling).
_ATTRIBUTE_TARGET = re.compile(r"[TER]\d+")
#: Line kinds we read but do not turn into records: attributes, normalisations, notes, equivalences.
_IGNORED_KINDS = {"N": "normalisation", "#": "note", "*": "equivalence"}


@dataclass(frozen=True)
class TextBound:
    """``T3<TAB>Content 10 20;25 40<TAB>text``: a typed span, possibly in several fragments."""

    id: str
    type: str
    fragments: tuple[Fragment, ...]
    text: str
    line: int


@dataclass(frozen=True)
class Event:
    """``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``: a trigger and its role arguments."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]
    line: int


@dataclass(frozen=True)
class BinaryRelation:
    """``R1<TAB>SAID_BY Arg1:T3 Arg2:T1``."""

    id: str
    type: str
    arg1: str
    arg2: str
    line: int


@dataclass
class Standoff:
    """Everything one ``.ann`` file says, in file order; ``ignored`` counts lines of kinds we skip."""

    path: str
    textbounds: dict[str, TextBound] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    relations: list[BinaryRelation] = field(default_factory=list)
    #: ``A1<TAB>NAME T3 VALUE``: (target id, NAME) → VALUE (True for a binary attribute)
    attributes: dict[tuple[str, str], str | bool] = field(default_factory=dict)
    #: line of each attribute, for messages
    attribute_lines: dict[tuple[str, str], int] = field(default_factory=dict)
    ignored: Counter = field(default_factory=Counter)


def read_text(path: Path) -> str:
    """A ``.txt`` exactly as brat counts it: UTF-8, nothing removed (a byte-order mark stays).
    A named pipe, socket or device is refused: reading one could block forever."""
    refuse_special_file(path)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(str(path), line, f"not valid UTF-8 (byte {err.start})") from None


def parse_ann(path: Path, text: str) -> Standoff:
    """Read one ``.ann`` file for ``text``; a malformed line or an offset outside the text raises
    ``InputError`` with its line. Text fields that ran over a line break (some tools write the
    newline as it is) are joined back onto their ``T`` line."""
    name = str(path)
    standoff = Standoff(name)
    lines = read_text(path).split("\n")
    last: TextBound | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        match = _ID.match(line)
        if match is None:
            at_end = number == len(lines) and not line
            if last is not None and not at_end and len(last.text) < len(_covered(text, last.fragments)):
                last = _continued(last, line)
                standoff.textbounds[last.id] = last
                continue
            if not line.strip():
                continue
            raise InputError(name, number, f"not a brat annotation line: {line[:60]!r}")
        last = None
        ident = match.group(1)
        body = line[match.end():]
        kind = ident[0]
        if kind in "AM":
            parts = body.split()
            if len(parts) not in (2, 3) or not _ATTRIBUTE_TARGET.fullmatch(parts[1]):
                raise InputError(name, number, f"{ident}: expected 'NAME ID [VALUE]', got {body[:60]!r}")
            standoff.attributes[(parts[1], parts[0])] = parts[2] if len(parts) == 3 else True
            standoff.attribute_lines[(parts[1], parts[0])] = number
        elif kind in _IGNORED_KINDS:
            standoff.ignored[_IGNORED_KINDS[kind]] += 1
        elif kind == "T":
            last = _textbound(name, number, ident, body, text)
            _add_unique(standoff.textbounds, last, name, number)
        elif kind == "E":
            standoff.events.append(_event(name, number, ident, body))
        else:
            standoff.relations.append(_relation(name, number, ident, body))
    _check_references(standoff)
    return standoff


def _covered(text: str, fragments: Sequence[Fragment]) -> str:
    # brat writes a discontinuous span's text as its fragments joined by a space.
    return " ".join(text[s:e] for s, e in fragments)


def _continued(textbound: TextBound, line: str) -> TextBound:
    return TextBound(textbound.id, textbound.type, textbound.fragments, textbound.text + "\n" + line,
                     textbound.line)


def _textbound(name: str, number: int, ident: str, body: str, text: str) -> TextBound:
    spec, _, covered = body.partition("\t")
    match = _OFFSETS.fullmatch(spec.strip())
    if match is None:
        raise InputError(name, number, f"{ident}: expected 'TYPE START END[;START END...]', got {spec[:60]!r}")
    fragments = []
    for pair in match.group(2).split(";"):
        start, end = (int(n) for n in pair.split())
        if not 0 <= start < end <= len(text):
            raise InputError(name, number, f"{ident}: offsets {start}-{end} are empty or outside the text "
                             f"({len(text)} characters)")
        fragments.append((start, end))
    return TextBound(ident, match.group(1), tuple(fragments), covered, number)


def _event(name: str, number: int, ident: str, body: str) -> Event:
    args = body.split()
    if not args:
        raise InputError(name, number, f"{ident}: an event needs 'TYPE:TRIGGER ROLE:ID ...'")
    parsed = []
    for arg in args:
        match = _ARG.fullmatch(arg)
        if match is None:
            raise InputError(name, number, f"{ident}: expected ROLE:ID, got {arg!r}")
        parsed.append((match.group(1), match.group(2)))
    (kind, trigger), rest = parsed[0], parsed[1:]
    return Event(ident, kind, trigger, tuple(rest), number)


def _relation(name: str, number: int, ident: str, body: str) -> BinaryRelation:
    parts = body.split()
    args = [_ARG.fullmatch(p) for p in parts[1:]]
    if len(parts) != 3 or not all(args):
        raise InputError(name, number, f"{ident}: expected 'TYPE Arg1:ID Arg2:ID', got {body[:60]!r}")
    return BinaryRelation(ident, parts[0], args[0].group(2), args[1].group(2), number)


def _add_unique(items: dict[str, TextBound], item: TextBound, name: str, number: int) -> None:
    if item.id in items:
        raise InputError(name, number, f"{item.id} is defined twice (first on line {items[item.id].line})")
    items[item.id] = item


def _check_references(standoff: Standoff) -> None:
    """Every id an event, relation or attribute names is in the file: a trigger is a ``T``; an
    event argument (brat's nested events) or a relation argument is a ``T`` or an ``E``; an
    attribute's target a ``T``, ``E`` or ``R``."""
    textbounds = set(standoff.textbounds)
    events = {e.id for e in standoff.events}
    relations = {r.id for r in standoff.relations}
    seen: dict[str, int] = {}
    for item in (*standoff.events, *standoff.relations):
        if item.id in seen:
            raise InputError(standoff.path, item.line, f"{item.id} is defined twice (first on line {seen[item.id]})")
        seen[item.id] = item.line
    for event in standoff.events:
        if event.trigger not in textbounds:
            raise InputError(standoff.path, event.line, f"{event.id}: {event.type}:{event.trigger} names no "
                             "T annotation (an event's trigger is a text span)")
        for role, ref in event.args:
            if ref not in textbounds and ref not in events:
                raise InputError(standoff.path, event.line, f"{event.id}: {role}:{ref} names no T or E annotation")
    for rel in standoff.relations:
        for ref in (rel.arg1, rel.arg2):
            if ref not in textbounds and ref not in events:
                raise InputError(standoff.path, rel.line, f"{rel.id}: {ref} names no T or E annotation")
    for (target, name), line in standoff.attribute_lines.items():
        if target not in textbounds and target not in events and target not in relations:
            raise InputError(standoff.path, line, f"attribute {name}: {target} names no annotation of the file")


def check_covered_text(standoff: Standoff, text: str) -> None:
    """Each ``T`` line's text must be what its offsets cover (whitespace aside): otherwise the
    ``.ann`` belongs to another version of the text and every span would land in the wrong place."""
    for tb in standoff.textbounds.values():
        if not tb.text.strip():
            continue
        expected = _covered(text, tb.fragments)
        if tb.text.split() != expected.split():
            raise InputError(standoff.path, tb.line,
                             f"{tb.id} says {tb.text[:40]!r} but the text has {expected[:40]!r} at those "
                             "offsets (is the .txt the one it was annotated on?)")


# -- pairing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BratPair:
    """A text and one annotation of it; ``annotator`` is the ``_XXXX`` of ``NAME_XXXX.ann``, if any."""

    text: Path
    ann: Path
    annotator: str | None


def find_pairs(sources: Iterable[str | Path]) -> tuple[list[BratPair], list[Path], list[InputError]]:
    """Every ``.ann`` under the sources with its ``.txt`` (beside it or in a sibling folder, as
    PolNeAR keeps ``text/`` and ``attributions/``), in name order; the texts found under the
    sources that no ``.ann`` belongs to; and an error for each ``.ann`` without a text."""
    anns: list[Path] = []
    texts: set[Path] = set()
    for source in sources:
        path = Path(source)
        if not path.exists():
            raise InputError(str(path), None, "no such file or folder")
        if path.is_dir():
            anns.extend(sorted(path.rglob("*.ann")))
            texts.update(path.rglob("*.txt"))
        elif path.suffix == ".ann":
            anns.append(path)
        else:
            raise InputError(str(path), None, "give folders of brat files or .ann files")
    pairs: dict[Path, BratPair] = {}
    errors = []
    for ann in anns:
        try:
            pairs.setdefault(ann.resolve(), _pair(ann))
        except InputError as err:
            errors.append(err)
    ordered = sorted(pairs.values(), key=lambda p: (p.text.name, p.annotator or "", str(p.ann)))
    used = {p.text.resolve() for p in ordered}
    unused = sorted(t for t in texts if t.resolve() not in used)
    return ordered, unused, errors


def _pair(ann: Path) -> BratPair:
    refuse_special_file(ann)
    annotators = _annotators_file(ann.parent)
    folders = [ann.parent]
    if ann.parent.parent != ann.parent:
        folders += sorted(d for d in ann.parent.parent.iterdir() if d.is_dir() and d != ann.parent)
    stem = ann.stem
    for folder in folders:
        if (folder / f"{stem}.txt").is_file():
            return BratPair(folder / f"{stem}.txt", ann, annotators.get(ann.name))
    # NAME_XXXX.ann: the longest NAME with a text wins (annotator ids may contain "_").
    cuts = [m.start() for m in re.finditer("_", stem)]
    for cut in reversed(cuts):
        for folder in folders:
            text = folder / f"{stem[:cut]}.txt"
            if text.is_file():
                return BratPair(text, ann, annotators.get(ann.name, stem[cut + 1:]))
    raise InputError(str(ann), None, f"no {stem}.txt (nor a NAME.txt for NAME_ANNOTATOR.ann) beside it "
                     "or in a sibling folder")


#: Beside ``.ann`` files our export writes, who made each: ``{"NAME.ann": "alice"}``. brat shows a
#: document only as ``NAME.txt`` + ``NAME.ann``, so a document with one annotator keeps that name
#: and its annotator is kept here (brat ignores the file).
ANNOTATORS_FILE = "annotators.json"


def _annotators_file(folder: Path) -> dict[str, str]:
    path = folder / ANNOTATORS_FILE
    if not path.is_file():
        return {}
    refuse_special_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), getattr(err, "lineno", None), f"not a JSON object of file → annotator: {err}") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError(str(path), None, "expected a JSON object of .ann file name → annotator")
    return data


# -- writing ----------------------------------------------------------------------------------


def format_textbound(ident: str, kind: str, start: int, end: int, text: str) -> str:
    """A ``T`` line; a span over a line break is written in fragments, one per line, as brat itself
    does (its text field is one line and must equal the fragments joined by a space)."""
    fragments = line_fragments(text, start, end)
    spec = ";".join(f"{s} {e}" for s, e in fragments)
    covered = " ".join(text[s:e] for s, e in fragments)
    return f"{ident}\t{kind} {spec}\t{covered}\n"


_LINE_BREAK = re.compile(r"\s*[\r\n\u2028\u2029\x85\x0b\x0c][\s]*")


def line_fragments(text: str, start: int, end: int) -> list[Fragment]:
    """``start:end`` cut at every run of whitespace holding a line break."""
    fragments, at = [], start
    for match in _LINE_BREAK.finditer(text, start, end):
        if match.start() > at:
            fragments.append((at, match.start()))
        at = match.end()
    if at < end:
        fragments.append((at, end))
    return fragments or [(start, end)]


def joined_fragments(text: str, fragments: Sequence[Fragment]) -> list[Fragment]:
    """Fragments that only a line break parts (brat cuts a span at each) joined back into one."""
    out: list[Fragment] = []
    for start, end in fragments:
        if out and out[-1][1] <= start and _LINE_BREAK.fullmatch(text, out[-1][1], start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def format_event(ident: str, kind: str, trigger: str, args: Sequence[tuple[str, str]]) -> str:
    return f"{ident}\t" + " ".join([f"{kind}:{trigger}"] + [f"{role}:{ref}" for role, ref in args]) + "\n"


def format_attribute(ident: str, name: str, target: str, value: str) -> str:
    return f"{ident}\t{name} {target} {value}\n"


def format_relation(ident: str, kind: str, arg1: str, arg2: str) -> str:
    return f"{ident}\t{kind} Arg1:{arg1} Arg2:{arg2}\n"
