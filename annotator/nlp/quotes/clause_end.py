"""Where a reported clause ends: the reporter's additions after it (a relative or adverbial clause
after a comma, an aside after a lone dash) and the speaker's next act (``and criticized …``) are not
part of what was said. Each function returns the token index the clause stops at (``end`` when it
goes on to the end)."""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable

from spacy.attrs import DEP, POS
from spacy.symbols import NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Token

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import DASHES, LONG_DASHES, between, children_labelled, doc_words, ids_of
from annotator.nlp.lexicon import CLAUSE_CLOSE, QUOTE_MARK_TOKENS, SUBJECT_DEPS
from annotator.nlp.doc_words import finite, word_after, word_before

#: Words that open, after a comma, a clause or phrase the reporter adds to a report that runs to its
#: end: ``said she would back the raise, which phases in over six years``, ``…, while rivals
#: attacked``, ``…, despite doubts``, ``…, with most voters undecided``, ``…, when the vote came``,
#: ``…, where the mill closed``, ``… to a donor, who later gave more``. (``though`` and ``although`` open the speaker's own
#: concession as often as the reporter's, and are kept.)
TRAILING_OPENERS = frozenset({"which", "while", "whereas", "despite", "with", "when", "where", "compared", "who", "whom",
                              "whose"})
#: An apposition after a comma at the end of a report describes its last noun for the reader
#: (``… to meet Dana Ruiz, a donor from Ohio``, ``…, a swipe at his rivals``, ``… in Leeds, the city
#: where he grew up``).
APPOSITION_OPENERS = frozenset({"a", "an", "the"})
#: ``…, even as …``, ``…, even though …``.
EVEN_OPENERS = frozenset({"as", "though", "if"})


def reporter_addition_cut(doc: Doc, start: int, end: int) -> int:
    """The comma before a trailing relative or adverbial clause (``TRAILING_OPENERS``) that hangs on
    a word before the comma and runs to the end of the report; one closed by a comma before the
    report goes on (``the plan, which passed in May, would fail``) is kept."""
    for i in _positions(doc, doc_words(doc).commas, start + 2, end - 2, lambda i: doc[i].text == ","):
        after = word_after(doc, i)
        if after >= end:
            continue
        opener = doc[after]
        following = word_after(doc, opener.i)
        if opener.lower_ == "even" and following < end and doc[following].lower_ in EVEN_OPENERS:
            opener = doc[following]
        elif opener.lower_ in APPOSITION_OPENERS and _apposition(opener.head, i):
            opener = opener.head
        elif opener.lower_ not in TRAILING_OPENERS:
            continue
        phrase = opener if opener.lower_ not in TRAILING_OPENERS else _phrase_of(opener)
        if phrase.head.i >= i or not start <= phrase.head.i or phrase.left_edge.i <= i - 1:
            continue
        if _runs_to(doc, phrase.right_edge.i, end):
            return i
    return end


def addition_cut(doc: Doc, start: int, end: int) -> int:
    """The first of ``reporter_addition_cut`` and ``lone_dash_cut``: where a report whose words run to
    its clause's end stops before the reporter's addition."""
    return min(end, reporter_addition_cut(doc, start, end), lone_dash_cut(doc, start, end))


def trailing_participle_cut(doc: Doc, start: int, end: int) -> int:
    """``backed the levy, calling it fair``, ``said the mill would stay open, easing fears in the town``:
    the comma before a participle that hangs on a word before it and runs to the end of the report
    (the reporter's telling of what the speaker did next, or why); ``end`` when there is none."""
    for i in _positions(doc, doc_words(doc).commas, start + 1, end - 2, lambda i: doc[i].text == ","):
        after = word_after(doc, i)
        if after >= end:
            continue
        verb = doc[after]
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "xcomp", "conj"):
            continue
        if start <= verb.head.i < i and verb.left_edge.i >= after and _runs_to(doc, verb.right_edge.i, end):
            return i
    return end


