"""Which report rules (``reports.REPORT_RULES``) can fire on a cue candidate: most rules first ask
whether the token's lemma is in one of their word lists, and refuse nearly every token there. The
answer depends only on the token's lemma, lower-case form, dependency and part of speech, so it is
worked out once per such word in a Doc (``RulePlan``), and ``reports.find`` asks a rule only where it
can fire.

Each gate is a *necessary* condition read off its rule's own first test (the rule still decides
everything); a rule without a gate (``GATES``) is asked everywhere. ``tests/nlp/quotes/test_report_gates.py``
checks that the gated rules find what the ungated ones do, on sentences reaching every gated rule."""

from __future__ import annotations

from typing import Callable
from weakref import WeakKeyDictionary

from spacy.tokens import Token

from annotator.nlp.cue_words import LISTENER_VERBS
from annotator.nlp.lexicon import FEELING_CAUSED_VERBS, SMALL_CLAUSE_VERBS, Lexicon
from annotator.nlp.quotes import (
    according_to, adjective_cue, adjective_object, answer_word, as_report, commitment, contact_relative, evidence, feeling_caused,
    intention, inverted, made_clear, naming, object_of_cue, prepositional_object, quoted_object, regard, reported,
    small_clause, split_clause, stance_object, unanswered,
)
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

ReportRule = Callable[[QuoteScan, Token], list[FoundQuote]]
#: A gate: given the lexicon, the token (any token with the same lemma, form, dependency and part
#: of speech answers the same) and its lemma in lower case, whether the rule may fire on it.
Gate = Callable[[Lexicon, Token, str], bool]


def _lexicon_lemma(lexicon: Lexicon, token: Token, lemma: str) -> str:
    """``lexicon.lemma_of(verb) or verb.lemma_.lower()``, as the infinitive rules read the lemma."""
    return lexicon.lemma_of(token) or lemma


def _speech(lexicon: Lexicon, token: Token) -> bool:
    """``scan.cue_lemma(token) in lexicon.speech`` can hold: ``cue_lemma`` is ``lemma_of``'s lemma or None."""
    return lexicon.lemma_of(token) in lexicon.speech


#: The gates, each beside the first test of the rule it stands for.
GATES: dict[ReportRule, Gate] = {
    according_to.at: lambda lexicon, token, lemma: token.lower_ == "according",
    # ``clause_lemma``: the cue lemma, or a verb's lemma among the clause verbs
    reported.at: lambda lexicon, token, lemma: lexicon.lemma_of(token) is not None
    or token.pos_ == "VERB" and lemma in lexicon.clause_verbs,
    made_clear.at: lambda lexicon, token, lemma: lemma == made_clear.MAKING_VERB,
    as_report.at: lambda lexicon, token, lemma: token.dep_ == "advcl" and _speech(lexicon, token),
    split_clause.at: lambda lexicon, token, lemma: _speech(lexicon, token),
    inverted.at: lambda lexicon, token, lemma: _speech(lexicon, token)
    or token.dep_ == "parataxis" and _lexicon_lemma(lexicon, token, lemma) in lexicon.cognition,
    quoted_object.at: lambda lexicon, token, lemma: _speech(lexicon, token)
    and lexicon.lemma_of(token) not in LISTENER_VERBS,
    commitment.at: lambda lexicon, token, lemma: _lexicon_lemma(lexicon, token, lemma) in lexicon.infinitive_verbs,
    intention.at: lambda lexicon, token, lemma: _lexicon_lemma(lexicon, token, lemma) in lexicon.intention_verbs,
    naming.at: lambda lexicon, token, lemma: lemma in naming.NAMING_VERBS,
    regard.at: lambda lexicon, token, lemma: token.dep_ in ("ROOT", "conj") and lemma in lexicon.regard_verbs,
    small_clause.at: lambda lexicon, token, lemma: lemma in SMALL_CLAUSE_VERBS and token.pos_ == "VERB",
    object_of_cue.at: lambda lexicon, token, lemma: lemma not in LISTENER_VERBS
    and (lemma in lexicon.unsaid_verbs or lemma in lexicon.object_verbs),
    contact_relative.at: lambda lexicon, token, lemma: token.dep_ in contact_relative.RELATIVE_DEPS and (
        lemma in lexicon.object_verbs or lemma in lexicon.stance_verbs or bool(lexicon.prepositional_verbs.get(lemma))),
    # ``held_at``: the sentence's verb or a verb coordinated with it (its own subject is checked by the rule)
    stance_object.held_at: lambda lexicon, token, lemma: token.dep_ in ("ROOT", "conj") and lemma in lexicon.stance_verbs,
    feeling_caused.at: lambda lexicon, token, lemma: lemma in FEELING_CAUSED_VERBS and token.pos_ == "VERB",
    evidence.at: lambda lexicon, token, lemma: lemma in lexicon.evidence_verbs and token.pos_ == "VERB",
    adjective_cue.at: lambda lexicon, token, lemma: lemma in lexicon.linking_verbs,
    adjective_object.at: lambda lexicon, token, lemma: lemma in lexicon.linking_verbs,
    prepositional_object.at: lambda lexicon, token, lemma: bool(lexicon.prepositional_verbs.get(lemma)),
    unanswered.at: lambda lexicon, token, lemma: lemma in unanswered.ANSWER_VERBS and token.pos_ == "VERB",
    answer_word.at: lambda lexicon, token, lemma: token.pos_ == "VERB" and (
        _speech(lexicon, token) or _lexicon_lemma(lexicon, token, lemma) in lexicon.cognition),
}


class RulePlan:
    """The rules (in their order) that may fire on each kind of token: read once per (lemma, form,
    dependency, part of speech), as hashes, the same in every Doc; what one lexicon's plans read is
    kept for the next Docs (``_PLANS``)."""

    def __init__(self, lexicon: Lexicon, rules: tuple[ReportRule, ...], gates: dict[ReportRule, Gate] = GATES) -> None:
        self.lexicon, self.rules, self.gates = lexicon, rules, gates
        if gates is GATES:
            kept = _PLANS.setdefault(lexicon, {})
            if sum(len(plans) for plans in kept.values()) > _PLANS_KEPT:
                kept.clear()
            self._plans = kept.setdefault(rules, {})
        else:
            self._plans = {}

    def rules_for(self, token: Token) -> tuple[ReportRule, ...]:
        key = (token.lemma, token.lower, token.dep, token.pos)
        plan = self._plans.get(key)
        if plan is None:
            lemma, gates = token.lemma_.lower(), self.gates
            plan = self._plans[key] = tuple(rule for rule in self.rules
                                            if rule not in gates or gates[rule](self.lexicon, token, lemma))
        return plan


#: Lexicon → rules → each kind of token's plan, forgotten with the lexicon; at most ``_PLANS_KEPT`` a lexicon.
_PLANS: WeakKeyDictionary[Lexicon, dict[tuple[ReportRule, ...], dict[tuple[int, int, int, int], tuple[ReportRule, ...]]]] \
    = WeakKeyDictionary()
_PLANS_KEPT = 100_000
