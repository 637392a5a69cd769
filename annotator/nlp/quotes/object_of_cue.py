"""What a verb of saying or judging takes as its object: ``announced his resignation``,
``criticized the ruling``, ``opposes the bill``, ``described the field as "very good"``; the object
(with the ``as``/``for`` phrase that goes on saying it) is the attribution's content. News
attribution corpora count these; a passive or participle (``the plan announced on Monday``) has no
speaker and is not one, nor is a pronoun object, which names nothing by itself. What a speaker did
not mention (``did not mention the levy``, ``never mentioned Okafor``) is the content too, in the
news attribution corpora, a name alone included. In a relative clause whose object is the relative
pronoun (``the levy, which the mayor criticized``) the pronoun is the content (``relative_at``, a
stance verb's too: ``which the mayor supported``): it stands for what was judged (``that``, which
opens restrictive clauses inside other reports, is left out)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import meant_act, negated, to_infinitive
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, Lexicon
from annotator.nlp.cue_words import LISTENER_VERBS, RELATIVE_OBJECTS
from annotator.nlp.name_words import OBJECT_PRONOUNS, another_speaker, could_report, reporting_subject
from annotator.nlp.quotes.clause_end import lone_dash_cut, object_act_cut, reporter_addition_cut, speakers_other_act, \
    verb_conjunct_cut
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, with_closing_mark
from annotator.nlp.quotes.own_clause import act_done, acts_as_verb, own_clause
from annotator.nlp.quotes.said_to_be import said_to_be
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: Where the verb may stand: its own clause, or an adverbial or coordinated one sharing its
#: subject. Measured on PolNeAR, a verb inside a reported clause, a relative clause (whose source
#: is the ``who``), an infinitive or a participle naming a thing (``the plan announced``) is an
#: attribution with this speaker in under a fifth of cases.
MAIN_DEPS = frozenset({"ROOT", "advcl", "conj"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    lemma = verb.lemma_.lower()
    if lemma in LISTENER_VERBS:
        return []
    if lemma in scan.lexicon.unsaid_verbs and negated(verb):
        return object_quote(scan, verb, names_said=True, even_negated=True)  # ``did not mention Okafor``
    if lemma not in scan.lexicon.object_verbs:
        return []
    return object_quote(scan, verb, names_said=lemma in scan.lexicon.judgement_verbs, even_negated=True)


def object_quote(scan: QuoteScan, verb: Token, *, names_said: bool = False, even_negated: bool = False,
                 pronouns_said: bool = False) -> list[FoundQuote]:
    """The object ``verb`` says or judges, as a quote; ``names_said``: a name alone is what was
    judged (``endorsed Clinton``), not only whom the act was for, and ``pronouns_said`` a pronoun
    too (``supported her``); ``even_negated``: what a
    speaker did not say is still what the report is about (``did not mention the tax``, ``never
    criticized the ruling``: news attribution corpora annotate it), where a stance denied is not held."""
    if not _reports_there(scan, verb, even_negated=even_negated):
        return []
    said = _what_is_said(verb, scan.lexicon, names_said=names_said, pronouns_said=pronouns_said)
    if said is None:
        return []
    subject = subject_of(verb, scan.lexicon)
    if not another_speaker(subject) or not could_report(subject):
        return []
    span = _extent(scan, verb, *said)
    if span is None or not has_words_outside(span, scan.inside):
        return []  # all between marks: the direct rule's
    return [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]


def relative_at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``the levy, which the mayor criticized``: a cue verb of the lexicon's ``object_verbs`` (or a
    stance verb: ``the levy, which the mayor supported``, what is held) in a relative clause, with
    the relative pronoun its object before it, a subject who can speak, active, not negated, outside
    quote marks, with no clause or predicate of its own (another rule's). (A report rule of its own:
    the learned frames open ``at`` to every verb, not this.)"""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "relcl" or lemma not in scan.lexicon.object_verbs and lemma not in scan.lexicon.stance_verbs \
            or lemma in LISTENER_VERBS:
        return []
    doc = scan.doc
    pronoun = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i and c.tag_ in ("WDT", "WP")
                    and c.lower_ in RELATIVE_OBJECTS), None)
    if pronoun is None or verb.pos_ != "VERB" or negated(verb) or scan.quoted(verb.idx) or scan.quoted(pronoun.idx) \
            or any(c.dep_ in ("auxpass", "nsubjpass", "ccomp", "oprd") for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not reporting_subject(subject):
        return []
    cue = doc[verb.i:verb.i + 1]
    return [FoundQuote(doc[pronoun.i:pronoun.i + 1], "indirect", cue), *_as_piece(scan, verb, cue)]


def _as_piece(scan: QuoteScan, verb: Token, cue: Span) -> list[FoundQuote]:
    """``the report, which Hale described as flawed``: the ``as`` phrase after the verb goes on saying
    what the pronoun stands for, the other piece of the same content (as ``described the report as
    flawed`` is one content in the main clause), with the closing mark of a quoted part."""
    as_phrase = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as" and any(c.children)), None)
    if as_phrase is None or scan.quoted(as_phrase.idx):
        return []
    span = with_closing_mark(scan, trimmed(scan.doc, as_phrase.i, as_phrase.right_edge.i + 1))
    return [] if span is None or len(span) < 2 else [FoundQuote(span, type_for(span, scan.inside), cue)]


def _reports_there(scan: QuoteScan, verb: Token, *, even_negated: bool) -> bool:
    """The verb stands where its object is its subject's report: a verb (or a headline's verb
    tagged as a noun) outside quote marks, in its sentence's own clause or an act done, active,
    and neither an infinitive meant nor a participle of a reported clause."""
    if verb.pos_ != "VERB" and not acts_as_verb(verb):
        return False
    if negated(verb) and not even_negated:
        return False
    lexicon = scan.lexicon
    if scan.quoted(verb.idx) or verb.dep_ not in MAIN_DEPS and not own_clause(verb, lexicon) \
            and not act_done(verb, lexicon) and not _who_clause(verb):
        return False
    if verb.dep_ == "advcl" and verb.head.dep_ == "ccomp" and not speakers_other_act(verb):
        # "said they would strike, describing the offer as "…"": the participle is the reporter's
        # next act, but its subject would be read off the reported clause (``they``); the quoted
        # words stay a direct quote of the reporter. (``…, though she did not mention the cost``,
        # with a subject of its own, is that speaker's other act: ``clause_end.own_act_cut``.)
        return False
    if meant_act(verb) and not act_done(verb, lexicon):
        return False  # ``refused to attack his rivals``: an act meant or refused, not one done
    # a passive has no speaker; a clause is the reported-clause rule's
    return not any(c.dep_ in ("auxpass", "nsubjpass", "ccomp") for c in verb.children)


def _who_clause(verb: Token) -> bool:
    """``the senator, who opposes the levy``: a relative clause whose subject is ``who`` says what
    its noun holds (the speaker rules read ``who`` as that noun)."""
    return verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


def _what_is_said(verb: Token, lexicon: Lexicon, *, names_said: bool,
                  pronouns_said: bool = False) -> tuple[Token, list[Token]] | None:
    """The object (or the gerund standing for it) and the phrases after it that go on saying it
    (``described X as Y``, ``blamed X for Y``); none when the object names nothing said."""
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None) or _gerund(verb)
    if thing is None or thing.pos_ in ("DET", "NUM") or thing.tag_ in ("WDT", "WP"):
        return None
    going_on = _going_on(verb, thing, lexicon)
    if thing.pos_ == "PRON" and not going_on and not (pronouns_said and thing.lower_ in OBJECT_PRONOUNS):
        return None  # ``praised him``: a pronoun names nothing by itself; ``praised him for …`` says why
    if not names_said and not going_on and all(t.pos_ in ("PROPN", "DET", "PUNCT") for t in thing.subtree):
        return None  # ``thanked Clinton``: a name alone is whom the act was for, seldom what was said
    return thing, going_on


