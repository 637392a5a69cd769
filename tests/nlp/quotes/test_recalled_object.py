"""A memory told: the object of ``recalled`` is what the speaker recounted."""

from annotator.nlp.quotes import object_of_cue
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def test_object_of_recalled_is_what_was_recounted():
    doc = hand_doc("The old mayor recalled the long strike of the dock workers.", """
        The      DET   DT   det    2
        old      ADJ   JJ   amod   2
        mayor    NOUN  NN   nsubj  3
        recalled VERB  VBD  ROOT   3 recall
        the      DET   DT   det    6
        long     ADJ   JJ   amod   6
        strike   NOUN  NN   dobj   3
        of       ADP   IN   prep   6
        the      DET   DT   det    10
        dock     NOUN  NN   compound 10
        workers  NOUN  NNS  pobj   7 worker
        .        PUNCT .    punct  3
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "the long strike of the dock workers", "recalled")]
