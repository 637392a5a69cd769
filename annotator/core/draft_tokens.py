"""Where a draft journal line's token ranges fall on a document's tokens: the same ones when the
document has the tokens the draft was made on, else through the draft's characters, exactly on
token boundaries or not at all (``DraftMisfit``): a draft is never laid on other words."""

from __future__ import annotations

import hashlib
from operator import attrgetter
from typing import Any, Callable, Sequence

import msgspec

from annotator.core.records import Token

#: Given a document's text, the (start, end) of the tokens a draft line without a ``"tokens"`` digest
#: (written before drafts recorded one) was made on, or None when they are the document's own.
EarlierTokens = Callable[[str], "Sequence[tuple[int, int]] | None"]
#: A draft's (token_start, token_end) → the document's
Move = Callable[[int, int], tuple[int, int]]

_START_END = attrgetter("start", "end")


class DraftMisfit(ValueError):
    """A draft made on other tokens whose spans do not start and end on the document's tokens."""


def token_digest(boundaries: Sequence[tuple[int, int]] | Sequence[Token]) -> str:
    """What a draft was made on: the first 12 hex digits of the SHA-1 of the tokens' offsets as
    JSON, ``[[start,end],...]`` (tokens or (start, end) pairs)."""
    pairs = [_START_END(x) for x in boundaries] if boundaries and isinstance(boundaries[0], Token) else boundaries
    return hashlib.sha1(msgspec.json.encode(pairs)).hexdigest()[:12]


def _same(first: int, last: int) -> tuple[int, int]:
    return first, last


class _Laying:
    """Lays character ranges on tokens: a range must start where a token starts and end where one ends."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._firsts = {token.start: i for i, token in enumerate(tokens)}
        self._lasts = {token.end: i for i, token in enumerate(tokens)}

    def lay(self, start: Any, end: Any) -> tuple[int, int]:
        first, last = self._firsts.get(start), self._lasts.get(end)
        if first is None or last is None or last < first:
            raise DraftMisfit(f"its span at characters {start}-{end} does not start and end on the "
                              "document's tokens")
        return first, last

    def through(self, earlier: Sequence[tuple[int, int]]) -> Move:
        """Token ranges over ``earlier`` tokens → ranges of these tokens over the same characters."""
        def move(first: int, last: int) -> tuple[int, int]:
            if not 0 <= first <= last < len(earlier):
                raise DraftMisfit(f"its tokens {first}-{last} are not tokens of the text it was made on")
            return self.lay(earlier[first][0], earlier[last][1])
        return move


def placement(line: dict[str, Any], tokens: Sequence[Token], text: str,
              earlier_tokens: EarlierTokens | None = None) -> tuple[list[tuple[int, int]], Move | None]:
    """The draft line's spans as token ranges of ``tokens``, and how its suggestions' ranges move
    (None: they cannot be moved; the document's own suggestions stand). Raises ``DraftMisfit``."""
    ranges = [(first, last) for first, last, *_ in line["spans"]]
    made_on = line.get("tokens")
    if made_on is None:  # written before drafts recorded their tokens
        earlier = earlier_tokens(text) if earlier_tokens is not None else None
        if earlier is None or token_digest(earlier) == token_digest(tokens):
            return ranges, _same
        move = _Laying(tokens).through(earlier)
        return [move(first, last) for first, last in ranges], move
    if made_on == token_digest(tokens):
        return ranges, _same
    chars = line.get("chars")
    if chars is None:
        raise DraftMisfit("it was made on other tokens and holds no characters of its spans")
    laying = _Laying(tokens)
    return [laying.lay(start, end) for start, end in chars], None
