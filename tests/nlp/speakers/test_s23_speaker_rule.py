"""``SpeakerFinder.find_by_rule``: each quote's speaker with the name of the rule that gave it, the
same speakers as ``find`` (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.scan import SpeakerScan

pytestmark = pytest.mark.model

TEXT = ('The harbour master said the tides were calm. "We will sail at noon. '
        'The crew is ready."\n"Nothing will stop us."')


def test_each_speaker_comes_with_the_rule_that_gave_it(nlp_model):
    finder = nlp_model.get_pipe("annotator_speakers")
    doc = nlp_model(TEXT)
    scan = SpeakerScan.of(doc, finder.lexicon)
    by_rule = finder.find_by_rule(scan)
    assert {i: speaker for i, (speaker, _rule) in by_rule.items()} == finder.find(scan)
    named = {scan.quotes[i].text: (speaker.text, rule) for i, (speaker, rule) in by_rule.items()}
    assert named["the tides were calm"] == ("The harbour master", "cue")
    assert {rule for _speaker, rule in named.values()} <= {r.name for r in finder.rules}