def lone_dash_cut(doc: Doc, start: int, end: int, quoted: Callable[[int], bool] = lambda offset: False) -> int:
    """``said he was encouraged by the plan — a modest boost for the president``: after a dash
    with no second one to close it, the words are the reporter's aside; a pair of dashes encloses
    a part of the report and is kept, and so is a dash between quotation marks (``quoted`` tells
    them by character offset)."""
    dashes = [i for i in _positions(doc, doc_words(doc).dashes, start, end, lambda i: _is_dash(doc, i))
              if not quoted(doc[i].idx)]
    if len(dashes) % 2 == 1 and start + 2 < dashes[-1] < end - 1:
        return dashes[-1]
    return end


def quoted_aside_dash_cut(doc: Doc, start: int, end: int, quoted: Callable[[int], bool],
                          speech: Callable[[Token], bool]) -> int:
    """``said he was "pleased" with the deal — a rare truce in the council``: in a report with the
    speaker's own quoted words a lone dash opens the reporter's aside (``lone_dash_cut``), and so does
    one before a participle of speech (``said the plan was fair — having called it a scam in May``:
    the speaker's other act, as after a comma); in a report told wholly in the reporter's words the
    words after a lone dash go on with what was said (``said the levy would pass — unless the growers
    object``, ``… — and that the mill would close``)."""
    dash = lone_dash_cut(doc, start, end, quoted)
    if dash == end:
        return end
    return dash if _speech_participle(doc, dash, end, speech) or any(quoted(t.idx) for t in doc[start:end]) else end


def _speech_participle(doc: Doc, dash: int, end: int, speech: Callable[[Token], bool]) -> bool:
    """A participle of a verb of speech (``speech``: ``— assuming …`` goes on with the report) opening the words after ``dash`` (``— calling it …``,
    ``— having called it …``) and hanging on a word before it."""
    first = word_after(doc, dash)
    if first >= end:
        return False
    verb = doc[first].head if doc[first].lower_ == "having" and doc[first].dep_ == "aux" else doc[first]
    return verb.tag_ in ("VBG", "VBN") and verb.head.i < dash and (verb.tag_ == "VBG" or verb.i != first) \
        and speech(verb)


def next_act_cut(clause: Token, verb: Token, acts: frozenset[str] = frozenset()) -> int:
    """``said the plan would cost jobs and criticized its authors``: a verb coordinated inside the
    reported clause, with no subject of its own and in the reporting verb's form, where the clause's
    own verb is an infinitive or the verb a participle (``vowed to keep it legal and celebrated the
    ruling``, ``telling CNN that he is a fraud and questioning how …``), is the speaker's next act; the clause stops before
    ``and``. After a tensed clause (``said the plan failed and cost jobs``, ``said she has no
    plans and gave no date``) it is kept, unless the verb is one of ``acts``, verbs of saying or
    judging (``said the season was over and criticized the referees``). Any verb of the clause's
    coordination counts: the parser hangs the third on the second (``… and ask him for help and
    tells voters …``)."""
    doc = clause.doc
    tensed = finite(clause)
    for child in clause.conjuncts:
        if child.i <= clause.i or _form(child) != _form(verb) or child.pos_ != "VERB":
            continue
        if tensed and child.tag_ != "VBG" and child.lemma_.lower() not in acts:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in child.children):
            continue
        cc = next((c for c in child.children if c.dep_ == "cc" and c.i < child.i), None)
        if cc is None and doc[child.i - 1].dep_ == "cc":
            cc = doc[child.i - 1]
        if cc is None:
            continue
        comma = word_before(doc, cc.i)
        return comma if comma >= 0 and doc[comma].text == "," else cc.i
    return len(doc)


def colon_run_on(doc: Doc, end: int, sentence_end: int, is_cue: Callable[[Token], bool] = lambda token: False) -> int:
    """``said the levy was a mistake: the port could not pay it.``: a report whose clause the parse stops
    at a colon goes on to its sentence's end; what follows the colon spells out what was said (a
    second report there, ``…: most growers say …``, is kept inside it, as gold more often keeps it).
    Not over a quote after the colon that is attributed on its own, its closing mark followed by a cue
    (``is_cue``) with a subject of its own (``…: "the port is broke," Ruiz added``). ``end`` when no
    colon stands there, or it ends the sentence."""
    if end >= sentence_end - 1 or doc[end].text != ":":
        return end
    for i in range(end + 2, sentence_end):
        if doc[i].text in QUOTE_MARK_TOKENS and doc[i - 1].text in CLAUSE_CLOSE and any(
                is_cue(t) and any(c.dep_ in SUBJECT_DEPS for c in t.children) for t in doc[i + 1:min(i + 4, sentence_end)]):
            return end
    return sentence_end


