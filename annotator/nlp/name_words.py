"""The words the rules read about who is named: pronouns and titles, nouns for people and for
organisations, page furniture, and the predicates over them (``could_speak``, ``describes_person``).
The words, and the reasons for each list, are in ``words/name_words.txt`` (read by ``word_lists``);
the cue words and quotation marks are in ``lexicon``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.word_lists import word_set, words

# -- people and pronouns ---------------------------------------------------------------------

FIRST_SECOND_PERSON = word_set("FIRST_SECOND_PERSON")
PERSONAL_PRONOUNS = word_set("PERSONAL_PRONOUNS")
SPEAKING_PRONOUNS = word_set("SPEAKING_PRONOUNS")
MALE = word_set("MALE")
FEMALE = word_set("FEMALE")
GENDERED = word_set("GENDERED")
MALE_TITLES = word_set("MALE_TITLES")
FEMALE_TITLES = word_set("FEMALE_TITLES")
TITLES = word_set("TITLES")
HONORIFICS = word_set("HONORIFICS")
DEMONYMS = word_set("DEMONYMS")
PERSON_SUFFIXES = words("PERSON_SUFFIXES")
PERSON_NOUNS = word_set("PERSON_NOUNS")
NOT_A_PERSON = word_set("NOT_A_PERSON")
INDEFINITE = word_set("INDEFINITE")
REPORTING_THINGS = word_set("REPORTING_THINGS")
GROUP_SHARES = word_set("GROUP_SHARES")
#: The named-entity labels of a time (``Thursday``, ``last spring``, ``noon``): never a speaker, never what is said.
TIME_ENTITIES = frozenset({"DATE", "TIME"})

# -- pronouns and quantities single speaker rules read ----------------------------------------

THIRD_PERSON_PRONOUNS = word_set("THIRD_PERSON_PRONOUNS")
PERSON_SUBJECT_PRONOUNS = word_set("PERSON_SUBJECT_PRONOUNS")
GOVERNING_SUBJECT_PRONOUNS = word_set("GOVERNING_SUBJECT_PRONOUNS")
RELATIVE_PRONOUNS = word_set("RELATIVE_PRONOUNS")
PERSON_OBJECT_PRONOUNS = word_set("PERSON_OBJECT_PRONOUNS")
OBJECT_PRONOUNS = word_set("OBJECT_PRONOUNS")
REFLEXIVE_PRONOUNS = word_set("REFLEXIVE_PRONOUNS")
HOLDING_POSSESSIVES = word_set("HOLDING_POSSESSIVES")
FLOATING_QUANTIFIERS = word_set("FLOATING_QUANTIFIERS")
GROUP_PARTS = word_set("GROUP_PARTS")
GROUP_PRONOUNS = word_set("GROUP_PRONOUNS")

# -- organisations ---------------------------------------------------------------------------

ORGANISATION_NOUNS = word_set("ORGANISATION_NOUNS")
COMPANY_NOUNS = word_set("COMPANY_NOUNS")
BUSINESS_NOUNS = word_set("BUSINESS_NOUNS")
BUSINESS_ROLES = word_set("BUSINESS_ROLES")
ORG_SUFFIXES = word_set("ORG_SUFFIXES")
ORG_NAME_ENDINGS = word_set("ORG_NAME_ENDINGS")
OWNED_BY_ORGS = word_set("OWNED_BY_ORGS")
NAME_GLUE = word_set("NAME_GLUE")

# -- page furniture --------------------------------------------------------------------------

HEADLINE_LABELS = word_set("HEADLINE_LABELS")
#: What may stand between a page label and the headline's name (``EXCLUSIVE – Roger Stone:``).
_LABEL_GLUE = frozenset({"-", "–", "—", "|", ":"})


def after_label(tokens: list[Token]) -> list[Token]:
    """``tokens`` past a leading page label and the dash after it (``EXCLUSIVE – Roger Stone`` →
    ``Roger Stone``); the same when none leads or nothing would be left."""
    i = 0
    while i < len(tokens) and (tokens[i].lower_ in HEADLINE_LABELS or tokens[i].text in _LABEL_GLUE):
        i += 1
    return tokens[i:] if 0 < i < len(tokens) and tokens[i - 1].text in _LABEL_GLUE else tokens


# -- predicates ------------------------------------------------------------------------------

def is_demonym(token: Token) -> bool:
    """``Dane``, ``Norwegian``: a nationality noun standing for one person."""
    return token.lower_ in DEMONYMS or token.ent_type_ == "NORP" and token.tag_ == "NNP" \
        and token.lower_.endswith(("ian", "ese", "an", "i"))


def describes_person_word(token: Token) -> bool:
    """A noun for a person (``scientist``, ``researchers``, ``spokesperson``), whatever its determiner."""
    word = token.lemma_.lower() or token.lower_
    if is_demonym(token) or word in PERSON_NOUNS or token.lower_ in PERSON_NOUNS:
        return True
    # ``-ment`` ends the ``-ent`` of a thing (``announcement``, ``agreement``), never a person's
    return word not in NOT_A_PERSON and word.endswith(PERSON_SUFFIXES + ("people", "expert", "staff")) \
        and not word.endswith("ment")


def is_person_role(token: Token) -> bool:
    """A lower-case noun for a person's role right before a name (``director``, ``striker``)."""
    if token.pos_ != "NOUN" or not token.text.islower() or token.lower_ in ORGANISATION_NOUNS \
            or token.lower_ in BUSINESS_ROLES:
        return False
    return token.lower_ in TITLES or token.lower_ in PERSON_NOUNS or \
        token.lower_.endswith(("ist", "ian", "or", "er", "ess")) and token.lower_ not in NOT_A_PERSON


