"""The report rules' gates (``quotes/report_gates.py``): a gated rule fires only where its gate lets
it, so ``reports.find`` finds the same reports with the gates as without; sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.quotes import reports
from annotator.nlp.quotes.report_gates import GATES, RulePlan
from annotator.nlp.quotes.scan import QuoteScan

#: A sentence or more for every gated rule, and some each refuses.
TEXT = "\n".join([
    "According to the ministry, the bridge will reopen in May.",
    "The governor vowed to veto the measure. The governor did not promise to veto the measure.",
    "The ferry company plans to raise its fares before the summer.",
    "The senator called the levy a disgrace.",
    "Many voters see the governor as a reformer.",
    "The council announced a new curfew for the harbour district. The chairman did not mention the layoffs.",
    "The union endorsed the rival of the mayor.",
    "The survey showed most tenants unhappy with the repairs. The audit found widespread errors in the ledger.",
    "The coach is confident that the team will recover.",
    "The senator was critical of the new levy.",
    "The activists called for an inquiry into the flooding.",
    "She told reporters that the plant will close in June, and he said the port would stay open.",
    "As the mayor said on Monday, the budget will shrink next year.",
    "The budget, the treasurer said, will shrink next year.",
    "The new ferry schedule, said Ruiz, a member of the board, will fail by June.",
    'The mayor repeated her "firm pledge" to the crowd.',
    "The harbour master made it clear that the gates would stay shut.",
    "The delay was the one mistake the mayor acknowledged.",
    "Many economists consider the levy a mistake.",
    "The new ferry timetable angered the islanders.",
    "The ferry company never replied to our questions about the fares.",
    "Asked about the toll, most of the drivers said yes.",
])


def _keys(found):
    return [(f.span.start, f.span.end, f.quote_type, f.cue.start if f.cue is not None else None) for f in found]


@pytest.mark.model
def test_a_rule_fires_only_where_its_gate_lets_it(nlp_model):
    doc = nlp_model(TEXT)
    scan = QuoteScan.of(doc, nlp_model.get_pipe("annotator_quotes").lexicon)
    plan = RulePlan(scan.lexicon, reports.REPORT_RULES)
    fired = set()
    for i in scan.cue_candidates:
        token = doc[i]
        allowed = plan.rules_for(token)
        for rule in GATES:
            if rule(scan, token):
                fired.add(rule)
                assert rule in allowed, (rule.__module__, token.text)
    assert {r.__module__ for r in set(GATES) - fired} == set()  # the sentences reach every gated rule
    assert _keys(reports.find(scan)) == _keys(reports.find(QuoteScan.of(doc, scan.lexicon), gated=False))
