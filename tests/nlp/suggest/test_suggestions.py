"""Suggestions: attributions the pre-labels leave out, proposed apart from them (our own sentences)."""

from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import CUE, QUOTE, SPEAKER, Task
from annotator.nlp.convert import doc_to_task, suggestions_in, task_to_doc
from annotator.nlp.pipeline import SUGGESTIONS, prelabel, set_suggestions
from annotator.nlp.suggest import SCORES, SOURCES, Proposal, Suggester, choose

pytestmark = pytest.mark.model

# (``proud of``: an adjective the rules leave out, its one candidate scored well clear of the show and
# promotion thresholds, 0.38 in session 23's refit)
LEFT_OUT = "Ms. Adeyemi is proud of the new library."
# (an infinitive without an object: its one candidate, near the show threshold, so read with a
# team's counts or the rate table below; session 23's refit scores it 0.16, under the threshold)
TRIES = "The governor tries to step down before the spring session ends."
STANCE = "The mayor's support for the stadium surprised few people."
PRE_LABELED = "Mayor Okafor said the budget would pass."
TEXTS = [TRIES, STANCE, PRE_LABELED, LEFT_OUT,
         "The union's leaders hope to reopen the talks, and they blamed the board for the delay.",
         "The governor ruled out a new tax on fuel before the election."]


def texts_of(doc):
    text = doc.text
    return [(s.source, text[s.quote_start:s.quote_end], text[s.cue_start:s.cue_end] if s.cue_start is not None else None,
             text[s.speaker_start:s.speaker_end] if s.speaker_start is not None else None)
            for s in suggestions_in(doc)]


def test_an_attribution_the_rules_leave_out_is_suggested_with_its_cue_and_speaker(nlp_model):
    doc = nlp_model(LEFT_OUT)
    assert not list(doc.spans["quotes"])
    assert texts_of(doc) == [("frame:adjective-preposition", "the new library", "is proud of", "Adeyemi")]
    # scored by the shipped scorer where it knows the source; by the rate table without it
    table = Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, scorer=None)(nlp_model(TRIES))
    assert suggestions_in(table)[0].score == SCORES["frame:infinitive"][1]  # 8 words: the middle band
    assert 0 < suggestions_in(doc)[0].score < 1


def test_a_stance_noun_is_suggested_with_its_holder(nlp_model):
    suggester = nlp_model.get_pipe(SUGGESTIONS)
    try:
        suggester.promote = False
        assert ("rule:stance-noun", "the stadium", "support", "The mayor") in texts_of(nlp_model(STANCE))
    finally:
        suggester.promote = True


def test_a_pre_labeled_attribution_gets_no_suggestion(nlp_model):
    doc = nlp_model(PRE_LABELED)
    assert [q.text for q in doc.spans["quotes"]] == ["the budget would pass"]
    assert suggestions_in(doc) == []


def test_suggestions_never_overlap_each_other_nor_a_pre_label(nlp_model):
    every = Suggester(sources=SOURCES, lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon)
    for text in TEXTS:
        doc = every(nlp_model(text))
        taken = [(q.start_char, q.end_char) for q in doc.spans["quotes"]]
        spans = [(s.quote_start, s.quote_end) for s in suggestions_in(doc)]
        for i, (start, end) in enumerate(spans):
            assert not any(start < e and s < end for s, e in taken + spans[i + 1:]), text


def test_of_overlapping_proposals_the_better_scored_wins():
    doc = spacy.blank("en")("Ana backed the plan for the new bridge today.")
    wide, narrow, apart = doc[2:8], doc[3:5], doc[8:9]
    found = [Proposal(wide, "indirect", doc[1:2], doc[0:1], "frame:object"),
             Proposal(narrow, "indirect", doc[1:2], None, "frame:clause"),
             Proposal(apart, "indirect", doc[1:2], None, "frame:preposition")]
    scores = {"frame:object": (0.2, 0.2, 0.2), "frame:clause": (0.4, 0.4, 0.4), "frame:preposition": (0.1, 0.1, 0.1)}
    assert [(p.span.text, score) for p, score in choose(found, scores)] == [("plan for", 0.4), ("today", 0.1)]
    assert [p.span.text for p, _ in choose(found, scores, min_score=0.15)] == ["plan for"]
    assert choose(found, {}) == []  # a source with no score is never suggested


def test_suggestions_leave_the_pre_labels_as_they_are_unless_promoted(nlp_model):
    suggester = nlp_model.get_pipe(SUGGESTIONS)
    promoted = [t.to_dict() for t in prelabel(nlp_model, [Task(text=t) for t in TEXTS])]
    try:
        suggester.promote = False
        with_them = [t.to_dict() for t in prelabel(nlp_model, [Task(text=t) for t in TEXTS])]
        set_suggestions(nlp_model, False)
        without = [t.to_dict() for t in prelabel(nlp_model, [Task(text=t) for t in TEXTS])]
    finally:
        set_suggestions(nlp_model, True)
        suggester.promote = True
    # a promoted suggestion is a pre-label: more quotes, never fewer
    assert sum(len(r["spans"]) for r in promoted) >= sum(len(r["spans"]) for r in with_them)
    assert all("suggestions" not in record for record in without)
    assert sum(len(record.get("suggestions", [])) for record in with_them) >= 3
    assert [{k: v for k, v in r.items() if k not in ("suggestions", "_task_hash")} for r in with_them] == \
        [{k: v for k, v in r.items() if k != "_task_hash"} for r in without]


