"""``The minister said …``, ``…, she said``: the subject of the cue verb (or of the verb it hangs
from) is the speaker; in a relative clause (``Ms. Pike, who said …``, ``the farmers, who said …``)
the relative pronoun is, as the mention nearest the cue (the coref component links it to a name; a
description's pronoun stays itself, as news attribution corpora such as PolNeAR mark it)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import children_labelled
from annotator.nlp.name_words import RELATIVE_PRONOUNS, could_speak
from annotator.nlp.speakers.fronted_subject import nearest_subject
from annotator.nlp.speakers.mentions import subject_of
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    subject = subject_outside_marks(scan, cue.root)
    if subject is None:
        return None
    subject = outside_parenthesis(subject, scan.text)
    relative = relative_above(cue.root, subject)
    if relative is not None:
        # the relative pronoun, a name's or a description's ("her family, who said"): coref links a
        # name's back to it; on PolNeAR's tuning part gold names the pronoun for most descriptions
        return cue.doc[relative.i:relative.i + 1]
    return scan.mention(subject)


#: The links ``subject_of`` climbs from a verb to the verb whose subject it shares.
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})


def relative_above(verb: Token, subject: Token, steps: int = 3) -> Token | None:
    """The relative pronoun of the clause on ``subject`` that ``verb`` is or shares its subject with
    (``McAdam, who backed the plan and criticized …``, ``who surprised them by declaring …``)."""
    for _ in range(steps + 1):
        relative = relative_subject(verb)
        if relative is not None:
            return relative if verb.head.i == subject.i else None
        if verb.dep_ not in _SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def thing_antecedent(relative: Token) -> Token | None:
    """The noun that cannot speak (a thing: ``name_words.could_speak``) a relative ``that`` or
    ``which`` subject stands for (``the remarks that compared …``, ``leaflets which attacked …``):
    attribution corpora name that noun, not the pronoun, as the source; None for ``who``, for a
    noun that can speak (``the union, which backed …``: the pronoun, as ``find`` gives it) or when
    the clause hangs from no noun."""
    if relative.tag_ != "WDT" or relative.head.dep_ != "relcl":
        return None
    noun = relative.head.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and not could_speak(noun) else None


def relative_subject(verb: Token) -> Token | None:
    """The ``who``/``which``/``that`` subject of a relative clause's verb, a passive one's too (``Lee,
    who was pressed on the levy while visiting …``)."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")
                 and c.lower_ in RELATIVE_PRONOUNS), None)


def subject_outside_marks(scan: SpeakerScan, verb: Token) -> Token | None:
    """``subject_of``, but a subject between quotation marks is quoted, not speaking: when the parser
    gives the verb two subjects (``"The plan," he said``: ``plan`` and ``he``), the one outside the
    marks with no quote between it and the verb."""
    doc = verb.doc
    subjects = [doc[i] for i in children_labelled(doc, "nsubj").get(verb.i, ())]  # (read once per Doc)
    if len(subjects) < 2 and not (subjects and scan.quoted(subjects[0])):
        return subject_of(verb, scan.lexicon)
    outside = [s for s in subjects if not scan.quoted(s)]
    near = [s for s in outside if not scan.marks_between(s, verb)]
    chosen = (near or outside or [None])[0]
    return nearest_subject(verb, chosen) if chosen is not None and len(near) > 1 else chosen


def outside_parenthesis(subject: Token, text: str | None = None) -> Token:
    """``Gov. Ann Lee (R-OH), said``: a subject the parser found inside a parenthesis right after a
    name stands for that name. (``text``: the Doc's, to see at once that no ``(`` comes before it.)"""
    doc = subject.doc
    if text is not None and "(" not in text[doc[max(subject.i - 5, 0)].idx:subject.idx]:
        return subject
    opening = next((j for j in range(subject.i - 1, max(subject.i - 6, -1), -1) if doc[j].text in "()"), None)
    if opening is None or doc[opening].text != "(" or opening == 0:
        return subject
    closing = next((j for j in range(subject.i + 1, min(subject.i + 6, len(doc))) if doc[j].text in "()"), None)
    name = doc[opening - 1]
    if closing is None or doc[closing].text != ")" or name.pos_ != "PROPN":
        return subject
    return name
