"""Who said each quote: the subject of its cue, the name before a headline colon, the X of
``according to X``; an unattributed quote paragraph continuing an attributed one shares its speaker.

Writes ``doc.spans["speakers"]`` and ``SAID_BY`` relations (quote → speaker).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annotator.core.records import CUE, QUOTE, SAID_BY, SPEAKER
from annotator.nlp.convert import add_relation, ensure_span_groups, relations_of
from annotator.nlp.lexicon import (
    CLOSING_MARKS, PERSONAL_PRONOUNS, QUOTE_MARK_TOKENS, QUOTE_MARKS, SENTENCE_END, SUBJECT_DEPS, TITLES, Lexicon,
    describes_person_word, is_demonym, shared_lexicon,
)
from annotator.nlp.marks import paragraph_bounds, paragraph_starts

#: Children whose subtree is not part of a speaker's name or description.
_NOT_IN_PHRASE = frozenset({"relcl", "acl", "advcl", "punct", "cc", "prep_time", "parataxis"})
#: A headline speaker (``Lavrov: …``) is a name of at most this many tokens before the colon.
HEADLINE_NAME_TOKENS = 5


def subject_of(verb: Token, lexicon: Lexicon, climb: int = 2) -> Token | None:
    """The subject of a verb, or of the verb it hangs from (``she said, noting that ...``); a relative
    ``who`` stands for the noun its clause hangs from (``her family, who said …`` → ``family``)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head
            return child
    if climb and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.i != verb.head.i \
            and _reports(verb, lexicon):
        # "said his wife was "…" and joked that …": the parser hangs the second report on the first
        # reported clause; its subject is the first report's speaker, not the clause's subject.
        return subject_of(verb.head.head, lexicon, climb - 1)
    if climb and verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "prep") and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ in SUBJECT_DEPS:
                head = verb.head
                if child.tag_ in ("WP", "WDT") and head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
                    return head.head  # "a finding that could help explain": the finding, not "that"
                return child
        return subject_of(verb.head, lexicon, climb - 1)
    return None


def _reports(verb: Token, lexicon: Lexicon) -> bool:
    """A verb with a reported clause of its own (``joked that …``) or a speech verb."""
    return lexicon.has_speech_lemma(verb) or any(c.dep_ == "ccomp" for c in verb.children)


