"""Suggestions the annotator left alone are kept in the decision record (what was offered and not
taken) and are never an annotation: every exporter writes a decision with untaken suggestions
exactly as the same decision without them, and the Prodigy records leave the field out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.records import QUOTE, Annotation, Suggestion
from annotator.formats import export_names
from annotator.formats.exporting import export_annotations
from tests.tui.suggestion_tasks import span, story


def _decisions(path: Path, *, suggestions: bool) -> Path:
    task = story(suggestions=suggestions)
    if suggestions:  # another extent for the pre-labeled quote, left alone too
        old = next(s for s in task.spans if s.label == QUOTE)
        task.suggestions.append(Suggestion(span(task, "the bridge will reopen", QUOTE, "indirect"), score=0.3,
                                           source="extent:clause", replaces=old))
    record = Annotation(task, "accept", "maria", "maria-1", 1764064800).to_dict()
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _written(root: Path) -> dict[str, bytes]:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root.parent)).replace(root.name, "OUT", 1): p.read_bytes() for p in files}


def _export(tmp_path: Path, name: str, fmt: str, *, suggestions: bool) -> dict[str, bytes]:
    folder = tmp_path / name
    folder.mkdir()
    source = _decisions(folder / "decisions.jsonl", suggestions=suggestions)
    out = folder / "out" / "export"
    out.parent.mkdir()
    report = export_annotations(sources=[source], format=fmt, output=out)
    written = {}
    for path in [*(p for p, _ in report.outputs.values()), *report.extra_files]:
        written.update({key.replace(str(folder), ""): data for key, data in _written(path).items()})
    return written


@pytest.mark.parametrize("fmt", export_names())
def test_an_export_has_no_trace_of_suggestions_left_alone(tmp_path, fmt):
    assert story().suggestions and not story(suggestions=False).suggestions
    with_them = _export(tmp_path, "with", fmt, suggestions=True)
    without = _export(tmp_path, "without", fmt, suggestions=False)
    assert with_them, "the export wrote nothing"
    assert with_them == without


def test_prodigy_records_leave_the_suggestions_field_out(tmp_path):
    source = _decisions(tmp_path / "decisions.jsonl", suggestions=True)
    assert "suggestions" in json.loads(source.read_text(encoding="utf-8"))
    for layers in ("rel", "ents", "spans"):
        out = tmp_path / f"prodigy-{layers}.jsonl"
        export_annotations(sources=[source], format="prodigy", output=out, options={"layers": layers})
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert records and all("suggestions" not in r for r in records)
        # No span of the export is a suggestion's quote (the suggested attributions stay unmarked).
        assert not any(r["text"][s["start"]:s["end"]] == "costs will rise" for r in records for s in r["spans"])


def test_a_spacy_export_stores_no_suggestions_key(tmp_path):
    """A DocBin keeps every extension value a Doc was given, None too: the exported Docs name no
    suggestions at all, so spaCy users see nothing of them in ``doc.user_data``."""
    from spacy.tokens import DocBin

    from annotator.nlp.pipeline import load_model

    source = _decisions(tmp_path / "decisions.jsonl", suggestions=True)
    out = tmp_path / "out.spacy"
    report = export_annotations(sources=[source], format="spacy", output=out)
    path = next(p for p, _ in report.outputs.values() if str(p).endswith(".spacy"))
    docs = list(DocBin(store_user_data=True).from_disk(path).get_docs(load_model(None).vocab))
    assert docs and docs[0].spans  # the annotations are there
    assert not any("suggestions" in str(key) for doc in docs for key in doc.user_data)
