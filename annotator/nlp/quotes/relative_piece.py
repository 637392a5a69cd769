"""``The levy, which aides say will end in May, …``: a report set in a relative
clause whose reported clause has the relative pronoun for its subject or object. The reported-clause
rule reports what follows the cue (``will end in May``); news attribution corpora count the
pronoun too, as a piece of the same content, so it is added beside that report with the same cue.
A contact clause (no relative word: ``a decision the ministry said was final``) gives its noun phrase
as the piece instead."""

from __future__ import annotations

from spacy.attrs import LOWER, TAG
from spacy.tokens import Token

from annotator.nlp.doc_words import has_modal, to_infinitive
from annotator.nlp.cue_words import NAMING_VERBS
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.fronted_subject import RELATIVE_SUBJECT_TAGS

#: The relative pronoun taken, by tag and word: ``which``, whose clause comments on a thing already
#: named. On PolNeAR train's tuning part 13 of 14 such pieces matched one; ``that`` and ``who``
#: (7 of 21) open a restrictive clause that more often sits inside another report's content, or a
#: question (``asked whom voters trust``), which the corpora leave as one content.
RELATIVE_TAGS = frozenset({"WDT"})
RELATIVE_WORDS = frozenset({"which"})


def find(scan: QuoteScan) -> list[FoundQuote]:
    """Each relative pronoun that is part of what a verb in its relative clause reports, with that
    verb as cue; ``add_pieces`` keeps those whose verb a report rule took."""
    doc = scan.doc
    out = []
    strings = doc.vocab.strings
    # the tagged words from the Doc's arrays (a Token for each word of the Doc costs more than the rule)
    pronouns = sorted((t for tag in RELATIVE_TAGS for t in scan.words_where(TAG, strings[tag], LOWER, RELATIVE_WORDS)),
                      key=lambda t: t.i)
    for token in pronouns:
        if scan.quoted(token.idx):
            continue
        verb = _reporting_verb(token)
        if verb is not None and (scan.cue_lemma(verb) is not None or verb.lemma_.lower() in NAMING_VERBS):
            out.append(FoundQuote(doc[token.i:token.i + 1], "indirect", doc[verb.i:verb.i + 1]))
    return out + _contact_pieces(scan)


def _contact_pieces(scan: QuoteScan) -> list[FoundQuote]:
    """``a probe the agency said was still open``, ``an honor she said she hoped to earn``: a relative
    clause with no relative word (a contact clause) whose cue verb has a subject before it and a
    reported clause with no subject of its own (the noun fills it); the noun phrase before the
    clause is a piece of the report, with the clause's verb as cue (tuning part: 5 of 6 new pieces
    right)."""
    doc = scan.doc
    out = []
    for i in scan.cue_candidates:
        verb = doc[i]
        noun = verb.head
        if verb.dep_ not in ("relcl", "acl") or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
            continue
        if scan.cue_lemma(verb) is None or scan.quoted(noun.idx):
            continue
        if any(t.i < verb.i and (t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that") for t in verb.subtree):
            continue  # a relative word: the pronoun pieces above, or another report's clause
        if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            continue
        out.append(FoundQuote(doc[noun.left_edge.i:noun.i + 1], "indirect", doc[verb.i:verb.i + 1]))
    return out


def _reporting_verb(pronoun: Token) -> Token | None:
    """The verb of the relative clause whose reported clause holds the pronoun: ``which aides say
    will …`` (the pronoun the subject of the reported clause), ``which the mayor thinks is …`` (the
    parse may make it the verb's own object); the pronoun stands before the verb."""
    head = pronoun.head
    if pronoun.dep_ in SUBJECT_DEPS and head.dep_ == "ccomp" and head.head.dep_ == "relcl":
        verb = head.head
    elif pronoun.dep_ == "dobj" and head.dep_ == "relcl" and any(c.dep_ in ("ccomp", "oprd") for c in head.children):
        verb = head  # ``which the mayor thinks is …``, ``which the mayor called "a gift"``
    elif pronoun.dep_ in SUBJECT_DEPS and misread_clause(head) is not None:
        verb = head  # ``which he said helps …``, the pronoun read as the cue's own subject
    elif pronoun.dep_ == "dobj" and head.dep_ == "xcomp" and misread_clause(head.head) == head:
        verb = head.head  # ``which she argued help ease …``, the pronoun read as the clause's object
    else:
        return None
    return verb if pronoun.i < verb.i else None


def add_pieces(found: list[FoundQuote], pieces: list[FoundQuote]) -> list[FoundQuote]:
    """The pronoun pieces whose cue a report took, beside that report; a ``which`` piece also when
    no report took its verb but the verb's subject could speak (``a levy which, the mayor said,
    "ends in May"``): the relative pronoun is what a speaker's cue verb reports either way (tuning
    part: 3 of 3 such pieces paired a gold quote nothing else found); a thing's verb keeps the
    report rules' refusal (``which the audit explained how it spent``)."""
    cues = {f.cue.start for f in found if f.cue is not None and f.quote_type != "direct" and f.span.start > f.cue.start}
    return found + [p for p in pieces if (p.cue.start in cues or _which(p))
                    and not any(f.span.start <= p.span.start < f.span.end for f in found)]


def _which(piece: FoundQuote) -> bool:
    """A ``which`` piece whose verb has a subject that could speak."""
    word, verb = piece.span[0], piece.cue[0]
    return len(piece.span) == 1 and word.lower_ in RELATIVE_WORDS and word.tag_ in RELATIVE_TAGS \
        and any(c.dep_ == "nsubj" and could_speak(c) for c in verb.children)


def _tensed(verb: Token) -> bool:
    """A finite verb (``helps``), or a bare one after a modal (``would reopen``: none such on the
    tuning part's parse, a general fix), never an infinitive with ``to``."""
    if to_infinitive(verb):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VB" and has_modal(verb))


def misread_clause(verb: Token) -> Token | None:
    """``the toll, which Hale argued helps pay for the pier``: the parser hangs the reported clause's
    tensed verb on a relative clause's cue as an ``xcomp``, and the relative pronoun on the cue as a
    first subject beside its own (or on that verb as its object); that verb, else None (tuning part:
    the 5 such clauses are gold contents, none was pre-labeled)."""
    if verb.dep_ != "relcl":
        return None
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if not subjects or subjects[-1].tag_ in RELATIVE_SUBJECT_TAGS:
        return None
    clause = next((c for c in verb.rights if c.dep_ == "xcomp" and _tensed(c)), None)
    if clause is None or not any(t.tag_ in RELATIVE_SUBJECT_TAGS and t.i < verb.i
                                 for t in (*subjects[:-1], *clause.lefts)):
        return None
    return clause
