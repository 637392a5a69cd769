"""The named features of a suggestion, read off the parse and the pre-labels around it, never its
words (``features``: name → value, the learned scorer's input; ``scorer.py`` weighs them).

Three parts: the content (its head's part of speech, dependency and tag, its place in its sentence
and paragraph, quotation marks, the pre-labels near it, what its tokens hold: named entities, a
finite verb, a comma, a pronoun, a number), the cue (its parse, which of our lexicon's
classes it belongs to, where it stands), and the speaker (its kind, how it is tied to the cue); then
the crosses of some of their named values (``CROSSES``: ``source=…|cue-class=…``), so a weight can
depend on the pair. The facts every suggestion of one Doc shares are read once (``DocFacts``, in
``doc_facts``), and so is what one content span, cue or speaker gives (proposals of several sources
share them): ``feature_blocks`` gives a suggestion's features as blocks, those shared being one
object, which the scorer weighs without merging them; the cue's classes are read in ``lexicon_classes``."""

from __future__ import annotations

import math

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.content_counts import NAMED, content_counts
from annotator.nlp.suggest.doc_facts import DocFacts, Features
from annotator.nlp.suggest.lexicon_classes import CLASS_ATTRIBUTES, class_index, cue_classes  # noqa: F401  (re-exported)
from annotator.nlp.suggest.scores import BANDS, band

#: Named-entity labels of a speaker, by kind.
_ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group", "LOC": "place",
                 "FAC": "place"}
#: Coarse tags kept as they are; any other is "other" (a rare tag gets no weight of its own).
_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ", "ADP", "PRON", "ADV", "SCONJ", "DET", "NUM", "PART"})
_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "dobj", "pobj", "nsubj", "nsubjpass",
                   "conj", "prep", "amod", "attr", "acomp", "appos", "pcomp", "oprd", "npadvmod", "parataxis",
                   "compound", "dep", "csubj", "agent", "dative", "advmod", "aux", "auxpass", "poss"})
_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "MD", "NN", "NNS", "NNP", "NNPS", "JJ", "IN", "TO",
                   "WDT", "WP", "WRB", "DT", "PRP", "PRP$", "RB", "CD", "``", "''", "-LRB-", ","})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
#: The cue's children flagged by dependency (``cue-has-ccomp``: which complements it takes), in a fixed
#: order: a feature's place decides the order of the scorer's sum, so a set's order (which changes with
#: the hash seed between processes) could move a probability's last bit.
_CUE_CHILDREN = ("ccomp", "xcomp", "dobj", "prep", "advcl", "dative")
#: The content head's children flagged by dependency (``head-has-relcl``: a noun's clause), in a fixed order.
_HEAD_CHILDREN = ("ccomp", "acl", "relcl", "prep", "det", "poss", "amod", "compound")

#: Pairs of feature kinds crossed: for each named value of the first (``source=frame:clause``) and
#: each of the second (``cue-class=speech``) the feature ``source=frame:clause|cue-class=speech``.
#: The kinds are the part of a name before its ``=``; only features named ``kind=value`` are crossed,
#: and the flags: a kind may also be one of ``CROSSED_FLAGS``, a feature that is there (1) or not: its cross is
#: ``source=frame:clause|cue-has-prep``. The pairs after ``first-tag`` were chosen in session 16 by
#: out-of-fold AUC on PolNeAR's tuning part (docs/prelabel.md, "Session 16, scorer").
CROSSES: tuple[tuple[str, str], ...] = (
    ("source", "cue-class"), ("cue-class", "head-dep"), ("cue-class", "speaker"), ("type", "speaker"),
    ("source", "cue-dep"), ("source", "head-dep"), ("source", "type"), ("source", "head-person"),
    ("source", "cue-agent"), ("source", "head-ent"), ("source", "first-tag"),
    ("source", "content-head-class"), ("cue-class", "content-head-class"), ("source", "cue-has-prep"),
    ("source", "paragraph-has-prelabel"), ("speaker-dep", "cue-dep"), ("source", "head-tag"),
)
#: The features crossed as they are (present or not), not by a named value.
CROSSED_FLAGS: tuple[str, ...] = ("cue-has-prep", "paragraph-has-prelabel")


def _kind(value: str, known: frozenset[str]) -> str:
    return value if value in known else "other"


