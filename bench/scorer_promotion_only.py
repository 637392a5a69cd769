"""The promotion model alone given more features, out of fold and like with like: the show model and
the demotion model refitted once (as ``bench/fit_scorer.py`` fits them, out of fold) and kept, the
promotion model ("right with its speaker") fitted on the same rows with and without the base model's
vectors (``bench/scorer_vectors.py``: cue root, content head, speaker root; ``+mean``: the content's
mean too) and the words of our own lists (``words``: session 25's ``cue-word``, ``opener`` and
``speaker-word``, each crossed with the type; a word outside our lists is ``other``). Each variant is
simulated at the shipped thresholds (promote indirect at 0.56, the others at 0.45, demote under
0.35) and, those named by ``--choose``, at the setting ``bench/scorer_joint.py`` chooses at the bars.
``--show-vectors``: the show model reads the four vectors too (the promotion models change as before).

    nice -n 10 .venv/bin/python bench/scorer_promotion_only.py /work/polnear --cache ROWS --demote-cache ROWS --parse-cache /tmp/pc [--variants base,words] [--choose words] [--show-vectors]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy  # noqa: E402

import fit_demote  # noqa: E402  (bench/fit_demote.py)
import scorer_choice  # noqa: E402  (bench/scorer_choice.py)
from scorer_data import DocRows, label, load  # noqa: E402  (bench/scorer_data.py)
from scorer_joint import Outcomes, choose_together, line  # noqa: E402  (bench/scorer_joint.py)
from scorer_refit import separation  # noqa: E402  (bench/scorer_refit.py)
from scorer_vectors import WIDTH, cached_docs, gather_vectors, standardised  # noqa: E402  (bench/scorer_vectors.py)

from annotator.nlp.lexicon import ADJUNCT_CLAUSE_MARKS, CONTENT_AFTER_MARKS, WH_WORDS  # noqa: E402
from annotator.nlp.name_words import (  # noqa: E402
    BUSINESS_ROLES, GROUP_SHARES, INDEFINITE, ORGANISATION_NOUNS, PERSON_NOUNS, PERSONAL_PRONOUNS, REPORTING_THINGS,
    SPEAKING_PRONOUNS, TITLES,
)
from annotator.nlp.suggest.demote import DEMOTE_CROSSES  # noqa: E402
from annotator.nlp.suggest.lexicon_classes import class_index  # noqa: E402
from annotator.nlp.suggest.scorer import CROSSES  # noqa: E402

#: Session 25's lists (bb33ed8's ``lexicon_classes``): the content's opening words and the speakers'
#: head words named; the cue's lemma named when our lexicon's classes hold it.
OPENING_WORDS = WH_WORDS | CONTENT_AFTER_MARKS | ADJUNCT_CLAUSE_MARKS | PERSONAL_PRONOUNS | frozenset(
    {"to", "if", "for", "the", "a", "an", "there", "this", "these", "but", "and", "not", "in", "on"})
SPEAKER_WORDS = (PERSONAL_PRONOUNS | SPEAKING_PRONOUNS | PERSON_NOUNS | TITLES | ORGANISATION_NOUNS
                 | REPORTING_THINGS | BUSINESS_ROLES | INDEFINITE | GROUP_SHARES) - {"other"}
WORD_CROSSES = (("type", "cue-word"), ("type", "opener"), ("type", "speaker-word"))
#: The shipped thresholds: promote indirect at 0.56, the others at 0.45; demote under 0.35.
SHIPPED = ({"indirect": 0.56, "mixed": 0.45, "direct": 0.45}, 0.35)


def _named(word: str, lemma: str, known) -> str:
    return lemma if lemma in known else word if word in known else "other"


def word_features(rows: list[DocRows], parse_cache: Path) -> list[list[dict[str, float]]]:
    """Each candidate's words of our lists, as session 25 named them."""
    from annotator.nlp.lexicon import shared_lexicon
    from annotator.nlp.pipeline import add_components, load_model

    nlp = add_components(load_model(None))
    index = class_index(shared_lexicon(nlp))
    docs = cached_docs(nlp, parse_cache)
    out = []
    for r in rows:
        doc = docs[r.gold.text][0]
        feats = []
        for c in r.candidates:
            quote = doc.char_span(c.quote.start, c.quote.end)
            first = quote[1] if len(quote) > 1 and quote[0].is_punct else quote[0]
            own = {"opener=" + (first.lower_ if first.lower_ in OPENING_WORDS else "other"): 1.0}
            if c.cue is not None:
                root = doc.char_span(c.cue.start, c.cue.end).root
                own["cue-word=" + _named(root.lower_, root.lemma_.lower(), index)] = 1.0
            if c.speaker is not None:
                root = doc.char_span(c.speaker.start, c.speaker.end).root
                own["speaker-word=" + _named(root.lower_, root.lemma_.lower(), SPEAKER_WORDS)] = 1.0
            feats.append(own)
        out.append(feats)
    return out


