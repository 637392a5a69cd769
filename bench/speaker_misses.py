"""Where the speakers of found quotes go wrong, counted by shape (counts only, no corpus text):
usage: python bench/speaker_misses.py DUMP_DIR PARSE_CACHE_FILE [--examples N] [--who pre-label|suggestion] [--summary]

Reads a ``bench/corpus.py --dump`` folder (gold.jsonl, predicted.jsonl) and the parse cache's Docs
of the same texts; for every pre-label and every shown suggestion that pairs with a gold quote whose
speaker it lacks or gets wrong (``measure.keys.speaker_fix``), prints how gold's speaker stands to
the cue: in the cue's sentence or an earlier one, a pronoun or a name, the cue's subject, a passive
agent, a possessor, the subject of a verb higher up the chain the cue hangs from, and so on.
``--examples N`` prints N token offsets per class, to look at by hand (never commit them)."""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span as DocSpan, Token

from annotator.core.records import CUE, QUOTE, Span, Task
from annotator.measure.evaluation import Attribution, match_quotes_with_pieces, same_speaker, speakers_of
from annotator.nlp.pipeline import load_model

PRONOUNS = frozenset("he she they it we i you him her them his their its our us".split())


def _tokens(doc: Doc, span: Span) -> DocSpan | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _cue_of(task: Task) -> dict[tuple, Span]:
    return {r.head_span.key: r.child_span for r in task.relations if r.label == CUE and r.head_span.label == QUOTE}


def _chain(speaker: Token, cue: Token) -> str:
    """How the speaker's head word stands to the cue's word."""
    if speaker.head.i == cue.i:
        if speaker.dep_ in ("nsubj", "nsubjpass"):
            return f"{speaker.dep_} of cue"
        return f"{speaker.dep_} of cue ({cue.pos_})"
    if speaker.dep_ == "pobj" and speaker.head.dep_ == "agent" and speaker.head.head.i in (cue.i, cue.head.i):
        return "passive agent"
    if speaker.dep_ == "pobj" and speaker.head.head.i == cue.i:
        return f"pobj ({speaker.head.lower_}) of cue"
    if speaker.dep_ in ("dobj", "pobj") and cue.dep_ in ("xcomp", "ccomp", "advcl", "oprd") and speaker.i < cue.i \
            and (speaker.head.i == cue.head.i or speaker.head.head.i == cue.head.i):
        return "object of the verb the cue hangs from (object control)"
    if cue.dep_ in ("acl", "relcl") and speaker.i == cue.head.i:
        return "the noun the cue hangs from"
    up, path = cue, []
    for _ in range(6):
        if up.head.i == up.i:
            break
        path.append(up.dep_)
        up = up.head
        if speaker.head.i == up.i and speaker.dep_ in ("nsubj", "nsubjpass"):
            return "subject up the chain: " + ">".join(path)
    if speaker.head.head.i == cue.i:
        return f"{speaker.dep_} of the cue's {speaker.head.dep_}"
    return "elsewhere in the sentence"


def classify(doc: Doc, gold_speaker: Span, cue: Span | None, quote: Span) -> tuple[str, str, str]:
    """(where, what, how) of gold's speaker against the cue (or the quote when there is no cue)."""
    speaker = _tokens(doc, gold_speaker)
    anchor = _tokens(doc, cue) if cue is not None else _tokens(doc, quote)
    if speaker is None or anchor is None:
        return "unaligned", "-", "-"
    root = speaker.root
    what = ("no mention (gold's cue and speaker swapped)" if root.pos_ in ("VERB", "AUX", "ADP")
            else "pronoun" if root.lower_ in PRONOUNS else "relative" if root.tag_ in ("WP", "WDT")
            else "name" if root.pos_ == "PROPN" or root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            else "noun")
    a_sent, s_sent = anchor[0].sent, root.sent
    if s_sent.start == a_sent.start:
        where = "same sentence"
        how = _chain(root, anchor.root) if cue is not None else "no cue"
    else:
        where = "earlier sentence" if root.i < anchor[0].i else "later sentence"
        how = "-"
    return where, what, how


