"""Where a clause or a sentence starts and ends, in tokens: the edges that ``$`` and ``.`` extend a
selection to, and that a focused span's bounds move to. Plain Python over a task's tokens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from annotator.core.records import Task
from annotator.core.span_queries import word_token_after
from annotator.tui.display_text import is_word

_SENTENCE_ENDS = frozenset({".", "?", "!", "…"})

#: Given a token, the token where ``, he said`` or ``, according to X`` begins after it in its
#: sentence, or None (the screen passes the pre-labeler's rule; no model runs).
TailFinder = Callable[[int], "int | None"]


def _inside_sentence(text: str) -> bool:
    return text not in _SENTENCE_ENDS and "\n" not in text


@dataclass
class TextEdges:
    """The clause and sentence edges of one task; ``tail`` finds attribution tails."""

    task: Task
    tail: TailFinder | None = None

    def next_token(self, token: int, step: int) -> int:
        """The nearest non-whitespace token in ``step`` direction, or ``token`` at the edge."""
        found = word_token_after(self.task, token, step)
        return token if found is None else found

    def next_word(self, token: int, step: int) -> int:
        """The next word (not a mark or space) from ``token`` in direction ``step``, or the last
        token that way when no word is left."""
        tokens = self.task.tokens
        probe = self.next_token(token, step)
        while probe != token and not is_word(tokens[probe].text):
            token, probe = probe, self.next_token(probe, step)
        return probe

    def clause_start_before(self, token: int) -> int:
        return self._last_word_before(token, is_word, step=-1)

    def sentence_start_before(self, token: int) -> int:
        return self._last_word_before(token, _inside_sentence, step=-1)

    def clause_end_after(self, token: int) -> int:
        return self._last_word_before(token, is_word)

    def sentence_end_after(self, token: int) -> int:
        """The last word of ``token``'s sentence before its attribution tail, if it has one; from a
        word right before the tail (or a sentence end), the end of the next piece."""
        end = self._last_word_before(token, _inside_sentence)
        tail = self.tail(token) if self.tail is not None else None
        if tail is not None and tail <= end:
            before_tail = self._last_word_before(token, lambda text: True, stop=tail)
            if before_tail != token:
                return before_tail
        return end

    def _last_word_before(self, start: int, goes_on: Callable[[str], bool], stop: int | None = None,
                          step: int = 1) -> int:
        """The last word token after ``start`` (before it, with ``step`` -1) before the first token
        (after the first step) where ``goes_on`` fails, or before token ``stop``."""
        tokens = self.task.tokens
        probe = last_word = start
        while True:
            following = self.next_token(probe, step)
            if following == probe or (probe != start and not goes_on(tokens[following].text)):
                break
            if stop is not None and following >= stop:
                break
            low, high = sorted((probe, following))
            if "\n" in self.task.text[tokens[low].end:tokens[high].start]:
                break  # a selection made with these keys never crosses a paragraph
            probe = following
            if is_word(tokens[probe].text):
                last_word = probe
        return last_word