def promotion(rows: list[DocRows], variant: str, vectors: numpy.ndarray, words, scale: float):
    """The promotion model of ``variant`` (``base``, ``vectors``, ``vectors+mean``, ``words``,
    ``words+vectors``), out of fold."""
    parts = variant.split("+")
    dense = None
    if "vectors" in parts or "mean" in parts:
        v = vectors if "mean" in parts else vectors[:, :3 * WIDTH]
        names = [f"vec-{k}" for k in range(v.shape[1])]
        dense = (names, standardised(v) * scale)
    if "words" not in parts:
        return scorer_choice.fit(rows, "attributed", dense=dense)
    kept = [[c.feats for c in r.candidates] for r in rows]
    try:
        for r, own in zip(rows, words, strict=True):
            for c, w in zip(r.candidates, own, strict=True):
                c.feats = {**c.feats, **w}
        return scorer_choice.fit(rows, "attributed", CROSSES + WORD_CROSSES, dense=dense)
    finally:
        for r, feats in zip(rows, kept, strict=True):
            for c, f in zip(r.candidates, feats, strict=True):
                c.feats = f


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--demote-cache", type=Path, required=True)
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, required=True, help="scorer_vectors.py's --vectors file (with --mean)")
    parser.add_argument("--variants", default="base,vectors,vectors+mean,words,words+vectors")
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--c", default="0.03", help="the regularisation constants tried (out of fold)")
    parser.add_argument("--show-vectors", action="store_true",
                        help="the show model reads the four vectors too (standardised, times --scale)")
    parser.add_argument("--choose", default="", help="the variants whose thresholds are also chosen at the bars")
    args = parser.parse_args()
    if not args.cache.is_file() or not args.parse_cache.is_dir():
        print(f"skipped: no rows at {args.cache} or no parse cache at {args.parse_cache} (make them with "
              "bench/fit_scorer.py CORPUS --cache ... --parse-cache ...)")
        return 0
    scorer_choice.C_GRID = tuple(float(c) for c in args.c.split(","))
    rows = load(args.cache)
    for r in rows:
        label(r)
    prelabels = fit_demote.gather(args.corpus, args.demote_cache, False, args.parse_cache)
    for r in prelabels:
        fit_demote.label(r)
    vectors = numpy.load(args.vectors) if args.vectors.is_file() else gather_vectors(rows, args.parse_cache, True)[0]
    words = word_features(rows, args.parse_cache) if "words" in args.variants else None
    dense = ([f"vec-{k}" for k in range(vectors.shape[1])], standardised(vectors) * args.scale)
    shown = scorer_choice.fit(rows, "right", by_gain=True, dense=dense if args.show_vectors else None)
    unsure = scorer_choice.fit(prelabels, "right", DEMOTE_CROSSES, by_gain=True)
    outcomes = Outcomes(rows, shown.oof, shown.break_even, prelabels)
    for variant in args.variants.split(","):
        print(f"== {variant}", flush=True)
        sure = promotion(rows, variant, vectors, words, args.scale)
        separation(rows, sure.oof, f"{variant}: the promotion model out of fold")
        print(line(f"{variant}: shipped thresholds 0.56 / 0.45, demote under 0.35",
                   outcomes.measure(sure.oof, SHIPPED[0], unsure.oof, SHIPPED[1])), flush=True)
        if variant in args.choose.split(","):
            chosen, results = choose_together(outcomes, sure.oof, unsure.oof, variant)
            if chosen is not None:
                print(line(f"{variant}: chosen {chosen}", results[chosen]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
