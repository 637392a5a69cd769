"""A promoted suggestion's quote names where it came from as its ``id_`` (``promoted:SOURCE``), as a
rule's quote names its rule (``bench/rule_precision.py`` counts both); our own sentences."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.promote import PROMOTED_RULE
from tests.nlp.suggest.test_promote_sourceless import EXPECTED, run, suggester

pytestmark = pytest.mark.model


def test_a_promoted_quote_names_the_source_of_its_suggestion(nlp_model):
    doc, _shown = run(nlp_model, EXPECTED, suggester(nlp_model, bias=1.0))
    assert sorted((q.text, q.id_) for q in doc.spans["quotes"]) == [
        ("The new ferry terminal", f"{PROMOTED_RULE}rule:raised-subject"),
        ("to open before the autumn regatta", f"{PROMOTED_RULE}rule:raised-complement")]
