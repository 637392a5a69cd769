"""The mention a speaker token stands for (``noun_phrase``), by the kind of its head: a pronoun, a
description by nationality, a PERSON name, another proper name, or a common noun phrase; and the
subject a cue verb reports for (``subject_of``)."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import LONG_DASHES, doc_words, word_before
from annotator.nlp.lexicon import SUBJECT_DEPS, Lexicon
from annotator.nlp.speakers.clause_before_participle import nearer_subject
from annotator.nlp.speakers.conjunct_subject import conjunct_subject
from annotator.nlp.speakers.count_subject import count_subject
from annotator.nlp.speakers.fronted_subject import nearest_subject
from annotator.nlp.speakers.hung_subject import hung_subject
from annotator.nlp.speakers.participle_conjunct import participle_reporter
from annotator.nlp.name_words import PERSONAL_PRONOUNS, TITLES, could_speak, is_demonym
from annotator.nlp.marks import doc_text, paragraph_bounds

#: Children whose subtree is not part of a speaker's name or description.
#: (``case``: the possessive ``'s`` of ``the senator's view`` is not part of who the senator is.)
_NOT_IN_PHRASE = frozenset({"relcl", "acl", "advcl", "punct", "cc", "prep_time", "parataxis", "case"})


#: The contracted ``has`` (or ``is``) the parser may hang a subject on or read as a passive.
CONTRACTED_HAS = frozenset({"'s", "’s"})


def subject_of(verb: Token, lexicon: Lexicon, climb: int = 2) -> Token | None:
    """The subject of a verb, or of the verb it hangs from (``she said, noting that ...``); a relative
    ``who`` stands for the noun its clause hangs from (``her family, who said …`` → ``family``), and
    so does the noun that can speak a participle hangs from (``voters saying they …`` → ``voters``).
    Read once per Doc, verb and speech verbs (the quote rules, the speaker rules and the
    suggestions ask it of the same verbs; a Doc's parse never changes after the parser)."""
    doc = verb.doc
    known = _SUBJECTS.answers(doc)
    speech = lexicon.speech  # (what it reads of the lexicon: ``_reports``; an ``AnyWord`` list is no empty one)
    key = (verb.i, climb, type(speech), speech)
    found = known.get(key, _UNREAD)
    if found is _UNREAD:
        subject = _subject_of(verb, lexicon, climb)
        known[key] = subject.i if subject is not None else None  # (an index: a Token would keep the Doc)
        return subject
    return doc[found] if found is not None else None


#: Doc → (verb, climb, speech verbs) → the index of ``subject_of``'s answer (None: none).
_SUBJECTS: DocCache = DocCache()
_UNREAD = object()


def _subject_of(verb: Token, lexicon: Lexicon, climb: int) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj" or child.dep_ == "nsubjpass" and _has_contracted(verb, child):
            return _antecedent(verb, nearest_subject(verb, child))
        if child.dep_ in ("aux", "auxpass") and child.lower_ in CONTRACTED_HAS:
            # "He's argued that …" parsed with the subject hung on the contracted "has"
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return _antecedent(verb, subject)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and could_speak(verb.head) \
            and _reports_clause(verb):
        # "voters saying they would stay home": a participle on a noun that can speak says what the
        # noun says ("issued a statement saying …": the one who issued it, another rule's)
        return verb.head
    own = conjunct_subject(verb)
    if own is not None:
        return own
    reporting = participle_reporter(verb) if climb else None
    if reporting is not None:
        # "saying that the plan had support but was slowed by a ruling - and insisting that …"
        return subject_of(reporting, lexicon, climb - 1)
    if climb and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.i != verb.head.i \
            and (_reports(verb, lexicon) or _finite_after_bare(verb)):
        # "said his wife was "…" and joked that …", "said the levy would hurt farmers and urged …":
        # the parser hangs the second report on the first reported clause; its subject is the first
        # report's speaker, not the clause's subject.
        return subject_of(verb.head.head, lexicon, climb - 1)
    reporter = _reporter(verb.head) if climb and verb.dep_ == "advcl" and verb.tag_ == "VBG" \
        and not _attribution(verb.head, lexicon) else None
    if reporter is not None and _set_off(verb):
        # "said the plan was sound, adding that …", "denied the claim that the plan was late,
        # explaining …": the parser hangs the speaker's next act on the reported clause; its
        # subject is the report's speaker, not the clause's subject.
        return subject_of(reporter, lexicon, climb - 1)
    if climb and verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "prep", "advmod", "acomp") and verb.head.i != verb.i:
        head = _past_preposition(verb)  # ("was quick to add that …": up past the adjective to ``was``)
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                # "a finding that could help explain": the finding, not "that"
                return nearer_subject(verb, head, child) or _antecedent(head, nearest_subject(head, child))
        return subject_of(head, lexicon, climb - 1)
    # "In a note to staff, the chair, Ada Voss, wrote …": the subject hung on the words before it
    return hung_subject(verb) or count_subject(verb) or _set_off_acl_subject(verb)


