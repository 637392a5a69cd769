r"""The ``conll`` format: one token per line in the CoNLL-2003 shape, which spaCy, HF loaders and seqeval read.

By default each line is ``TOKEN _ _ NER`` (the POS and chunk columns CoNLL-2003 has are empty,
marked ``_``; the entity tag is last, BIO). ``--columns ner,quote,speaker`` writes
``TOKEN QUOTE SPEAKER NER`` instead (the columns given, the entity tag always last, where
``spacy convert -c ner`` and CoNLL-2003 readers take it from). Each document starts
with ``-DOCSTART- -X- O O`` (the spelling ``spacy convert`` splits documents on; CoNLL-2003's own
files have ``-X- -X- O``, and HF-style readers only look at ``-DOCSTART-``) and a blank line;
sentences (spaCy's rule-based sentencizer, never splitting an entity) end with a blank line.
A quote or speaker that runs over a sentence end starts again with ``B-`` in the next one.
Whitespace tokens are left out; whitespace inside a token (or tag) becomes ``_``.

Document text cannot fake the layout (``escape_cell``, undone by ``unescape_cell``): a token that
starts with ``-DOCSTART-`` is written ``\-DOCSTART-...``, so only our own boundary line starts
with it; a control or format character (NUL, ESC, C1, bidi marks, zero-width characters: Unicode
Cc and Cf) is written ``\uXXXX``; and so that this stays reversible, a backslash is written ``\\``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import IO, Any

from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from annotator.formats.bio import tagged_tokens
from annotator.formats.format import ExportContext, ExportOptionError, Exporter, Format, FormatOptions, StreamWriter

DOCSTART = "-DOCSTART-"
_WHITESPACE = re.compile(r"\s")
_SENTENCIZER = Sentencizer()
#: Unicode categories written as an escape: control, format (bidi marks, zero-width characters, the
#: BOM) and lone surrogates (which cannot be encoded). Whitespace has become ``_`` before this.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_UNESCAPE = re.compile(r"\\(\\|u[0-9a-f]{4}|U[0-9a-f]{8}|(?=-DOCSTART-))")


def _escaped_char(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_cell(text: str) -> str:
    """One token or tag as written: no whitespace, no control or format character, no boundary."""
    cell = _WHITESPACE.sub("_", text)
    # isprintable() is False for every character that might need escaping (and for a few that do not).
    if not cell.isprintable() or "\\" in cell:
        cell = "".join(_escaped_char(char) for char in cell)
    return "\\" + cell if cell.startswith(DOCSTART) else cell


def unescape_cell(cell: str) -> str:
    """What ``escape_cell`` wrote, read back (whitespace stays ``_``: a token never had any to read)."""
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code == "\\":
            return "\\"
        if not code:
            return ""  # the backslash that kept a token from reading as -DOCSTART-
        return chr(int(code[1:], 16))
    return _UNESCAPE.sub(replace, cell)


def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts with the rule-based sentencizer, but never inside an entity."""
    _SENTENCIZER(doc)
    for ent in doc.ents:
        for token in ent[1:]:
            token.is_sent_start = False
    return doc


def conll_sentences(doc: Doc, columns: tuple[str, ...]) -> list[list[tuple[str, ...]]]:
    """The document's sentences, each a list of (token, tag per column)."""
    split_sentences(doc)
    sentences: list[list[tuple[str, ...]]] = []
    tagged = {t.index: t for t in tagged_tokens(doc)}
    for sentence in doc.sents:
        rows = []
        for token in sentence:
            if token.i not in tagged:
                continue
            tags = [getattr(tagged[token.i], column) for column in columns]
            if not rows:
                # A span that began in an earlier sentence starts again here.
                tags = [f"B-{tag[2:]}" if tag.startswith("I-") else tag for tag in tags]
            rows.append((escape_cell(token.text), *(escape_cell(tag) for tag in tags)))
        if rows:
            sentences.append(rows)
    return sentences


class ConllWriter(StreamWriter):
    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        self._out = out
        columns = context.options.columns if context else ("ner",)
        # spaCy's CoNLL reader and CoNLL-2003 loaders take the entity tag from the last column.
        self._columns = tuple(c for c in columns if c != "ner") + (("ner",) if "ner" in columns else ())
        # The CoNLL-2003 shape has four columns with the entity tag last.
        self._placeholders = ("_", "_") if self._columns == ("ner",) else ()
        width = len(self._placeholders) + len(self._columns)
        self._docstart = " ".join([DOCSTART, *(["-X-"] + ["O"] * (width - 1) if width > 1 else ["O"])])

    def add(self, decision: Any, doc: Doc) -> None:
        lines = [self._docstart, ""]
        for sentence in conll_sentences(doc, self._columns):
            for token, *tags in sentence:
                lines.append(" ".join([token, *self._placeholders, *tags]))
            lines.append("")
        self._out.write(("\n".join(lines) + "\n").encode("utf-8"))


#: The tag columns ``--columns`` may name.
CONLL_COLUMNS = ("ner", "quote", "speaker")


@dataclass(frozen=True)
class ConllOptions(FormatOptions):
    #: export: the tag columns after the token (``--columns``), the entity tag always last
    columns: tuple[str, ...] | str = ("ner",)

    def __post_init__(self) -> None:
        columns = self.columns
        if isinstance(columns, str):
            columns = tuple(c.strip() for c in columns.split(",") if c.strip())
        unknown = [c for c in columns if c not in CONLL_COLUMNS]
        if unknown or not columns or len(set(columns)) != len(columns):
            raise ExportOptionError(f"--columns {','.join(columns)!r}: name each of "
                                    f"{', '.join(CONLL_COLUMNS)} at most once")
        object.__setattr__(self, "columns", tuple(columns))


FORMAT = Format(name="conll", summary="CoNLL-2003 columns (token, tags, BIO entity tag last)", options=ConllOptions,
                exporter=Exporter(writer=ConllWriter, needs_doc=True))
