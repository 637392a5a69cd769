"""Who holds what a broad candidate carries, read off the parse when its shape names nobody: the
subject of the verb a noun cue hangs from (``the council voiced doubts about the levy``), the
person a participle describes (``the mayor, calling the levy a mistake``), the subject a verb
without one shares (``…, and urged a recount``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.name_words import FIRST_SECOND_PERSON, could_speak, speaking_group
from annotator.nlp.speakers import subject_of
from annotator.nlp.speakers.control import controller, speaking_object
from annotator.nlp.speakers.count_subject import count_subject
from annotator.nlp.speakers.cue_subject import relative_above, relative_subject, thing_antecedent
from annotator.nlp.speakers.set_off_name import set_off_name
from annotator.nlp.lexicon import Lexicon

#: How a noun cue hangs from the verb whose subject holds it (``voiced doubts``, ``in her
#: doubts``): its object, or a preposition's object under it.
NOUN_TO_VERB = frozenset({"dobj", "attr", "pobj", "conj", "appos"})


def mention(token: Token) -> Span:
    """A speaker mention: the token with the words before it in its phrase (``the city council``), a
    part of a group with the group (``some of the farmers``: ``name_words.speaking_group``)."""
    group = speaking_group(token)
    return token.doc[token.left_edge.i:(group.i if group is not None else token.i) + 1]


def speaking(token: Token | None) -> Span | None:
    """``token``'s mention as a speaker, when it could speak and is not ``I``/``you``/``we`` or a
    relative pronoun; else None."""
    if token is None or token.lower_ in FIRST_SECOND_PERSON or token.tag_ in ("WDT", "WP") or not could_speak(token):
        return None
    return mention(token)


def speaking_subject(verb: Token, lexicon: Lexicon) -> Span | None:
    """The subject of ``verb`` (its own, not a governing verb's) as a speaker, when it could speak and
    is not ``I``/``you``/``we`` or a relative pronoun."""
    return speaking(subject_of(verb, lexicon, climb=0))


def _relative(relative: Token) -> Span:
    """A relative pronoun holder as the speaker rules give it: ``who`` itself, a thing's ``that`` or
    ``which`` the noun it stands for (``cue_subject.thing_antecedent``)."""
    return mention(thing_antecedent(relative) or relative)


def noun_holder(noun: Token, lexicon: Lexicon) -> Span | None:
    """The subject of the verb a noun cue is the object of, directly or through a preposition
    (``expressed doubts about``, ``spoke of his doubts about``), when it can speak."""
    head = noun
    for _ in range(3):
        if head.dep_ not in NOUN_TO_VERB and head.dep_ != "prep":
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subject = subject_of(head, lexicon)
            relative = relative_above(head, subject) if subject is not None else None
            # a relative clause's pronoun, as verb_holder and the speaker rules give it (``Lee, who
            # has made comments about``)
            return _relative(relative) if relative is not None else speaking(subject)
    return None


#: How a verb without a subject hangs from the word whose subject it shares (``…, adding``,
#: ``vowed to``, ``after seeking``, ``are likely to say``).
SHARING_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "acomp", "ccomp"})


def verb_holder(verb: Token, lexicon: Lexicon) -> Span | None:
    """The subject of a verb, or the one it shares: up the words it hangs from to the first with a
    subject, or a participle's noun (``the mayor, calling …``, ``voters saying …``)."""
    subject = subject_of(verb, lexicon)
    relative = relative_above(verb, subject) if subject is not None else None
    if relative is not None:
        # the relative pronoun of the clause the verb shares its subject with, as the speaker rules
        # give it (``McAdam, who backed the plan and criticized …``)
        return _relative(relative)
    word = verb
    for _ in range(4):
        controlling = controller(word)
        if controlling is not None:
            # ``led donors to worry``, ``criticized the mayor for saying``, ``the first senator to endorse``
            return mention(controlling)
        if word.dep_ == "acl" and word.head.pos_ in ("NOUN", "PROPN"):
            head = word.head
            named = set_off_name(word)
            if named is not None:
                # ``a decision its chair, Mira Oduya, said was overdue``: the noun is what was said of,
                # the name set off before the verb the one who said it
                return named
            if head.lower_ in FIRST_SECOND_PERSON:
                return None
            # a thing's participle (``issued a statement calling for …``) is its holder's saying
            return mention(head) if could_speak(head) else noun_holder(head, lexicon) or mention(head)
        relative = relative_subject(word)
        if relative is not None and relative.lower_ == "who":
            # a relative clause's ``who`` is the holder, as the speaker rules give it (and the
            # news corpora mark it), not the noun it stands for (``the nurses, who hope to end …``)
            return mention(relative)
        subject = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        stand_in = expletive_stand_in(word, subject) if word.i != verb.i else None
        if stand_in is not None:
            return mention(stand_in)
        if subject is not None:
            return speaking(subject_of(word, lexicon) if word.pos_ in ("VERB", "AUX") else subject)
        counted = count_subject(word)
        if counted is not None:
            return word.doc[counted.left_edge.i:counted.right_edge.i + 1]  # ``About 4 in 10 say``
        if word.dep_ not in SHARING_DEPS or word.head.i == word.i:
            return None
        word = word.head
    return None


#: The prepositions that bring who acts after an expletive ``it`` (``it fell to the harbour board to
#: …``, ``it was easy for the porters to …``).
EXPLETIVE_PREPOSITIONS = frozenset({"to", "for"})


def expletive_stand_in(word: Token, subject: Token | None) -> Token | None:
    """Under an expletive ``it`` whose verb a subjectless clause shares, who acts: the verb's object
    or the object of its ``to``/``for``, when it can speak (``it took the treasurer a month to reply``,
    ``it fell to the harbour board to rule``, ``it was easy for the porters to …``); None else."""
    if subject is None or subject.lower_ != "it":
        return None
    for child in word.children:
        if child.dep_ in ("dobj", "dative"):
            found = child
        elif child.dep_ == "prep" and child.lower_ in EXPLETIVE_PREPOSITIONS:
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        if found is not None and speaking_object(found) is not None:
            return found
    return None


def holder(cue: Span, lexicon: Lexicon) -> Span | None:
    """The holder of a candidate cued by ``cue``: by the cue's first word, a noun or a verb."""
    word = cue[0]
    if word.pos_ in ("NOUN", "PROPN"):
        return noun_holder(word, lexicon)
    if word.pos_ == "VERB":
        return verb_holder(word, lexicon)
    return None


def content_holder(cue: Span | None, lexicon: Lexicon) -> Span | None:
    """Who holds a content noun a promoted quote without a speaker is cued by, when the noun is the
    object of a preposition after a verb (``stirred anger with an assertion that …``, ``has been working
    under the assumption that …``, ``lent his column to rumours that …``): the verb's subject
    (``noun_holder``). Not a preposition before its verb (``Despite complaints that …, the board
    voted``: the board is no complainer), nor a noun of another kind of link (an attribute, a
    conjunct: on PolNeAR's tuning part gold names nobody there)."""
    if cue is None or len(cue) != 1 or cue[0].pos_ != "NOUN" or cue[0].dep_ != "pobj":
        return None
    preposition = cue[0].head
    if preposition.dep_ != "prep" or preposition.head.pos_ != "VERB" or preposition.i < preposition.head.i:
        return None
    return noun_holder(cue[0], lexicon)


def named_possessor(speaker: Span | None, cue: Span | None, lexicon: Lexicon) -> Span | None:
    """A noun cue's possessive pronoun as its speaker (``his attacks on``) replaced by the subject of
    the verb the noun hangs from when that names someone (``the senator renewed his attacks on``):
    the pronoun stands for it, and a pronoun speaker needs resolving by hand; a pronoun subject too
    (``she escalated her attacks on``): the subject is the mention, the possessive its echo."""
    if speaker is None or cue is None or len(speaker) != 1 or speaker[0].tag_ != "PRP$" \
            or speaker[0].head.i != cue[0].i or cue[0].pos_ not in ("NOUN", "PROPN"):
        return speaker
    named = noun_holder(cue[0], lexicon)
    return named if named is not None else speaker
