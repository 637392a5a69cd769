"""Suggestions: candidate attributions the pre-labels leave out, shown apart from the annotations
and taken or ignored with one key (INCEpTION's recommendations). ``propose`` draws them from the
parse (the learned frames' candidates, the rule classes too imprecise to pre-label) with their cue
and speaker; ``scores`` holds each source's measured right-rate; ``component``
(``annotator_suggestions``) keeps the non-overlapping ones on ``doc._.suggestions``."""

from annotator.nlp.suggest.component import SUGGESTIONS_PIPE, Suggester, make_suggester
from annotator.nlp.suggest.propose import SOURCES, Proposal, choose, proposals
from annotator.nlp.suggest.scores import BANDS, DEFAULT_SOURCES, MIN_SCORE, SCORES, band, table_score

__all__ = ["BANDS", "DEFAULT_SOURCES", "MIN_SCORE", "SCORES", "band", "table_score", "SOURCES", "SUGGESTIONS_PIPE", "Proposal", "Suggester",
           "choose", "make_suggester", "proposals"]
