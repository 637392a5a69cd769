"""The ``annotator_quotes`` component: builds a ``QuoteScan`` of each document, runs the quote rules
in order, then writes what they found (match, then set annotations; nothing kept on ``self``)."""

from __future__ import annotations

from typing import Callable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.core.records import CUE, CUE_REL, QUOTE
from annotator.nlp.convert import add_relation, ensure_span_groups
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.cue_words import (
    ADJECTIVE_PREPOSITIONS, CLAUSE_CUE_VERBS, COGNITION_VERBS, CUE_ADJECTIVES, CUE_NOUNS, EVIDENCE_VERBS, INFINITIVE_CUE_VERBS,
    INTENTION_INFINITIVE_VERBS, JUDGEMENT_VERBS, LIGHT_STANCE_VERBS, OBJECT_CUE_VERBS, PASSIVE_JUDGEMENT_VERBS, PREPOSITIONAL_CUE_VERBS,
    REGARD_VERBS, SPEECH_VERBS, STANCE_OBJECT_VERBS, QUESTION_VERBS, UNSAID_OBJECT_VERBS, ACT_DONE_VERBS, ACT_PREPOSITIONS,
    LINKING_VERBS, CONTINUING_PREPOSITIONS, CLAUSE_ONLY_EVIDENCE_VERBS, SOURCE_PREPOSITIONS,
)
from annotator.nlp.quotes import direct, headline, interview, noun_cue, passive_judgement, reports, stance_noun
from annotator.nlp.quotes.found import FoundQuote
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
    QuoteRule("headline", headline.find, headline.lend_cues),
    QuoteRule("interview", interview.find),
    QuoteRule("reports", reports.find, reports.absorb_direct),
    QuoteRule("noun cue", noun_cue.find, noun_cue.add_reports),
    QuoteRule("stance noun", stance_noun.find, noun_cue.add_reports),
    QuoteRule("passive judgement", passive_judgement.find, noun_cue.add_reports),
)


