"""``Lavrov: We will respond``: the short name before a headline's colon speaks; a longer sentence
or a short clause (``The mayor was blunt:``) ending in a colon hands the word to the last person it
names, or to its subject
(``… surprise strategist Dana Shore:``, ``She told them:``), which also keeps it from a person
addressed or named only in passing (``toured the Obama campaign's offices with a message:``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.name_words import (
    ORGANISATION_NOUNS, PERSON_NOUNS, REPORTING_THINGS, THIRD_PERSON_PRONOUNS, after_label, describes_person_word,
    is_demonym,
)
from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.speakers.scan import COLON, SpeakerScan, cue_kind

#: A headline speaker (``Lavrov: …``) is a name of at most this many tokens before the colon.
HEADLINE_NAME_TOKENS = 5


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != COLON:
        return None
    doc = cue.doc
    words = words_before(scan, cue)
    named = name_after_dash(words)
    if named is not None:
        return named
    if len(words) > HEADLINE_NAME_TOKENS or introducing_clause(words):
        return introduced_by_colon(cue, scan.people)
    name = after_label(list(words))  # "EXCLUSIVE – Roger Stone:": the name speaks
    return doc[name[0].i:cue.start] if name else None


def words_before(scan: SpeakerScan, colon: Span) -> Span:
    """The words before a colon, back to the start of its paragraph or a line break."""
    doc = colon.doc
    para_start, _ = scan.paragraph(colon.start_char)
    first = colon.start
    while first > 0 and doc[first - 1].idx >= para_start and not doc[first - 1].is_space:
        first -= 1
    return doc[first:colon.start]


#: Dashes that set a digest's source off from the line before it (``… in Orla - Ada Pike: "…"``).
_SETTING_OFF_DASHES = frozenset({"-", "–", "—", "--"})
#: Words a source's name may hold besides names (``Pike and Ruiz``, ``Pike & Co.``).
_NAME_GLUE = frozenset({"and", "&", ".", ","})


def name_after_dash(words: Span) -> Span | None:
    """``FERRY FIGURES HOLD UP - Ada Pike and Jon Ruiz: "…"``: a short run of capitalised
    words opening with a name after a spaced dash, right before the colon, is the source a digest line
    quotes (the tagger may read a rare surname as a common noun)."""
    doc = words.doc
    dash = next((t.i for t in reversed(words) if t.text in _SETTING_OFF_DASHES), None)
    if dash is None or dash == words.start or not doc[dash - 1].whitespace_ or not doc[dash].whitespace_:
        return None
    tail = doc[dash + 1:words.end]
    if not 0 < len(tail) <= HEADLINE_NAME_TOKENS or tail[0].pos_ != "PROPN" \
            or any(t.lower_ not in _NAME_GLUE and not (t.is_alpha and t.text[0].isupper()) for t in tail):
        return None
    return tail


def introducing_clause(words: Span) -> bool:
    """The few words before a colon are a clause, not a name, whose subject can hand over the word
    (``The mayor was blunt:``, ``Varn says:``, ``The council memo was short:``): that subject, of a
    verb among the words, is a name, a personal pronoun, or a listed word for a person, a body or a
    text that reports (not a word read as a person by its ending alone: ``The weather was awful:``).
    Not words all in capitals (``ADA PIKE:``, a transcript's label, the tagger reading a name as a verb)."""
    if all(t.is_upper for t in words if t.is_alpha):
        return False
    return any(t.dep_ in SUBJECT_DEPS and words.start <= t.head.i < words.end and t.head.pos_ in ("VERB", "AUX")
               and _listed_speaker(t) for t in words)


def _listed_speaker(subject: Token) -> bool:
    word = subject.lemma_.lower()
    return subject.pos_ == "PROPN" or subject.lower_ in THIRD_PERSON_PRONOUNS or is_demonym(subject) \
        or subject.pos_ == "NOUN" and (word in PERSON_NOUNS or word in ORGANISATION_NOUNS or word in REPORTING_THINGS)


def introduced_by_colon(colon: Span, people: list[Span] | None = None) -> Span | None:
    """Who a sentence ending in a colon hands the word to: the last person it names (``… surprise
    strategist Dana Shore:``), else its subject when that is a name or a pronoun (``She told them:``)."""
    doc = colon.doc
    sent = doc[colon.start].sent
    if people is None:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
    named = [e for e in people if sent.start <= e.start and e.end <= colon.start]
    clause = _clause_before(colon)
    subject = next((t for t in clause.children if t.dep_ in SUBJECT_DEPS and t.i < colon.start), None)
    if named and subject is not None and _introduces(subject) and (
            _addressed(named[-1].root, sent.root) or _in_passing(named[-1].root, subject)
            or _subordinate(named[-1].root, clause)):
        # "McConnell delivered a blunt message to Trump:", "Lee told Ruiz:": the one addressed listens;
        # "Lee visited the Ruiz campaign's office with a message:": a name in passing says nothing
        return noun_phrase(subject)
    if named:
        start = named[-1].start
        while start < named[-1].end - 1 and not doc[start].is_alpha:
            start += 1  # "Here’s Ms. Lowry": a tagger may start the name at the "’s"
        return doc[start:named[-1].end]
    return noun_phrase(subject) if subject is not None and _introduces(subject) else None


def _clause_before(colon: Span) -> Token:
    """The head of the words before the colon: the sentence's root, or, when the parser roots the
    sentence in the quote after the colon and hangs the introducing clause on it (``The board was
    firm in its ruling: "…"``), the verb of that clause."""
    sent = colon.doc[colon.start].sent
    if sent.root.i < colon.start:
        return sent.root
    before = colon.doc[sent.start:colon.start]
    heads = [t for t in before if t.head.i >= colon.start and t.pos_ in ("VERB", "AUX")]
    return heads[0] if heads else sent.root


def _introduces(subject: Token) -> bool:
    """A subject that can hand someone the word: a name, a personal pronoun, a word for a person, a
    text that reports (``The council memo was short:``, ``REPORTING_THINGS``)."""
    return subject.pos_ == "PROPN" or subject.lower_ in THIRD_PERSON_PRONOUNS \
        or subject.pos_ == "NOUN" and (describes_person_word(subject) or subject.lemma_.lower() in REPORTING_THINGS)


#: The roles in which a name a colon follows is the one introduced (``her guest, Senator Ruiz:``,
#: ``said strategist Ruiz:``, ``Here is Ruiz:``).
_INTRODUCED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos", "attr", "ROOT", "conj", "dative", "oprd"})


def _in_passing(person: Token, subject: Token) -> bool:
    """A name that only qualifies another word (``the Ruiz campaign's office``, ``rivals such as
    Ruiz``) and stands outside the subject: the subject, not that name, hands over the word."""
    return person.dep_ not in _INTRODUCED_DEPS and not (subject.left_edge.i <= person.i <= subject.right_edge.i)


def _addressed(person: Token, root: Token) -> bool:
    """A person the sentence's verb speaks to: its object, or the object of its ``to`` (``told Ruiz``,
    ``delivered a message to Ruiz``, ``wrote to Ruiz``)."""
    if person.dep_ in ("dobj", "dative") and person.head.i == root.i:
        return True
    if person.dep_ != "pobj" or person.head.lower_ != "to":
        return False
    attached = person.head.head
    return attached.i == root.i or attached.head.i == root.i and attached.dep_ == "dobj"


#: How a clause hangs inside the sentence without being its main clause.
_SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "csubj"})


def _subordinate(person: Token, clause: Token) -> bool:
    """A name in a clause that hangs on the one before the colon (``Ever since Ruiz ran, he has said:``,
    ``Lee, who backed Ruiz, said:``): the main clause's subject, not that name, hands over the word."""
    token = person
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in _SUBORDINATE_DEPS:
            return True
        token = token.head
    return False
