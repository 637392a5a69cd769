"""``bench/corpus.py --coverage``: where the gold attributions the pre-labels miss stand against the
suggestions (counts only, never text). Each missed one (a gold quote with a source that no pre-label
pairs with) falls in the first of: under a pre-label of another extent; paired with a shown
suggestion; paired with a hidden candidate (any source's, whatever its score, as ``--suggest-all``
proposes them, or another extent of a pre-label); under a shown suggestion of another extent; under
only a hidden candidate; no candidate at all. The last are counted by ``--misses``' classes and,
within a class, by the parse shape of cue and content (``attribution_shape``); those under a
pre-label of another extent by how that pre-label differs (``extent_kind``)."""

from __future__ import annotations

from collections import Counter

from annotator.core.records import CUE_REL, QUOTE, Span, Task
from annotator.core.span_queries import overlaps
from annotator.measure.evaluation import match_quotes_with_pieces

from corpus_misses import attributed_found, keep_per_text, sourced_quotes  # bench/corpus_misses.py

#: The places a missed attribution can stand, in the order they are tried (the first wins).
PLACES = ("under a pre-label of another extent", "paired with a shown suggestion", "paired with a hidden candidate",
          "under a shown suggestion of another extent", "under only a hidden candidate", "no candidate at all")
#: How many shapes are printed per class, and classes with shapes.
SHAPES_SHOWN, CLASSES_SHOWN = 6, 8


def cue_head(words):
    """The word heading a cue span: its root when that is a content word (not an auxiliary or a
    negation), else its first such word."""
    heads = [t for t in words if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX", "PROPN") and t.dep_ not in ("aux", "neg")]
    return words.root if words.root in heads or not heads else heads[0]


def attribution_shape(doc, quote: tuple[int, int], cue: tuple[int, int]) -> str:
    """The parse shape of a cue and its content: how the content's head hangs from the cue (its
    dependency under the cue, under the cue's preposition, the cue inside or under the content, the
    two apart in one sentence or in two), and the cue's head (part of speech, passive, negated).
    Dependency labels, parts of speech and the preposition the content hangs from (a function word):
    never a content word."""
    words = doc.char_span(*cue, alignment_mode="expand")
    content = doc.char_span(*quote, alignment_mode="expand")
    if words is None or content is None or not len(words) or not len(content):
        return "unaligned"
    head_of_cue = cue_head(words)
    head = content.root
    inside = range(words.start, words.end)
    if head.i in inside:
        relation = "content head in the cue"
    elif head.head.i in inside:
        relation = f"content {head.dep_} of the cue"
    elif head.head.dep_ in ("prep", "agent") and head.head.head.i in inside:
        relation = f"content {head.dep_} of the cue's {head.head.dep_}"
    elif content.start <= head_of_cue.i < content.end:
        relation = "cue inside the content"
    elif content.start <= head_of_cue.head.i < content.end:
        relation = f"cue {head_of_cue.dep_} of the content"
    elif head.sent.start != head_of_cue.sent.start:
        relation = "cue in another sentence"
    elif head.head.i == head_of_cue.head.i:
        relation = f"content {head.dep_} beside cue {head_of_cue.dep_}"
    else:
        relation = f"content {head.dep_}, cue {head_of_cue.dep_}, apart"
    preposition = head if head.pos_ == "ADP" else head.head if head.head.pos_ == "ADP" else None
    if preposition is not None and relation.startswith("content "):
        relation += f" ({preposition.lower_})"  # a preposition: a function word, never a content word
    flags = [head_of_cue.pos_]
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in head_of_cue.children):
        flags.append("passive")
    if any(c.dep_ == "neg" for c in head_of_cue.children):
        flags.append("negated")
    return f"{relation}; cue {' '.join(flags)}; content head {head.pos_}"


def gold_shapes(doc, gold: Task) -> dict[tuple, str]:
    """The shape of each gold quote with a source and a cue (``attribution_shape``, the nearest cue)."""
    out = {}
    for quote, near in sourced_quotes(gold):
        if not near:
            out[quote.key] = "no cue"
            continue
        cue = min(near, key=lambda c: min(abs(c.start - quote.end), abs(quote.start - c.end)))
        out[quote.key] = attribution_shape(doc, (quote.start, quote.end), (cue.start, cue.end))
    return out


def doc_candidates(doc, lexicon) -> list[tuple[int, int, str]]:
    """Every candidate of every source of the rate table, whatever its score (pre-labels already
    overlapping left out), and every other extent of every pre-label: (start, end, source)."""
    from annotator.nlp.suggest.extents import EXTENT_SOURCES, extents
    from annotator.nlp.suggest.propose import proposals
    from annotator.nlp.suggest.scores import SCORES

    out = [(p.span.start_char, p.span.end_char, p.source) for p in proposals(doc, lexicon, frozenset(SCORES))]
    return out + [(e.span.start_char, e.span.end_char, e.source) for e in extents(doc, lexicon, EXTENT_SOURCES)]


