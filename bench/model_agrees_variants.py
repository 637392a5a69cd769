"""``bench/model_agrees.py --variants``: the agreement combinations applied after the saved pipeline's
suggestions component, on its check set: a rules' suggestion (``hidden``: or a candidate scored under
the shown threshold) that a learned quote agrees with (``agreeing``: ``half``, at least half of the
shorter; ``near``, at least 0.8 of the longer), scored at least T, with a cue, becomes a pre-label
(``promote``) with its own extent, cue and speaker (``model extent``: the learned quote's extent).
Measured against the pipeline as saved; nothing of it is in the pipeline itself."""

from __future__ import annotations

from annotator.core.records import QUOTE
from annotator.nlp.convert import doc_to_task
from annotator.nlp.frames.candidates import overlaps_any, quote_ranges
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.learned_spans import LEARNED_GROUPS, RATES
from annotator.nlp.suggest.promote import promote
from annotator.nlp.suggest.propose import Proposal

THRESHOLDS = (0.0, 0.2, 0.35, 0.5)
#: A learned quote agrees with a candidate when they share at least this part of the shorter of the two.
AGREE_SHARE = 0.5
#: ... or, ``near``, at least this part of the longer (about the same extent).
NEAR_SHARE = 0.8


def agreeing(chars: tuple[int, int], learned: list[tuple[int, int]], share: float = AGREE_SHARE,
             of_longer: bool = False) -> tuple[int, int] | None:
    """The learned quote (character offsets) that overlaps ``chars`` the most, when the overlap is at
    least ``share`` of the shorter of the two (``of_longer``: of the longer); else None."""
    best, most = None, 0
    for start, end in learned:
        common = min(end, chars[1]) - max(start, chars[0])
        size = (max if of_longer else min)(end - start, chars[1] - chars[0])
        if common > most and common >= share * size:
            best, most = (start, end), common
    return best


def agrees(chars: tuple[int, int], learned: list[tuple[int, int]], share: float = AGREE_SHARE,
           of_longer: bool = False) -> bool:
    return agreeing(chars, learned, share, of_longer) is not None


RULES = {"half": lambda chars, learned: agreeing(chars, learned),
         "near": lambda chars, learned: agreeing(chars, learned, NEAR_SHARE, of_longer=True)}


def agreed(doc, at: float, rule: str, shown_at: float | None, model_extent: bool, lexicon: Lexicon):
    """Promote the agreeing suggestions of ``doc`` (after the suggestions component); with ``shown_at``
    (the component ran with no threshold), the others under it are hidden again; promoted as the
    component promotes (``lexicon``: the suggester's, for a speaker ``promote`` reads off the parse)."""
    learned = [(s.start_char, s.end_char) for s in doc.spans[LEARNED_GROUPS[QUOTE]]] \
        if LEARNED_GROUPS[QUOTE] in doc.spans else []
    taken, up, kept = list(quote_ranges(doc)), [], []
    for s in doc._.suggestions:
        chars = (s.quote_start, s.quote_end)
        match = RULES[rule](chars, learned) if s.replaces_start is None and not (s.source or "").startswith("model:") \
            and s.cue_start is not None and (s.score or 0.0) >= at else None
        span = doc.char_span(*(match if model_extent and match else chars), alignment_mode="expand")
        if match is None or span is None or overlaps_any(span.start_char, span.end_char, taken):
            if shown_at is None or (s.score or 0.0) >= shown_at or s.replaces_start is not None:
                kept.append(s)
            continue
        taken.append((span.start_char, span.end_char))
        cue = doc.char_span(s.cue_start, s.cue_end, alignment_mode="expand")
        speaker = doc.char_span(s.speaker_start, s.speaker_end, alignment_mode="expand") \
            if s.speaker_start is not None else None
        up.append(Proposal(span, s.quote_type, cue, speaker, f"agree:{s.source}"))
    promote(doc, up, lexicon)
    doc._.suggestions = kept
    return doc, len(up)


def variants(gold, texts, docs, rules, suggester, scores, paired, document_keys) -> None:
    """Print each combination's figures on the check set (``rules``: its tasks pre-labeled by the rules alone)."""
    shown = suggester.scorer_min_score

    def run(at=None, rule="half", hidden=False, model_extent=False):
        tasks, promoted = [], 0
        for t, doc in zip(texts, docs, strict=True):
            normal = suggester(doc.copy())
            if hidden:  # every candidate; the extents offered as without them (they are kept clear of it)
                suggester.scorer_min_score = 0.0
                doc = suggester(doc.copy())
                suggester.scorer_min_score = shown
                doc._.suggestions = [s for s in doc._.suggestions if s.replaces_start is None] \
                    + [s for s in normal._.suggestions if s.replaces_start is not None]
            else:
                doc = normal
            if at is not None:
                doc, n = agreed(doc, at, rule, shown if hidden else None, model_extent, suggester.lexicon)
                promoted += n
            tasks.append(doc_to_task(doc, t))
        return tasks, promoted

    def swap(rule="near"):
        """The model's own suggestions replaced by a rules' candidate (with a cue) they agree with."""
        tasks, swapped = [], 0
        for t, doc in zip(texts, docs, strict=True):
            normal = suggester(doc.copy())
            suggester.scorer_min_score = 0.0
            bare = doc.copy()
            bare.spans[LEARNED_GROUPS[QUOTE]].attrs.pop(RATES, None)
            candidates = [s for s in suggester(bare)._.suggestions if s.replaces_start is None and s.cue_start is not None]
            suggester.scorer_min_score = shown
            out = []
            for s in normal._.suggestions:
                if (s.source or "").startswith("model:"):
                    match = next((c for c in candidates if RULES[rule]((c.quote_start, c.quote_end),
                                                                       [(s.quote_start, s.quote_end)])), None)
                    if match is not None:
                        s, swapped = match._replace(score=s.score), swapped + 1
                out.append(s)
            normal._.suggestions = out
            tasks.append(doc_to_task(normal, t))
        return tasks, swapped

    base, _ = run()
    base_keys = [document_keys(g, p) for g, p in zip(gold, base, strict=True)]
    print("\n| combination | promoted | all / direct / indirect / mixed attributed F1 | keys | with suggestions "
          "| paired keys with suggestions (95%) |")
    print("|---|---|---|---|---|---|")

    def row(name, tasks, promoted):
        s = scores(gold, tasks)
        keys = [document_keys(g, p) for g, p in zip(gold, tasks, strict=True)]
        pair = paired([k[1] for k in base_keys], [k[1] for k in keys])
        f1 = " / ".join(f"{s[k][1]:.3f}" for k in ("all", "direct", "indirect", "mixed"))
        print(f"| {name} | {promoted} | {f1} | {s['keys']:.2f} | {s['keys_suggested']:.2f} | "
              f"{pair.diff:+.2f} [{pair.low:+.2f}, {pair.high:+.2f}] ({pair.better} better, {pair.worse} worse) |",
              flush=True)
    row("rules alone (no model)", rules, 0)
    row("as chosen (rules alone, model's suggestions)", base, 0)
    for rule in RULES:
        for at in THRESHOLDS:
            row(f"{rule}, shown, >= {at}", *run(at, rule))
    for rule in RULES:
        row(f"{rule}, any candidate, >= 0.0", *run(0.0, rule, hidden=True))
        row(f"{rule}, shown, >= 0.35, model extent", *run(0.35, rule, model_extent=True))
        row(f"{rule}: the rules' candidate shown instead of the model's quote it agrees with (no promotion)",
            *swap(rule))
