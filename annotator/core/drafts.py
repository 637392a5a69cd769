"""The draft journal: every edit of a document not yet decided (or changed since its decision) is
appended to ``OUT.drafts.jsonl`` and fsynced before the next key is handled, so quitting, a crash or
``kill -9`` loses nothing; a decision clears the document's draft.

One line per edit: ``{"_input_hash": H, "tokens": DIGEST, "spans": [[token_start, token_end,
label(, quote_type)], ...], "chars": [[start, end], ...], "relations": [[head, child, label], ...]}``
(the document's spans as they stand, by token, with each span's characters, and its relations by
index into those spans: a tenth of the size of full records, which matters when every edit of a
long document is written before the next key), the suggestions still on offer as
``"suggestions": [[[token_start, token_end, quote_type], [cue start, end] | null, [speaker start, end] |
null, score, source(, [replaced quote's token_start, token_end, quote_type])], ...]`` (a line without them
keeps the document's own), or
``{"_input_hash": H, "cleared": true}``. The newest line per input
hash wins. ``DIGEST`` (``draft_tokens.token_digest``) names the tokens the draft was made on: a
document pre-labeled again on other tokens (another model's tokenizer, a new tokenizer rule) gets
its draft laid through ``chars`` (``draft_tokens.placement``), exactly on its token boundaries or
not at all: then ``apply`` raises ``DraftMisfit``, the document opens without its draft, and the
line stays in the journal until an edit or decision of that document replaces it, when it is moved
to ``OUT.drafts.jsonl.torn`` first. A line without ``tokens`` (written before) is laid through the
tokens the caller says it was made on (``apply``'s ``earlier_tokens``). Each line is read with the readers' strict parser and its shape checked; a line that
fails (a torn tail after a crash, or damage) is reported as ``FILE:LINE: reason`` and moved to
``OUT.drafts.jsonl.torn`` before the journal is compacted, so nothing in it is lost and
``annotate`` still opens. Opening the journal rewrites it with only the live drafts (atomically),
so it stays small; it is only opened by the process that holds the output's lock, and never
through a symlink.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Callable

import msgspec

from annotator.core.draft_tokens import DraftMisfit, EarlierTokens, Move, placement, token_digest
from annotator.core.owned_names import journal_path, torn_path
from annotator.core.records import CUE, QUOTE, SPEAKER, RecordError, Relation, Span, Suggestion, Task, Token
from annotator.core.record_decoding import json_type
from annotator.core.sources import InputError, StrictJsonError, parse_json_line
from annotator.core.aside import append_aside, open_aside
from annotator.core.atomic import fsync_folder


def drafts_path(output: str | Path) -> Path:
    """``out.jsonl`` → ``out.drafts.jsonl`` (beside the output, as the rejects file); ``out`` → ``out.drafts``."""
    return journal_path(output)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _draft_problem(line: Any) -> str | None:
    """Why a parsed journal line is not one this journal writes, or None."""
    if not isinstance(line, dict):
        return f"expected a JSON object, got {json_type(line)}"
    if not _is_int(line.get("_input_hash")):
        return "'_input_hash' must be an integer"
    if line.get("cleared") is True:
        return None
    spans, relations = line.get("spans"), line.get("relations")
    if not isinstance(spans, list) or not isinstance(relations, list):
        return "a draft needs 'spans' and 'relations' lists (or 'cleared': true)"
    for span in spans:
        if not (isinstance(span, list) and len(span) in (3, 4) and _is_int(span[0]) and _is_int(span[1])
                and all(isinstance(x, str) and x for x in span[2:])):
            return "a span must be [token_start, token_end, label] or [..., quote_type]"
    for relation in relations:
        if not (isinstance(relation, list) and len(relation) == 3 and _is_int(relation[0])
                and _is_int(relation[1]) and isinstance(relation[2], str) and relation[2]):
            return "a relation must be [head, child, label]"
    suggestions = line.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(x, list) and len(x) in (5, 6) for x in suggestions):
        return "'suggestions' must be a list of [quote, cue, speaker, score, source(, replaces)]"
    return _made_on_problem(line, len(spans))


def _made_on_problem(line: dict[str, Any], spans: int) -> str | None:
    """The shape of what a line says it was made on (lines written before have neither key)."""
    made_on, chars = line.get("tokens"), line.get("chars")
    if made_on is not None and not isinstance(made_on, str):
        return "'tokens' must be a string (the digest of the tokens the draft was made on)"
    if chars is not None and not (isinstance(chars, list) and len(chars) == spans and all(
            isinstance(x, list) and len(x) == 2 and _is_int(x[0]) and _is_int(x[1]) for x in chars)):
        return "'chars' must hold one [start, end] per span"
    return None


def _suggestion_line(suggestion: Suggestion) -> list[Any]:
    quote, cue, speaker, replaces = suggestion.quote, suggestion.cue, suggestion.speaker, suggestion.replaces
    line = [_quote_where(quote), [cue.token_start, cue.token_end] if cue is not None else None,
            [speaker.token_start, speaker.token_end] if speaker is not None else None,
            suggestion.score, suggestion.source]
    return line + [_quote_where(replaces)] if replaces is not None else line


def _quote_where(quote: Span) -> list[Any]:
    return [quote.token_start, quote.token_end, *([quote.quote_type] if quote.quote_type else [])]


def _suggestion_from(line: list[Any], task: Task, move: Move) -> Suggestion:
    def span(where: list[Any] | None, label: str) -> Span | None:
        if where is None:
            return None
        first, last, *quote_type = where
        first, last = move(first, last)
        start, end = task.tokens[first].start, task.tokens[last].end
        return Span(start, end, first, last, label, text=task.text[start:end],
                    quote_type=quote_type[0] if quote_type else None)

    quote, cue, speaker, score, source, *replaces = line
    if not (score is None or isinstance(score, (int, float))) or not (source is None or isinstance(source, str)):
        raise ValueError("a suggestion's score is a number and its source a string")
    return Suggestion(span(quote, QUOTE), span(cue, CUE), span(speaker, SPEAKER), score, source,
                      span(replaces[0], QUOTE) if replaces else None)


def _suggestions_of(line: dict[str, Any], task: Task, spans: list[Span], move: Move | None) -> list[Suggestion]:
    """The draft's suggestions on the task's tokens; without a way to move them (a draft made on
    other tokens), the task's own, less those taken in the draft or offered for a quote it changed."""
    if move is None:
        keys = {span.key for span in spans}
        return [x for x in task.suggestions
                if x.quote.key not in keys and (x.replaces is None or x.replaces.key in keys)]
    if "suggestions" not in line:
        return list(task.suggestions)
    laid = []
    for suggestion in line["suggestions"]:
        try:
            laid.append(_suggestion_from(suggestion, task, move))
        except DraftMisfit:
            continue  # an offer, not an edit: one that does not fit these tokens is left out
    return laid


