"""``That said, …`` grants the point before: the clause after it is nobody's report (our own sentences)."""

import pytest

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _said(subject: str, tag: str = "DT") -> str:
    return f"""
        {subject} PRON {tag}  nsubj  1
        said      VERB VBD ROOT   1 say
        ,         PUNCT ,  punct  1
        the       DET  DT  det    4
        ferry     NOUN NN  nsubj  5
        runs      VERB VBZ ccomp  1 run
        late      ADV  RB  advmod 5
        .         PUNCT .  punct  1
    """


@pytest.mark.parametrize("subject", ["That", "This"])
def test_a_demonstrative_said_before_a_comma_reports_nothing(subject):
    doc = hand_doc(f"{subject} said, the ferry runs late.", _said(subject))
    assert found_at(reported.at, doc) == []


def test_a_person_who_said_it_before_the_comma_still_reports():
    doc = hand_doc("She said, the ferry runs late.", _said("She", "PRP"))
    assert found_at(reported.at, doc) == [("indirect", "the ferry runs late", "said")]
