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
    found: set[tuple[int, int]] = set()
    for start, end in _raw_candidates(doc):
        trimmed = _trim(doc, start, end)
        if trimmed is not None and trimmed[1] - trimmed[0] <= max_tokens:
            found.add(trimmed)
            # Annotators often keep a question's or an exclamation's mark, or the stop before a closing quote.
            end = trimmed[1]
            if end < len(doc) and doc[end].text in _KEPT_PUNCT:
                found.add((trimmed[0], end + 1))
            # A clause's opener ("that", "whether") is outside the content.
            if doc[trimmed[0]].lower_ in OPENERS and trimmed[1] - trimmed[0] > 1:
                inner = _trim(doc, trimmed[0] + 1, trimmed[1])
                if inner is not None:
                    found.add(inner)
    return sorted(found)


def complement_clause(verb: Token) -> tuple[int, int] | None:
    """The clause a verb reports, after it (``believes [that] the deal will fail``): its complement
    clause's words without the opener and edge punctuation, within the paragraph; None without one."""
    for child in verb.rights:
        if child.dep_ == "ccomp":
            start, end = _subtree(child)
            if verb.doc[start].lower_ in OPENERS:
                start += 1
            return _trim(verb.doc, start, end)
    return None


def _raw_candidates(doc: Doc) -> Iterator[tuple[int, int]]:
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sentences:
        yield sent.start, sent.end
        for token in sent:
            if token.dep_ in CONTENT_DEPS:
                yield _subtree(token)
            if token.pos_ in ("VERB", "AUX") or token.text in (":", "—", "–"):
                # The clause after a cue (or a colon, a dash), to the end of the sentence.
                yield token.i + 1, sent.end
                yield from _to_comma(doc, token.i + 1, sent.end)
            if token.text == ",":
                # What comes before an inverted attribution ("..., she said.").
                yield sent.start, token.i
    for segment in find_marked_segments(doc.text):
        span = doc.char_span(segment.start, segment.end, alignment_mode="expand")
        if span is not None:
            yield span.start, span.end
            inner = doc.char_span(segment.start + 1, segment.end - 1, alignment_mode="expand")
            if inner is not None and len(inner):
                yield inner.start, inner.end


def _subtree(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _to_comma(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """From ``start`` to the first comma before ``end``, when there is one."""
    for i in range(start, end):
        if doc[i].text == ",":
            yield start, i
            return


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Without spaces, line breaks and punctuation (but quotation marks) at the edges, and within one
    paragraph (the part before the first line break)."""
    for i in range(start, end):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i
            break
    while start < end and (doc[start].is_space or (doc[start].is_punct and not doc[start].is_quote)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and not doc[end - 1].is_quote)):
        end -= 1
    return (start, end) if start < end else None


#: Words before a verb that a cue often includes (``has said``, ``did not deny``, ``publicly stated``).
_VERB_LEFT = frozenset({"AUX", "PART", "ADV"})
#: Words after a cue word that a cue often includes (``according to``, ``pointed out``).
_CUE_RIGHT = frozenset({"ADP", "PART"})
#: Longest speaker candidate read off the parse, in tokens (``a spokeswoman for the port authority``).
MAX_SPEAKER_TOKENS = 12


def attribution_candidates(doc: Doc) -> list[tuple[int, int]]:
    """What a span classifier labels QUOTE, SPEAKER or CUE: the quote candidates above, plus the short
    spans for speakers and cues (``speaker_and_cue_candidates``)."""
    found = set(parse_candidates(doc))
    found.update(speaker_and_cue_candidates(doc))
    return sorted(found)


def speaker_and_cue_candidates(doc: Doc) -> set[tuple[int, int]]:
    """Every word; noun chunks, entities and the phrase each noun or pronoun heads (speakers); and the
    verb groups a cue is (the verb with the auxiliaries, particles and adverbs right before it, with
    and without a preposition or particle after it; a noun or adjective with its preposition).
    Without a parse: every run of up to three words."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
        return _word_runs(doc, 3)
    found = _word_runs(doc, 1)
    found.update((chunk.start, chunk.end) for chunk in doc.noun_chunks)
    found.update((ent.start, ent.end) for ent in doc.ents)
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            trimmed = _trim(doc, *_subtree(token))
            if trimmed is not None and trimmed[1] - trimmed[0] <= MAX_SPEAKER_TOKENS:
                found.add(trimmed)
        if token.pos_ in ("VERB", "NOUN", "ADJ"):
            found.update(_cue_groups(doc, token))
    return found


def _cue_groups(doc: Doc, token: Token) -> Iterator[tuple[int, int]]:
    ends = [token.i + 1]
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in _CUE_RIGHT:
        ends.append(token.i + 2)
    starts = [token.i]
    if token.pos_ == "VERB":
        while starts[-1] > 0 and doc[starts[-1] - 1].pos_ in _VERB_LEFT and len(starts) <= 3:
            starts.append(starts[-1] - 1)
    for start in starts:
        for end in ends:
            if end - start > 1:
                yield start, end


def _word_runs(doc: Doc, max_words: int) -> set[tuple[int, int]]:
    """Every run of up to ``max_words`` words without edge punctuation or spaces."""
    found = set()
    words = [i for i, token in enumerate(doc) if not token.is_space]
    for n, start in enumerate(words):
        for end in words[n:n + max_words]:
            if _trim(doc, start, end + 1) == (start, end + 1):
                found.add((start, end + 1))
    return found