def _pred_vs_gold(doc: Doc, pred: Span | None, gold_speaker: Span) -> str:
    if pred is None:
        return "none"
    p = _tokens(doc, pred)
    g = _tokens(doc, gold_speaker)
    if p is None or g is None:
        return "wrong"
    if p.root.lower_ in PRONOUNS:
        return "wrong: pronoun"
    if p.root.tag_ in ("WP", "WDT"):
        return "wrong: relative"
    return "wrong: same sentence" if p.root.sent.start == g.root.sent.start else "wrong: other sentence"


def _same_cue(gold: Span | None, pred: Span | None) -> str:
    if pred is None:
        return "our cue: none"
    if gold is None:
        return "our cue: gold none"
    return "our cue: gold's" if gold.start < pred.end and pred.start < gold.end else "our cue: another"


def failures(gold: Task, pred: Task):
    """(who, predicted speaker or None, gold quote, gold speaker, cue) of every found quote whose
    speaker is missing or wrong: pre-labels first, then the suggestions pairing with a missed quote."""
    g_quotes = [s for s in gold.spans if s.label == QUOTE]
    p_quotes = [s for s in pred.spans if s.label == QUOTE]
    g_attr, p_attr = speakers_of(gold), speakers_of(pred)
    g_cue, p_cue = _cue_of(gold), _cue_of(pred)
    pairs, _ = match_quotes_with_pieces(gold.text, g_quotes, p_quotes)
    for g, p in pairs:
        if g.key not in g_attr:
            continue
        said = p_attr.get(p.key)
        if said and same_speaker(g_attr[g.key], said):
            continue
        yield ("pre-label", said[0].speaker if said else None, g, g_attr[g.key][0].speaker, g_cue.get(g.key) or p_cue.get(p.key),
               _same_cue(g_cue.get(g.key), p_cue.get(p.key)))
    found = {g.key for g, _ in pairs}
    missed = [q for q in g_quotes if q.key not in found]
    shown = [s for s in pred.suggestions if s.replaces is None]
    by_key = {s.quote.key: s for s in shown}
    taken, _ = match_quotes_with_pieces(gold.text, missed, [s.quote for s in shown])
    for g, q in taken:
        if g.key not in g_attr:
            continue
        s = by_key[q.key]
        said = [Attribution(s.speaker, pred.span_text(s.speaker), pred.span_text(s.speaker))] if s.speaker else None
        if said and same_speaker(g_attr[g.key], said):
            continue
        yield s.source or "?", s.speaker, g, g_attr[g.key][0].speaker, g_cue.get(g.key) or s.cue, _same_cue(g_cue.get(g.key), s.cue)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("parses", type=Path)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--who", default=None, help="only pre-label, or only suggestions (suggestion)")
    parser.add_argument("--summary", action="store_true", help="the classes folded: a subject up the chain as one, "
                        "gold's cue and speaker swapped as one, a wrong speaker of any kind as one")
    args = parser.parse_args()
    gold = [Task.from_dict(json.loads(line)) for line in open(args.dump / "gold.jsonl")]
    pred = {t.text: t for t in (Task.from_dict(json.loads(line)) for line in open(args.dump / "predicted.jsonl"))}
    nlp = load_model()
    docs = {d.text: d for d in DocBin().from_disk(args.parses).get_docs(nlp.vocab)}
    table: Counter = Counter()
    examples: dict[tuple, list] = defaultdict(list)
    for task in gold:
        doc, p = docs.get(task.text), pred.get(task.text)
        if doc is None or p is None:
            continue
        for who, said, g, speaker, cue, same_cue in failures(task, p):
            group = "pre-label" if who == "pre-label" else "suggestion"
            if args.who and group != args.who:
                continue
            where, what, how = classify(doc, speaker, cue, g)
            row = (group, same_cue, _pred_vs_gold(doc, said, speaker), where, what, how)
            if args.summary:
                row = (group, same_cue, row[2].split(":")[0], "gold swapped" if what.startswith("no mention")
                       else "subject up the chain" if how.startswith("subject up") else how if where == "same sentence"
                       else where)
            table[row] += 1
            table[(group, "source", who.split(":")[0] + ":" + who.split(":")[-1] if ":" in who else who)] += 1
            if len(examples[row]) < args.examples:
                examples[row].append((task.meta.get("id"), speaker.start, cue.start if cue else None))
    for row, n in table.most_common():
        print(n, " | ".join(row))
        for example in examples.get(row, []):
            print("    ", example)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