def test_suggestions_convert_to_records_and_back(nlp_model):
    task = doc_to_task(nlp_model(LEFT_OUT + " " + STANCE))
    assert task.suggestions and all(s.quote.label == QUOTE and s.quote.quote_type for s in task.suggestions)
    assert all(s.cue.label == CUE and s.speaker.label == SPEAKER for s in task.suggestions)
    assert all(s.source in SOURCES and 0 <= s.score <= 1 for s in task.suggestions)
    again = doc_to_task(task_to_doc(task, nlp_model))
    assert again.suggestions == task.suggestions
    assert Task.from_dict(json.loads(json.dumps(task.to_dict()))).suggestions == task.suggestions


def test_prelabel_no_suggestions_writes_none(tmp_path, monkeypatch, nlp_model):
    monkeypatch.setattr("annotator.nlp.pipeline.load_pipeline", lambda model=None: nlp_model)
    source = tmp_path / "in.txt"
    # a suggestion scored well clear of the show and promote thresholds (about 0.4), so a refit of
    # the scorer does not move it across either (TRIES's, 0.21, fell to 0.1995 in session 18's)
    source.write_text("The union is pressing the city to reopen the old depot before winter.\n", encoding="utf-8")
    runner = CliRunner()
    for flag, out in (("--no-suggestions", tmp_path / "off.jsonl"), (None, tmp_path / "on.jsonl")):
        result = runner.invoke(app, ["prelabel", str(source), "-o", str(out), *([flag] if flag else [])])
        assert result.exit_code == 0, result.output
    off = json.loads((tmp_path / "off.jsonl").read_text(encoding="utf-8"))
    on = json.loads((tmp_path / "on.jsonl").read_text(encoding="utf-8"))
    assert "suggestions" not in off
    assert [s["quote"]["text"] for s in on["suggestions"]] == ["the city to reopen the old depot before winter"]
    assert on["spans"] == off["spans"]


def test_the_component_config_turns_them_off():
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes")
    off = nlp.add_pipe(SUGGESTIONS, config={"enabled": False})
    doc = nlp("The governor tries to raise the tax.")
    assert off.enabled is False and suggestions_in(doc) == []
    with pytest.raises(ValueError, match="unknown frame:nothing"):
        nlp.add_pipe(SUGGESTIONS, name="other", config={"sources": ["frame:nothing"]})


def learned_suggestions(nlp_model, counts: dict[str, list[int]], text: str = TRIES):
    from annotator.nlp.frames import FrameAdder, FrameCounts

    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    frames = FrameAdder(lexicon=lexicon, counts=FrameCounts(counts))
    return suggestions_in(Suggester(lexicon=lexicon, frames=frames)(nlp_model(text)))


def test_without_counts_for_its_word_a_frame_keeps_the_tables_score(nlp_model):
    # The team counted another word of the frame only: 'tries' keeps the table's score exactly.
    (suggestion,) = learned_suggestions(nlp_model, {"infinitive": [9, 10], "infinitive|hope": [9, 10]})
    assert suggestion.source == "frame:infinitive"
    assert suggestion.score == SCORES["frame:infinitive"][1]  # 8 words: the middle band


def test_many_counts_for_a_word_bring_its_score_near_the_teams_rate(nlp_model):
    (suggestion,) = learned_suggestions(nlp_model, {"infinitive": [400, 500], "infinitive|try": [400, 500]})
    assert suggestion.score == pytest.approx(0.8, abs=0.02)
    (few,) = learned_suggestions(nlp_model, {"infinitive": [2, 2], "infinitive|try": [2, 2]})
    assert SCORES["frame:infinitive"][1] < few.score < suggestion.score  # a few decisions move it a little


def test_a_cue_word_the_team_always_leaves_falls_below_the_threshold(nlp_model):
    left = learned_suggestions(nlp_model, {"infinitive": [0, 100], "infinitive|try": [0, 100]})
    assert [s for s in left if s.source.startswith("frame:")] == []  # (a broad rule's, inside it, may show)
    # the same counts for another word leave this one's suggestion alone
    assert learned_suggestions(nlp_model, {"infinitive": [0, 100], "infinitive|hope": [0, 100]})


def test_a_short_content_scores_lower_than_a_long_one_and_may_be_left_out():
    doc = spacy.blank("en")("Ana backed the plan for the new bridge over the river next year.")
    long, short = doc[2:13], doc[2:4]
    scores = {"frame:stance": (0.1, 0.2, 0.3)}
    assert [s for _, s in choose([Proposal(long, "indirect", doc[1:2], doc[0:1], "frame:stance")], scores)] == [0.3]
    assert [s for _, s in choose([Proposal(short, "indirect", doc[1:2], doc[0:1], "frame:stance")], scores)] == [0.1]
    assert choose([Proposal(short, "indirect", doc[1:2], doc[0:1], "frame:stance")], scores, min_score=0.17) == []
