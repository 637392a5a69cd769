"""``The board rejected the plan, a decision its chair, Mira Oduya, said would cost the port dearly.``:
a contact (or ``which``) clause whose speaker is named in an apposition set off by commas. The parser
then makes the cue the sentence's head and the main clause its complement before it; the words
before the speaker are no report of the speaker's. As for a contact clause the parser reads well
(``relative_piece``), the noun the clause hangs on (or its ``which``) is a piece of the report. The
shape is read by ``speakers/set_off_name.py``, which also names the speaker."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.set_off_name import phrase_start, piece_before


def contact_piece(scan: QuoteScan, verb: Token, speaker: Token) -> FoundQuote | None:
    """The noun phrase (``a decision``) or ``which`` right before the speaker's noun phrase
    (``speaker``, as ``set_off_speaker`` found it), with ``verb`` as cue."""
    doc = verb.doc
    before = piece_before(speaker)
    if before is None or scan.quoted(doc[before].idx):
        return None
    if doc[before].tag_ == "WDT":
        return FoundQuote(doc[before:before + 1], "indirect", doc[verb.i:verb.i + 1])
    return FoundQuote(doc[phrase_start(doc[before]):before + 1], "indirect", doc[verb.i:verb.i + 1])
