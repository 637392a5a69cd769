"""``Ruiz said the levy was fair, hinting that the vote would pass.`` built by hand, with or without
the comma and with or without a subject of the participle's own (our own sentence)."""

from __future__ import annotations

from spacy.tokens import Doc

from tests.nlp.hand_docs import hand_doc

#: (word, POS, tag, dependency, head word, lemma); the heads are words, numbered when built.
_ROWS = (
    ("Ruiz", "PROPN", "NNP", "nsubj", "said", ""),
    ("said", "VERB", "VBD", "ROOT", "said", "say"),
    ("the", "DET", "DT", "det", "levy", ""),
    ("levy", "NOUN", "NN", "nsubj", "was", ""),
    ("was", "AUX", "VBD", "ccomp", "said", "be"),
    ("fair", "ADJ", "JJ", "acomp", "was", ""),
    (",", "PUNCT", ",", "punct", "was", ""),
    ("aides", "NOUN", "NNS", "nsubj", "hinting", ""),
    ("hinting", "VERB", "VBG", "advcl", "was", "hint"),
    ("that", "SCONJ", "IN", "mark", "pass", ""),
    ("the", "DET", "DT", "det", "vote", ""),
    ("vote", "NOUN", "NN", "nsubj", "pass", ""),
    ("would", "AUX", "MD", "aux", "pass", ""),
    ("pass", "VERB", "VB", "ccomp", "hinting", "pass"),
    (".", "PUNCT", ".", "punct", "said", ""),
)


def levy_doc(*, comma: bool = True, own_subject: bool = False) -> Doc:
    """The sentence, its participle ``hinting`` after a comma (``comma``) and with ``aides`` as its
    own subject (``own_subject``)."""
    rows = [r for r in _ROWS if (comma or r[0] != ",") and (own_subject or r[0] != "aides")]
    index = {word: i for i, (word, *_rest) in enumerate(rows) if word not in ("the", ",", ".")}
    table = "\n".join(f"{w} {p} {t} {d} {index[h]} {lemma or w.lower()}" for w, p, t, d, h, lemma in rows)
    words = [r[0] for r in rows]
    text = " ".join(words).replace(" ,", ",").replace(" .", ".")
    return hand_doc(text, table)