def speaker_kind(speaker: Span | None) -> str:
    """none, a pronoun (first person apart), an entity by kind, another proper name, or a common noun."""
    if speaker is None:
        return "none"
    root = speaker.root
    if root.pos_ == "PRON":
        return "first-person" if "1" in root.morph.get("Person") else "pronoun"
    kind = _ENTITY_KINDS.get(root.ent_type_)
    if kind is not None:
        return kind
    return "proper" if root.pos_ == "PROPN" else "noun"


def features(facts: DocFacts, quote: Span, cue: Span | None, speaker: Span | None, source: str,
             quote_type: str, lexicon: Lexicon) -> Features:
    """The named features of one suggestion (values 0–1 or small logs; every name is ours): those
    of ``base_features`` and their crosses (``CROSSES``; the same as ``crossed(base_features(…))``)."""
    return merged(feature_blocks(facts, quote, cue, speaker, source, quote_type, lexicon))


def base_features(facts: DocFacts, quote: Span, cue: Span | None, speaker: Span | None, source: str,
                  quote_type: str, lexicon: Lexicon) -> Features:
    """The features of one suggestion before any cross."""
    return merged(feature_blocks(facts, quote, cue, speaker, source, quote_type, lexicon, crosses=False))


def merged(blocks: list[Features]) -> Features:
    """One suggestion's features from its blocks (``feature_blocks``), in their order."""
    out: Features = {}
    for block in blocks:
        out.update(block)
    return out


def feature_blocks(facts: DocFacts, quote: Span, cue: Span | None, speaker: Span | None, source: str,
                   quote_type: str, lexicon: Lexicon, *, crosses: bool = True) -> list[Features]:
    """``features`` in blocks, in the order of its names, no name in two blocks: a block read off one
    content span, cue or set of named values is read once per Doc and shared by the proposals that
    have it (read-only), the others are the proposal's own. ``crosses=False``: ``base_features``."""
    words, heads, head_dep, content, head, named = _content_of(facts, quote)
    spoken = _speaker_of(facts, speaker) if speaker is not None else None
    kind = spoken[0] if spoken is not None else "none"
    head_classes = _head_classes(facts, head, lexicon)
    blocks: list[Features] = [_opening(facts, source, words, quote_type, kind, head_dep), content, head_classes]
    if cue is None:
        blocks.append(_NO_CUE)
        cue_root, cue_key = None, None
    else:
        own, classes, cue_dep, cue_root, cue_sentence, _, in_lexicon, agent = _cue_of(facts, cue, lexicon)
        blocks += [own, _HEADS_CONTENT[cue_root in heads], in_lexicon, _cue_place(facts, quote, cue, cue_sentence)]
        cue_key = (cue_dep, classes, agent, own.get("cue-has-prep") == 1.0)
    if spoken is not None:
        blocks.append(_speaker_features(facts, quote, cue, speaker, spoken, cue_root))
    if crosses:
        named += tuple(("content-head-class", name) for name in head_classes)
        if spoken is not None:
            named += (("speaker-dep", spoken[4]),)
        blocks.append(_crosses(facts, source, quote_type, kind, head_dep, named, cue_key))
    return blocks


#: The cue features of a proposal without a cue.
_NO_CUE = {"cue=none": 1.0}
#: Whether the cue's root heads the content's head (or its head), by that truth.
_HEADS_CONTENT = ({"cue-heads-content": 0.0}, {"cue-heads-content": 1.0})


def _opening(facts: DocFacts, source: str, words: int, quote_type: str, kind: str, head_dep: str) -> Features:
    """The first features: the source, the content's length, the type, the speaker's kind, the
    content head's dependency (one block per such set of values)."""
    key = (source, words, quote_type, kind, head_dep)
    known = facts._openings.get(key)
    if known is None:
        band_name = BANDS[band(words)]
        known = facts._openings[key] = {
            "bias": 1.0, f"source={source}": 1.0, f"band={band_name}": 1.0, f"source={source}|band={band_name}": 1.0,
            "log-words": math.log1p(words), f"type={quote_type}": 1.0, f"speaker={kind}": 1.0,
            f"source={source}|speaker={kind}": 1.0, head_dep: 1.0}
    return known


