"""The scorer gives every proposal the same probability, to the last bit, in any process: a feature's
place decides the order of the scorer's sum, so no feature may come in a set's order, which changes
with the hash seed between processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.bench_scripts import ROOT

SCRIPT = r'''
from annotator.nlp.pipeline import SUGGESTIONS, load_pipeline
from annotator.nlp.suggest.propose import proposals
from annotator.nlp.suggest.scorer import suggestion_features

nlp = load_pipeline()
suggester = nlp.get_pipe(SUGGESTIONS)
text = ("The council voted on Tuesday to close the old pool. Its chair, who had argued for months that "
        "the repairs would cost too much, said the town could not wait. Residents accused the council of "
        "ignoring them, and a survey shows most of them want the pool kept open. The mayor hopes to "
        "reopen it next year, aides suggested, though she did not promise a date.")
doc = nlp(text)
found = proposals(doc, suggester.lexicon, frozenset(suggester.sources))
scored, _features, _choosing = suggester.modelled(doc, found, None)
for p in found:
    names = list(suggestion_features(doc, p, suggester.lexicon))
    print(p.span.start_char, p.span.end_char, p.source, repr(scored.get(id(p))), "|".join(names))
'''


def run_with_seed(seed: str) -> list[str]:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return sorted(result.stdout.splitlines())


@pytest.mark.model
def test_probabilities_and_feature_order_are_the_same_under_any_hash_seed():
    # four seeds: with the cue's complement flags in a frozenset's order, seed 3 orders them otherwise
    # than seeds 1, 2 and 4 here and moves the last bit of one probability
    first, *others = [run_with_seed(seed) for seed in ("1", "2", "3", "4")]
    assert any(line.split()[3] != "None" for line in first)  # the scorer scored something
    assert all(other == first for other in others)
