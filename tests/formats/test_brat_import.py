"""``annotator import brat``: brat standoff files written here, by hand, with our own sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import Annotation
from annotator.core.validation import validate_file
from annotator.formats.brat_labels import LabelMappingError, parse_labels
from annotator.formats.brat_reading import import_brat
from tests.conftest import assert_valid_record

RUNNER = CliRunner()

TEXT = ("Budget talks stall\n\n"
        "“We will not sign this plan,” said Mara Quell, the union leader. “Not today, not ever.”\n\n"
        "Quell said that the city had ignored the “basic needs of workers.”\n\n"
        "Officials argued the talks could resume in May.\n")


def at(text: str, needle: str, nth: int = 0) -> str:
    """``START END`` of the nth occurrence of needle, as a brat T line writes it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return f"{start} {start + len(needle)}"


def write_pair(folder: Path, name: str, text: str, ann: str, ann_name: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{ann_name or name}.ann").write_text(ann, encoding="utf-8")


def attribution_ann(text: str) -> str:
    """PolNeAR's shape: Source, Cue, Content and an Attribution trigger joined by an event."""
    first = at(text, "“We will not sign this plan,”")
    second = at(text, "“Not today, not ever.”")
    return "\n".join([
        f"T1\tSource {at(text, 'Mara Quell')}\tMara Quell",
        f"T2\tCue {at(text, 'said', 0)}\tsaid",
        f"T3\tContent {first};{second}\t“We will not sign this plan,” “Not today, not ever.”",
        f"T4\tAttribution {at(text, 'said', 0)}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {at(text, 'Quell', 1)}\tQuell",
        f"T6\tCue {at(text, 'said', 1)}\tsaid",
        f"T7\tContent {at(text, 'that the city had ignored the “basic needs of workers.”')}"
        "\tthat the city had ignored the “basic needs of workers.”",
        f"T8\tAttribution {at(text, 'said', 1)}\tsaid",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        f"T9\tCue {at(text, 'argued')}\targued",
        f"T10\tContent {at(text, 'the talks could resume in May.')}\tthe talks could resume in May.",
        f"T11\tAttribution-no-source {at(text, 'argued')}\targued",
        "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
        "#1\tAnnotatorNotes T3\ta note",
        "",
    ])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def quotes_of(record: dict) -> list[tuple[str, str]]:
    return [(s["text"], s["quote_type"]) for s in record["spans"] if s["label"] == "QUOTE"]


def said_by(record: dict) -> set[tuple[str, str]]:
    return {(r["head_span"]["text"], r["child_span"]["text"]) for r in record["relations"] if r["label"] == "SAID_BY"}


def test_brat_side_by_side_quotes_trimmed_and_typed_by_marks(tmp_path):
    write_pair(tmp_path / "corpus", "budget", TEXT, attribution_ann(TEXT))
    report = import_brat(sources=[tmp_path / "corpus"], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert_valid_record(record)
    assert report.written == 1 and not report.failed
    assert quotes_of(record) == [
        ("We will not sign this plan", "direct"),
        ("Not today, not ever", "direct"),
        ("the city had ignored the “basic needs of workers.”", "mixed"),
        ("the talks could resume in May", "indirect"),
    ]


def test_brat_discontinuous_content_gives_one_quote_per_fragment_with_one_speaker(tmp_path):
    write_pair(tmp_path, "budget", TEXT, attribution_ann(TEXT))
    import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert said_by(record) == {("We will not sign this plan", "Mara Quell"), ("Not today, not ever", "Mara Quell"),
                               ("the city had ignored the “basic needs of workers.”", "Quell")}
    cues = {(r["head_span"]["text"], r["child_span"]["text"]) for r in record["relations"] if r["label"] == "CUE"}
    assert ("Not today, not ever", "said") in cues
    assert ("the talks could resume in May", "argued") in cues  # an attribution without a source


def test_brat_event_trigger_is_not_an_entity_and_notes_are_counted(tmp_path):
    write_pair(tmp_path, "budget", TEXT, attribution_ann(TEXT))
    report = import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert {s["label"] for s in record["spans"]} == {"QUOTE", "SPEAKER", "CUE"}
    assert report.warning_counts == {"lines not imported": 1}


def test_brat_sibling_folders_with_two_annotators_give_one_decision_each(tmp_path):
    text_dir, ann_dir = tmp_path / "train" / "text", tmp_path / "train" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    (text_dir / "budget_talks.txt").write_text(TEXT, encoding="utf-8")
    (ann_dir / "budget_talks_a1b2.ann").write_text(attribution_ann(TEXT), encoding="utf-8")
    only_one = f"T1\tSource {at(TEXT, 'Mara Quell')}\tMara Quell\n"
    (ann_dir / "budget_talks_zz_9.ann").write_text(only_one, encoding="utf-8")

    report = import_brat(sources=[tmp_path / "train"], output=tmp_path / "out.jsonl")

    records = read_jsonl(tmp_path / "out.jsonl")
    assert report.written == 2
    assert [r["_annotator_id"] for r in records] == ["a1b2", "zz_9"]
    assert records[0]["meta"]["brat"] == {"ann": "budget_talks_a1b2.ann", "annotator": "a1b2"}
    assert records[0]["meta"]["source"] == "budget_talks.txt"
    assert records[0]["_input_hash"] == records[1]["_input_hash"]
    assert all(r["answer"] == "accept" for r in records)


def test_brat_label_mapping_for_another_schema(tmp_path):
    text = "Dana Lee said the bridge was safe.\n"
    ann = "\n".join([
        f"T1\tSpeaker {at(text, 'Dana Lee')}\tDana Lee",
        f"T2\tQuote {at(text, 'the bridge was safe.')}\tthe bridge was safe.",
        f"T3\tPerson {at(text, 'Dana Lee')}\tDana Lee",
        "R1\tSaidBy Arg1:T2 Arg2:T1",
        "R2\tCoref Arg1:T1 Arg2:T3",
        "",
    ])
    write_pair(tmp_path, "bridge", text, ann)
    import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl",
                labels="Quote=QUOTE,Speaker=SPEAKER,Person=PERSON,SaidBy=SAID_BY,Coref=COREF")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert {(s["label"], s["text"]) for s in record["spans"]} == {
        ("SPEAKER", "Dana Lee"), ("PERSON", "Dana Lee"), ("QUOTE", "the bridge was safe")}
    assert {(r["label"], r["child_span"]["label"]) for r in record["relations"]} == {("SAID_BY", "SPEAKER"),
                                                                                     ("COREF", "PERSON")}


def test_brat_label_mapping_can_leave_a_type_out():
    labels = parse_labels("Person=PERSON,Discard=")
    assert labels["Person"] == "PERSON" and labels["Discard"] is None and labels["Content"] == "QUOTE"
    with pytest.raises(LabelMappingError):
        parse_labels("Person")


def test_brat_fragment_off_token_edges_keeps_its_exact_characters(tmp_path):
    """Like the doccano and Label Studio importers: the token is split, the span is not stretched."""
    text = "Cells were CD34(+) in Nolan's lab.\n"
    start = text.index("CD34")
    ann = f"T1\tProtein {start} {start + 4}\tCD34\nT2\tSource {text.index('Nolan')} {text.index('Nolan') + 5}\tNolan\n"
    write_pair(tmp_path, "split", text, ann)
    report = import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert [(s["label"], s["text"]) for s in record["spans"]] == [("Protein", "CD34"), ("SPEAKER", "Nolan")]
    tokens = [t["text"] for t in record["tokens"]]
    assert "CD34" in tokens and "Nolan" in tokens
    assert not report.warnings
    assert_valid_record(record)


def test_brat_overlapping_entities_keep_the_first_with_a_warning(tmp_path):
    text = "Mara Quell of Ridge Union spoke.\n"
    ann = (f"T1\tPerson {at(text, 'Mara Quell')}\tMara Quell\n"
           f"T2\tOrg {at(text, 'Quell of Ridge Union')}\tQuell of Ridge Union\n")
    write_pair(tmp_path, "overlap", text, ann)
    report = import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert [(s["label"], s["text"]) for s in record["spans"]] == [("Person", "Mara Quell")]
    assert report.warning_counts == {"overlapping entities": 1}


def test_brat_offsets_count_a_byte_order_mark_and_carriage_returns(tmp_path):
    text = "\ufeffHeadline\r\n\r\nDana Lee said the bridge was safe.\r\n"
    ann = f"T1\tSource {at(text, 'Dana Lee')}\tDana Lee\n"
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "crlf.ann").write_text(ann, encoding="utf-8")
    import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert record["text"] == "Headline\n\nDana Lee said the bridge was safe.\n"
    assert [s["text"] for s in record["spans"]] == ["Dana Lee"]