def _head_classes(facts: DocFacts, head: int, lexicon: Lexicon) -> Features:
    """The lexicon's classes of the content's head word, once per head and lexicon."""
    key = (head, id(lexicon))
    known = facts._head_classes.get(key)
    if known is None or known[0] is not lexicon:  # (the lexicon itself is kept: its id stays its own)
        known = facts._head_classes[key] = (lexicon, {f"content-head-class={name}": 1.0
                                                      for name in cue_classes(facts.doc[head:head + 1], lexicon)})
    return known[1]


def _crosses(facts: DocFacts, source: str, quote_type: str, kind: str, head_dep: str,
             named_content: tuple[tuple[str, str], ...],
             cue_key: tuple[str, tuple[str, ...], str | None, bool] | None) -> Features:
    """The crosses (``CROSSES``) of a proposal's named values; ``named_content``: the content's, its
    head's and its speaker's named values crossed, as (kind, feature) pairs (``_content_of``'s, then
    the head's classes and the speaker's dependency); ``cue_key``: its cue's dependency feature,
    class features, ``cue-agent=`` feature (None without a ``by`` agent) and whether it has a ``prep``
    (None without a cue)."""
    key = (source, quote_type, kind, head_dep, named_content, cue_key)
    known = facts._crosses.get(key)
    if known is None:
        named = {"source": [f"source={source}"], "type": [f"type={quote_type}"], "speaker": [f"speaker={kind}"],
                 "head-dep": [head_dep]}
        for kind_of, name in named_content:
            named.setdefault(kind_of, []).append(name)
        if cue_key is not None:
            named["cue-dep"], named["cue-class"] = [cue_key[0]], list(cue_key[1])
            if cue_key[2] is not None:
                named["cue-agent"] = [cue_key[2]]
            if cue_key[3]:
                named["cue-has-prep"] = ["cue-has-prep"]
        known = facts._crosses[key] = {}
        _add_crosses(known, named, CROSSES)
    return known


def crossed(base: Features, crosses: tuple[tuple[str, str], ...] = CROSSES) -> Features:
    """``base`` (``base_features``) with the crosses of its named values: ``crosses``."""
    named: dict[str, list[str]] = {}
    kinds = _NAMED_KINDS
    for name in base:
        kind = kinds.get(name, _UNREAD)
        if kind is _UNREAD:
            kind = _named_kind(name)
            if len(kinds) < _KINDS_KEPT:
                kinds[name] = kind
        if kind is not None:
            named.setdefault(kind, []).append(name)
    for flag in CROSSED_FLAGS:
        if base.get(flag) == 1.0:
            named[flag] = [flag]
    out = dict(base)
    _add_crosses(out, named, crosses)
    return out


#: A feature's name → the kind ``crossed`` crosses it as (the part before its ``=``; None: none), read
#: once per name (the names are ours: a few thousand), at most ``_KINDS_KEPT`` of them kept.
_NAMED_KINDS: dict[str, str | None] = {}
_KINDS_KEPT = 100_000
_UNREAD = object()


def _named_kind(name: str) -> str | None:
    """A named value's kind (``source`` of ``source=frame:clause``); None for a flag or a cross."""
    kind, equals, _ = name.partition("=")
    return kind if equals and "|" not in name else None


def _add_crosses(out: Features, named: dict[str, list[str]], crosses: tuple[tuple[str, str], ...]) -> None:
    for first, second in crosses:
        for a in named.get(first, ()):
            for b in named.get(second, ()):
                out[a + "|" + b] = 1.0


def _content_of(facts: DocFacts, quote: Span) -> tuple[int, tuple[int, int], str, Features, int,
                                                      tuple[tuple[str, str], ...]]:
    """The content's words, the indices of its head's head and of that one's head, the head's
    dependency feature, the content features, the head's index and the content's named values
    that ``CROSSES`` crosses with the source, as (kind, feature) pairs: its first tag, the head's
    person (``head_person``) and entity kind, when it has them; read once per span."""
    key = (quote.start, quote.end)
    known = facts._contents.get(key)
    if known is None:
        head = quote.root
        up = head.head
        content = _content_features(facts, quote, head)
        named = [("first-tag", f"first-tag={_kind(quote[0].tag_, _TAGS)}")]
        person = head_person(head)
        entity = _ENTITY_KINDS.get(head.ent_type_)
        if person is not None:
            named.append(("head-person", person))
        if entity is not None:
            named.append(("head-ent", f"head-ent={entity}"))
        for _, name in named[1:]:
            content[name] = 1.0
        named.append(("head-tag", f"head-tag={_kind(head.tag_, _TAGS)}"))
        if content["paragraph-has-prelabel"]:
            named.append(("paragraph-has-prelabel", "paragraph-has-prelabel"))
        known = facts._contents[key] = (len(facts.text[quote.start_char:quote.end_char].split()),
                                        (up.i, up.head.i), f"head-dep={_kind(head.dep_, _DEPS)}",
                                        content, head.i, tuple(named))
    return known