def another_speaker(subject: Token | None) -> bool:
    """A subject reported on by the writer: not missing, not ``I``/``you``/``we``, not a relative
    ``which``/``who`` (the rule that reads the relative clause answers for it)."""
    return subject is not None and subject.lower_ not in FIRST_SECOND_PERSON and subject.tag_ not in ("WDT", "WP")


def could_speak(subject: Token) -> bool:
    """A subject that can report something: a person, an organisation, a pronoun for one or a part
    of a group that can (``some of the ferry captains``: ``speaking_group``), not a thing (``the
    research``, ``a discovery``, ``it``, ``some of the old maps``)."""
    if subject.lower_ in SPEAKING_PRONOUNS:
        return True
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.pos_ == "PROPN":
        return True
    if speaking_group(subject) is not None:
        return True
    if subject.pos_ != "NOUN":
        return False
    return describes_person_word(subject) or subject.lower_ in ORGANISATION_NOUNS \
        or subject.lemma_.lower() in ORGANISATION_NOUNS


def speaking_group(token: Token) -> Token | None:
    """``some of the ferry captains``, ``many of them``, ``two of the councillors``: the group after
    ``of`` that ``token`` counts out a part of (``GROUP_PARTS``, or a number), when the group can speak."""
    if token.lower_ not in GROUP_PARTS and token.pos_ != "NUM":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or not (group.lower_ in GROUP_PRONOUNS or could_speak(group)):
        return None
    return group


def bare_share(token: Token) -> bool:
    """``some``, ``a majority``, ``61 percent``, ``a third``: a share of a group (``GROUP_SHARES``)
    standing alone, which as a subject means people; a share with an ``of`` phrase is the group's
    (``speaking_group``: ``half of the budget`` cannot speak)."""
    return (token.lower_ in GROUP_SHARES or token.lemma_.lower() in GROUP_SHARES) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def reporting_subject(subject: Token | None) -> bool:
    """A report rule's subject: another speaker (``another_speaker``) who can speak, or a share of a
    group standing alone (``most said no``, ``some remain skeptical``: ``bare_share``); the
    suggestions keep ``could_speak``, where a share on a weak frame is most often no source."""
    return another_speaker(subject) and (could_speak(subject) or bare_share(subject))


def could_report(subject: Token) -> bool:
    """``could_speak``, a text or measure that reports (``REPORTING_THINGS``), or a share of a group
    (``GROUP_SHARES``)."""
    return could_speak(subject) or subject.pos_ == "NOUN" and subject.lemma_.lower() in REPORTING_THINGS \
        or subject.lemma_.lower() in GROUP_SHARES


def _description_head(span: Span) -> Token | None:
    """The head of ``the Dane`` / ``the 34-year-old striker`` (a description), else None."""
    if not len(span) or span[0].lower_ not in ("the", "a", "an", "this", "that"):
        return None
    return span.root


def describes_person(span: Span) -> bool:
    """A definite description of one person: a nationality or a role noun (``the striker``)."""
    head = _description_head(span)
    if head is None or head.tag_ in ("NNS", "NNPS") or head.lower_ in ORGANISATION_NOUNS:
        return False
    word = head.lower_
    if is_demonym(head) or word in PERSON_NOUNS or "-year-old" in span.text:
        return True
    return head.pos_ == "NOUN" and word not in NOT_A_PERSON and word.endswith(PERSON_SUFFIXES)


def describes_organisation(span: Span) -> bool:
    """``the group``, ``the company``, ``the Foreign Ministry``' short form: an organisation."""
    head = _description_head(span)
    return head is not None and head.lower_ in ORGANISATION_NOUNS


def organisation_nouns(span: Span) -> set[str]:
    return {t.lower_ for t in span if t.lower_ in ORGANISATION_NOUNS}
