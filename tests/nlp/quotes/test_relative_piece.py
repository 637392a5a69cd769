"""A report in a relative clause: ``which`` as a piece of its content beside the clause after the
cue (hand-built parses as the small English model gives them; our own sentences)."""

from annotator.nlp.quotes import QuoteFinder, relative_piece
from tests.nlp.hand_docs import hand_doc


def _found(doc):
    return sorted((f.quote_type, f.span.text, f.cue.text) for f in QuoteFinder().find(doc))


def test_relative_piece_which_is_part_of_the_report():
    doc = hand_doc("The levy, which aides say will end in May, angered farmers.", """
        The        DET   DT  det        1
        levy       NOUN  NN  nsubj      11
        ,          PUNCT ,   punct      1
        which      PRON  WDT nsubj      7
        aides      NOUN  NNS nsubj      5 aide
        say        VERB  VBP relcl      1 say
        will       AUX   MD  aux        7
        end        VERB  VB  ccomp      5
        in         ADP   IN  prep       7
        May        PROPN NNP pobj       8
        ,          PUNCT ,   punct      1
        angered    VERB  VBD ROOT       11 anger
        farmers    NOUN  NNS dobj       11
        .          PUNCT .   punct      11
    """)
    assert _found(doc) == [("indirect", "which", "say"), ("indirect", "will end in May", "say")]


def test_relative_piece_not_for_that():
    # a restrictive ``that`` clause: left as it was (the clause after the cue alone)
    doc = hand_doc("The levy that aides say will end in May angered farmers.", """
        The        DET   DT  det        1
        levy       NOUN  NN  nsubj      10
        that       PRON  WDT nsubj      6
        aides      NOUN  NNS nsubj      4 aide
        say        VERB  VBP relcl      1 say
        will       AUX   MD  aux        6
        end        VERB  VB  ccomp      4
        in         ADP   IN  prep       6
        May        PROPN NNP pobj       7
        angered    VERB  VBD ROOT       9 anger
        farmers    NOUN  NNS dobj       9
        .          PUNCT .   punct      9
    """)
    assert _found(doc) == [("indirect", "will end in May", "say")]


def test_relative_piece_needs_the_report():
    # ``which`` as the subject of a relative clause with no report: nothing
    doc = hand_doc("The levy, which will end in May, angered farmers.", """
        The        DET   DT  det        1
        levy       NOUN  NN  nsubj      9
        ,          PUNCT ,   punct      1
        which      PRON  WDT nsubj      5
        will       AUX   MD  aux        5
        end        VERB  VB  relcl      1
        in         ADP   IN  prep       5
        May        PROPN NNP pobj       6
        ,          PUNCT ,   punct      1
        angered    VERB  VBD ROOT       9 anger
        farmers    NOUN  NNS dobj       9
        .          PUNCT .   punct      9
    """)
    assert _found(doc) == []



def _piece_beside_a_direct_quote(speaker: str, pos: str):
    from annotator.nlp.quotes.found import FoundQuote

    doc = hand_doc(f'The levy, which {speaker} said, "will end in May."', f"""
        The        DET   DT   det        1
        levy       NOUN  NN   ROOT       1
        ,          PUNCT ,    punct      1
        which      PRON  WDT  nsubj      9
        {speaker}  {pos} NN   nsubj      5
        said       VERB  VBD  relcl      1 say
        ,          PUNCT ,    punct      5
        "          PUNCT ``   punct      9
        will       AUX   MD   aux        9
        end        VERB  VB   ccomp      5
        in         ADP   IN   prep       9
        May        PROPN NNP  pobj       10
        .          PUNCT .    punct      9
        "          PUNCT ''   punct      9
    """)
    said = doc[5:6]
    quoted = FoundQuote(doc[8:12], "direct", said, rule="direct")
    return quoted, FoundQuote(doc[3:4], "indirect", said, rule="relative piece")


def test_relative_piece_which_stays_though_no_report_took_a_speakers_verb():
    quoted, piece = _piece_beside_a_direct_quote("Okafor", "PROPN")
    assert relative_piece.add_pieces([quoted], [piece]) == [quoted, piece]


