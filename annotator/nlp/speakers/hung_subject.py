"""``In a note to staff, the board's chair, Ada Voss, wrote that …``, ``Worried by the delays, Mayor
Ruiz, the council's leader, said …``: a finite main verb the parser left with no subject, because
it hung the speaker's phrase on the words before it (an apposition to a preposition's object, a
conjunct of it after a comma). The phrase ending right before the verb is the subject when a comma
opens it and it can speak."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import after_comma, has_clause_subject
from annotator.nlp.lexicon import TENSED_VERB_TAGS
from annotator.nlp.name_words import could_report

#: How the parser hangs the subject's phrase on the words before it.
_HUNG_DEPS = frozenset({"appos", "conj"})


def hung_subject(verb: Token) -> Token | None:
    """The head of the phrase right before a subjectless finite main verb, when the parser hung it
    on the words before it (``appos``/``conj``) after a comma, and it can speak; the outermost such
    phrase (``Harry Reid, the minority leader,``: ``Reid``)."""
    if verb.dep_ != "ROOT" or verb.tag_ not in TENSED_VERB_TAGS or has_clause_subject(verb):
        return None
    last = _last_word_before(verb)
    if last is None:
        return None
    path = []
    word = last
    while word.i != verb.i and word.head.i != word.i:
        path.append(word)
        word = word.head
    if path and path[-1].pos_ in ("NOUN", "PROPN"):
        return None  # a noun of the verb's own (``"…," Okafor, a teacher said``): a later rule's
    for word in reversed(path):  # the outermost first
        if word.dep_ in _HUNG_DEPS and word.head.i < word.i and word.pos_ in ("NOUN", "PROPN") \
                and after_comma(word) and could_report(word):
            return word
    return None


def _last_word_before(verb: Token) -> Token | None:
    """The last word before the verb that is not punctuation nor one of the verb's own adverbs
    (``, bluntly suggested``)."""
    doc = verb.doc
    for i in range(verb.i - 1, verb.sent.start - 1, -1):
        word = doc[i]
        if word.is_punct or word.is_space or word.head.i == verb.i and word.dep_ in ("advmod", "neg", "aux"):
            continue
        return word
    return None
