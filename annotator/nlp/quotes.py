"""Finding quotes and their cues: direct (between marks), headlines (``Name: words``), indirect
(a speech or cognition verb with a reported clause, ``according to X``, inverted ``…, said X``)
and mixed (a paraphrase with a quoted part).

Writes ``doc.spans["quotes"]`` (with ``span._.quote_type``), ``doc.spans["cues"]`` and ``CUE``
relations (quote → cue); the speakers component reads the cue to find who spoke.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annotator.core.records import CUE, CUE_REL, QUOTE
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.cues import COGNITION_VERBS, SPEECH_VERBS, CueLexicon
from annotator.nlp.marks import (
    MarkedSegment,
    find_marked_segments,
    paragraph_bounds,
    paragraph_starts,
    trim_content,
)
from annotator.nlp.entities import ORGANISATION_NOUNS, describes_person_word
from annotator.nlp.speakers import subject_of

_MARKS = frozenset("\"“”„«»‹›‘’‚") | {"''"}
_SENTENCE_END = frozenset(".!?")
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
#: Speech verbs whose object is the listener (``told BBC Radio Leeds that …``).
_LISTENER_VERBS = frozenset({"tell", "inform", "assure", "remind", "warn", "advise", "promise", "brief"})
#: Words that open an embedded question (``explain how …``).
_WH_WORDS = frozenset({"how", "why", "what", "where", "when", "whether", "which", "who"})
#: Tags of a finite verb: a clause with one can be a statement.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Words that end in a colon at the start of a line without being a speaker's name.
HEADLINE_LABELS = frozenset({
    "update", "updated", "note", "editor", "editors", "photo", "photos", "source", "sources",
    "read", "watch", "video", "related", "breaking", "exclusive", "live", "analysis", "opinion",
    "comment", "tags", "tag", "topics", "see", "also", "warning", "caption", "credit", "image",
    "file", "pictured", "listen", "subscribe", "correction", "disclaimer", "summary", "background",
    "context", "q", "a", "question", "answer", "by", "date", "time", "location", "category",
    "published", "posted", "copyright", "more", "explainer", "factbox", "timeline", "graphic",
})


@dataclass
class FoundQuote:
    span: Span
    quote_type: str
    cue: Span | None


@Language.factory(
    "annotator_quotes",
    assigns=["doc.spans", "doc._.relations"],
    default_config={
        "speech_verbs": list(SPEECH_VERBS),
        "cognition_verbs": list(COGNITION_VERBS),
        "extra_cue_verbs": [],
        "min_direct_words": 3,
        "headline_max_words": 25,
    },
)
def make_quote_finder(nlp: Language, name: str, speech_verbs: list[str], cognition_verbs: list[str],
                      extra_cue_verbs: list[str], min_direct_words: int, headline_max_words: int) -> QuoteFinder:
    return QuoteFinder(CueLexicon(speech_verbs, cognition_verbs, extra_cue_verbs),
                       min_direct_words=min_direct_words, headline_max_words=headline_max_words)


class QuoteFinder:
    """Finds every quote of a document and the cue word that introduces it."""

    def __init__(self, lexicon: CueLexicon | None = None, *, min_direct_words: int = 3,
                 headline_max_words: int = 25) -> None:
        self.lexicon = lexicon or CueLexicon()
        self.min_direct_words = min_direct_words
        self.headline_max_words = headline_max_words

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        if not len(doc):
            return doc
        # self._text is rebuilt from the tokens on every access: read it once per document.
        self._text = doc.text
        self._named_words: set[str] | None = None  # filled by _looks_like_name when first needed
        starts = paragraph_starts(self._text)
        segments = find_marked_segments(self._text)
        self._closes = {s.end: s.close_at for s in segments if s.close_at is not None}
        self._close_marks = set(self._closes.values())
        inside = [(s.start, s.end) for s in segments]
        found = self._direct(doc, segments, starts)
        found = self._headlines(doc, starts, found)
        found += self._interview_answers(doc, starts)
        found = self._merge_indirect(found, self._indirect(doc, starts, inside))
        quotes: list[Span] = []
        cues: dict[tuple[int, int], Span] = {}
        for item in sorted(found, key=lambda f: f.span.start):
            item.span._.quote_type = item.quote_type
            quotes.append(item.span)
            if item.cue is not None:
                cue = cues.setdefault((item.cue.start, item.cue.end), item.cue)
                add_relation(doc, item.span, QUOTE, cue, CUE, CUE_REL)
        doc.spans["quotes"] = quotes
        doc.spans["cues"] = sorted(cues.values(), key=lambda s: s.start)
        return doc

    # -- direct quotes ---------------------------------------------------------------------

    def _direct(self, doc: Doc, segments: list[MarkedSegment], starts: list[int]) -> list[FoundQuote]:
        found = []
        for segment in segments:
            span = _char_span(doc, segment.start, segment.end)
            if span is None:
                continue
            para_start, para_end = paragraph_bounds(self._text, segment.open_at, starts)
            cue = None
            if segment.close_at is not None:
                cue = self._cue_after(doc, segment, para_end)
            if cue is None and not self._named_phrase(doc, segment, span):
                cue = self._cue_before(doc, segment, para_start)
            if cue is None and not self._text[para_start:segment.open_at].strip():
                cue = self._cue_before_colon(doc, para_start)
            if cue is None and not self._stands_alone(doc, segment, span):
                continue
            if cue is None:
                cue = self._introducing_colon(doc, segment, para_start)
            found.append(FoundQuote(span, "direct", cue))
        return found

    def _named_phrase(self, doc: Doc, segment: MarkedSegment, span: Span) -> bool:
        """``asked about "the penalty miss"``: a quoted phrase without a tensed verb that is the object
        of a preposition names something (a scare quote or a title); a cue before it does not report it.
        ``as``/``like`` are the exception (``described the offer as "an insult"`` quotes a judgement),
        and so is an active speech verb (``warned of "a lost decade"``), not a passive one
        (``tired of being asked about "the penalty miss"``)."""
        mark = _token_at_or_after(doc, segment.open_at)
        if mark == 0 or doc[mark - 1].pos_ != "ADP" or doc[mark - 1].lower_ in ("as", "like") \
                or self._text[segment.end - 1] in "?!…":
            return False
        head = doc[mark - 1].head
        if self.lexicon.is_speech(head) and not any(c.dep_ == "auxpass" for c in head.children):
            return False  # "warned of "a lost decade"": the speaker's own words
        return span.root.dep_ == "pobj" or not any(t.tag_ in _FINITE_TAGS for t in span)

    def _stands_alone(self, doc: Doc, segment: MarkedSegment, span: Span) -> bool:
        """A quote without a cue is kept when it reads like speech, not a title or scare quote."""
        words = sum(1 for t in span if not t.is_punct and not t.is_space)
        if words < self.min_direct_words:
            return False
        close = segment.close_at if segment.close_at is not None else segment.end
        ends_like_speech = self._text[segment.end:close].strip()[:1] in (",", ".", "?", "!", "…") or \
            self._text[segment.end - 1] in "?!…"
        before = self._text[:segment.open_at].rstrip()
        embedded = bool(before) and before[-1].isalnum()
        if embedded and self._named_phrase(doc, segment, span):
            return False  # "tired of being asked about "the penalty miss"": a phrase named, not speech
        return ends_like_speech or not embedded

    def _cue_after(self, doc: Doc, segment: MarkedSegment, para_end: int) -> Span | None:
        text = self._text
        assert segment.close_at is not None
        last = text[segment.start:segment.close_at].rstrip()[-1:]
        if last == ".":
            return None  # a full stop ends the sentence: what follows is a new one
        first = _token_at_or_after(doc, segment.close_at + 1)
        for token in doc[first:first + 14]:
            if token.idx >= para_end or _is_quote_mark(token):
                break
            if token.text in _SENTENCE_END:
                break
            if last in ("?", "!") and token.i == first and token.is_alpha and token.text[0].isupper() \
                    and not self.lexicon.is_cue(token) and token.pos_ != "PROPN":
                break
            cue = self._cue_at(token)
            if cue is not None:
                return cue
        return None

    def _cue_before(self, doc: Doc, segment: MarkedSegment, para_start: int) -> Span | None:
        last = _token_at_or_after(doc, segment.open_at) - 1
        for token in reversed(doc[max(0, last - 14):last + 1]):
            if token.idx < para_start or _is_quote_mark(token) or token.text in _SENTENCE_END:
                break
            cue = self._cue_at(token)
            if cue is not None:
                return cue
        return None

    def _cue_before_colon(self, doc: Doc, para_start: int) -> Span | None:
        """``Daniel Kebede said:`` closing the paragraph before a quote that opens its own."""
        text = self._text
        end = para_start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0 or text[end - 1] != ":":
            return None
        colon = _token_at_or_after(doc, end - 1)
        prev_start, _ = paragraph_bounds(text, end - 1)
        for token in reversed(doc[max(0, colon - 14):colon]):
            if token.idx < prev_start or _is_quote_mark(token) or token.text in _SENTENCE_END:
                break
            cue = self._cue_at(token)
            if cue is not None:
                return cue
        return None

    def _introducing_colon(self, doc: Doc, segment: MarkedSegment, para_start: int) -> Span | None:
        """``… pollster Dana Shore: "…"``: a colon right before the quote (or ending the paragraph
        before one that opens its own) introduces it; the speakers component finds who is named."""
        before = self._text[para_start:segment.open_at].rstrip()
        if not before:
            before = self._text[:para_start].rstrip()
        if not before.endswith(":"):
            return None
        colon = _token_at_or_after(doc, len(before) - 1)
        return doc[colon:colon + 1] if colon < len(doc) and doc[colon].text == ":" else None

    def _cue_at(self, token: Token) -> Span | None:
        doc = token.doc
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            return doc[token.i:token.i + 2]
        if self.lexicon.is_cue(token) and not _negated(token):
            return doc[token.i:token.i + 1]
        return None

    # -- headlines -------------------------------------------------------------------------

    def _headlines(self, doc: Doc, starts: list[int], found: list[FoundQuote]) -> list[FoundQuote]:
        """``Name: words`` on a line of its own; a quote already found there gets the colon as cue."""
        text = self._text
        for colon in _colon_tokens(doc, text):
            para_start, para_end = paragraph_bounds(text, colon.idx, starts)
            name = [t for t in doc[_token_at_or_after(doc, para_start):colon.i] if not t.is_space]
            if not 1 <= len(name) <= 5 or not self._looks_like_name(name, doc):
                continue
            line_words = len(text[para_start:para_end].split())
            if line_words > self.headline_max_words:
                continue
            start, end = trim_content(text, colon.idx + 1, para_end)
            while start < end and text[start] in _MARKS:
                start += 1
            while end > start and text[end - 1] in _MARKS:
                end -= 1
            start, end = trim_content(text, start, end)
            span = _char_span(doc, start, end)
            if span is None or len([t for t in span if t.is_alpha]) < 3:
                continue
            cue = doc[colon.i:colon.i + 1]
            existing = [f for f in found if f.span.start_char < end and start < f.span.end_char]
            if existing:
                for item in existing:
                    item.cue = item.cue or cue
                continue
            found.append(FoundQuote(span, "direct", cue))
        return found

    def _looks_like_name(self, tokens: list[Token], doc: Doc) -> bool:
        if any(t.lower_ in HEADLINE_LABELS or t.like_num or t.pos_ in ("VERB", "AUX") for t in tokens):
            return False
        words = [t for t in tokens if t.is_alpha]
        if not words or not words[0].text[0].isupper():
            return False
        if not all(t.text[0].isupper() or t.pos_ in ("ADP", "DET", "PART", "PUNCT") for t in tokens):
            return False
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in tokens):
            return True
        # A headline is tagged badly ("Arteta" as a noun): the same word in a name elsewhere counts.
        # doc.ents builds every entity Span on each access: collect the words once per document.
        if self._named_words is None:
            self._named_words = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
        return all(t.text in self._named_words for t in words)

    # -- interviews ------------------------------------------------------------------------

    def _interview_answers(self, doc: Doc, starts: list[int]) -> list[FoundQuote]:
        """``Q:``/``A:`` transcripts: each answer paragraph is a direct quote; its cue is the ``A``."""
        text = self._text
        labelled = [(s, text[s:s + 2]) for s in starts if text[s:s + 2] in ("Q:", "A:")]
        if not any(label == "Q:" for _, label in labelled):
            return []
        found = []
        for para_start, label in labelled:
            if label != "A:":
                continue
            _, para_end = paragraph_bounds(text, para_start, starts)
            start, end = trim_content(text, para_start + 2, para_end)
            span = _char_span(doc, start, end)
            first = _token_at_or_after(doc, para_start)
            if span is not None and _word_count(span) >= self.min_direct_words:
                found.append(FoundQuote(span, "direct", doc[first:first + 1]))
        return found

    # -- indirect quotes -------------------------------------------------------------------

    def _indirect(self, doc: Doc, starts: list[int], inside: list[tuple[int, int]]) -> list[FoundQuote]:
        found = []
        for i in self.lexicon.possible_cues(doc, also=("according",)):
            token = doc[i]
            # Only "according" and cue verbs start a report: test those cheap conditions before
            # looking the token up among the quoted ranges.
            if token.lower_ == "according":
                if _within(token.idx, inside):
                    continue
                item = self._according_to(doc, token, starts, inside)
            else:
                lemma = self.lexicon.lemma_of(token)
                if lemma is None or _within(token.idx, inside) or _negated(token):
                    continue
                item = self._reported_clause(doc, token, starts, inside)
                if item is None and lemma in self.lexicon.speech:
                    item = self._inverted_report(doc, token, starts, inside)
                    if item is not None:
                        found.extend(self._continued_report(doc, token, item, starts, inside))
            if item is not None:
                found.append(item)
        return [f for f in found if not _reporters_question(f.span[0]) and not _reporters_question(f.cue[0])]

    def _reported_clause(self, doc: Doc, verb: Token, starts: list[int],
                         inside: list[tuple[int, int]]) -> FoundQuote | None:
        """``X said (that) CLAUSE``: the ccomp after the verb, without ``that`` and final punctuation."""
        if _asked_of_someone_else(verb):
            return None
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if not clauses and self.lexicon.is_speech(verb):
            clauses = _that_clause_below(verb)
        if not clauses:
            return None
        subject = subject_of(verb)
        if subject is None or subject.lower_ in _FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
            return None  # a relative pronoun whose antecedent subject_of could not find speaks for nobody
        clause = clauses[0]
        if clause.left_edge.lower_ in _WH_WORDS and not _could_speak(subject):
            return None  # "a finding that could help explain how …": a thing explains, nobody reports
        if not self.lexicon.is_speech(verb) and not _is_finite_clause(clause):
            return None  # "expected the merger to collapse": a forecast, not a report of speech
        para_start, para_end = paragraph_bounds(self._text, verb.idx, starts)
        start = clause.left_edge.i
        end = min(clause.right_edge.i + 1, _token_at_or_after(doc, para_end))
        end = min(end, self._participle_cut(clause, inside), self._coordination_cut(clause, inside),
                  self._relative_cut(doc, start, end))
        # "told BBC Radio Leeds that …": whatever comes before the clause's own "that" (the listener
        # a parser sometimes hangs inside the clause) is not part of what was said.
        that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i), None)
        if that is None and verb.lemma_.lower() in _LISTENER_VERBS:
            that = next((t for t in doc[start:min(end, start + 8)] if t.lower_ == "that"), None)
            if that is not None and any(t.dep_ in ("nsubj", "nsubjpass") or t.text in _MARKS
                                        for t in doc[start:that.i]):
                that = None  # "told him that was wrong" is not a listener before "that"
        if that is not None and start < that.i < end:
            start = that.i + 1
        while start < end and (doc[start].dep_ == "mark" and doc[start].lower_ in ("that", "whether", "if")
                               or doc[start].is_punct or doc[start].is_space):
            start += 1
        span = self._with_closing_mark(_trimmed(doc, start, end))
        if span is None or len(span) < 2 or not _has_words_outside(span, inside):
            return None
        return FoundQuote(span, _type_for(span, inside), doc[verb.i:verb.i + 1])

    def _with_closing_mark(self, span: Span | None) -> Span | None:
        """A paraphrase ending on a quoted part keeps that part's closing mark (``… “fearless”``),
        also when the mark comes after a final full stop or comma (``… fearless.”``)."""
        if span is None:
            return None
        text = self._text
        close = self._closes.get(span.end_char)
        if close is None and span.end_char + 1 in self._closes and text[span.end_char] in ".,":
            close = self._closes[span.end_char + 1]
        if close is None or not any(t.idx < close for t in span if t.text in _MARKS):
            return span
        end = _token_at_or_after(span.doc, close)
        if end < len(span.doc) and span.doc[end].idx == close:
            return span.doc[span.start:end + 1]
        return span

    def _coordination_cut(self, clause: Token, inside: list[tuple[int, int]]) -> int:
        """``said X had been "in touch" and hoped the deal would hold``: a verb coordinated after the
        reported clause, with no subject of its own, is the speaker's next act when it follows a
        closing quote mark or is a speech or cognition verb itself; the clause stops before ``and``."""
        doc = clause.doc
        for child in clause.children:
            if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX") or child.i <= clause.i:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
                continue
            cc = next((c for c in child.children if c.dep_ == "cc" and c.i < child.i), None)
            if cc is None:
                cc = doc[child.i - 1] if doc[child.i - 1].dep_ == "cc" else None
            if cc is None:
                continue
            before = doc[cc.i - 1] if cc.i else None
            # After the quoted part, a bare past tense is the speaker's next act ("and hoped");
            # "and would need support" (an auxiliary) goes on with the reported clause.
            after_quote = before is not None and self._quoted_part_ends_at(doc, cc.i, clause) \
                and child.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in child.children)
            if after_quote or self.lexicon.is_cue(child):
                return cc.i - 1 if before is not None and before.text == "," else cc.i
        return len(doc)

    def _quoted_part_ends_at(self, doc: Doc, cc: int, clause: Token) -> bool:
        """The phrase before ``and`` closes a quoted part: the mark itself (``"in touch" and``) or a
        noun phrase holding it (``a "very limited" service and``)."""
        before = doc[cc - 1] if cc else None
        if before is None:
            return False
        if before.idx in self._close_marks:
            return True
        phrase = before if before.pos_ in ("NOUN", "PROPN") else None
        if phrase is None or phrase.head.i == phrase.i:
            return False
        return any(t.idx in self._close_marks for t in doc[max(phrase.left_edge.i, clause.left_edge.i):cc])

    def _relative_cut(self, doc: Doc, start: int, end: int) -> int:
        """``… "full confidence" in Lindqvist, who took over in 2022``: a non-restrictive relative
        clause closing the report after a quoted part or a name describes that name; the reporter
        adds it, so the clause stops before the comma. A relative clause closed by a comma
        (``Lindqvist, who joined in 2019, would stay``) is inside the report and kept."""
        for i in range(start + 2, end):
            token = doc[i]
            if token.lower_ not in ("who", "whom", "whose") or doc[i - 1].text != ",":
                continue
            if any(t.text in (",", ";") for t in doc[i + 1:end]):
                continue
            named = doc[i - 2]
            if named.idx in self._close_marks or named.pos_ == "PROPN" and named.text[:1].isupper():
                return i - 1
        return end

    def _continued_report(self, doc: Doc, verb: Token, first: FoundQuote, starts: list[int],
                          inside: list[tuple[int, int]]) -> list[FoundQuote]:
        """``A, they said, and B.``: the clause after an inverted attribution is reported too."""
        subject = subject_of(verb, climb=0)
        if subject is None:
            return []
        after = max(verb.i, subject.right_edge.i) + 1
        if after >= len(doc) or doc[after].text != ",":
            return []
        _, para_end = paragraph_bounds(self._text, verb.idx, starts)
        start = after + 1
        if start < len(doc) and doc[start].lower_ in ("and", "but", "while"):
            start += 1
        end = min(doc[after].sent.end, _token_at_or_after(doc, para_end))
        if end <= start or doc[start].text in _MARKS:
            return []
        span = _trimmed(doc, start, end)
        if span is None or _word_count(span) < 3 or not _has_words_outside(span, inside):
            return []
        if not any(t.tag_ in _FINITE_TAGS and t.dep_ not in ("relcl", "acl") for t in span):
            return []
        if any(self.lexicon.is_cue(t) for t in span):
            return []  # "…, she said, adding that …": that report is found on its own
        return [FoundQuote(span, _type_for(span, inside), doc[verb.i:verb.i + 1])]

    def _participle_cut(self, clause: Token, inside: list[tuple[int, int]]) -> int:
        """``they would block the bill, calling it "a stunt"``: the participle after the comma is a
        second report (a cue, or a quote of its own), not part of the first clause."""
        doc = clause.doc
        for child in clause.children:
            if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i <= clause.i:
                continue
            if doc[child.i - 1].text != ",":
                continue
            quoted = any(_within(t.idx, inside) for t in child.subtree)
            if quoted or self.lexicon.is_speech(child):
                return child.i - 1
        return len(doc)

    def _inverted_report(self, doc: Doc, verb: Token, starts: list[int],
                         inside: list[tuple[int, int]]) -> FoundQuote | None:
        """``CLAUSE, said X.`` or ``CLAUSE, X said.`` with no quotation marks."""
        if any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children):
            return None
        subject = subject_of(verb, climb=0)
        if subject is not None and subject.i > verb.i:
            comma = verb.i - 1
        elif subject is not None:
            comma = subject.left_edge.i - 1
        else:
            return None
        if comma <= 0 or doc[comma].text not in (",", "—", "–"):
            return None
        if doc[comma - 1].text in _MARKS:
            return None  # "…," she said: a direct quote's attribution
        after = max(verb.i, subject.right_edge.i) + 1
        if after < len(doc) and doc[after].text == ":":
            return None  # "Speaking in X, she said:" introduces what follows, it reports nothing before
        para_start, _ = paragraph_bounds(self._text, verb.idx, starts)
        start = max(doc[comma - 1].sent.start, _token_at_or_after(doc, para_start))
        span = _trimmed(doc, start, comma)
        if span is None or _word_count(span) < 3 or not _has_words_outside(span, inside):
            return None
        if not any(t.tag_ in _FINITE_TAGS for t in span):
            return None  # a participle or a phrase ("Speaking at the conference, ..."), not a statement
        return FoundQuote(span, _type_for(span, inside), doc[verb.i:verb.i + 1])

    def _according_to(self, doc: Doc, according: Token, starts: list[int],
                      inside: list[tuple[int, int]]) -> FoundQuote | None:
        """``According to X, CLAUSE.`` and ``CLAUSE, according to X.``"""
        if according.i + 1 >= len(doc) or doc[according.i + 1].lower_ != "to":
            return None
        to = doc[according.i + 1]
        cue = doc[according.i:according.i + 2]
        para_start, para_end = paragraph_bounds(self._text, according.idx, starts)
        sent = according.sent
        first = max(sent.start, _token_at_or_after(doc, para_start))
        last = min(sent.end, _token_at_or_after(doc, para_end))
        phrase_end = max(to.right_edge.i + 1, to.i + 2)
        if according.i == first or (according.i > first and all(t.is_punct for t in doc[first:according.i])):
            if phrase_end >= last or doc[phrase_end].text != ",":
                return None
            span = _trimmed(doc, phrase_end + 1, last)
        elif doc[according.i - 1].text == "," and all(t.is_punct or t.is_space for t in doc[phrase_end:last]):
            span = _trimmed(doc, first, according.i - 1)
        else:
            return None
        if span is None or _word_count(span) < 3 or not _has_words_outside(span, inside):
            return None
        return FoundQuote(span, _type_for(span, inside), cue)

    @staticmethod
    def _merge_indirect(direct: list[FoundQuote], indirect: list[FoundQuote]) -> list[FoundQuote]:
        """Direct quotes inside a reported clause become part of one mixed quote."""
        kept_indirect: dict[tuple[int, int], FoundQuote] = {}
        for item in indirect:
            kept_indirect.setdefault((item.span.start, item.span.end), item)
        out = []
        for item in direct:
            if any(o.span.start <= item.span.start and item.span.end <= o.span.end
                   for o in kept_indirect.values()):
                continue
            out.append(item)
        return out + list(kept_indirect.values())


def _is_quote_mark(token: Token) -> bool:
    """A quotation mark, not the apostrophe of a possessive glued to its word (``Mr. Harris’ aide``)."""
    if token.text not in _MARKS:
        return False
    if token.text in ("’", "'") and token.i:
        before = token.doc[token.i - 1]
        return bool(before.whitespace_) or not before.text[-1:].isalpha()
    return True


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end)
    if span is None:
        span = doc.char_span(start, end, alignment_mode="contract")
    return span if span is not None and len(span) else None


def _colon_tokens(doc: Doc, text: str) -> Iterator[Token]:
    """The tokens that are a colon, in order: found in the text, not by visiting every token."""
    at = text.find(":")
    while at >= 0:
        i = _token_at_or_after(doc, at)
        if i < len(doc) and doc[i].idx == at and doc[i].text == ":":
            yield doc[i]
        at = text.find(":", at + 1)


def _token_at_or_after(doc: Doc, offset: int) -> int:
    """Index of the first token that starts at or after ``offset`` (len(doc) when none)."""
    low, high = 0, len(doc)
    while low < high:
        mid = (low + high) // 2
        if doc[mid].idx < offset:
            low = mid + 1
        else:
            high = mid
    return low


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    while start < end and (doc[start].is_space or doc[start].is_punct and doc[start].text not in _MARKS):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in (",", ".", ";", ":", "—", "–")):
        end -= 1
    return doc[start:end] if start < end else None


def _within(offset: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _has_words_outside(span: Span, inside: list[tuple[int, int]]) -> bool:
    return any(t.is_alpha and not _within(t.idx, inside) for t in span)


def _type_for(span: Span, inside: list[tuple[int, int]]) -> str:
    return "mixed" if any(span.start_char <= s and e <= span.end_char for s, e in inside) else "indirect"


def _word_count(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha or t.like_num)


def _that_clause_below(verb: Token) -> list[Token]:
    """``told analysts on a conference call that X``: a parser hangs the ``that`` clause on the last
    noun as a relative clause; with a subject of its own it is the reported clause."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "that" or token.dep_ != "mark":
            continue
        clause = token.head
        if clause.dep_ not in ("relcl", "acl", "advcl") or not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                   for c in clause.children):
            continue
        node = clause.head
        while node.i != verb.i and node.dep_ in ("dobj", "pobj", "prep", "npadvmod", "compound", "dative"):
            node = node.head
        if node.i == verb.i:
            return [clause]
    return []