def test_brat_leading_that_stays_when_it_is_the_subject(tmp_path):
    text = "Lee said that was wrong. Lee said that the plan failed.\n"
    ann = (f"T1\tContent {at(text, 'that was wrong.')}\tthat was wrong.\n"
           f"T2\tContent {at(text, 'that the plan failed.')}\tthat the plan failed.\n")
    write_pair(tmp_path, "that", text, ann)
    import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert quotes_of(record) == [("that was wrong", "indirect"), ("the plan failed", "indirect")]


def test_brat_unpaired_straight_and_curly_marks_still_make_a_direct_quote(tmp_path):
    text = "\"The plan has a hole in it,” said Tom Reyes.\n''We are done,'' said Lee.\n"
    ann = (f"T1\tContent {at(text, chr(34) + 'The plan has a hole in it,”')}\tx\n"
           f"T2\tContent {at(text, '{0}We are done,{0}'.format(chr(39) * 2))}\tx\n")
    write_pair(tmp_path, "marks", text, ann.replace("\tx\n", "\t\n"))
    import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert quotes_of(record) == [("The plan has a hole in it", "direct"), ("We are done", "direct")]


def test_brat_text_field_broken_over_lines_is_joined_back(tmp_path):
    text = "Lee said:\n\nthe bridge was safe.\n"
    start = text.index("Lee said")
    ann = f"T1\tContent {start} {len(text) - 1}\tLee said:\n\nthe bridge was safe.\nT2\tSource 0 3\tLee\n"
    write_pair(tmp_path, "wrapped", text, ann)
    report = import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    assert report.written == 1 and not report.failed