def noun_phrase(token: Token, text: str | None = None) -> Span:
    """The mention a subject token stands for: its subtree without clauses, within its paragraph."""
    doc = token.doc
    text = text if text is not None else doc.text
    if token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS:
        return doc[token.i:token.i + 1]
    det = next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)
    if det is not None and is_demonym(token):
        return doc[det.i:token.i + 1]  # "the Dane": a description, kept whole
    if token.ent_type_ == "PERSON":
        start, end = token.i, token.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        while start < token.i and doc[start].lower_.rstrip(".") in TITLES:
            start += 1  # "Councillor Mark Ellison": the name, not the title
        return doc[start:end]
    if token.pos_ == "PROPN" and token.text[:1].isupper() and not any(c.dep_ == "appos" for c in token.children):
        # "the ministry spokesperson Maria Zakharova": the name, without the title chain before it.
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in range(start, token.i + 1) \
                and doc[start - 1].dep_ == "compound":
            start -= 1
        # "LONDON - Maya Lindqvist": a parser that splits the sentence after a dateline leaves the
        # first name on its own; a title-case name word right before, in no other entity, is part of it.
        para_start = text.rfind("\n", 0, token.idx) + 1
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].ent_type_ in ("", "PERSON") and doc[start - 1].dep_ in ("compound", "ROOT") \
                and doc[start - 1].idx >= para_start and not doc[start - 1].whitespace_.count("\n"):
            start -= 1
        # "Jean-Pierre": hyphenated parts of one name.
        while start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
            start -= 2
        end = token.i + 1
        if token.ent_iob_ in ("B", "I"):
            # "the Office for Budget Responsibility": the whole name the head sits in, no determiner.
            ent_start, ent_end = token.i, token.i + 1
            while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
                ent_start -= 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            while ent_start < token.i and doc[ent_start].lower_ == "the":
                ent_start += 1
            start, end = min(start, ent_start), max(end, ent_end)
        return doc[start:end]
    keep = {token.i}
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in _NOT_IN_PHRASE and not (child.dep_ == "punct" and child.text in ",-"):
                continue
            keep.add(child.i)
            stack.append(child)
    start, end = min(keep), max(keep) + 1
    # "Another analyst, who asked not to be named,": the commas around a left-out clause go too.
    clauses = [c.left_edge.i for c in token.children if c.dep_ in ("relcl", "acl") and c.i > token.i]
    if clauses:
        end = min(end, min(clauses))
    para_start, para_end = paragraph_bounds(text, token.idx)
    # A quote mark inside the subtree means the parser ran into a quote: stop at it.
    for i in range(token.i - 1, start - 1, -1):
        if doc[i].text in QUOTE_MARK_TOKENS or doc[i].idx < para_start:
            start = i + 1
            break
    for i in range(token.i + 1, end):
        if doc[i].text in QUOTE_MARK_TOKENS or doc[i].idx >= para_end:
            end = i
            break
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def speaker_for_cue(cue: Span, lexicon: Lexicon, text: str | None = None) -> Span | None:
    """The speaker mention a cue points to, or None when the cue has none."""
    doc = cue.doc
    text = text if text is not None else doc.text
    if cue.text == ":":
        para_start, _ = paragraph_bounds(text, cue.start_char)
        first = cue.start
        while first > 0 and doc[first - 1].idx >= para_start and not doc[first - 1].is_space:
            first -= 1
        if cue.start - first > HEADLINE_NAME_TOKENS:
            return introduced_by_colon(cue)
        return doc[first:cue.start] if first < cue.start else None
    if cue.text == "A" and cue.end < len(doc) and doc[cue.end].text == ":":
        return interviewee(doc, text)
    if cue[0].lower_ == "according":
        to = cue[-1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if objects:
            return noun_phrase(objects[0], text)
        following = doc[to.i + 1:to.i + 2]
        return following if len(following) and following[0].pos_ in ("PROPN", "NOUN", "PRON") else None
    verb = cue.root
    subject = subject_of(verb, lexicon)
    if subject is not None:
        return noun_phrase(subject, text)
    # "…," added a state Democrat: an inverted attribution the parser read as an object.
    if verb.i > 0 and (doc[verb.i - 1].text in QUOTE_MARK_TOKENS or doc[verb.i - 1].text == ","):
        after = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod", "oprd")
                      and 0 < c.i - verb.i <= 6 and c.pos_ in ("PROPN", "NOUN")), None)
        if after is not None:
            return noun_phrase(after, text)
    named = named_after_mark(verb, text)
    if named is not None:
        return named
    # The parser may miss an inverted or short attribution: take a name or pronoun next to the verb.
    for i in (verb.i + 1, verb.i - 1):
        if 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].lower_ in ("he", "she", "they")):
            return noun_phrase(doc[i], text)
    return None


def named_after_mark(verb: Token, text: str | None = None) -> Span | None:
    """``"…," Mr. Okafor, a retired teacher who lives in Dayton, said``: when the parser loses the subject
    in a long apposition, the first name between the closing mark and the verb is who spoke."""
    doc = verb.doc
    mark = next((i for i in range(verb.i - 1, max(-1, verb.i - 30), -1) if doc[i].text in QUOTE_MARK_TOKENS), None)
    if mark is None:
        return None
    for i in range(mark + 1, verb.i):
        if doc[i].text in SENTENCE_END:
            return None
        if doc[i].ent_type_ == "PERSON" or doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            token = doc[i]
            while token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ == "PROPN":
                token = token.head  # "Mr." → "Okafor": the head of the name
            return noun_phrase(token, text)
    return None


def introduced_by_colon(colon: Span) -> Span | None:
    """Who a sentence ending in a colon hands the word to: the last person it names (``… surprise
    pollster Dana Shore:``), else its subject when that is a name or a pronoun (``She told them:``)."""
    doc = colon.doc
    sent = doc[colon.start].sent
    people = [e for e in doc.ents if e.label_ == "PERSON" and sent.start <= e.start and e.end <= colon.start]
    if people:
        start = people[-1].start
        while start < people[-1].end - 1 and not doc[start].is_alpha:
            start += 1  # "Here’s Ms. Lowry": a tagger may start the name at the "’s"
        return doc[start:people[-1].end]
    subject = next((t for t in sent.root.children if t.dep_ in SUBJECT_DEPS and t.i < colon.start), None)
    if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in PERSONAL_PRONOUNS - {"it", "i", "we", "you"}
                                or subject.pos_ == "NOUN" and describes_person_word(subject)):
        return noun_phrase(subject)
    return None


def interviewee(doc: Doc, text: str) -> Span | None:
    """Who answers in a ``Q:``/``A:`` transcript: the last person named in full before the first question."""
    first_question = text.find("\nQ:")
    if first_question < 0:
        first_question = 0 if text.startswith("Q:") else len(text)
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= first_question]
    full = [e for e in people if len(e) >= 2] or people
    return full[-1] if full else None