def _set_off_acl_subject(verb: Token) -> Token | None:
    """``a decision its chair, Mira Oduya, said was overdue`` with ``said`` an ``acl`` of ``decision``:
    the set-off speaker's noun (``set_off_name.acl_subject``)."""
    if verb.dep_ != "acl":
        return None
    from annotator.nlp.speakers.set_off_name import acl_subject  # (set_off_name reads the scan, which reads this)
    return acl_subject(verb)


def _reporter(clause: Token) -> Token | None:
    """The verb before a reported clause that reports it: the clause's head (``said the plan was
    …``), or the verb whose object the clause describes (``denied the claim that the plan was …``,
    ``pushed back on claims that …``), past a verb the clause's verb governs (``said Lee will have to
    choose …, saying``)."""
    if clause.dep_ in ("xcomp", "conj") and clause.head.i < clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ == "ccomp":
        return head if head.i < clause.i else None
    if clause.dep_ != "acl" or head.dep_ not in ("dobj", "pobj") or head.i > clause.i:
        return None
    verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    return verb if verb.pos_ == "VERB" else None


def _attribution(verb: Token, lexicon: Lexicon) -> bool:
    """A speech verb with its own subject right after a comma or a quotation mark (``…," Lee added,
    saying …``, ``…, Lee said, adding …``): the parser may hang it on the sentence's first verb, but
    a participle on it is its speaker's act, not a reported clause's."""
    if not lexicon.has_speech_lemma(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        return False
    i = word_before(verb.doc, subject.left_edge.i)
    return i >= 0 and (verb.doc[i].text == "," or verb.doc[i].is_quote)


def _set_off(verb: Token) -> bool:
    """A participle set off from the clause before it: after a comma or a long dash, a closing
    quotation mark passed over (``… was "a disgrace," adding that …``), or after ``while`` (``… was fair while
    adding that …``)."""
    doc = verb.doc
    i = word_before(doc, verb.left_edge.i)
    while i >= 0 and doc[i].is_quote:
        i = word_before(doc, i)
    return i >= 0 and (doc[i].text == "," or doc[i].text in LONG_DASHES) or verb.left_edge.lower_ == "while"


def _past_preposition(verb: Token) -> Token:
    """The word a verb's clause hangs from, a preposition passed (``defended the plan by saying …``:
    ``by`` is no step of its own; the one who defends says), and the object it hangs from too."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
        if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
            return head.head.head  # "In addition to stating …, Lee vowed": the verb's subject
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return head.head  # "made a point of saying …", "drew criticism for telling …": the verb's subject
        return head
    return head


def _reports_clause(verb: Token) -> bool:
    """A verb with a clause of its own after it that is no quotation (``saying they would …``, not
    ``chanting "…"``)."""
    doc = verb.doc
    return verb.i + 1 < len(doc) and not doc[verb.i + 1].is_punct and not doc[verb.i + 1].is_quote \
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _has_contracted(verb: Token, subject: Token) -> bool:
    """``He's said the plan would fail``: the parser reads the contracted ``has`` as a passive ``is``;
    a past participle with a clause of its own after it is the perfect (``it's said that …`` is the
    passive and names nobody)."""
    return subject.lower_ != "it" and any(c.dep_ == "auxpass" and c.lower_ in CONTRACTED_HAS for c in verb.children) \
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _antecedent(verb: Token, subject: Token) -> Token:
    """A relative pronoun subject stands for the noun its clause hangs from."""
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return subject


#: Tags of a finite verb form: a conjunct so tensed cannot share a bare verb's modal or ``to``.
_FINITE = frozenset({"VBD", "VBZ"})


def _finite_after_bare(verb: Token) -> bool:
    """A conjunct whose tense is its own (``urged``, ``has urged``) on a clause whose verb is bare after
    a modal or in the subjunctive (``would hurt``, ``be fired``): the two are no pair inside one
    reported clause (``the levy would hurt farmers and cut jobs`` shares the ``would``)."""
    head = verb.head
    first = next((c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i), head)
    own = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    return first.tag_ in ("MD", "VB") and own.tag_ in _FINITE


def _reports(verb: Token, lexicon: Lexicon) -> bool:
    """A verb with a reported clause of its own (``joked that …``) or a speech verb."""
    return lexicon.has_speech_lemma(verb) or any(c.dep_ == "ccomp" for c in verb.children)


def noun_phrase(token: Token, text: str | None = None) -> Span:
    """The mention a subject token stands for: its subtree without clauses, within its paragraph."""
    text = text if text is not None else doc_text(token.doc).text
    for applies, mention in HEAD_KINDS:
        if applies(token):
            return mention(token, text)
    return common_noun_phrase(token, text)


def is_pronoun(token: Token) -> bool:
    """A pronoun, but not one that counts out a part of a group (``some of the farmers``, ``many of
    them``: the phrase, as for a noun)."""
    return (token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def pronoun(token: Token, text: str) -> Span:
    return token.doc[token.i:token.i + 1]


def _determiner(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)


def is_demonym_description(token: Token) -> bool:
    return is_demonym(token) and _determiner(token) is not None


def demonym_description(token: Token, text: str) -> Span:
    """``the Dane``: a description, kept whole with its determiner."""
    return token.doc[_determiner(token).i:token.i + 1]


def is_person_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON"


def person_name(token: Token, text: str) -> Span:
    """The PERSON entity the token sits in, without a title before it (``Councillor Mark Ellison``
    → ``Mark Ellison``)."""
    doc = token.doc
    start, end = entity_bounds(token)
    while start < token.i and doc[start].lower_.rstrip(".") in TITLES:
        start += 1
    return doc[start:end]


def is_proper_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not any(c.dep_ == "appos" for c in token.children)


def proper_name(token: Token, text: str) -> Span:
    """A name that is not a PERSON entity (an organisation, a name the tagger missed): its compound
    words before it, and the whole entity it sits in, without the title chain or determiner."""
    start = _hyphenated_start(token.doc, _dateline_name_start(token, text, _compound_start(token)))
    end = token.i + 1
    if token.ent_iob_ in ("B", "I"):
        # "the Office for Budget Responsibility": the whole name the head sits in, no determiner.
        ent_start, ent_end = entity_bounds(token)
        while ent_start < token.i and token.doc[ent_start].lower_ == "the":
            ent_start += 1
        start, end = min(start, ent_start), max(end, ent_end)
    return token.doc[start:end]


def _compound_start(token: Token) -> int:
    """``the ministry spokesperson Maria Zakharova``: the proper-noun compounds right before the head."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in range(start, token.i + 1) \
            and doc[start - 1].dep_ == "compound":
        start -= 1
    return start


def _dateline_name_start(token: Token, text: str, start: int) -> int:
    """``LONDON - Maya Lindqvist``: a parser that splits the sentence after a dateline leaves the
    first name on its own; a title-case name word right before, in no other entity, is part of it."""
    doc = token.doc
    para_start = text.rfind("\n", 0, token.idx) + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and doc[start - 1].ent_type_ in ("", "PERSON") and doc[start - 1].dep_ in ("compound", "ROOT") \
            and doc[start - 1].idx >= para_start and not doc[start - 1].whitespace_.count("\n"):
        start -= 1
    return start


def _hyphenated_start(doc: Doc, start: int) -> int:
    """``Jean-Pierre``: hyphenated parts of one name."""
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
        start -= 2
    return start


def entity_bounds(token: Token) -> tuple[int, int]:
    """Start and end of the entity a token sits in (the token alone when it is in none)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def common_noun_phrase(token: Token, text: str) -> Span:
    """``two people familiar with the matter``: the subtree without clauses, cut at a quote mark or
    the paragraph's edge, without punctuation at its ends."""
    start, end = _phrase_bounds(token)
    start, end = _within_paragraph_and_marks(token, text, start, end)
    doc = token.doc
    edge = doc_words(doc).punct_or_space  # (read off the Doc's arrays: no Token built)
    while start < token.i and edge[start]:
        start += 1
    while end - 1 > token.i and edge[end - 1]:
        end -= 1
    return Span(doc, start, end)  # (``doc[start:end]``, without the slice's checks)


def _phrase_bounds(token: Token) -> tuple[int, int]:
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
    return start, end


def _within_paragraph_and_marks(token: Token, text: str, start: int, end: int) -> tuple[int, int]:
    """A quote mark inside the subtree means the parser ran into a quote: stop at it; and at the
    paragraph's edges."""
    words = doc_words(token.doc)  # (each word's text and offset read off the Doc's arrays)
    marks, starts = words.quote_mark, words.starts
    para_start, para_end = paragraph_bounds(text, token.idx)
    for i in range(token.i - 1, start - 1, -1):
        if marks[i] or starts[i] < para_start:
            start = i + 1
            break
    for i in range(token.i + 1, end):
        if marks[i] or starts[i] >= para_end:
            end = i
            break
    return start, end


#: Kinds of speaker head, in order: the first whose test passes builds the mention (else a common
#: noun phrase).
HEAD_KINDS: tuple[tuple[Callable[[Token], bool], Callable[[Token, str], Span]], ...] = (
    (is_pronoun, pronoun),
    (is_demonym_description, demonym_description),
    (is_person_name, person_name),
    (is_proper_name, proper_name),
)