def _going_on(verb: Token, thing: Token, lexicon: Lexicon) -> list[Token]:
    """The verb's phrases after its object that go on saying it: a predicate, a phrase of one of
    ``lexicon.continuing_prepositions`` (``as``/``for``/``of``) or an infinitive; right after the
    object, a phrase of one of ``lexicon.object_prepositions`` with a common noun (``compared the
    levy to a fine``); right after the object, a clause opened by ``as`` (``described the fees as
    designed to punish farmers``: ``said_to_be``); right after the object, ``by name`` (``_by_name``)."""
    clause = said_to_be(verb, thing.right_edge.i)
    return [c for c in verb.children if c.i > thing.i and (c == clause or
        c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in lexicon.continuing_prepositions
        or c.dep_ in ("advcl", "xcomp") and to_infinitive(c)
        or c.dep_ == "prep" and c.lower_ in lexicon.object_prepositions and c.i == thing.right_edge.i + 1
        and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
        or _by_name(c, thing))]


def _by_name(phrase: Token, thing: Token) -> bool:
    """``had not mentioned the mayor by name``: ``by name`` right after the object says how it was
    named, and the news attribution corpora keep it in the content (the parser hangs it on the verb)."""
    return phrase.dep_ == "prep" and phrase.lower_ == "by" and phrase.i == thing.right_edge.i + 1 \
        and [t.lower_ for t in phrase.subtree] == ["by", "name"]