@Language.factory(
    "annotator_speakers",
    assigns=["doc.spans", "doc._.relations"],
    requires=["doc.spans"],
    default_config={"continue_paragraphs": True},
)
def make_speaker_finder(nlp: Language, name: str, continue_paragraphs: bool) -> SpeakerFinder:
    return SpeakerFinder(continue_paragraphs=continue_paragraphs, lexicon=shared_lexicon(nlp))


class SpeakerFinder:
    """Links every quote to the mention of its speaker."""

    def __init__(self, *, continue_paragraphs: bool = True, lexicon: Lexicon | None = None) -> None:
        self.continue_paragraphs = continue_paragraphs
        self.lexicon = lexicon or Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        quotes = sorted(doc.spans["quotes"], key=lambda s: s.start)
        if not quotes:
            doc.spans["speakers"] = []
            return doc
        text = doc.text
        cues = {(c.start_char, c.end_char): c for c in doc.spans["cues"]}
        cue_of = {}
        for hs, he, hl, cs, ce, cl, _ in relations_of(doc, CUE):
            if hl == QUOTE and (cs, ce) in cues:
                cue_of[(hs, he)] = cues[(cs, ce)]
        speaker_of: dict[int, Span] = {}
        for index, quote in enumerate(quotes):
            cue = cue_of.get((quote.start_char, quote.end_char))
            speaker = speaker_for_cue(cue, self.lexicon, text) if cue is not None else None
            if cue is not None and speaker is not None and _overlaps(speaker, quote):
                speaker = named_after_mark(cue.root, text) if cue.root.i >= quote.end else None
            if cue is not None and (speaker is None or _overlaps(speaker, quote)):
                speaker = _main_subject(cue, quote)
            if speaker is not None and len(speaker) and not _overlaps(speaker, quote):
                speaker_of[index] = speaker
        if self.continue_paragraphs:
            _continue_speakers(doc, text, quotes, speaker_of)
        speakers: dict[tuple[int, int], Span] = {}
        for index, speaker in sorted(speaker_of.items()):
            speaker = speakers.setdefault((speaker.start, speaker.end), speaker)
            add_relation(doc, quotes[index], QUOTE, speaker, SPEAKER, SAID_BY)
        doc.spans["speakers"] = sorted(speakers.values(), key=lambda s: s.start)
        return doc


def _main_subject(cue: Span, quote: Span) -> Span | None:
    """``Ms. Duarte stood to close the meeting, telling the room, "…"``: a participle cue the parser
    hung inside the quote speaks for the subject of its sentence's main verb, before the cue."""
    verb = cue.root
    if verb.tag_ not in ("VBG", "VBN") or not (quote.start <= verb.head.i < quote.end):
        return None
    root = verb.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < cue.start), None)
    if subject is None or quote.start <= subject.i < quote.end:
        return None
    return noun_phrase(subject)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _continue_speakers(doc: Doc, text: str, quotes: list[Span], speaker_of: dict[int, Span]) -> None:
    """Direct quote paragraphs without attribution take the speaker of the quote they continue."""
    starts = paragraph_starts(text)
    nonempty = [s for s in starts if text[s:text.find("\n", s) if text.find("\n", s) >= 0 else len(text)].strip()]

    def paragraph_index(span: Span) -> int:
        offset = span.start_char
        return sum(1 for s in nonempty if s <= offset) - 1

    def starts_paragraph(span: Span) -> bool:
        para_start, _ = paragraph_bounds(text, span.start_char, starts)
        return not text[para_start:span.start_char].strip(" \t" + QUOTE_MARKS)

    def open_ended(span: Span) -> bool:
        _, para_end = paragraph_bounds(text, span.start_char, starts)
        return not any(ch in CLOSING_MARKS for ch in text[span.end_char:para_end])

    direct = [i for i, q in enumerate(quotes) if q._.quote_type == "direct"]
    for after in direct:
        # The quote just before it, of any kind: ``He said the plan was dead.`` then a paragraph
        # that is only a quote continues what he said.
        before = after - 1
        if after in speaker_of or before < 0 or before not in speaker_of:
            continue
        gap = paragraph_index(quotes[after]) - paragraph_index(quotes[before])
        if gap == 0 or (gap == 1 and starts_paragraph(quotes[after])):
            speaker_of[after] = speaker_of[before]
    for before, after in reversed(list(zip(direct, direct[1:]))):
        if before in speaker_of or after not in speaker_of:
            continue
        gap = paragraph_index(quotes[after]) - paragraph_index(quotes[before])
        if gap == 1 and open_ended(quotes[before]) and starts_paragraph(quotes[after]):
            speaker_of[before] = speaker_of[after]
