"""Reading inputs: every kind of source, and every kind of bad input named by file and line."""

from __future__ import annotations

import io
import json
import sys

import pytest

from annotator.core.sources import InputError, iter_raw, read_tasks
from annotator.core.aside import RejectsFile


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def tasks(*sources, **kwargs):
    return [task for _, task in read_tasks(sources, **kwargs)]


def test_jsonl_text_file_folder_and_stdin(tmp_path, monkeypatch):
    jsonl = write(tmp_path, "a.jsonl", b'{"text": "One.", "id": 1}\n\n{"text": "Two."}\n')
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "b.txt").write_text("Bee.", encoding="utf-8")
    (folder / "a.txt").write_text("Ay.", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "Three."}\n')))
    got = tasks(jsonl, folder, "-")
    assert [t.text for t in got] == ["One.", "Two.", "Ay.", "Bee.", "Three."]
    assert got[0].extra == {"id": 1}
    assert got[2].meta == {"source": "a.txt"}


def test_reading_is_lazy(tmp_path):
    path = write(tmp_path, "big.jsonl", b'{"text": "ok"}\n' + b"not json\n")
    records = iter_raw(path)
    assert next(records).data == {"text": "ok"}  # the bad second line is not read yet


@pytest.mark.parametrize(
    "content, line, message",
    [
        (b'{"text": "a"}\n{"text": "b",}\n', 2, "invalid JSON"),
        (b'{"text": "a"}\n[1, 2]\n', 2, "expected a JSON object, got a list"),
        (b'{"id": 1}\n', 1, "missing 'text'"),
        (b'{"text": 5}\n', 1, "'text' must be a string"),
        (b'{"text": ""}\n', 1, "'text' is empty"),
        (b'{"text": "a"}\n{"text": "caf\xe9"}\n', 2, "not valid UTF-8"),
        (b'{"text": "abc", "tokens": [{"text": "abc", "start": 0, "end": 3, "id": 0, "ws": false}],'
         b' "spans": [{"start": 0, "end": 9, "token_start": 0, "token_end": 0, "label": "ORG"}]}\n', 1,
         "outside the text"),
        (b'{"text": "abc def", "tokens": [{"text": "abc", "start": 0, "end": 3, "id": 0, "ws": true},'
         b' {"text": "def", "start": 4, "end": 7, "id": 1, "ws": false}],'
         b' "spans": [{"start": 1, "end": 3, "token_start": 0, "token_end": 0, "label": "ORG"}]}\n', 1,
         "not on a token start"),
        (b'{"text": "abc", "tokens": [{"text": "abc", "start": 0, "end": 3, "id": 0, "ws": false}],'
         b' "spans": [], "relations": [{"head": 0, "child": 0, "label": "SAID_BY",'
         b' "head_span": {"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "QUOTE", "quote_type": "direct"},'
         b' "child_span": {"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "SPEAKER"}}]}\n', 1,
         "not a span of the task"),
        (b'{"text": "a"}\n{"text": "b"', 2, "last line is cut off"),
    ],
)
def test_bad_input_names_file_line_and_reason(tmp_path, content, line, message):
    path = write(tmp_path, "in.jsonl", content)
    with pytest.raises(InputError) as caught:
        tasks(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_byte_order_mark_and_windows_line_ends_are_read(tmp_path):
    path = write(tmp_path, "in.jsonl", b'\xef\xbb\xbf{"text": "One."}\r\n{"text": "Two."}\r\n')
    text = write(tmp_path, "doc.txt", b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n")
    assert [t.text for t in tasks(path, text)] == ["One.", "Two.", "First line.\nSecond line.\n"]


def test_a_complete_last_line_without_newline_is_fine(tmp_path):
    path = write(tmp_path, "in.jsonl", b'{"text": "a"}\n{"text": "b"}')
    assert [t.text for t in tasks(path)] == ["a", "b"]


def test_bad_text_documents(tmp_path):
    with pytest.raises(InputError, match="empty"):
        tasks(write(tmp_path, "empty.txt", b"  \n"))
    with pytest.raises(InputError, match=r"bad.txt:2: not valid UTF-8"):
        tasks(write(tmp_path, "bad.txt", b"ok\nbad \xff\n"))
    with pytest.raises(InputError, match="no such file"):
        tasks(tmp_path / "missing.jsonl")
    empty = tmp_path / "nothing"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \.txt or \.jsonl files"):
        tasks(empty)


def test_bad_text_documents_are_set_aside_and_the_rest_read(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b" \n\n")
    (folder / "b_latin1.txt").write_bytes(b"Fine line.\nCaf\xe9 owner spoke.\n")
    (folder / "c_good.txt").write_text("The ferry runs again.", encoding="utf-8")
    aside = []
    got = tasks(folder, on_invalid=lambda error, raw: aside.append((error.file, error.line, error.message, raw)))
    assert [t.text for t in got] == ["The ferry runs again."]
    assert [(file.rsplit("/", 1)[-1], line) for file, line, _, _ in aside] == [("a_empty.txt", None), ("b_latin1.txt", 2)]
    assert aside[0][2] == "the document is empty"
    assert aside[1][2].startswith("not valid UTF-8")
    assert "Caf\ufffd owner" in aside[1][3]


def test_skip_invalid_sets_bad_lines_aside_and_goes_on(tmp_path):
    path = write(tmp_path, "in.jsonl", b'{"text": "a"}\nnope\n{"text": 1}\n{"text": "b"}\n{"text": "c"')
    with RejectsFile(tmp_path / "out.jsonl") as rejects:
        good = tasks(path, on_invalid=rejects.add)
    assert [t.text for t in good] == ["a", "b"]
    lines = [json.loads(x) for x in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert [(r["line"], r["raw"]) for r in lines] == [(2, "nope"), (3, '{"text": 1}'), (5, '{"text": "c"')]
    assert all(r["file"] == str(path) and r["error"] for r in lines)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotator.core.records import RecordError  # noqa: E402

json_like = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "tokens", "spans", "relations", "meta", "start", "end", "token_start",
                         "token_end", "label", "head_span", "child_span", "id", "ws", "_input_hash"]),
        inner, max_size=6),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.binary(max_size=40), json_like.map(lambda v: json.dumps(v).encode())), max_size=6))
def test_any_bytes_give_tasks_or_a_located_error_never_a_crash(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines))
    try:
        for raw, task in read_tasks([path]):
            assert raw.line is not None and task.text.strip()
    except InputError as err:
        assert err.file == str(path) and err.line is not None
    except RecordError as err:  # pragma: no cover - read_tasks turns these into InputError
        raise AssertionError(f"unlocated error: {err}") from None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(json_like.map(lambda v: json.dumps({"text": "Some text here.", "spans": v, "relations": v}).encode())
                | st.binary(max_size=30), min_size=1, max_size=5))
def test_validate_reports_every_malformed_record_without_crashing(tmp_path, lines):
    from annotator.core.validation import validate_file

    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = validate_file(path)
    assert all(problem.line is not None for problem in report.problems)


def test_count_documents_for_a_progress_total(tmp_path):
    from annotator.core.sources import count_documents

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("One document.", encoding="utf-8")
    (folder / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}', encoding="utf-8")
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    single = tmp_path / "c.jsonl"
    single.write_text('{"text": "w"}\n', encoding="utf-8")
    assert count_documents([folder, single]) == 5
    assert count_documents([single, "-"]) is None
