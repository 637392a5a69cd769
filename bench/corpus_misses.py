"""``bench/corpus.py --misses``: each gold attribution (a quote with a source) classed by what
carries it, read off the pipeline's own parse of its cue (a verb class, a noun, an adjective, a
passive, a preposition, none in the sentence, ...), and recall counted per class."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from spacy.tokens import Doc

from annotator.core.records import CUE_REL, QUOTE, SAID_BY, Span, Task
from annotator.measure.evaluation import match_quotes_with_pieces, same_speaker, speakers_of
from annotator.nlp.cue_words import CUE_ADJECTIVES, CUE_NOUNS, CUE_VERB_CLASSES, RAISING_VERBS, cue_verb_class
from annotator.nlp.lexicon import Lexicon

_LEXICON = Lexicon()

#: The classes ``--misses`` counts by, in the order printed.
MISS_CLASSES = tuple(f"verb: {name}" for name in CUE_VERB_CLASSES) + (
    "verb: other", "noun cue", "adjective cue", "passive or raising", "prepositional source",
    "other cue word", "no cue in the sentence", "continued from an earlier paragraph",
)


def sourced_quotes(gold: Task) -> list[tuple[Span, list[Span]]]:
    """Each gold quote with a source (a ``SAID_BY``), with its cues (none when gold marks none)."""
    cues: dict[tuple, list[Span]] = {}
    for rel in gold.relations:
        if rel.label == CUE_REL and rel.head_span.label == QUOTE:
            cues.setdefault(rel.head_span.key, []).append(rel.child_span)
    sourced = {rel.head_span.key for rel in gold.relations if rel.label == SAID_BY}
    return [(quote, cues.get(quote.key, [])) for quote in gold.spans if quote.label == QUOTE and quote.key in sourced]


def classify_attributions(doc, gold: Task) -> dict[tuple[int, int, str], str]:
    """The class of each gold quote with a source, read off the model's parse of its cue."""
    return {quote.key: _attribution_class(doc, gold.text, quote, cues) for quote, cues in sourced_quotes(gold)}


def _attribution_class(doc, text: str, quote: Span, cues: list[Span]) -> str:
    if not cues:
        return "no cue in the sentence"
    cue = min(cues, key=lambda c: min(abs(c.start - quote.end), abs(quote.start - c.end)))
    quote_para = text.rfind("\n", 0, quote.start)
    if cue.end <= quote.start and text.rfind("\n", 0, cue.start) < quote_para:
        return "continued from an earlier paragraph"
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if words is None or not len(words) or content is None or not len(content):
        return "other cue word"
    sentences = {t.sent.start for t in content}
    if not any(t.sent.start in sentences for t in words) and words[0].sent.end <= content.start:
        if not (words.end <= content.start and all(t.is_space or t.is_punct for t in doc[words.end:content.start])):
            return "no cue in the sentence"
    return cue_class(words)


def cue_class(words) -> str:
    """What kind of word carries a cue span: its head read off the parse."""
    first = words[0].lower_
    if first in ("according", "per") or words.root.pos_ == "ADP":
        return "prepositional source"
    heads = [t for t in words if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX") and t.dep_ not in ("aux", "neg")]
    verbs = [t for t in words if t.pos_ == "VERB"]
    if any(t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children) for t in verbs) \
            or any(t.lemma_.lower() in RAISING_VERBS for t in verbs):
        return "passive or raising"
    head = words.root if words.root in heads else (heads[0] if heads else words.root)
    if head.pos_ == "AUX":
        adjective = next((t for t in words if t.pos_ == "ADJ" or t.dep_ == "acomp"), None)
        head = adjective if adjective is not None else head
    if head.pos_ == "ADJ" or head.lower_ in CUE_ADJECTIVES and head.pos_ != "VERB":
        return "adjective cue"
    if head.pos_ == "NOUN" or head.lemma_.lower() in CUE_NOUNS and head.pos_ != "VERB":
        return "noun cue"
    if head.pos_ in ("VERB", "AUX"):
        # the lexicon's lemma where the tagger's errs (``hoping`` → ``hop``)
        kind = cue_verb_class(head.lemma_) or cue_verb_class(head.lower_) \
            or cue_verb_class(_LEXICON.forms.get(head.lower_, ""))
        return f"verb: {kind}" if kind else "verb: other"
    return "other cue word"


def paired(gold: Task, pred: Task) -> tuple[list[Span], list[tuple[Span, Span]], dict[tuple, tuple]]:
    """Gold's quotes that count (those marked optional left out), and their pairs and pieces with
    ``pred``'s quotes, as the scorer makes them."""
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    g_quotes = [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) not in optional]
    pairs, pieces = match_quotes_with_pieces(gold.text, g_quotes, [s for s in pred.spans if s.label == QUOTE])
    return g_quotes, pairs, pieces