class DraftJournal:
    """Drafts of one output file: read on open, then appended to (fsynced) on every edit.

    ``on_problem`` hears of each line that could not be read (``FILE:LINE: reason``), moved aside.
    """

    def __init__(self, output: str | Path, *, on_problem: Callable[[InputError], None] | None = None) -> None:
        self.path = drafts_path(output)
        self._drafts: dict[int, dict[str, Any]] = {}
        #: documents opened without their draft (``keep_unapplied``)
        self._unapplied: set[int] = set()
        #: the tokens list last digested and its digest: a document's edits keep its tokens list, and
        #: the digest of a 10,000-token document costs 20 times the rest of the line
        self._digested: tuple[list[Token], int, str] | None = None
        self.skipped_lines = 0
        #: the lines that could not be read, each located
        self.problems: list[InputError] = []
        self._on_problem = on_problem
        if os.path.lexists(self.path):
            self._read()
            self._compact()
        self._file: BinaryIO | None = None  # opened on the first edit

    def _read(self) -> None:
        set_aside = []
        with os.fdopen(_open_journal(self.path, os.O_RDONLY), "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                try:
                    line = parse_json_line(raw.decode("utf-8"))
                    problem = _draft_problem(line)
                except UnicodeDecodeError as err:
                    problem = f"not valid UTF-8 (byte {err.start + 1} of the line)"
                except json.JSONDecodeError as err:
                    problem = f"invalid JSON: {err.msg} at column {err.colno}"
                except StrictJsonError as err:
                    problem = str(err)
                if problem is not None:
                    # A torn last line (a crash mid-write) or damage: the lines before it still count.
                    self.skipped_lines += 1
                    set_aside.append(raw if raw.endswith(b"\n") else raw + b"\n")
                    self._problem(InputError(str(self.path), number, f"{problem}; the line was moved to "
                                             f"{torn_path(self.path)} and the other drafts kept"))
                    continue
                if line.get("cleared") is True:
                    self._drafts.pop(line["_input_hash"], None)
                else:
                    self._drafts[line["_input_hash"]] = line
        if set_aside:
            append_aside(torn_path(self.path), b"".join(set_aside))

    def _problem(self, error: InputError) -> None:
        self.problems.append(error)
        if self._on_problem is not None:
            self._on_problem(error)

    def _compact(self) -> None:
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        temporary = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                for line in self._drafts.values():
                    out.write(_encode(line))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        fsync_folder(self.path.parent)

    def __contains__(self, input_hash: int) -> bool:
        return input_hash in self._drafts

    def __len__(self) -> int:
        return len(self._drafts)

    def apply(self, task: Task, *, earlier_tokens: EarlierTokens | None = None) -> Task | None:
        """The task with its draft's spans, relations and suggestions, or None without a (readable)
        draft. A draft made on other tokens is laid through its characters; one that cannot be laid
        exactly raises ``DraftMisfit`` and stays in the journal (``keep_unapplied``).
        ``earlier_tokens`` says what a line written before drafts recorded their tokens was made on."""
        line = self._drafts.get(task.input_hash)
        if line is None:
            return None
        tokens, text = task.tokens, task.text
        try:
            ranges, move = placement(line, tokens, text, earlier_tokens)
        except DraftMisfit:
            self.keep_unapplied(task.input_hash)
            raise
        except (KeyError, TypeError, ValueError):
            return None
        try:
            spans = []
            for (first, last), (_, _, label, *quote_type) in zip(ranges, line["spans"], strict=True):
                start, end = tokens[first].start, tokens[last].end
                spans.append(Span(start, end, first, last, label, text=text[start:end],
                                  quote_type=quote_type[0] if quote_type else None))
            relations = [Relation(spans[head], spans[child], label) for head, child, label in line["relations"]]
            suggestions = _suggestions_of(line, task, spans, move)
        except (RecordError, KeyError, TypeError, ValueError, IndexError):
            return None
        drafted = task.copy()
        drafted.spans, drafted.relations, drafted.suggestions = spans, relations, suggestions
        return drafted

    def keep_unapplied(self, input_hash: int) -> None:
        """Document ``input_hash`` opens without its draft: the line stays in the journal, and is
        moved to ``aside_path`` before an edit or a decision of the document replaces it."""
        if input_hash in self._drafts:
            self._unapplied.add(input_hash)

    @property
    def aside_path(self) -> Path:
        """Where lines that could not be read, or drafts replaced without being applied, are kept."""
        return torn_path(self.path)

    def _set_aside_unapplied(self, input_hash: int) -> None:
        if input_hash in self._unapplied:
            append_aside(self.aside_path, _encode(self._drafts[input_hash]))
            self._unapplied.discard(input_hash)

    def save(self, task: Task) -> None:
        # Relations hold the task's own span objects (found by identity, no hashing); an equal copy
        # is found by value.
        by_id = {id(span): number for number, span in enumerate(task.spans)}
        by_value: dict[Span, int] = {}

        def number(span: Span) -> int:
            found = by_id.get(id(span))
            if found is None:
                if not by_value:
                    by_value.update((s, n) for n, s in enumerate(task.spans))
                found = by_value[span]
            return found

        line = {"_input_hash": task.input_hash, "tokens": self._digest(task.tokens),
                "spans": [[s.token_start, s.token_end, s.label, *([s.quote_type] if s.quote_type else [])]
                          for s in task.spans],
                "chars": [[s.start, s.end] for s in task.spans],
                "relations": [[number(r.head_span), number(r.child_span), r.label] for r in task.relations],
                "suggestions": [_suggestion_line(x) for x in task.suggestions]}
        self._set_aside_unapplied(task.input_hash)
        self._write(line)
        self._drafts[task.input_hash] = line

    def _digest(self, tokens: list[Token]) -> str:
        cached = self._digested
        if cached is None or cached[0] is not tokens or cached[1] != len(tokens):
            cached = self._digested = (tokens, len(tokens), token_digest(tokens))
        return cached[2]

    def clear(self, input_hash: int) -> None:
        if input_hash in self._drafts:
            self._set_aside_unapplied(input_hash)
            self._write({"_input_hash": input_hash, "cleared": True})
            del self._drafts[input_hash]

    def _write(self, line: dict[str, Any]) -> None:
        if self._file is None:
            self._file = os.fdopen(open_aside(self.path), "ab")
        self._file.write(_encode(line))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None and not self._file.closed:
            self._file.close()
        if not self._drafts and self.path.is_file() and not self.path.is_symlink():
            self.path.unlink()  # every draft was decided: nothing left to keep


def _open_journal(path: Path, flags: int) -> int:
    """The journal opened without following a symlink planted at its name (``InputError`` then)."""
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        if os.path.islink(path):
            raise InputError(str(path), None, "the draft journal is a symbolic link; it is never read or "
                             "written through a link: remove the link") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(str(path), None, "the draft journal is not a regular file; remove what is there")
    os.set_blocking(fd, True)
    return fd


def _encode(line: dict[str, Any]) -> bytes:
    # The bytes json.dumps(line, ensure_ascii=False, separators=(",", ":")) gives, in a tenth of
    # the time: this runs before every key's repaint.
    return msgspec.json.encode(line) + b"\n"