def head_person(head: Token) -> str | None:
    """``head-person=first`` or ``head-person=second`` for a content headed by a first or second person
    pronoun (the parse's morphology: ``me``, ``you``), else None: what a reader was told is seldom
    the writer or the reader themselves."""
    if head.pos_ != "PRON":
        return None
    person = head.morph.get("Person")
    if "1" in person:
        return "head-person=first"
    if "2" in person:
        return "head-person=second"
    return None


def _content_features(facts: DocFacts, quote: Span, head: Token) -> Features:
    doc = facts.doc
    deps = [c.dep_ for c in head.children]
    sentence = facts.sentence_of(quote.start)
    sent_start, next_start = facts.sentence_bounds(sentence)
    paragraph = facts.paragraph_of(quote.start_char)
    first_sentence_of_paragraph = facts.paragraph_of(doc[sent_start].idx) < paragraph or sent_start == 0 or \
        facts.paragraph_of(doc[sent_start - 1].idx) < paragraph
    marks = facts.in_marks(quote.start_char, quote.end_char)
    quoted = facts.quoted_sentences
    return {
        f"head-pos={_kind(head.pos_, _POS)}": 1.0,
        f"head-tag={_kind(head.tag_, _TAGS)}": 1.0, f"first-tag={_kind(quote[0].tag_, _TAGS)}": 1.0,
        "head-has-subject": float(not _SUBJECTS.isdisjoint(deps)),
        "head-negated": float("neg" in deps),
        "starts-sentence": float(quote.start == sent_start),
        "ends-sentence": float(quote.end >= next_start - 1),
        "crosses-sentence": float(quote.end > next_start),
        "content-in-marks": marks, "content-partly-in-marks": float(0 < marks < 1),
        "has-mark-token": float(facts.has_mark_token(quote.start, quote.end)),
        "sentence-has-prelabel": float(sentence in quoted),
        "sentence-has-direct-prelabel": float(sentence in facts.direct_sentences),
        "neighbour-sentence-has-prelabel": float(sentence - 1 in quoted or sentence + 1 in quoted),
        "paragraph-has-prelabel": float(paragraph in facts.quoted_paragraphs),
        "first-paragraph": float(paragraph == 0),
        "log-paragraph": math.log1p(paragraph),
        "first-sentence-of-paragraph": float(first_sentence_of_paragraph),
        "log-sentence-words": math.log1p(next_start - sent_start),
        "content-share-of-sentence": min(len(quote) / max(next_start - sent_start, 1), 1.0),
        "position": quote.start / max(len(doc), 1),
        "log-prelabels": math.log1p(len(facts.quotes)),
        "log-sentences-to-prelabel": math.log1p(facts.sentences_to_prelabel(sentence)),
        **content_counts(facts.inside_counts, quote), "log-sentence-start-gap": math.log1p(max(quote.start - sent_start, 0)),
        "log-sentence-end-gap": math.log1p(max(next_start - quote.end, 0)),
        **{f"head-has-{dep}": 1.0 for dep in _HEAD_CHILDREN if dep in deps},
    }


def _cue_place(facts: DocFacts, quote: Span, cue: Span, cue_sentence: int) -> Features:
    """Where the cue stands against the content."""
    out: Features = {}
    if cue.start >= quote.end:
        out["cue-after-content"] = 1.0
        gap = cue.start - quote.end
    elif cue.end <= quote.start:
        gap = quote.start - cue.end
    else:
        out["cue-inside-content"] = 1.0
        gap = 0
    out["log-cue-gap"] = math.log1p(gap)
    out["cue-other-sentence"] = float(cue_sentence != facts.sentence_of(quote.start))
    return out