@Language.factory(
    "annotator_quotes",
    assigns=["doc.spans", "doc._.relations"],
    default_config={
        "speech_verbs": list(SPEECH_VERBS),
        "cognition_verbs": list(COGNITION_VERBS),
        "extra_cue_verbs": [],
        "object_cue_verbs": list(OBJECT_CUE_VERBS),
        "infinitive_cue_verbs": sorted(INFINITIVE_CUE_VERBS),
        "clause_cue_verbs": list(CLAUSE_CUE_VERBS),
        "prepositional_cue_verbs": {verb: list(preps) for verb, preps in PREPOSITIONAL_CUE_VERBS.items()},
        "cue_nouns": list(CUE_NOUNS),
        "cue_adjectives": list(CUE_ADJECTIVES),
        "stance_cue_verbs": list(STANCE_OBJECT_VERBS),
        "intention_cue_verbs": list(INTENTION_INFINITIVE_VERBS),
        "regard_cue_verbs": list(REGARD_VERBS),
        "evidence_cue_verbs": list(EVIDENCE_VERBS),
        "prepositional_cue_adjectives": {adjective: list(preps) for adjective, preps in ADJECTIVE_PREPOSITIONS.items()},
        "stance_cue_nouns": {},  # off: cue_words.STANCE_NOUN_PREPOSITIONS is the class to switch on
        "light_stance_verbs": list(LIGHT_STANCE_VERBS),
        "passive_cue_verbs": list(PASSIVE_JUDGEMENT_VERBS),
        "judgement_cue_verbs": sorted(JUDGEMENT_VERBS),
        "question_cue_verbs": sorted(QUESTION_VERBS), "unsaid_object_verbs": sorted(UNSAID_OBJECT_VERBS),
        "act_done_verbs": sorted(ACT_DONE_VERBS), "act_prepositions": sorted(ACT_PREPOSITIONS),
        "linking_verbs": sorted(LINKING_VERBS), "continuing_prepositions": sorted(CONTINUING_PREPOSITIONS),
        "clause_only_evidence_verbs": sorted(CLAUSE_ONLY_EVIDENCE_VERBS), "source_prepositions": sorted(SOURCE_PREPOSITIONS),
        "min_direct_words": 3,
        "headline_max_words": 25,
    },
)
def make_quote_finder(nlp: Language, name: str, speech_verbs: list[str], cognition_verbs: list[str],
                      extra_cue_verbs: list[str], object_cue_verbs: list[str], infinitive_cue_verbs: list[str],
                      clause_cue_verbs: list[str], prepositional_cue_verbs: dict[str, list[str]],
                      cue_nouns: list[str], cue_adjectives: list[str], stance_cue_verbs: list[str],
                      intention_cue_verbs: list[str], regard_cue_verbs: list[str], evidence_cue_verbs: list[str],
                      prepositional_cue_adjectives: dict[str, list[str]], stance_cue_nouns: dict[str, list[str]],
                      light_stance_verbs: list[str], passive_cue_verbs: list[str], judgement_cue_verbs: list[str],
                      question_cue_verbs: list[str], unsaid_object_verbs: list[str], act_done_verbs: list[str],
                      act_prepositions: list[str], linking_verbs: list[str], continuing_prepositions: list[str],
                      clause_only_evidence_verbs: list[str], source_prepositions: list[str],
                      min_direct_words: int,
                      headline_max_words: int) -> QuoteFinder:
    lexicon = Lexicon(speech_verbs, cognition_verbs, extra_cue_verbs, object_verbs=object_cue_verbs,
                      infinitive_verbs=infinitive_cue_verbs, clause_verbs=clause_cue_verbs,
                      prepositional_verbs=prepositional_cue_verbs, nouns=cue_nouns, adjectives=cue_adjectives,
                      stance_verbs=stance_cue_verbs, intention_verbs=intention_cue_verbs, regard_verbs=regard_cue_verbs,
                      evidence_verbs=evidence_cue_verbs, adjective_prepositions=prepositional_cue_adjectives,
                      stance_nouns=stance_cue_nouns, light_verbs=light_stance_verbs, passive_verbs=passive_cue_verbs,
                      judgement_verbs=judgement_cue_verbs, question_verbs=question_cue_verbs,
                      unsaid_verbs=unsaid_object_verbs,
                      act_done_verbs=act_done_verbs, act_prepositions=act_prepositions, linking_verbs=linking_verbs,
                      continuing_prepositions=continuing_prepositions,
                      clause_only_evidence_verbs=clause_only_evidence_verbs, source_prepositions=source_prepositions)
    return QuoteFinder(lexicon, min_direct_words=min_direct_words, headline_max_words=headline_max_words)


class QuoteFinder:
    """Finds every quote of a document and the cue word that introduces it.

    Its ``lexicon`` (the configured cue verbs) is shared with the later components."""

    def __init__(self, lexicon: Lexicon | None = None, *, min_direct_words: int = 3,
                 headline_max_words: int = 25, rules: tuple[QuoteRule, ...] = RULES) -> None:
        self.lexicon = lexicon or Lexicon()
        self.min_direct_words = min_direct_words
        self.headline_max_words = headline_max_words
        self.rules = rules

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
            found = rule.combine(found, rule.find(scan))
        return found


def set_quotes(doc: Doc, found: list[FoundQuote]) -> None:
    """Write quotes (in document order, each with its type), their cues and the CUE relations."""
    quotes: list[Span] = []
    cues: dict[tuple[int, int], Span] = {}
    for item in sorted(found, key=lambda f: f.span.start):
        item.span._.quote_type = item.quote_type
        quotes.append(item.span)
        if item.cue is not None:
            cue = cues.setdefault((item.cue.start, item.cue.end), item.cue)
            add_relation(doc, item.span, QUOTE, cue, CUE, CUE_REL)
    doc.spans["quotes"] = quotes
    doc.spans["cues"] = sorted(cues.values(), key=lambda s: s.start)