def keep_coverage(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: each gold task's Doc's candidates (``doc_candidates``, read once per Doc)
    and its attributions' shapes (``gold_shapes``)."""
    from annotator.nlp.lexicon import shared_lexicon

    lexicon = shared_lexicon(ours)

    def record(doc, tasks: list[Task]) -> None:
        candidates = doc_candidates(doc, lexicon)
        for task in tasks:
            store[id(task)] = {"candidates": candidates, "shapes": gold_shapes(doc, task)}

    return keep_per_text(ours, gold, "bench_coverage", record)


def _record_span(start: int, end: int, source: str) -> Span:
    return Span(start, end, 0, 0, QUOTE, source=source)


def _overlaps(span: Span, others) -> bool:
    return any(overlaps(span, o) for o in others)


def coverage_places(gold: Task, pred: Task, candidates: list[tuple[int, int, str]]) -> dict[tuple, tuple[str, str]]:
    """Each gold attribution the pre-labels miss → (its place in ``PLACES``, the source that pairs
    with it, or under a pre-label of another extent how it differs (``extent_kind``), else "")."""
    found, _right = attributed_found(gold, pred)
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    missed = [s for s, _cues in sourced_quotes(gold) if s.key not in found and (s.start, s.end) not in optional]
    prelabels = [s for s in pred.spans if s.label == QUOTE]
    shown = [s.quote.replace(source=s.source) for s in pred.suggestions]
    hidden = [_record_span(*c) for c in candidates]
    out = {}
    for g in missed:
        taken = _pairs(gold.text, g, shown)
        if _overlaps(g, prelabels) and not taken:
            out[g.key] = (PLACES[0], extent_kind(gold, pred, g, prelabels))
        elif taken is not None:
            out[g.key] = (PLACES[1], taken.source or "?")
        elif (p := _pairs(gold.text, g, hidden)) is not None:
            out[g.key] = (PLACES[2], p.source or "?")
        elif _overlaps(g, shown):
            out[g.key] = (PLACES[3], "")
        elif _overlaps(g, hidden):
            out[g.key] = (PLACES[4], "")
        else:
            out[g.key] = (PLACES[5], "")
    return out


def extent_kind(gold: Task, pred: Task, g: Span, prelabels: list[Span]) -> str:
    """How the pre-label most overlapping a missed gold quote ``g`` differs from it: it pairs with
    another gold quote, or holds ``g``, lies inside it or crosses it; with ``g``'s cue, with ``g``'s
    cue inside its words (a report holding ``g``'s whole attribution), with another cue or none."""
    p = most_overlapping(g, prelabels)
    pairs, _ = match_quotes_with_pieces(gold.text, [q for q in gold.spans if q.label == QUOTE], prelabels)
    if any(q.key != g.key and paired.key == p.key for q, paired in pairs):
        return "pairs with another gold quote"
    shape = "holds it" if p.start <= g.start and g.end <= p.end else \
        "inside it" if g.start <= p.start and p.end <= g.end else "crosses it"
    g_cues, p_cues = _cues(gold, g), _cues(pred, p)
    if any(overlaps(a, b) for a in g_cues for b in p_cues):
        return f"{shape}, same cue"
    if any(p.start <= c.start and c.end <= p.end for c in g_cues):
        return f"{shape}, gold's cue inside it"
    return f"{shape}, {'another cue' if p_cues else 'no cue'}"


def most_overlapping(g: Span, spans: list[Span]) -> Span:
    """The span of ``spans`` sharing the most characters with ``g`` (one must overlap it)."""
    return max((s for s in spans if overlaps(g, s)), key=lambda s: min(s.end, g.end) - max(s.start, g.start))


def _cues(task: Task, quote: Span) -> list[Span]:
    return [r.child_span for r in task.relations if r.label == CUE_REL and r.head_span.key == quote.key]


def _pairs(text: str, g: Span, spans: list[Span]) -> Span | None:
    """The span of ``spans`` the scorer pairs with ``g`` alone, if any."""
    if not _overlaps(g, spans):
        return None
    pairs, _ = match_quotes_with_pieces(text, [g], [s for s in spans if s.start < g.end and g.start < s.end])
    return pairs[0][1] if pairs else None


def print_coverage(gold: list[Task], predicted: list[Task], classes: dict[int, dict], store: dict[int, dict]) -> None:
    """The missed gold attributions by place, the hidden candidates that pair by source, and those
    with no candidate by class and shape; counts only."""
    by_text = {p.text: p for p in predicted}
    places, sources, none_by_class, extents = Counter(), Counter(), Counter(), Counter()
    shapes: dict[str, Counter] = {}
    for g in gold:
        kept = store.get(id(g), {"candidates": [], "shapes": {}})
        found_classes = classes.get(id(g), {})
        for key, (place, source) in coverage_places(g, by_text.get(g.text) or Task(text=g.text),
                                                    kept["candidates"]).items():
            places[place] += 1
            if place == PLACES[2]:
                sources[source] += 1
            if place == PLACES[0]:
                extents[source] += 1
            if place == PLACES[-1]:
                name = found_classes.get(key, "?")
                none_by_class[name] += 1
                shapes.setdefault(name, Counter())[kept["shapes"].get(key, "?")] += 1
    total = sum(places.values())
    print(f"missed gold attributions (a quote with a source no pre-label pairs with): {total}")
    for place in PLACES:
        print(f"  {place}: {places[place]:,} ({places[place] / max(total, 1):.0%})")
    print("  under a pre-label of another extent, the pre-label: " + ", ".join(f"{k} {n}" for k, n in extents.most_common()))
    print("  hidden candidates that pair, by source: " + ", ".join(f"{s} {n}" for s, n in sources.most_common()))
    print("no candidate at all, by class: " + ", ".join(f"{c} {n}" for c, n in none_by_class.most_common()))
    for name, _n in none_by_class.most_common(CLASSES_SHOWN):
        print(f"  {name}: " + "; ".join(f"[{shape}] {n}" for shape, n in shapes[name].most_common(SHAPES_SHOWN)))
    every = sum(shapes.values(), Counter())
    print("no candidate at all, by shape (every class): "
          + "; ".join(f"[{shape}] {n}" for shape, n in every.most_common(2 * SHAPES_SHOWN)))