def _extent(scan: QuoteScan, verb: Token, thing: Token, going_on: list[Token]) -> Span | None:
    """The object with what goes on saying it, within the verb's paragraph, cut where the
    reporter adds to it, with the quote marks of a quoted part. Read once per Doc, verb, object and
    phrases (``_EXTENTS``): the rules and the object and stance frames ask it of the same verb."""
    doc = scan.doc
    known = _EXTENTS.answers(doc)
    key = (verb.i, thing.i, *(c.i for c in going_on))
    bounds = known.get(key, False)
    if bounds is False:
        span = _extent_read(scan, verb, thing, going_on)
        known[key] = bounds = None if span is None else (span.start, span.end)
    return None if bounds is None else Span(doc, *bounds)


#: Doc → (verb, object, phrases) → the ``_extent`` read (its token range, or None): it reads the
#: Doc alone (its words, paragraphs and quote marks: ``doc_text``, shared by every scan of the Doc,
#: whatever its lexicon), so the frames' opened lexicons get the rules' answer. Bounds, not a Span
#: (a value must not hold its Doc).
_EXTENTS: DocCache = DocCache()


def _extent_read(scan: QuoteScan, verb: Token, thing: Token, going_on: list[Token]) -> Span | None:
    doc = scan.doc
    end = thing.right_edge.i + 1
    # ``described X as Y``, ``blamed X for Y``, and ``announced steps to tighten …`` where the
    # parser hangs the object's infinitive on the verb.
    for child in going_on:
        end = max(end, child.right_edge.i + 1)
    _, para_end = scan.paragraph(verb.idx)
    end = min(end, scan.token_at_or_after(para_end))
    start = thing.left_edge.i
    end = min(end, reporter_addition_cut(doc, start, end))
    end = min(end, lone_dash_cut(doc, start, end, scan.quoted))
    # ``proposed taxing it and praised …``: a verb the parser joined to the object or a noun of it
    end = min(end, object_act_cut(thing, end), verb_conjunct_cut(doc, start, end))
    if start > verb.i + 1 and doc[start - 1].text in QUOTE_MARK_TOKENS and scan.quoted(doc[start].idx):
        start -= 1  # the opening mark the parser hung on the verb
    return with_closing_mark(scan, trimmed(doc, start, end))


def _gerund(verb: Token) -> Token | None:
    """``proposed taxing carbon``, ``reported holding shares``: a gerund the parser hangs on the verb
    as its complement is its object."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i
                 and not any(a.dep_ in ("aux", "nsubj") for a in c.children)), None)
