"""The ``conll`` format: one token per line, CoNLL-2003 style, with quote and speaker columns.

Each line is ``TOKEN NER QUOTE SPEAKER``, separated by single spaces, every column BIO
(``B-PERSON``, ``I-QUOTE``, ``O``). Each document starts with a ``-DOCSTART- O O O`` line
followed by a blank line, and its tokens form one block ended by a blank line (we keep no
sentence boundaries). Whitespace tokens are left out; whitespace inside a token becomes ``_``.
"""

from __future__ import annotations

import re
from typing import IO, Any

from spacy.tokens import Doc

from annotator.export.bio import tagged_tokens

DOCSTART = "-DOCSTART- O O O\n\n"
_WHITESPACE = re.compile(r"\s")


class ConllWriter:
    needs_doc = True

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out

    def add(self, decision: Any, doc: Doc) -> None:
        lines = [DOCSTART]
        for token in tagged_tokens(doc):
            text = _WHITESPACE.sub("_", token.text)
            lines.append(f"{text} {token.ner} {token.quote} {token.speaker}\n")
        lines.append("\n")
        self._out.write("".join(lines).encode("utf-8"))

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass
