"""Reported speech: ``X said (that) CLAUSE``, the clause a speech or cognition verb reports; quoted
parts in it make it mixed. The clause stops where the speaker's next act, a participle or a
reporter's relative clause begins."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import between, doc_words, finite, has_clause_subject, negated, to_infinitive
from annotator.nlp.lexicon import CONTENT_AFTER_MARKS, QUOTE_MARK_TOKENS, SUBJECT_DEPS, WH_WORDS, Lexicon
from annotator.nlp.cue_words import ADVERBIAL_MARKS, CONCEDING_SUBJECTS, LISTENER_VERBS, RAISING_VERBS
from annotator.nlp.name_words import FIRST_SECOND_PERSON, could_speak
from annotator.nlp.quotes import contact_apposition, evidence, inverted, questions
from annotator.nlp.quotes.clause_end import (
    colon_run_on, comma_cut, next_act_cut, own_act_cut, quoted_aside_dash_cut, reporter_addition_cut,
)
from annotator.nlp.quotes.found import (
    FoundQuote, has_words_outside, named_agent, opens_aside, trimmed, type_for,
    with_closing_mark,
)
from annotator.nlp.quotes.own_clause import act_done
from annotator.nlp.quotes.relative_piece import misread_clause
from annotator.nlp.doc_words import word_before
from annotator.nlp.quotes.scan import QuoteScan, within
from annotator.nlp.speakers import subject_of
from annotator.nlp.speakers.reduced_relative import reduced_relative_subject
from annotator.nlp.speakers.set_off_name import set_off_speaker


#: A cue verb hanging as the clause of another verb (``wants to say that``, ``knows he said
#: that``) reports for someone the rules cannot name: measured on PolNeAR, under a third of such
#: clauses are attributions with the cue's subject as their source.
NESTED_DEPS = frozenset({"ccomp", "xcomp"})
#: Where a verb of thinking or finding (not of saying) seldom reports for its subject: a
#: participle after a preposition (``ended by showing that``) or a noun's clause; measured on
#: PolNeAR train's tuning part (``bench/corpus.py --tuning``), 0.1-0.2 right there, where a main
#: clause's is 0.7-0.9 (in a coordinated, adverbial or relative clause, 0.2-0.45, they are kept:
#: a found clause with a wrong speaker costs an annotator fewer keys than adding it).
THINKING_ELSEWHERE_DEPS = frozenset({"pcomp", "acl"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The clause ``verb`` reports, if it reports one."""
    clause = _reported_clause(scan, verb)
    if clause is None:
        return []
    span = _extent(scan, verb, clause)
    if span is None or len(span) < 2 or not has_words_outside(span, scan.inside):
        return []
    found = [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]
    if (speaker := set_off_speaker(verb)) is not None:
        piece = contact_apposition.contact_piece(scan, verb, speaker)
        return found + [piece] if piece is not None else found
    before = inverted.before_piece(scan, verb)
    return found + [before] if before is not None and before.span.end <= verb.i else found


def _reported_clause(scan: QuoteScan, verb: Token) -> Token | None:
    """The clause a cue verb reports for a subject who can have said or thought it, else None."""
    if scan.clause_lemma(verb) is None or _asked_of_someone_else(verb) or _nested(verb, scan.lexicon):
        return None
    lexicon = scan.lexicon
    if verb.dep_ in THINKING_ELSEWHERE_DEPS and not lexicon.is_speech(verb):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and not _adverbial(c)] \
        or questions.asked_clauses(verb, lexicon)
    if not clauses and lexicon.is_speech(verb):
        clauses = _that_clause_below(verb)
    if not clauses and (misread := misread_clause(verb)) is not None:
        clauses = [misread]  # ``which he argued helps pay …``
    if not clauses:
        return None
    subject = subject_of(verb, lexicon) or _reduced_relative_subject(verb, lexicon)
    if subject is None or subject.lower_ in FIRST_SECOND_PERSON or subject.tag_ in ("WDT", "WP"):
        return None  # a relative pronoun whose antecedent subject_of could not find speaks for nobody
    if conceding(verb, subject):
        return None
    clause = clauses[0]
    # "a finding that could help explain how …": a thing explains, nobody reports; a relative pronoun
    # before the cue ("the plan, which the audit said was late") opens the relative clause, not a question
    if clause.left_edge.lower_ in WH_WORDS and clause.left_edge.i > verb.i and not could_speak(subject):
        return None
    if not lexicon.is_speech(verb) and not _is_finite_clause(clause):
        return None  # "expected the merger to collapse": a forecast, not a report of speech
    return clause


def _reduced_relative_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """``Most growers in the valley going to the polls say they …``: the parser reads the participle of
    a reduced relative as the main verb and hangs the speech verb on it as ``dep`` with no subject;
    the participle's subject says it (``speakers.reduced_relative``, which names it the speaker)."""
    return reduced_relative_subject(verb) if lexicon.is_speech(verb) else None


def conceded_cue(verb: Token) -> bool:
    """``conceding`` with the verb's own subject (its first ``SUBJECT_DEPS`` child): the ``said`` of
    ``That said, …``, read by the suggestions (``suggest.doubtful``, ``suggest.shapes``)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and conceding(verb, subject)


def conceding(verb: Token, subject: Token) -> bool:
    """``That said, the budget still runs short``: a demonstrative opening the sentence, the cue right
    after it and a comma right after the cue grant the point before; nobody says the rest."""
    doc = verb.doc
    return subject.lower_ in CONCEDING_SUBJECTS and subject.is_sent_start and subject.i == verb.i - 1 \
        and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


def _extent(scan: QuoteScan, verb: Token, clause: Token) -> Span | None:
    """What was said: the clause after the cue and after its listener and conjunction, within the
    paragraph, cut where the speaker's next act, a participle or the reporter's addition begins."""
    doc = scan.doc
    _, para_end = scan.paragraph(verb.idx)
    # "a deadline that officials said went unnoticed": the clause's relative pronoun stands before
    # the cue; what was said is the clause after it.
    start = max(clause.left_edge.i, verb.i + 1)
    # a thing's finding (``polls show Lee ahead — and that Ruiz trails``, ``…, while …``) runs to the end of
    # the verb's clause, as ``evidence.finding_end`` reads it, and keeps what a reporter's addition would cut
    finding = _finding(scan, verb)
    last = _last_complement(verb, clause, scan.lexicon)
    end = min((evidence.finding_end(scan, verb, last) if finding else last) + 1, scan.token_at_or_after(para_end))
    end = min(colon_run_on(doc, end, doc[end - 1].sent.end, scan.lexicon.is_cue), scan.token_at_or_after(para_end))
    end = min(end, _participle_cut(scan, clause), _coordination_cut(scan, clause, verb), _relative_cut(scan, start, end),
              next_act_cut(clause, verb, scan.lexicon.object_verbs))
    start = _after_listener(verb, clause, start, end)
    while start < end and (doc[start].lower_ in CONTENT_AFTER_MARKS and (doc[start].dep_ == "mark" or doc[start].tag_ == "IN")
                           and not opens_aside(doc, start) or doc[start].is_punct or doc[start].is_space):
        start += 1
    if not finding:
        end = min(end, reporter_addition_cut(doc, start, end))
    end = min(end, quoted_aside_dash_cut(doc, start, end, scan.quoted, scan.lexicon.is_speech))
    end = min(end, own_act_cut(clause, start, end, lambda act: an_act(scan, act)))
    return with_closing_mark(scan, trimmed(doc, start, end))


def an_act(scan: QuoteScan, verb: Token) -> bool:
    """A verb some report rule reads: of saying, thinking or any other clause class, or one whose
    object or prepositional object is what was said."""
    lexicon, lemma = scan.lexicon, verb.lemma_.lower()
    return lexicon.is_cue(verb) or lemma in lexicon.clause_verbs or lemma in lexicon.object_verbs \
        or lemma in lexicon.prepositional_verbs or lemma in lexicon.stance_verbs


def _after_listener(verb: Token, clause: Token, start: int, end: int) -> int:
    """``told BBC Radio Leeds that …``: whatever comes before the clause's own ``that`` (the
    listener a parser sometimes hangs inside the clause) is not part of what was said."""
    doc = verb.doc
    that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i), None)
    if that is None and verb.lemma_.lower() in LISTENER_VERBS:
        that = next((t for t in doc[start:min(end, start + 8)] if t.lower_ == "that"), None)
        if that is not None and any(t.dep_ in SUBJECT_DEPS or t.text in QUOTE_MARK_TOKENS
                                    for t in doc[start:that.i]):
            that = None  # "told him that was wrong" is not a listener before "that"
    return that.i + 1 if that is not None and start < that.i < end else start


def _finding(scan: QuoteScan, verb: Token) -> bool:
    """A thing's finding (``the poll found that …``, ``records show that …``): a verb of
    ``finding_to_clause_end_verbs`` in its sentence's own clause whose subject cannot speak; a
    person who ``suggested that …, while …`` is cut as any speaker is."""
    if verb.dep_ not in evidence.MAIN_DEPS or verb.lemma_.lower() not in scan.lexicon.finding_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN") and not could_speak(subject)


def _last_complement(verb: Token, clause: Token, lexicon: Lexicon) -> int:
    """The last token of the report: ``said the Iranians released were close to finishing their
    terms`` is one clause a parser sometimes splits into two complements of the verb, with nothing
    between them (``…, comments the ministry dismissed`` after a comma is not one)."""
    doc = verb.doc
    last = clause.right_edge.i
    for later in (c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i):
        if later.left_edge.i == last + 1 and not doc[last + 1].is_punct and not _another_report(lexicon, later):
            last = later.right_edge.i
    for later in (c for c in verb.children if c.dep_ == "conj" and c.i > last):
        if _second_that_clause(later, last):
            last = later.right_edge.i
    return last


def _second_that_clause(conj: Token, last: int) -> bool:
    """``said the levy would pass, but that she would not vote for it``: a clause coordinated with
    the reported one, opened by its own ``that`` and with a subject of its own, that the parser
    hangs on the reporting verb right after the report (only a comma and ``and``/``but`` between)
    is a second part of what was said."""
    doc = conj.doc
    that = next((c for c in conj.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < conj.i), None)
    if that is None or not any(c.dep_ in SUBJECT_DEPS and that.i < c.i < conj.i for c in conj.children):
        return False
    between = doc[last + 1:that.i]
    return 0 < len(between) <= 2 and all(t.is_punct or t.dep_ == "cc" for t in between) \
        and any(t.dep_ == "cc" for t in between)


def _coordination_cut(scan: QuoteScan, clause: Token, verb: Token) -> int:
    """``said X had been "in touch" and hoped the deal would hold``: a verb coordinated after the
    reported clause, with no subject of its own, is the speaker's next act when it follows a closing
    quote mark or is a speech or cognition verb in the reporting verb's own form (``says Y is acting
    unlawfully and showing disregard``: a participle goes on with the clause); another report with a
    subject of its own (``_another_report``) ends the clause as well. The clause stops before ``and``
    (or its comma). Any verb of the clause's coordination, the third hanging on the second as the
    parser hangs it."""
    doc = clause.doc
    for child in clause.conjuncts:
        if child.pos_ not in ("VERB", "AUX") or child.i <= clause.i:
            continue
        if has_clause_subject(child) and not _another_report(scan.lexicon, child):
            continue
        cc = _conjunction(child)
        if cc is None:
            continue
        comma = word_before(doc, cc.i)
        before = doc[comma] if comma >= 0 else None
        if has_clause_subject(child) or _next_act(scan, clause, verb, child, cc.i, before is not None):
            return before.i if before is not None and before.text == "," else cc.i
    return len(doc)


def _another_report(lexicon: Lexicon, conj: Token) -> bool:
    """``said they were worried about prices, and more than half said the mayor would fix them``: a
    verb of saying or thinking coordinated with the reported clause, with a subject of its own and no
    ``that``, is another report (the parser hangs it inside the first one's clause, or on the
    reporting verb as a second complement)."""
    return lexicon.is_cue(conj) and has_clause_subject(conj) and not any(c.dep_ == "mark" for c in conj.children)


def _conjunction(conj: Token) -> Token | None:
    """The ``and``/``but`` before a coordinated verb: its own ``cc``, or the word just before it."""
    cc = next((c for c in conj.children if c.dep_ == "cc" and c.i < conj.i), None)
    if cc is None:
        before = conj.doc[conj.i - 1]
        cc = before if before.dep_ == "cc" else None
    return cc


def _next_act(scan: QuoteScan, clause: Token, verb: Token, conj: Token, cc: int, word_before_cc: bool) -> bool:
    """The coordinated verb is the speaker's next act: a bare past tense after a quoted part
    (``"in touch" and hoped``: ``and would need support``, with an auxiliary, goes on with the
    reported clause), or a cue verb in the reporting verb's own form."""
    after_quote = word_before_cc and _quoted_part_ends_at(scan, cc, clause) \
        and conj.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in conj.children)
    return after_quote or scan.lexicon.is_cue(conj) and conj.tag_ == verb.tag_


def _quoted_part_ends_at(scan: QuoteScan, cc: int, clause: Token) -> bool:
    """The phrase before ``and`` closes a quoted part: the mark itself (``"in touch" and``) or a
    noun phrase holding it (``a "very limited" service and``)."""
    doc = scan.doc
    before = doc[cc - 1] if cc else None
    if before is None:
        return False
    if before.idx in scan.close_marks:
        return True
    phrase = before if before.pos_ in ("NOUN", "PROPN") else None
    if phrase is None or phrase.head.i == phrase.i:
        return False
    return any(t.idx in scan.close_marks for t in doc[max(phrase.left_edge.i, clause.left_edge.i):cc])


def _relative_cut(scan: QuoteScan, start: int, end: int) -> int:
    """``… "full confidence" in Lindqvist, who took over in 2022``: a non-restrictive relative
    clause closing the report after a quoted part or a name describes that name; the reporter
    adds it, so the clause stops before the comma. A relative clause closed by a comma
    (``Lindqvist, who joined in 2019, would stay``) is inside the report and kept."""
    doc = scan.doc
    who = between(doc_words(doc).who, start + 2, end) if start >= -2 else range(start + 2, end)
    for i in who:
        token = doc[i]
        comma = word_before(doc, i)
        if token.lower_ not in ("who", "whom", "whose") or doc[comma].text != ",":
            continue
        if any(t.text in (",", ";") for t in doc[i + 1:end]):
            continue
        named = doc[max(word_before(doc, comma), 0)]
        if named.idx in scan.close_marks or named.pos_ == "PROPN" and named.text[:1].isupper():
            return comma
    return end


def _participle_cut(scan: QuoteScan, clause: Token) -> int:
    """``they would block the bill, calling it "a stunt"``: the participle after the comma is a
    second report (a cue, or a quote of its own), not part of the first clause."""
    doc = clause.doc
    for child in clause.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i <= clause.i:
            continue
        cut = comma_cut(doc, child.i)
        if cut is None:
            continue
        quoted = any(within(t.idx, scan.inside) for t in child.subtree)
        if quoted or scan.lexicon.is_speech(child):
            return cut
    return len(doc)


def _that_clause_below(verb: Token) -> list[Token]:
    """``told analysts on a conference call that X``: a parser hangs the ``that`` clause on the last
    noun as a relative clause; with a subject of its own it is the reported clause."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "that" or token.dep_ != "mark":
            continue
        clause = token.head
        if clause.dep_ not in ("relcl", "acl", "advcl") or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            continue
        node = clause.head
        while node.i != verb.i and node.dep_ in ("dobj", "pobj", "prep", "npadvmod", "compound", "dative"):
            node = node.head
        if node.i == verb.i:
            return [clause]
    return []


def _adverbial(clause: Token) -> bool:
    """A clause the parser hangs on the verb as its complement but whose conjunction makes it an
    adverbial (``said — as it happens — that …``, ``said, after the vote, that …``)."""
    return any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children)


def _is_finite_clause(clause: Token) -> bool:
    """A clause with a tensed verb or a modal (``the deal would hold``), or a subjunctive with
    ``that`` and a subject of its own (``demanded that the board resign``, ``ordered that the files
    be released``), not ``the deal to hold``."""
    if finite(clause):
        return True
    children = list(clause.children)
    subjunctive = clause.tag_ == "VB" or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in children)
    return subjunctive and any(c.dep_ == "mark" and c.lower_ == "that" for c in children) \
        and any(c.dep_ in SUBJECT_DEPS for c in children)


def _nested(verb: Token, lexicon: Lexicon) -> bool:
    """A cue verb hanging as the clause of another verb before it (``NESTED_DEPS``); the parser
    also hangs a main clause on the one after a semicolon or colon (``Many voters said they …;
    a third were unsure``), and that one reports. So does the infinitive of an act done
    (``continued to insist that …``, ``went on to say that …``: ``own_clause.act_done``) or of a
    raising verb (``seemed to suggest that …``): its head's subject said it."""
    if verb.dep_ not in NESTED_DEPS or act_done(verb, lexicon) or _raised(verb) or _named_reporter(verb, lexicon):
        return False
    return verb.head.i < verb.i or not any(t.text in (";", ":") for t in verb.doc[verb.i + 1:verb.head.i])


def _named_reporter(verb: Token, lexicon: Lexicon) -> bool:
    """``Part of it is that farmers think the levy is unfair``, ``a plan Ruiz said would fail``, and a
    second main clause the parser hangs on the first (``Lee won two states and Ruiz suggested they
    should quit``): a cue verb whose own subject names someone (not a pronoun), hanging as the clause
    of a verb before it that reports nothing (no cue, no clause verb of the lexicon), is its
    subject's report, not one nested in another's (tuning part: 9 of 15 new quotes right)."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i > verb.i:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not could_speak(subject) or subject.pos_ == "PRON":
        return False
    return not (lexicon.is_cue(head) or head.lemma_.lower() in lexicon.clause_verbs)


def _raised(verb: Token) -> bool:
    """``the minister seemed to suggest that …``: the infinitive of a raising verb (``RAISING_VERBS``)
    heading its sentence, or coordinated with the verb that does, not negated."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in RAISING_VERBS and head.dep_ in ("ROOT", "conj") \
        and to_infinitive(verb) and not negated(head)


def _asked_of_someone_else(verb: Token) -> bool:
    """``Asked whether X, she said: …``: a passive participle with no subject reports a question put
    to the main clause's subject by someone else; what follows it is not the subject's quote. With
    the asker named (``When asked by a reporter whether X``) the question is the asker's report."""
    # (a past tense heading an adverbial clause with no subject of its own is that participle, which the
    # tagger now and then misreads: ``Later asked whether X, she said``)
    participle = verb.tag_ == "VBN" and verb.dep_ in ("advcl", "ccomp", "acl", "ROOT") \
        or verb.tag_ == "VBD" and verb.dep_ == "advcl"
    return participle and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children) \
        and named_agent(verb) is None  # (tuning part: 5 of 5 new questions right)