def object_act_cut(thing: Token, end: int) -> int:
    """``proposed taxing carbon and praised the new port``, ``has backed the levy and has asked for
    more``: an object (a noun, a gerund or an infinitive) coordinates with its like, never with
    a tensed verb; a tensed verb without a subject of its own that the parser joined to the object is
    the speaker's next act, and the content stops before the ``and`` (and a comma before it). ``end``
    when there is none."""
    if finite(thing):
        return end
    doc = thing.doc
    for child in thing.conjuncts:
        if not thing.i < child.i < end or child.pos_ not in ("VERB", "AUX") or not finite(child):
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in child.children):
            continue
        cc = next((c for c in [*thing.children, *child.children] if c.dep_ == "cc" and thing.i < c.i < child.i), None)
        if cc is None:
            continue
        comma = word_before(doc, cc.i)
        return comma if comma > thing.i and doc[comma].text == "," else cc.i
    return end


def _form(verb: Token) -> str:
    """A verb's form for coordination: its tag, the two past forms as one (``has pledged to cut taxes
    and visited three towns``: the tagger reads a past participle after ``has … and`` as a simple past)."""
    return "VBD" if verb.tag_ == "VBN" else verb.tag_


#: Conjunctions of concession and contrast (``though she declined to …``, ``even as he attacked …``).
CONTRASTING_MARKS = frozenset({"though", "although", "while", "as"})
#: The personal pronouns by which a report's speaker comes back as the subject of a clause inside it.
SPEAKER_AGAIN_PRONOUNS = frozenset({"he", "she", "they"})


def own_act_cut(clause: Token, start: int, end: int, is_act: Callable[[Token], bool]) -> int:
    """``Ortiz said the ferry would run in June, though she did not announce the fares``: a clause of
    concession or contrast inside the report (``speakers_other_act``) whose verb is a cue
    (``is_act``) is the reporter telling another act of the speaker, not part of what was said (that
    act is a report of its own); the report stops before the clause and the comma before it."""
    doc = clause.doc
    heads = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for head in heads:
        for child in head.children:
            if child.i <= head.i or not start < child.left_edge.i < end or not speakers_other_act(child) \
                    or not is_act(child):
                continue
            cut = child.left_edge.i
            before = word_before(doc, cut)
            while before > start and (doc[before].is_punct or doc[before].dep_ == "cc"):
                cut, before = before, word_before(doc, before)
            return cut
    return end


def speakers_other_act(verb: Token) -> bool:
    """An adverbial clause opened by one of ``CONTRASTING_MARKS`` whose subject is a personal pronoun
    (``…, though she did not mention the cost``, ``…, even as he has criticized its authors``)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in CONTRASTING_MARKS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.lower_ in SPEAKER_AGAIN_PRONOUNS


def comma_cut(doc: Doc, i: int) -> int | None:
    """Where a report stops before the phrase starting at token ``i`` when a comma ends the words
    before it: at the comma (``…, adding that``), or after the closing quote mark that follows the
    comma (``… "a disgrace,” adding that``: the mark closes the report's quoted part and stays in
    it); None without a comma."""
    before = word_before(doc, i)
    if before >= 0 and doc[before].text == ",":
        return before
    if before > 0 and doc[before].text in QUOTE_MARK_TOKENS and doc[word_before(doc, before)].text == ",":
        return before + 1
    return None


def _positions(doc: Doc, positions: list[int], start: int, end: int, test: Callable[[int], bool]) -> list[int]:
    """The tokens from ``start`` to before ``end`` that pass ``test``, as ``positions`` (the Doc's
    tokens that pass it, in order: ``doc_words``) gives them; a range from a negative index (the
    Doc's last tokens, as ``doc[i]`` reads it) tests each token."""
    return between(positions, start, end) if start >= 0 else [i for i in range(start, end) if test(i)]


def _apposition(noun: Token, comma: int) -> bool:
    """A noun after the comma that describes what comes before it: an apposition, or what the parser
    makes a second object of the same verb (``would help farmers, a claim …``)."""
    if noun.head.i >= comma:
        return False
    if noun.dep_ in ("appos", "npadvmod"):
        return True
    return noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < comma for c in noun.head.children)


