"""Candidate quote contents read off the parse, for a learned model to choose among and label: the
complement clauses and objects of every word, the clause after each verb, what follows a colon,
the words inside quotation marks, and whole sentences (each trimmed of edge punctuation; ``that``,
``whether`` and ``if`` left off a clause's start). A spaCy ``spancat`` suggester is built on it.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from annotator.nlp.marks import find_marked_segments

#: Dependencies whose subtree is often what an attribution reports (a clause, an object, an
#: infinitive, a complement of an adjective or a noun, the reported clause of an inverted cue).
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "pobj", "acomp", "attr", "oprd", "csubj", "advcl",
                          "parataxis", "acl", "relcl", "conj", "dative", "npadvmod", "nsubj", "nsubjpass"})
#: Words that open a complement clause and stay outside the content.
OPENERS = frozenset({"that", "whether", "if"})
#: Punctuation after a candidate that its gold content often includes.
_KEPT_PUNCT = frozenset({"?", "!", ".", "...", "…"})
#: Longest candidate, in tokens (longer reported content is cut into sentences by the annotators too).
MAX_TOKENS = 120


def parse_candidates(doc: Doc, *, max_tokens: int = MAX_TOKENS) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of every candidate, sorted and without duplicates."""
    return sorted(_quote_candidates(_View(doc), max_tokens))


def _quote_candidates(view: _View, max_tokens: int) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for start, end in _raw_candidates(view):
        trimmed = view.trim(start, end)
        if trimmed is not None and trimmed[1] - trimmed[0] <= max_tokens:
            found.add(trimmed)
            # Annotators often keep a question's or an exclamation's mark, or the stop before a closing quote.
            end = trimmed[1]
            if end < len(view.text) and view.text[end] in _KEPT_PUNCT:
                found.add((trimmed[0], end + 1))
            # A clause's opener ("that", "whether") is outside the content.
            if view.lower[trimmed[0]] in OPENERS and trimmed[1] - trimmed[0] > 1:
                inner = view.trim(trimmed[0] + 1, trimmed[1])
                if inner is not None:
                    found.add(inner)
    return found


class _View:
    """What the candidates read of each token, read once per document (a ``Token`` is built anew on
    every ``doc[i]``; reading each attribute once makes the suggester several times faster)."""

    def __init__(self, doc: Doc, lo: int = 0, hi: int | None = None) -> None:
        """The tokens ``lo`` to ``hi`` of ``doc`` (all of it by default); ``trim`` takes document indices."""
        self.doc = doc
        self.lo = lo
        self.text: list[str] = []
        self.lower: list[str] = []
        self.pos: list[str] = []
        self.dep: list[str] = []
        self.left: list[int] = []
        self.right: list[int] = []
        #: a space, or punctuation that is not a quotation mark: left off a candidate's edges
        self.edge: list[bool] = []
        self.space: list[bool] = []
        parsed = doc.has_annotation("DEP")
        for token in doc[lo:hi]:
            self.text.append(token.text)
            self.lower.append(token.lower_)
            self.pos.append(token.pos_)
            self.dep.append(token.dep_)
            self.left.append(token.left_edge.i if parsed else token.i)
            self.right.append(token.right_edge.i + 1 if parsed else token.i + 1)
            self.space.append(token.is_space)
            self.edge.append(token.is_space or (token.is_punct and not token.is_quote))
        # The first line break at or after each token (past the last token when none).
        count = len(self.text)
        self.next_break = [lo + count] * (count + 1)
        for i in range(count - 1, -1, -1):
            self.next_break[i] = lo + i if self.space[i] and "\n" in self.text[i] else self.next_break[i + 1]

    def trim(self, start: int, end: int) -> tuple[int, int] | None:
        """Without spaces, line breaks and punctuation (but quotation marks) at the edges, and within
        one paragraph (the part before the first line break)."""
        lo = self.lo
        end = min(end, self.next_break[start - lo]) if start < end else end
        while start < end and self.edge[start - lo]:
            start += 1
        while end > start and self.edge[end - 1 - lo]:
            end -= 1
        return (start, end) if start < end else None


def complement_clause(verb: Token) -> tuple[int, int] | None:
    """The clause a verb reports, after it (``believes [that] the deal will fail``): its complement
    clause's words without the opener and edge punctuation, within the paragraph; None without one."""
    for child in verb.rights:
        if child.dep_ == "ccomp":
            start, end = child.left_edge.i, child.right_edge.i + 1
            if verb.doc[start].lower_ in OPENERS:
                start += 1
            return _View(verb.doc, start, end).trim(start, end) if start < end else None
    return None


