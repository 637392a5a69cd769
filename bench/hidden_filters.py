"""Where the suggestion component's right candidates die (issue 17, session 38): counts only, never text.

    nice .venv/bin/python bench/hidden_filters.py CORPUS_DIR [--parse-cache DIR] [--limit N]

Runs the shipped pipeline over PolNeAR train's tuning 90% and follows every candidate the
suggestion component proposes (``propose.proposals``, and those of the table's sources it does not
propose) through its filters: a source not proposed (``Suggester.live_sources``), a score under the
show threshold (the scorer's or the table's), lost to an overlapping candidate scored higher
(``propose.choose``), or shown / promoted. A candidate is right when it pairs, alone, with a gold
attribution (a quote with a source) no pre-label pairs with. Per filter and source: how many right
and wrong ones it hides; for the overlaps, whether the winner was right.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import predict, tuning_gold  # noqa: E402  (bench/corpus.py)
from corpus_misses import attributed_found, sourced_quotes  # noqa: E402

from annotator.core.records import QUOTE, Span  # noqa: E402
from annotator.measure.evaluation import match_quotes_with_pieces  # noqa: E402
from annotator.nlp.pipeline import add_components, load_model, set_suggestions  # noqa: E402
from annotator.nlp.frames.candidates import overlaps_any  # noqa: E402
from annotator.nlp.suggest import component  # noqa: E402
from annotator.nlp.suggest.propose import proposals  # noqa: E402
from annotator.nlp.suggest.scores import SCORES, table_score  # noqa: E402


def fate(p, score, at, chosen, promoted):
    """(filter, winner or None) for one proposal: ``chosen`` the last choice's (by ``id``),
    ``promoted`` the proposals made pre-labels (by ``id``)."""
    if id(p) in promoted:
        return "promoted", None
    if id(p) in chosen:
        return "shown", None
    if score is None or score < at:
        return "below threshold", None
    gave = [q for q in promoted.values() if overlaps_any(*p.chars, [q.chars])]
    if gave:
        return "gave way to a promoted one", gave[0]
    over = [(s, q) for q, s in chosen.values() if overlaps_any(*p.chars, [q.chars])]
    if not over:
        return "lost (no winner)", None
    _s, winner = max(over, key=lambda pair: pair[0])
    return "lost overlap", winner


def relation(p, winner) -> str:
    """How a losing proposal stands to its winner: the same extent, inside it, holding it or crossing
    it; with the same cue (its first word) or another."""
    if winner is None:
        return ""
    (s, e), (ws, we) = p.chars, winner.chars
    shape = "same extent" if (s, e) == (ws, we) else "inside winner" if ws <= s and e <= we else \
        "holds winner" if s <= ws and we <= e else "crosses winner"
    same = p.cue is not None and winner.cue is not None and p.cue.root.i == winner.cue.root.i
    return f"{shape}, {'same cue' if same else 'other cue'}"


def instrument(suggester, records: dict):
    """Wrap the component's steps on this instance to record each Doc's proposals and their fates."""
    seen = {}
    rated, choose, promote = suggester.rated, component.choose, component.promote

    def rated_kept(doc, found, learned, facts=None):
        out = rated(doc, found, learned, facts)
        seen.update(doc=doc, found=found, modelled=out[1], chosen={})
        return out

    def chosen_kept(*args, **kwargs):
        out = choose(*args, **kwargs)
        seen["chosen"] = {id(p): (p, s) for p, s in out}
        return out

    def promote_kept(doc, chosen, lexicon):
        rows = []
        promoted = {id(p): p for p in chosen}
        picked = seen.get("chosen", {})
        for p in seen["found"]:
            if id(p) in seen["modelled"]:
                score, at = seen["modelled"][id(p)], suggester.scorer_min_score
            else:
                score, at = table_score(suggester.scores, p.source, p.words), suggester.min_score
            name, winner = fate(p, score, at, picked, promoted)
            rows.append((p.chars, p.source, name, winner.chars if winner is not None else None,
                         winner.source if winner is not None else None, relation(p, winner)))
        dead = frozenset(SCORES) - suggester.live_sources()
        rows += [(p.chars, p.source, "source not proposed", None, None, "")
                 for p in proposals(doc, suggester.lexicon, dead)]
        records[doc.text] = rows
        return promote(doc, chosen, lexicon)

    suggester.rated = rated_kept
    component.choose, component.promote = chosen_kept, promote_kept


def pairs(text, g, chars):
    spans = [Span(s, e, 0, 0, QUOTE) for s, e in chars if s < g.end and g.start < e]
    if not spans:
        return None
    found, _ = match_quotes_with_pieces(text, [g], spans)
    return (found[0][1].start, found[0][1].end) if found else None


#: A missed gold attribution's fate: the first of these its pairing proposals met (shown first).
GOLD_FATES = ("shown", "promoted", "lost overlap", "gave way to a promoted one", "below threshold",
              "source not proposed")


def gold_fate(rows, paired) -> str:
    """The fate of a missed gold attribution: the best of its pairing proposals' (``GOLD_FATES``),
    a lost overlap split by whether its winner pairs too; "no pairing proposal" when none does."""
    names = {name for _c, _s, name, *_ in rows}
    for name in GOLD_FATES:
        if name in names:
            if name == "lost overlap":
                beaten = any(r[2] == name and r[3] not in paired for r in rows)
                return "lost overlap to one that does not pair" if beaten else "lost overlap to one that pairs too"
            return name
    return "no pairing proposal"


def tally(gold, predicted, records):
    by_text = {p.text: p for p in predicted}
    table, winners = Counter(), Counter()
    for task in gold:
        rows = records.get(task.text, [])
        pred = by_text[task.text]
        found, _ = attributed_found(task, pred)
        optional = {tuple(pair) for pair in task.meta.get("optional", [])}
        missed = [s for s, _c in sourced_quotes(task) if s.key not in found and (s.start, s.end) not in optional]
        right = set()
        for g in missed:
            paired = {chars for chars, *_ in rows if chars[0] < g.end and g.start < chars[1]
                      and pairs(task.text, g, [chars])}
            right |= paired
            table[("per gold", gold_fate([r for r in rows if r[0] in paired], paired), True)] += 1
        for chars, source, name, winner, winner_source, how in rows:
            ok = chars in right
            table[(name, source, ok)] += 1
            table[(name, "*", ok)] += 1
            if name in ("lost overlap", "gave way to a promoted one"):
                winners[(name, ok, winner in right, source, winner_source)] += 1
                winners[(name, ok, winner in right, "*", "*")] += 1
                winners[(name, ok, winner in right, how, "")] += 1
    return table, winners


def print_table(table, winners):
    names = sorted({n for n, _s, _o in table})
    for name in names:
        sources = sorted({s for n, s, _o in table if n == name}, key=lambda s: -table[(name, s, True)])
        print(f"== {name}")
        for s in sources[:25]:
            r, w = table[(name, s, True)], table[(name, s, False)]
            print(f"  {s:34} right {r:6} wrong {w:6} rate {r / max(r + w, 1):.3f}")
    print("== lost overlap: (filter, loser right, winner right, ...) -> count; top pairs of sources")
    for key, n in sorted(winners.items(), key=lambda kv: -kv[1])[:80]:
        print(f"  {key} {n}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--parse-cache", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    gold = tuning_gold(args.corpus, args.limit)
    if gold is None:
        return 0
    nlp = set_suggestions(add_components(load_model(None)), True)
    records: dict = {}
    instrument(nlp.get_pipe(component.SUGGESTIONS_PIPE), records)
    predicted, _rate = predict(nlp, gold, 16, args.parse_cache)
    print_table(*tally(gold, predicted, records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