def test_brat_imported_records_pass_validate_and_serve_as_gold(tmp_path):
    write_pair(tmp_path / "corpus", "budget", TEXT, attribution_ann(TEXT))
    out = tmp_path / "gold.jsonl"
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path / "corpus"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 record(s) written (1 decision(s)" in result.output

    assert validate_file(out).ok
    assert RUNNER.invoke(app, ["validate", str(out)]).exit_code == 0
    scored = RUNNER.invoke(app, ["evaluate", str(out), str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    scores = json.loads(scored.output)
    assert scores["quotes_overlap"]["f1"] == 1.0 and scores["attributed_quotes"]["tp"] == 3
    Annotation.from_dict(read_jsonl(out)[0])


def test_brat_bad_file_is_reported_with_its_line_and_the_others_are_written(tmp_path):
    write_pair(tmp_path, "good", TEXT, attribution_ann(TEXT))
    write_pair(tmp_path, "bad", TEXT, "T1\tSource 5 3\tx\nT2\tSource nonsense\n")
    out = tmp_path / "out.jsonl"
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path), "-o", str(out)])

    assert result.exit_code == 2
    assert f"error: {tmp_path / 'bad.ann'}:1: T1: offsets 5-3" in result.output
    assert "Traceback" not in result.output
    assert [r["meta"]["source"] for r in read_jsonl(out)] == ["good.txt"]


@pytest.mark.parametrize("ann, message", [
    ("E1\tAttribution:T9 Content:T3\n", "E1: Attribution:T9 names no T annotation"),
    ("T1\tSource 0 4\tMara\nT1\tSource 0 4\tMara\n", "T1 is defined twice"),
    ("T1\tSource 0 4\tWrong\n", "T1 says 'Wrong' but the text has"),
    ("hello there\n", "not a brat annotation line"),
])
def test_brat_broken_lines_are_located_errors(tmp_path, ann, message):
    write_pair(tmp_path, "broken", "Mara Quell spoke.\n", ann)
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path), "-o", str(tmp_path / "out.jsonl")])

    assert result.exit_code == 2
    assert message in result.output
    assert "broken.ann:" in result.output


def test_brat_event_without_content_is_a_counted_warning(tmp_path):
    text = "Officials argued about it.\n"
    ann = (f"T1\tCue {at(text, 'argued')}\targued\nT2\tAttribution {at(text, 'argued')}\targued\n"
           "E1\tAttribution:T2 Cue:T1\n")
    write_pair(tmp_path, "nocontent", text, ann)
    report = import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")
    assert report.warning_counts == {"event without content": 1}


def test_brat_existing_output_is_kept_without_force(tmp_path):
    write_pair(tmp_path / "corpus", "budget", TEXT, attribution_ann(TEXT))
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path / "corpus"), "-o", str(out)])

    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert RUNNER.invoke(app, ["import", "brat", str(tmp_path / "corpus"), "-o", str(out), "--force"]).exit_code == 0


def test_brat_missing_text_is_a_clear_error(tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tSource 0 4\tMara\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert "lonely.ann: no lonely.txt" in result.output
