"""The shipped suggestion scorer (``scorer.SuggestionScorer``): written by ``bench/fit_scorer.py``;
empty until it has been fitted (every suggestion keeps the rate table's score)."""

SCORER: dict = {}