def _raw_candidates(view: _View) -> Iterator[tuple[int, int]]:
    doc = view.doc
    sentences = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc))]
    for sent_start, sent_end in sentences:
        yield sent_start, sent_end
        comma = None  # the first comma after the current token, in this sentence
        for i in range(sent_end - 1, sent_start - 1, -1):
            text = view.text[i]
            if view.dep[i] in CONTENT_DEPS:
                yield view.left[i], view.right[i]
            if view.pos[i] in ("VERB", "AUX") or text in (":", "—", "–"):
                # The clause after a cue (or a colon, a dash), to the end of the sentence, and to a comma.
                yield i + 1, sent_end
                if comma is not None:
                    yield i + 1, comma
            if text == ",":
                # What comes before an inverted attribution ("..., she said.").
                yield sent_start, i
                comma = i
    for segment in find_marked_segments(doc.text):
        span = doc.char_span(segment.start, segment.end, alignment_mode="expand")
        if span is not None:
            yield span.start, span.end
            inner = doc.char_span(segment.start + 1, segment.end - 1, alignment_mode="expand")
            if inner is not None and len(inner):
                yield inner.start, inner.end


#: Words before a verb that a cue often includes (``has said``, ``did not deny``, ``publicly stated``).
_VERB_LEFT = frozenset({"AUX", "PART", "ADV"})
#: Words after a cue word that a cue often includes (``according to``, ``pointed out``).
_CUE_RIGHT = frozenset({"ADP", "PART"})
#: Longest speaker candidate read off the parse, in tokens (``a spokeswoman for the port authority``).
MAX_SPEAKER_TOKENS = 12


def attribution_candidates(doc: Doc) -> list[tuple[int, int]]:
    """What a span classifier labels QUOTE, SPEAKER or CUE: the quote candidates above, plus the short
    spans for speakers and cues (``speaker_and_cue_candidates``)."""
    view = _View(doc)
    found = _quote_candidates(view, MAX_TOKENS)
    found.update(_speaker_and_cue_candidates(view))
    return sorted(found)


def speaker_and_cue_candidates(doc: Doc) -> set[tuple[int, int]]:
    """Every word; noun chunks, entities and the phrase each noun or pronoun heads (speakers); and the
    verb groups a cue is (the verb with the auxiliaries, particles and adverbs right before it, with
    and without a preposition or particle after it; a noun or adjective with its preposition).
    Without a parse: every run of up to three words."""
    return _speaker_and_cue_candidates(_View(doc))


def _speaker_and_cue_candidates(view: _View) -> set[tuple[int, int]]:
    doc = view.doc
    if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
        return _word_runs(view, 3)
    found = _word_runs(view, 1)
    found.update((chunk.start, chunk.end) for chunk in doc.noun_chunks)
    found.update((ent.start, ent.end) for ent in doc.ents)
    for i, pos in enumerate(view.pos):
        if pos in ("NOUN", "PROPN", "PRON"):
            trimmed = view.trim(view.left[i], view.right[i])
            if trimmed is not None and trimmed[1] - trimmed[0] <= MAX_SPEAKER_TOKENS:
                found.add(trimmed)
        if pos in ("VERB", "NOUN", "ADJ"):
            found.update(_cue_groups(view, i))
    return found


def _cue_groups(view: _View, i: int) -> Iterator[tuple[int, int]]:
    ends = [i + 1]
    if i + 1 < len(view.pos) and view.pos[i + 1] in _CUE_RIGHT:
        ends.append(i + 2)
    starts = [i]
    if view.pos[i] == "VERB":
        while starts[-1] > 0 and view.pos[starts[-1] - 1] in _VERB_LEFT and len(starts) <= 3:
            starts.append(starts[-1] - 1)
    for start in starts:
        for end in ends:
            if end - start > 1:
                yield start, end


def _word_runs(view: _View, max_words: int) -> set[tuple[int, int]]:
    """Every run of up to ``max_words`` words without edge punctuation or spaces."""
    found = set()
    words = [i for i, space in enumerate(view.space) if not space]
    for n, start in enumerate(words):
        for end in words[n:n + max_words]:
            if view.trim(start, end + 1) == (start, end + 1):
                found.add((start, end + 1))
    return found