def _cue_of(facts: DocFacts, cue: Span, lexicon: Lexicon) -> tuple:
    """What the cue features read of the cue alone (read once per cue and lexicon): its own features
    up to ``cue-heads-content``, its classes' feature names (a tuple), its dependency's feature, its
    root's index, its sentence, the lexicon and its classes' features with ``cue-in-lexicon``."""
    key = (cue.start, cue.end, id(lexicon))
    known = facts._cues.get(key)
    if known is not None and known[5] is lexicon:  # (the lexicon itself is kept: its id stays its own)
        return known
    root = cue.root
    cue_dep = f"cue-dep={_kind(root.dep_, _DEPS)}"
    children = [c.dep_ for c in root.children]
    sentence = facts.sentence_of(cue.start)
    sent_start, next_start = facts.sentence_bounds(sentence)
    own: Features = {f"cue-pos={_kind(root.pos_, _POS)}": 1.0, cue_dep: 1.0,
                     f"cue-tag={_kind(root.tag_, _TAGS)}": 1.0,
                     "cue-negated": float("neg" in children),
                     "cue-has-subject": float(not _SUBJECTS.isdisjoint(children)),
                     "cue-passive": float("auxpass" in children or "nsubjpass" in children),
                     "cue-in-marks": float(facts.in_marks(cue.start_char, cue.end_char) > 0.5),
                     "cue-in-prelabel": float(facts.in_quote(cue.start, cue.end)),
                     "cue-of-prelabel": float(root.i in facts.cue_tokens),
                     "cue-lemma-of-prelabel": float(root.lemma_.lower() in facts.cue_lemmas),
                     "cue-place-in-sentence": (cue.start - sent_start) / max(next_start - sent_start, 1),
                     f"cue-head-pos={_kind(root.head.pos_, _POS) if root.head.i != root.i else 'self'}": 1.0}
    own.update((f"cue-has-{dep}", 1.0) for dep in _CUE_CHILDREN if dep in children)
    # a passive's ``by`` agent: who did it is said, so the passive's subject is seldom what was said
    agent = "cue-agent=by" if "agent" in children else None
    if agent is not None:
        own[agent] = 1.0
    classes = tuple(f"cue-class={name}" for name in cue_classes(cue, lexicon))
    in_lexicon = dict.fromkeys(classes, 1.0)
    in_lexicon["cue-in-lexicon"] = float(bool(classes))
    known = facts._cues[key] = (own, classes, cue_dep, root.i, sentence, lexicon, in_lexicon, agent)
    return known


def _speaker_features(facts: DocFacts, quote: Span, cue: Span | None, speaker: Span, spoken: tuple,
                      cue_root: int | None) -> Features:
    """``spoken``: ``_speaker_of(facts, speaker)``; ``cue_root``: the index of the cue's root."""
    _, sentence, head, subject, dep, in_marks, in_quote, of_prelabel, log_words, named = spoken
    near = cue if cue is not None else quote
    gap = near.start - speaker.end if speaker.end <= near.start else max(speaker.start - near.end, 0)
    return {
        "speaker-in-content-sentence": float(sentence == facts.sentence_of(quote.start)),
        "speaker-in-marks": in_marks,
        "speaker-after-content": float(speaker.start >= quote.end),
        "speaker-in-prelabel": in_quote,
        "speaker-of-prelabel": of_prelabel,
        "speaker-subject-of-cue": float(cue is not None and head == cue_root and subject),
        dep: 1.0,
        "log-speaker-words": log_words,
        "log-speaker-gap": math.log1p(gap),
        "speaker-in-content": float(quote.start <= speaker.start and speaker.end <= quote.end),
        "speaker-has-entity": named,
    }


def _speaker_of(facts: DocFacts, speaker: Span) -> tuple:
    """What the speaker features read of the speaker alone, once per span: its kind, sentence, its
    root's head's index, whether the root is a subject, its dependency feature, and the features
    of its marks, the pre-labels, its length and whether it holds a named entity."""
    key = (speaker.start, speaker.end)
    known = facts._speakers.get(key)
    if known is None:
        root = speaker.root
        known = facts._speakers[key] = (
            speaker_kind(speaker), facts.sentence_of(speaker.start), root.head.i, root.dep_ in _SUBJECTS,
            f"speaker-dep={_kind(root.dep_, _DEPS)}",
            float(facts.in_marks(speaker.start_char, speaker.end_char) > 0.5),
            float(facts.in_quote(speaker.start, speaker.end)), float(root.lower_ in facts.speaker_words),
            math.log1p(len(speaker)), float(any(t.ent_type_ in NAMED for t in speaker)))
    return known
