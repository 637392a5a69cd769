"""A report inside a relative clause whose cue has a thing for subject (``the plan, which the audit
said was late``): the relative pronoun before the cue opens the relative clause, not a question, so
the reported clause is kept (hand-built parses as the small English model gives them; our own
sentences)."""

from annotator.nlp.quotes import QuoteFinder
from tests.nlp.hand_docs import hand_doc


def _found(doc):
    return sorted((f.quote_type, f.span.text, f.cue.text) for f in QuoteFinder().find(doc))


def test_relative_report_which_with_a_thing_for_speaker():
    doc = hand_doc("The town lost the grant, which the audit said was misspent.", """
        The        DET   DT   det        1
        town       NOUN  NN   nsubj      2
        lost       VERB  VBD  ROOT       2 lose
        the        DET   DT   det        4
        grant      NOUN  NN   dobj       2
        ,          PUNCT ,    punct      4
        which      PRON  WDT  nsubj      10
        the        DET   DT   det        8
        audit      NOUN  NN   nsubj      9
        said       VERB  VBD  relcl      4 say
        was        AUX   VBD  ccomp      9 be
        misspent   ADJ   JJ   acomp      10
        .          PUNCT .    punct      2
    """)
    assert _found(doc) == [("indirect", "was misspent", "said"), ("indirect", "which", "said")]


def test_relative_report_who_with_a_thing_for_speaker():
    # ``who`` is no piece (``relative_piece`` keeps ``which`` only); the clause after the cue is the report
    doc = hand_doc("Voters backed Brenna Holt, who the register says was absent.", """
        Voters     NOUN  NNS  nsubj      1 voter
        backed     VERB  VBD  ROOT       1 back
        Brenna     PROPN NNP  compound   3 Brenna
        Holt       PROPN NNP  dobj       1 Holt
        ,          PUNCT ,    punct      3
        who        PRON  WP   nsubj      9
        the        DET   DT   det        7
        register   NOUN  NN   nsubj      8
        says       VERB  VBZ  relcl      3 say
        was        AUX   VBD  ccomp      8 be
        absent     ADJ   JJ   acomp      9
        .          PUNCT .    punct      1
    """)
    assert ("indirect", "was absent", "says") in _found(doc)


def test_relative_report_that_with_a_thing_for_speaker():
    doc = hand_doc("The town lost the grant that the audit said was misspent.", """
        The        DET   DT   det        1
        town       NOUN  NN   nsubj      2
        lost       VERB  VBD  ROOT       2 lose
        the        DET   DT   det        4
        grant      NOUN  NN   dobj       2
        that       SCONJ IN   nsubj      9
        the        DET   DT   det        7
        audit      NOUN  NN   nsubj      8
        said       VERB  VBD  relcl      4 say
        was        AUX   VBD  ccomp      8 be
        misspent   ADJ   JJ   acomp      9
        .          PUNCT .    punct      2
    """)
    assert ("indirect", "was misspent", "said") in _found(doc)


def test_relative_report_not_for_a_cue_without_a_clause():
    # ``rejected`` reports nothing here: the relative pronoun is its object
    doc = hand_doc("The board rejected the plan, which the chair rejected.", """
        The        DET   DT   det        1
        board      NOUN  NN   nsubj      2
        rejected   VERB  VBD  ROOT       2 reject
        the        DET   DT   det        4
        plan       NOUN  NN   dobj       2
        ,          PUNCT ,    punct      4
        which      PRON  WDT  dobj       9
        the        DET   DT   det        8
        chair      NOUN  NN   nsubj      9
        rejected   VERB  VBD  relcl      4 reject
        .          PUNCT .    punct      2
    """)
    assert not any(cue == "rejected" and text != "the plan" for _, text, cue in _found(doc))
    assert not any(text == "which" for _, text, _ in _found(doc))


def test_relative_report_not_for_said_nothing_about():
    doc = hand_doc("The board rejected the plan that the chair said nothing about.", """
        The        DET   DT   det        1
        board      NOUN  NN   nsubj      2
        rejected   VERB  VBD  ROOT       2 reject
        the        DET   DT   det        4
        plan       NOUN  NN   dobj       2
        that       SCONJ IN   mark       8
        the        DET   DT   det        7
        chair      NOUN  NN   nsubj      8
        said       VERB  VBD  acl        4 say
        nothing    PRON  NN   dobj       8
        about      ADP   IN   prep       9
        .          PUNCT .    punct      2
    """)
    assert not any(cue == "said" for _, _, cue in _found(doc))


def test_relative_report_not_for_a_thing_explaining_how():
    # the wh-word after the cue opens a question a thing explains: still no report
    doc = hand_doc("The town lost the grant, which the audit explained how it spent.", """
        The        DET   DT   det        1
        town       NOUN  NN   nsubj      2
        lost       VERB  VBD  ROOT       2 lose
        the        DET   DT   det        4
        grant      NOUN  NN   dobj       2
        ,          PUNCT ,    punct      4
        which      PRON  WDT  dobj       9
        the        DET   DT   det        8
        audit      NOUN  NN   nsubj      9
        explained  VERB  VBD  relcl      4 explain
        how        SCONJ WRB  advmod     12
        it         PRON  PRP  nsubj      12
        spent      VERB  VBD  ccomp      9 spend
        .          PUNCT .    punct      2
    """)
    assert not any(cue == "explained" for _, _, cue in _found(doc))


def test_relative_report_whole_pipeline_names_the_cues_subject(quotes_in):
    found = [(q.text, q.speaker) for q in quotes_in("The board rejected the plan, which the chair said was overdue.")]
    assert ("which", "the chair") in found
    assert ("was overdue", "the chair") in found