def _is_dash(doc: Doc, i: int) -> bool:
    """A dash between words as punctuation: spaced (``plan - a boost``), or an em dash (``plan—a
    boost``); not the hyphen of ``pre-tax`` or the dash of a range (``2014–2016``)."""
    token = doc[i]
    if token.text not in DASHES:
        return False
    spaced = bool(token.whitespace_) or bool(doc[i - 1].whitespace_)
    return spaced or token.text in LONG_DASHES


def _phrase_of(opener: Token) -> Token:
    """The head of the phrase ``opener`` starts: a preposition or participle itself (``despite``,
    ``with``, ``compared``), else the verb of the clause it marks (``which``, ``while``, ``when``)."""
    if opener.dep_ in ("prep", "advcl", "acl") or opener.pos_ == "ADP" and opener.dep_ != "mark":
        return opener
    node = opener
    while node.head.i != node.i and node.dep_ not in ("relcl", "advcl", "acl", "conj", "ccomp") \
            and node.head.i > opener.i - 1:
        node = node.head
    if node.dep_ == "ccomp" and node.head.dep_ in ("relcl", "acl") and node.head.i > opener.i:
        # ``…, which the audit said was flawed``: the pronoun is the subject of the clause the relative
        # clause's verb reports; that verb heads the phrase (a report of its own, not the reporter's)
        node = node.head
    return node


def _runs_to(doc: Doc, last: int, end: int) -> bool:
    """Only punctuation and spaces (a closing mark or full stop) between ``last`` and ``end``."""
    return all(t.is_punct or t.is_space for t in doc[last + 1:end])


def verb_conjunct_cut(doc: Doc, start: int, end: int) -> int:
    """``seems to favour the big ferry firms and angers the clerks``: a verb the parser coordinates with
    a noun (or a pronoun) between ``start`` and ``end`` is the next act of whoever the clause is about,
    not more of that noun; the words stop before the ``and`` or ``or`` that joins them (``end`` when
    no noun has such a conjunct). The nouns with such a verb are read once per Doc (``_verb_conjuncts``)."""
    nouns, ccs = _verb_conjuncts(doc)
    low, high, _ = slice(start, end).indices(len(doc))  # (the tokens ``doc[start:end]`` holds)
    for k in range(bisect_left(nouns, low), bisect_left(nouns, high)):
        if start < ccs[k] < end:
            return ccs[k]
    return end


#: Doc → the nouns with a verb conjunct after them and the ``cc`` joining each (``_verb_conjuncts``).
_VERB_CONJUNCTS: DocCache = DocCache()
_NOUN_POS = frozenset({NOUN, PROPN, PRON})


def _verb_conjuncts(doc: Doc) -> tuple[list[int], list[int]]:
    """The nouns (and pronouns, in order) with a verb conjunct after them and a ``cc`` that joins them
    (the noun's ``cc`` child before the verb, else a ``cc`` right before the verb), and each one's
    ``cc``: what ``verb_conjunct_cut`` asks of every noun of a content, read once per Doc."""
    found = _VERB_CONJUNCTS.get(doc)
    if found is None:
        pos, dep = ids_of(doc, POS), ids_of(doc, DEP)
        cc_label = doc.vocab.strings["cc"]
        nouns, ccs = [], []
        for noun, conjuncts in sorted(children_labelled(doc, "conj").items()):
            verb = next((c for c in conjuncts if pos[c] == VERB and c > noun), None)
            if pos[noun] not in _NOUN_POS or verb is None:
                continue
            cc = next((c for c in children_labelled(doc, "cc").get(noun, ()) if noun < c < verb), None)
            if cc is None and dep[verb - 1] == cc_label:
                cc = verb - 1
            if cc is not None:
                nouns.append(noun)
                ccs.append(cc)
        found = _VERB_CONJUNCTS[doc] = (nouns, ccs)
    return found
