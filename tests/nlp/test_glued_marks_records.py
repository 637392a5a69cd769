"""Records saved before the tokenizer split glued quotation marks (``nlp/glued_marks``) keep their own
tokens: they open, pre-label and export on the same characters as before."""

from __future__ import annotations

import json

import spacy

from annotator.core.records import Annotation
from annotator.formats.exporting import export_annotations
from annotator.nlp.convert import task_to_doc
from annotator.nlp.pipeline import prelabel
from tests.formats.records_by_hand import decision, make_task

#: A closing mark typed against the speaker: one token, ``May,”Vessa``, for the tokenizer before.
TEXT = "“The ferry will run in May,”Vessa Thrane said. “We are ready.”"


def old_record():
    """A decision as an earlier version wrote it: the stock tokens, spans over them, the quote after
    the glued token included (its token indices are the ones that would move)."""
    task = make_task(TEXT, [("QUOTE:direct", "The ferry will run in"), ("SPEAKER", "May,”Vessa Thrane"),
                            ("CUE", "said"), ("QUOTE:direct", "We are ready")],
                     [(0, 1, "SAID_BY"), (0, 2, "CUE"), (3, 1, "SAID_BY")])
    assert "May,”Vessa" in [t.text for t in task.tokens]
    return decision(task, "accept", "ann", 1_700_000_000)


def where(task) -> list[tuple[int, int, int, int, str]]:
    return sorted((s.start, s.end, s.token_start, s.token_end, s.label) for s in task.spans)


def test_an_old_record_reopens_with_its_own_tokens_and_spans(tmp_path, nlp_model):
    saved = old_record()
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(saved.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    reopened = Annotation.from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert reopened.task.tokens == saved.task.tokens and where(reopened.task) == where(saved.task)
    doc = task_to_doc(reopened.task, nlp_model)  # the pipeline's vocab, the record's tokens
    assert [t.text for t in doc] == [t.text for t in saved.task.tokens]
    quotes = sorted((s.start_char, s.end_char) for s in doc.spans["quotes"])
    assert quotes == sorted((s.start, s.end) for s in saved.task.spans if s.label == "QUOTE")


def test_an_old_record_is_pre_labeled_on_its_own_tokens(nlp_model):
    task = old_record().task
    again = next(iter(prelabel(nlp_model, [task])))
    assert again.tokens == task.tokens


def test_an_old_record_exports_the_same_spans(tmp_path):
    saved = old_record()
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(saved.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    export_annotations(sources=[path], format="prodigy", output=tmp_path / "out.jsonl")
    exported = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["text"] for t in exported[0]["tokens"]] == [t.text for t in saved.task.tokens]
    assert sorted((s["start"], s["end"], s["token_start"], s["token_end"], s["label"]) for s in exported[0]["spans"]) \
        == where(saved.task)
    export_annotations(sources=[path], format="brat", output=tmp_path / "brat")
    ann = next((tmp_path / "brat").rglob("*.ann")).read_text(encoding="utf-8")
    offsets = sorted({(int(a), int(b)) for line in ann.splitlines() if line.startswith("T")
                      for a, b in [line.split("\t")[1].split(" ")[1:3]]})  # (brat's Attribution triggers repeat them)
    assert offsets == sorted((s.start, s.end) for s in saved.task.spans)


def test_the_stock_tokenizer_is_the_one_old_records_were_made_with():
    assert "May,”Vessa" in [t.text for t in spacy.blank("en")(TEXT)]