def attributed_found(gold: Task, pred: Task) -> tuple[set, set]:
    """Gold quotes found (any speaker), and found with the right speaker, as the scorer pairs them."""
    _, pairs, pieces = paired(gold, pred)
    g_attr, p_attr = speakers_of(gold), speakers_of(pred)
    for piece_key, head_key in pieces.items():
        if piece_key in p_attr:
            p_attr[head_key] = p_attr.get(head_key, []) + p_attr[piece_key]
    right = {g.key for g, p in pairs if g.key in g_attr and p.key in p_attr
             and same_speaker(g_attr[g.key], p_attr[p.key])}
    return {g.key for g, _ in pairs}, right


def print_misses(gold: list[Task], predicted: list[Task], classes: dict[int, dict]) -> None:
    """Recall of gold attributions (quotes with a source) per class of what carries them; counts only."""
    by_text = {p.text: p for p in predicted}
    rows: dict[str, Counter] = {name: Counter() for name in MISS_CLASSES}
    for g in gold:
        found, right = attributed_found(g, by_text.get(g.text) or Task(text=g.text))
        kinds = {s.key: s.quote_type for s in g.spans if s.label == QUOTE}
        for key, name in classes.get(id(g), {}).items():
            row = rows[name]
            row["gold"] += 1
            row[kinds.get(key) or "direct"] += 1
            row["right"] += key in right
            row["not found"] += key not in found
            row["speaker"] += key in found and key not in right
    total = sum(rows.values(), Counter())
    print(f"gold attributions (quotes with a source) not found, by what carries them ({total['gold']} in all):")
    print("| class | gold | share | indirect / mixed / direct | attributed recall | missed: not found | "
          "missed: no or wrong speaker |")
    print("|---|---|---|---|---|---|---|")
    for name, row in sorted(rows.items(), key=lambda item: -(item[1]["gold"] - item[1]["right"])):
        if not row["gold"]:
            continue
        print(f"| {name} | {row['gold']:,} | {row['gold'] / max(total['gold'], 1):.0%} | "
              f"{row['indirect']:,} / {row['mixed']:,} / {row['direct']:,} | {row['right'] / row['gold']:.2f} | "
              f"{row['not found']:,} | {row['speaker']:,} |")
    print(f"| all | {total['gold']:,} | 100% | {total['indirect']:,} / {total['mixed']:,} / {total['direct']:,} | "
          f"{total['right'] / max(total['gold'], 1):.2f} | {total['not found']:,} | {total['speaker']:,} |")
    print_sourceless(gold, by_text)


def print_sourceless(gold: list[Task], by_text: dict[str, Task]) -> None:
    """The gold quotes without a source, which the table leaves out and keys count all the same (an
    add each when missed): how many, found, and found by a quote with a speaker (which gold does not give)."""
    counts: Counter = Counter()
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        g_quotes, pairs, _ = paired(g, pred)
        sourced, p_attr = speakers_of(g), speakers_of(pred)
        partner = {g_quote.key: p for g_quote, p in pairs}
        for quote in (q for q in g_quotes if q.key not in sourced):
            counts["gold"] += 1
            counts["found"] += quote.key in partner
            counts["speaker"] += quote.key in partner and partner[quote.key].key in p_attr
    print(f"gold quotes without a source (not in the table; each missed one is an add): {counts['gold']:,}, "
          f"found {counts['found']:,} ({counts['found'] / max(counts['gold'], 1):.2f}), "
          f"{counts['speaker']:,} of them by a quote with a speaker (a delete each)")


def keep_per_text(ours, gold: list[Task], name: str, record: Callable[[Doc, list[Task]], None],
                  after: str | None = None) -> str:
    """A last component ``name`` (or one right ``after`` that component) that calls ``record(doc, tasks)``
    with the gold tasks of each Doc's text (two of train's texts are the same), off the pipeline's own
    parse (so the articles are parsed once); returns its name, to remove it before timing."""
    from spacy.language import Language

    by_text: dict[str, list[Task]] = {}
    for task in gold:
        by_text.setdefault(task.text, []).append(task)

    @Language.component(name)
    def keep(doc):
        tasks = by_text.get(doc.text)
        if tasks:
            record(doc, tasks)
        return doc

    if after is None:
        ours.add_pipe(name, last=True)
    else:
        ours.add_pipe(name, after=after)
    return name


def keep_classes(ours, gold: list[Task], classes: dict[int, dict]) -> str:
    """``keep_per_text``: each gold attribution's class (``classify_attributions``)."""

    def record(doc: Doc, tasks: list[Task]) -> None:
        for task in tasks:
            classes[id(task)] = classify_attributions(doc, task)

    return keep_per_text(ours, gold, "bench_attribution_classes", record)
