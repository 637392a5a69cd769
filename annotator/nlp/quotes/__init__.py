"""Finding quotes and their cues: direct (between marks), headlines (``Name: words``), interview
answers, and reports (a cue verb of any class with a reported clause, ``according to X``,
inverted ``…, said X``, a commitment's infinitive, a communication verb's object or prepositional
object, an adjective's clause), indirect or mixed (a paraphrase with a quoted part; quoted words
inside the clause their cue reports are read with it, ``quoted_part``).

One module per rule; ``component`` runs them in order over a ``QuoteScan`` of the document and
writes ``doc.spans["quotes"]`` (with ``span._.quote_type``), ``doc.spans["cues"]`` and ``CUE``
relations (quote → cue); the speakers component reads the cue to find who spoke.
"""

from annotator.nlp.quotes.component import RULES, QuoteFinder, QuoteRule, make_quote_finder
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

__all__ = ["RULES", "FoundQuote", "QuoteFinder", "QuoteRule", "QuoteScan", "make_quote_finder"]