def test_relative_piece_which_of_a_things_verb_still_needs_a_report():
    quoted, piece = _piece_beside_a_direct_quote("research", "NOUN")
    assert relative_piece.add_pieces([quoted], [piece]) == [quoted]


def _misread_relative_doc():
    # the parser hangs ``which`` on the cue as a first subject and the reported verb as its ``xcomp``
    return hand_doc("The council backed the toll, which Hale argued helps pay for the pier.", """
        The        DET   DT  det        1
        council    NOUN  NN  nsubj      2
        backed     VERB  VBD ROOT       2 back
        the        DET   DT  det        4
        toll       NOUN  NN  dobj       2
        ,          PUNCT ,   punct      4
        which      PRON  WDT nsubj      8
        Hale       PROPN NNP nsubj      8
        argued     VERB  VBD relcl      4 argue
        helps      VERB  VBZ xcomp      8 help
        pay        VERB  VB  xcomp      9
        for        ADP   IN  prep       10
        the        DET   DT  det        13
        pier       NOUN  NN  pobj       11
        .          PUNCT .   punct      2
    """, ents=((7, 8, "PERSON"),))


def test_relative_piece_which_read_as_the_cues_subject_beside_its_own():
    found = _found(_misread_relative_doc())
    assert ("indirect", "which", "argued") in found
    assert ("indirect", "helps pay for the pier", "argued") in found


def test_relative_piece_misread_clause_needs_the_second_subject():
    doc = _misread_relative_doc()
    assert relative_piece.misread_clause(doc[8]).text == "helps"
    # ``which argued …`` alone (no subject of its own): a clause of the noun, no report
    assert relative_piece.misread_clause(doc[2]) is None


def test_relative_piece_which_read_as_the_misread_clauses_object():
    # ``which`` hung on the reported verb as its object, that verb on the cue as its ``xcomp``
    doc = hand_doc("Kerr backed the fares, which Hale argued help ease the burden.", """
        Kerr       PROPN NNP nsubj      1
        backed     VERB  VBD ROOT       1 back
        the        DET   DT  det        3
        fares      NOUN  NNS dobj       1 fare
        ,          PUNCT ,   punct      3
        which      PRON  WDT dobj       8
        Hale       PROPN NNP nsubj      7
        argued     VERB  VBD relcl      3 argue
        help       VERB  VBP xcomp      7 help
        ease       VERB  VB  xcomp      8
        the        DET   DT  det        11
        burden     NOUN  NN  dobj       9
        .          PUNCT .   punct      1
    """, ents=((0, 1, "PERSON"), (6, 7, "PERSON")))
    found = _found(doc)
    assert ("indirect", "which", "argued") in found
    assert ("indirect", "help ease the burden", "argued") in found


def _modal_clause_doc(modal_tag: str, modal: str):
    # ``which`` and the speaker both the cue's subjects, the reported verb its ``xcomp`` after a modal
    return hand_doc(f"The pier, which the mayor pledged {modal} reopen by June, is still closed.", f"""
        The        DET   DT  det        1
        pier       NOUN  NN  nsubj      12
        ,          PUNCT ,   punct      1
        which      PRON  WDT nsubj      6
        the        DET   DT  det        5
        mayor      NOUN  NN  nsubj      6
        pledged    VERB  VBD relcl      1 pledge
        {modal:<10} AUX   {modal_tag:<3} aux        8
        reopen     VERB  VB  xcomp      6
        by         ADP   IN  prep       8
        June       PROPN NNP pobj       9
        ,          PUNCT ,   punct      1
        is         AUX   VBZ ROOT       12 be
        still      ADV   RB  advmod     14
        closed     ADJ   JJ  acomp      12
        .          PUNCT .   punct      12
    """)


def test_relative_piece_misread_clause_after_a_modal():
    found = _found(_modal_clause_doc("MD", "would"))
    assert ("indirect", "which", "pledged") in found
    assert ("indirect", "would reopen by June", "pledged") in found


def test_relative_piece_misread_clause_not_an_infinitive():
    # ``pledged to reopen``: what the mayor pledged to do, a verb of the mayor's own, no clause of the pier
    doc = _modal_clause_doc("TO", "to")
    assert relative_piece.misread_clause(doc[6]) is None
