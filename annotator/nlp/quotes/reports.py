"""Indirect and mixed quotes: every possible cue word is tried against the report rules in order
(``according to``, a clause split by a verb-first attribution, a reported clause, a clause made clear, an inverted report, a commitment's infinitive, a naming, an
object quoting words, a communication verb's object, an adjective's clause, a prepositional
object), the first that fires taking it; a ``because`` clause right after a clause's, an object's or a
name's content is the speaker's reason and part of it (``reason``); direct quotes inside a report become
part of one mixed quote."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.quotes import (
    according_to, adjective_cue, adjective_object, answer_word, as_report, commitment, contact_relative, evidence, feeling_caused,
    intention, inverted, made_clear, naming, object_of_cue, prepositional_object, quoted_object, reason, regard,
    reported, small_clause, split_clause, stance_object, unanswered,
)
from annotator.nlp.quotes.found import FoundQuote, made_by
from annotator.nlp.quotes.report_gates import RulePlan
from annotator.nlp.quotes.scan import QuoteScan

#: A rule for one cue word: the quotes it reports (none when it does not fire).
ReportRule = Callable[[QuoteScan, Token], list[FoundQuote]]
#: Tried in order on each cue word; an inverted report is looked for only where no clause follows.
REPORT_RULES: tuple[ReportRule, ...] = (
    according_to.at, split_clause.at, reported.at, made_clear.at, as_report.at, inverted.at, commitment.at, intention.at, naming.at,
    quoted_object.at, regard.at, small_clause.at, object_of_cue.at, object_of_cue.relative_at, contact_relative.at,
    stance_object.held_at, feeling_caused.at,
    evidence.at, adjective_cue.at, adjective_object.at, prepositional_object.at, prepositional_object.for_clause_at,
    unanswered.at, answer_word.at,
)


#: Rules for a stance, an intention, a view or a finding in the speaker's own sentence: inside what
#: another report gives (``according to the survey, most renters plan to move``) the sentence is
#: that report's content, not a second attribution.
OWN_SENTENCE_RULES: frozenset[ReportRule] = frozenset({
    intention.at, stance_object.held_at, regard.at, evidence.at, adjective_object.at,  # ``said he was unhappy with X``
})


#: Rules whose content a ``because`` clause right after it goes on (``reason``): a clause, an object,
#: a name, a prepositional object; a stance's object (``was angry at the board because …``) stops.
REASON_RULES: frozenset[ReportRule] = frozenset({
    reported.at, naming.at, object_of_cue.at, quoted_object.at, prepositional_object.at,
})


def find(scan: QuoteScan, *, gated: bool = True) -> list[FoundQuote]:
    """The reports of the scan's cue candidates; each rule asked only where its gate lets it fire
    (``report_gates``; ``gated=False``: every rule on every candidate, the same reports, slower)."""
    found: list[FoundQuote] = []
    own_sentence: list[FoundQuote] = []
    doc = scan.doc
    plan = RulePlan(scan.lexicon, REPORT_RULES) if gated else None
    for i in scan.cue_candidates:
        token = doc[i]
        for rule in (plan.rules_for(token) if plan is not None else REPORT_RULES):
            items = rule(scan, token)
            if items and rule in REASON_RULES:
                items = [reason.with_reason(scan, items[0])] + items[1:]
            if items:
                (own_sentence if rule in OWN_SENTENCE_RULES else found).extend(made_by(items, report_rule_name(rule)))
                break
    found += [f for f in own_sentence if not any(o.span.start <= f.cue.start < o.span.end for o in found)]
    return [f for f in found if not _reporters_question(f.span[0]) and not _reporters_question(f.cue[0])]


def report_rule_name(rule: ReportRule) -> str:
    """``reports:`` and the rule's module (``reports:reported``), with the function's name when it is
    not ``at`` (``reports:object_of_cue.relative_at``): the name a report's quote records."""
    module = rule.__module__.rpartition(".")[2]
    return f"reports:{module}" if rule.__name__ == "at" else f"reports:{module}.{rule.__name__}"


def absorb_direct(found: list[FoundQuote], reports: list[FoundQuote]) -> list[FoundQuote]:
    """Direct quotes inside a reported clause become part of one mixed quote; of reports over the
    same tokens the first is kept."""
    kept: dict[tuple[int, int], FoundQuote] = {}
    directs = [item for item in found if item.quote_type == "direct"]
    for item in reports:
        if _ends_on_introduced_quote(item, directs):
            continue
        item = _through_quote(item, directs)
        kept.setdefault((item.span.start, item.span.end), item)
    out = []
    for item in found:
        if any(o.span.start <= item.span.start and item.span.end <= o.span.end for o in kept.values()):
            continue
        if item.quote_type == "mixed" and any(o.span.start < item.span.end and item.span.start < o.span.end
                                              for o in kept.values()):
            continue  # a quoted part's paraphrase (quoted_part) that a report rule read whole
        out.append(item)
    return out + list(kept.values())


def _ends_on_introduced_quote(report: FoundQuote, directs: list[FoundQuote]) -> bool:
    """``Lee turned to the crowd: "We will win," she said``: a report read back from a cue after it
    that ends on quoted words a colon introduces is those words alone (the direct quote with the
    same cue); what comes before the colon is the reporter's."""
    cue, span = report.cue, report.span
    if cue is None or cue.start < span.end:
        return False
    doc = span.doc
    for direct in directs:
        quoted = direct.span
        if direct.cue is None or direct.cue.start != cue.start or not span.start < quoted.start < quoted.end <= span.end:
            continue
        mark = quoted.start - 1
        if mark > span.start and doc[mark].text in QUOTE_MARK_TOKENS and doc[mark - 1].text == ":" \
                and all(t.is_punct or t.is_space for t in doc[quoted.end:span.end]):
            return True
    return False


def _through_quote(report: FoundQuote, directs: list[FoundQuote]) -> FoundQuote:
    """``He said reform "is a 'when' question. It is not an 'if' question."``: a report that stops
    inside quoted words it opened goes on to their closing mark (one mixed quote), however many
    sentences they hold: the speaker's words are not cut by a sentence end."""
    span = report.span
    inside = [d.span for d in directs if span.start < d.span.start < span.end < d.span.end]
    if not inside:
        return report
    doc = span.doc
    end = inside[0].end
    if end + 1 < len(doc) and doc[end].text in (".", ",", "?", "!") and doc[end + 1].text in QUOTE_MARK_TOKENS:
        end += 2
    elif end < len(doc) and doc[end].text in QUOTE_MARK_TOKENS:
        end += 1
    return FoundQuote(doc[span.start:end], "mixed", report.cue, report.claims, report.rule)


def _reporters_question(token: Token) -> bool:
    """``Asked whether/if/about …,`` opening a sentence: the reporter's question, never a quote."""
    doc = token.doc
    if token.lower_ != "asked" or token.i + 1 >= len(doc):
        return False
    first = token.is_sent_start or token.i == 0 or doc[token.i - 1].is_space \
        or doc[token.i - 1].text in QUOTE_MARK_TOKENS
    return first and doc[token.i + 1].lower_ in ("whether", "if", "about", "what", "how", "why", "when", "who")
