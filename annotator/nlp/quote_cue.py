"""Cues for quotes the annotator marks by hand, read with the pre-labeler's lexicon: the cue words
near a quote (for the cue picker and the first cue of a new quote; a past-tense verb right before
the quote counts too, as ``described`` in ``She described it as …``), and where an attribution tail
(``, he said``, ``, according to X``) begins, so a selection stops before it. Works on the task's
own tokens: no model is run, so it answers at once on the UI thread."""

from __future__ import annotations

from functools import lru_cache

from annotator.core.records import QUOTE, Span, Task
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, SENTENCE_END, Lexicon

#: How many tokens after a comma the cue of an attribution tail may come (``, the minister told``).
TAIL_CUE_WITHIN = 5
#: The longest attribution tail (comma to sentence end) read as one: longer is a clause of its own.
TAIL_MAX_TOKENS = 16
_TAIL_OPENERS = frozenset({",", "—", "–", "--"})


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return Lexicon()


def _is_break(task: Task, token: int) -> bool:
    return "\n" in task.tokens[token].text


def _cue_at(task: Task, token: int) -> tuple[int, int] | None:
    """The cue starting at ``token``: a speech or cognition verb form, or ``according to``; a
    capitalised word inside a sentence is a name (``United States``), not a verb."""
    tokens = task.tokens
    text = tokens[token].text
    if text[:1].isupper() and token > 0 and tokens[token - 1].text not in SENTENCE_END \
            and tokens[token - 1].text not in QUOTE_MARK_TOKENS and not _is_break(task, token - 1):
        return None
    lower = text.lower()
    if lower == "according" and token + 1 < len(tokens) and tokens[token + 1].text.lower() == "to":
        return token, token + 1
    if lower in _lexicon().forms:
        return token, token
    return None


def _finite(task: Task, cue: tuple[int, int]) -> bool:
    """A past or third-person form (``said``, ``says``, ``according to``), likelier a cue than a noun."""
    lower = task.tokens[cue[0]].text.lower()
    return cue[1] > cue[0] or lower in _lexicon().past_forms or lower.endswith("s") and lower != "comments"


def _quoted(task: Task, token: int, but: Span | None) -> bool:
    return any(s.label == QUOTE and s != but and s.token_start <= token <= s.token_end for s in task.spans)


def _sentence_bounds(task: Task, first: int, last: int) -> tuple[int, int]:
    """Tokens from the sentence start before ``first`` to the sentence end after ``last``, within
    the paragraph."""
    tokens = task.tokens
    start = first
    while start > 0 and not _is_break(task, start - 1) and tokens[start - 1].text not in SENTENCE_END:
        start -= 1
    end = last
    while end + 1 < len(tokens) and not _is_break(task, end + 1) and tokens[end].text not in SENTENCE_END:
        end += 1
    # A closing mark after the full stop belongs to the sentence.
    while end + 1 < len(tokens) and tokens[end + 1].text in QUOTE_MARK_TOKENS:
        end += 1
    return start, end


def cue_words(task: Task, quote: Span) -> list[tuple[int, int]]:
    """Cue words (first, last token) in the quote's paragraph, outside any quote, nearest first."""
    tokens = task.tokens
    start = quote.token_start
    while start > 0 and not _is_break(task, start - 1):
        start -= 1
    end = quote.token_end
    while end + 1 < len(tokens) and not _is_break(task, end + 1):
        end += 1
    found = []
    for token in [*range(start, quote.token_start), *range(quote.token_end + 1, end + 1)]:
        cue = _cue_at(task, token)
        if cue is not None and not _quoted(task, token, quote):
            distance = quote.token_start - cue[1] if cue[1] < quote.token_start else cue[0] - quote.token_end
            found.append((distance, cue))
    before = verb_before(task, quote)
    if before is not None and all(cue != before for _, cue in found):
        found.append((quote.token_start - before[1], before))
    return [cue for _, cue in sorted(found)]


def verb_before(task: Task, quote: Span) -> tuple[int, int] | None:
    """A past-tense word right before the quote (``She described it as …``, ``listed a series``;
    ``that`` and a comma or colon may come between): the verb that governs a reported clause in
    news copy, even when it is in no word list."""
    tokens = task.tokens
    token = quote.token_start - 1
    while token >= 0 and (not tokens[token].text.strip() or tokens[token].text.lower() in ("that", ",", ":")):
        token -= 1
    if token < 0 or _is_break(task, token) or _quoted(task, token, quote):
        return None
    word = tokens[token].text
    if word.isalpha() and word.islower() and word.endswith("ed") and len(word) > 4:
        return token, token
    return None


def guess_cue(task: Task, quote: Span) -> tuple[int, int] | None:
    """The cue of a quote by the rules' word lists: the nearest cue word in the quote's sentence
    (a verb form before a bare form that may be a noun), else a past-tense verb right before the
    quote, or None."""
    first, last = _sentence_bounds(task, quote.token_start, quote.token_end)
    within = [c for c in cue_words(task, quote) if first <= c[0] and c[1] <= last]
    finite = [c for c in within if _finite(task, c)]
    return (finite or within or [verb_before(task, quote)])[0]


def attribution_tail(task: Task, start: int) -> int | None:
    """The token where an attribution tail begins after ``start`` in its sentence (the comma of
    ``, he said.``, ``, said Sergei Lavrov.``, ``, according to the ministry.``), or None."""
    tokens = task.tokens
    _, end = _sentence_bounds(task, start, start)
    for comma in range(start + 1, end + 1):
        if tokens[comma].text not in _TAIL_OPENERS:
            continue
        if end - comma > TAIL_MAX_TOKENS:
            continue
        words = [t for t in range(comma + 1, end + 1) if tokens[t].text.strip()]
        for token in words[:TAIL_CUE_WITHIN]:
            cue = _cue_at(task, token)
            speech = cue is not None and (cue[1] > cue[0] or _lexicon().forms[tokens[token].text.lower()]
                                          in _lexicon().speech)
            if speech and _finite(task, cue):
                return comma
    return None