def _is_finite_clause(clause: Token) -> bool:
    """A clause with a tensed verb or a modal (``the deal would hold``), not ``the deal to hold``."""
    if clause.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children)


def _asked_of_someone_else(verb: Token) -> bool:
    """``Asked whether X, she said: …``: a passive participle with no subject reports a question put
    to the main clause's subject by someone else; what follows it is not the subject's quote."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "ccomp", "acl", "ROOT") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _could_speak(subject: Token) -> bool:
    """A subject that can report something: a person, an organisation or a pronoun for one, not a
    thing (``the research``, ``a discovery``, ``it``)."""
    if subject.lower_ in ("he", "she", "they", "we", "i", "you", "who"):
        return True
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.pos_ == "PROPN":
        return True
    if subject.pos_ != "NOUN":
        return False
    return describes_person_word(subject) or subject.lower_ in ORGANISATION_NOUNS \
        or subject.lemma_.lower() in ORGANISATION_NOUNS


def _reporters_question(token: Token) -> bool:
    """``Asked whether/if/about …,`` opening a sentence: the reporter's question, never a quote."""
    doc = token.doc
    if token.lower_ != "asked" or token.i + 1 >= len(doc):
        return False
    first = token.is_sent_start or token.i == 0 or doc[token.i - 1].is_space or doc[token.i - 1].text in _MARKS
    return first and doc[token.i + 1].lower_ in ("whether", "if", "about", "what", "how", "why", "when", "who")


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)
