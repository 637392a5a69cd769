"""The ``annotator_quotes`` component: builds a ``QuoteScan`` of each document, runs the quote rules
in order, then writes what they found (match, then set annotations; nothing kept on ``self``)."""

from __future__ import annotations

import inspect
from typing import Callable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import CUE, CUE_REL, QUOTE
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.lexicon import WORD_CLASSES, Lexicon
from annotator.nlp.paused_collector import collector_paused
from annotator.nlp.quotes import (
    direct, headline, hearsay, interview, lead_in, leading_that, nested, noun_cue, open_part, passive_judgement, poll_source,
    received_judgement, relative_piece, reports, source_phrase, stance_noun, transcript, view_holder,
)
from annotator.nlp.quotes.found import FoundQuote, made_by
from annotator.nlp.quotes.scan import QuoteScan


def add_all(found: list[FoundQuote], new: list[FoundQuote]) -> list[FoundQuote]:
    return found + new


class QuoteRule(NamedTuple):
    """A rule finds quotes in a scan; ``combine`` adds them to what the earlier rules found."""

    name: str
    find: Callable[[QuoteScan], list[FoundQuote]]
    combine: Callable[[list[FoundQuote], list[FoundQuote]], list[FoundQuote]] = add_all


#: The quote rules, in order.
RULES: tuple[QuoteRule, ...] = (
    QuoteRule("direct", direct.find),
    QuoteRule("transcript", transcript.find, headline.lend_cues),
    QuoteRule("headline", headline.find, headline.lend_cues),
    QuoteRule("interview", interview.find),
    QuoteRule("reports", reports.find, reports.absorb_direct),
    QuoteRule("relative piece", relative_piece.find, relative_piece.add_pieces),
    QuoteRule("noun cue", noun_cue.find, noun_cue.add_reports),
    QuoteRule("stance noun", stance_noun.find, noun_cue.add_reports),
    QuoteRule("passive judgement", passive_judgement.find, noun_cue.add_reports),
    QuoteRule("poll source", poll_source.find, poll_source.add_polls),
    QuoteRule("received judgement", received_judgement.find, noun_cue.add_reports),
    QuoteRule("view holder", view_holder.find, noun_cue.add_reports),
    QuoteRule("source phrase", source_phrase.find, noun_cue.add_reports),
    QuoteRule("hearsay", hearsay.find, noun_cue.add_reports),
)


def make_quote_finder(nlp: Language, name: str, min_direct_words: int, headline_max_words: int,
                      headline_types: str = "marks", **word_lists: list[str] | dict[str, list[str]]) -> QuoteFinder:
    """The ``annotator_quotes`` component; ``word_lists``: one config key a class of ``lexicon.WORD_CLASSES``;
    ``headline_types``: ``HEADLINE_TYPES``."""
    return QuoteFinder(Lexicon.from_config(word_lists), min_direct_words=min_direct_words,
                       headline_max_words=headline_max_words, headline_types=headline_types)


def _word_class_signature(factory: Callable[..., QuoteFinder]) -> inspect.Signature:
    """The factory's signature with one keyword parameter a word class in place of ``**word_lists``,
    typed as its config gives it: spaCy checks a component's config against the parameters it reads."""
    signature = inspect.signature(factory)
    fixed = [parameter for parameter in signature.parameters.values() if parameter.kind is not parameter.VAR_KEYWORD]
    return signature.replace(parameters=[*fixed, *(
        inspect.Parameter(c.config_key, inspect.Parameter.KEYWORD_ONLY,
                          annotation=dict[str, list[str]] if c.is_table else list[str]) for c in WORD_CLASSES)])


make_quote_finder.__signature__ = _word_class_signature(make_quote_finder)  # type: ignore[attr-defined]
Language.factory("annotator_quotes", assigns=["doc.spans", "doc._.relations"], func=make_quote_finder,
                 default_config={**{c.config_key: c.config_default() for c in WORD_CLASSES},
                                 "min_direct_words": 3, "headline_max_words": 25, "headline_types": "marks"})

#: How a headline's ``Name: words`` quote is typed: ``marks`` by its quotation marks (none: indirect, a
#: quoted part: mixed, all quoted: direct; PolNeAR's convention), ``direct`` always (a team's guideline
#: that calls every headline quote direct, as the seed article's hand-made gold does).
HEADLINE_TYPES = ("marks", "direct")


class QuoteFinder:
    """Finds every quote of a document and the cue word that introduces it.

    Its ``lexicon`` (the configured cue verbs) is shared with the later components."""

    def __init__(self, lexicon: Lexicon | None = None, *, min_direct_words: int = 3,
                 headline_max_words: int = 25, headline_types: str = "marks",
                 rules: tuple[QuoteRule, ...] = RULES) -> None:
        if headline_types not in HEADLINE_TYPES:
            raise ValueError(f"annotator_quotes: headline_types is {headline_types!r}, not one of {HEADLINE_TYPES}")
        self.lexicon = lexicon or Lexicon()
        self.headline_types = headline_types
        self.min_direct_words = min_direct_words
        self.headline_max_words = headline_max_words
        self.rules = rules

    @collector_paused
    def __call__(self, doc: Doc) -> Doc:
        ensure_span_groups(doc)
        if not len(doc):
            return doc
        set_quotes(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[FoundQuote]:
        """The quotes of a document, in no particular order."""
        scan = QuoteScan.of(doc, self.lexicon, min_direct_words=self.min_direct_words,
                            headline_max_words=self.headline_max_words)
        found: list[FoundQuote] = []
        for rule in self.rules:
            found = rule.combine(found, made_by(rule.find(scan), rule.name))
        found = leading_that.left_out(open_part.to_closing_marks(lead_in.extend(found, scan), scan))
        if self.headline_types == "direct":
            for item in found:
                item.quote_type = "direct" if item.rule == "headline" else item.quote_type
        return nested.outermost(found, scan)


def set_quotes(doc: Doc, found: list[FoundQuote]) -> None:
    """Write quotes (in document order, each with its type and, as its ``id_``, the rule that found it),
    their cues and the CUE relations."""
    quotes: list[Span] = []
    cues: dict[tuple[int, int], Span] = {}
    for item in sorted(found, key=lambda f: f.span.start):
        item.span._.quote_type = item.quote_type
        item.span.id_ = item.rule
        quotes.append(item.span)
        if item.cue is not None:
            cue = cues.setdefault((item.cue.start, item.cue.end), item.cue)
            add_relation(doc, item.span, QUOTE, cue, CUE, CUE_REL)
    doc.spans["quotes"] = quotes
    doc.spans["cues"] = sorted(cues.values(), key=lambda s: s.start)
