"""``prelabel --engine dask``: part files on a LocalCluster, resume, contained failures, retried partitions."""

import json

import pytest

distributed = pytest.importorskip("distributed")

from typer.testing import CliRunner  # noqa: E402

from annotator.cli import app  # noqa: E402
from annotator.core.records import Task  # noqa: E402
from annotator.nlp import pipeline  # noqa: E402
from annotator.nlp.coref import SpeakerResolver  # noqa: E402
from annotator.nlp.engines import PrelabelJob  # noqa: E402
from annotator.nlp.engines.dask_engine import run_dask, write_part  # noqa: E402
from tests.conftest import assert_valid_record  # noqa: E402

pytestmark = pytest.mark.model

SPEAKERS = ["Angela Merkel", "Tim Cook", "Ana Lopez", "Mark Hollis", "the mayor", "a spokesman"]
CLAIMS = ["we will not back down", "the plan is sound", "taxes will rise", "the vote is rigged",
          "Apple will build a campus in Texas", "the bridge opens on Friday"]


def made_up_texts(count):
    """Short news-like sentences written for these tests, each one different."""
    forms = ['"{claim}," said {who}.', "{who} told reporters that {claim}, in Paris on day {n}.",
             '{who} said: "{claim}."', "According to {who}, {claim}."]
    return [forms[n % 4].format(claim=CLAIMS[n % 6].capitalize() if n % 4 in (0, 2) else CLAIMS[n % 6],
                                who=SPEAKERS[(n // 6) % 6], n=n) + f" Story {n}."
            for n in range(count)]


def write_jsonl(path, texts):
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")


def read_parts(folder):
    records = []
    for part in sorted(folder.glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert_valid_record(record)
            records.append(record)
    return records


@pytest.fixture
def client(monkeypatch, nlp_model):
    """One in-process worker sharing the session's model (fast on 2 cores)."""
    monkeypatch.setattr("annotator.nlp.pipeline.load_pipeline", lambda model=None: nlp_model)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def job(inputs, output, **options):
    return PrelabelJob(inputs=inputs, output=output, batch_size=4, **options)


def test_dask_writes_part_files_equal_to_local_records_and_resumes(tmp_path, client, nlp_model):
    texts = made_up_texts(30)
    source = tmp_path / "in.jsonl"
    write_jsonl(source, texts[:20])
    out = tmp_path / "parts"
    summary = run_dask(job([source], out, partitions=3), client=client)
    assert summary.written == 20 and summary.skipped == 0
    assert sorted(p.name for p in out.glob("part-*.jsonl")) == ["part-00000.jsonl", "part-00001.jsonl",
                                                                  "part-00002.jsonl"]
    local = {t.input_hash: t.to_dict() for t in pipeline.prelabel(nlp_model, [Task(text=t) for t in texts])}
    first = read_parts(out)
    assert [r["text"] for r in first] == texts[:20]
    for record in first:
        assert record == local[record["_input_hash"]]

    write_jsonl(source, texts)
    summary = run_dask(job([source], out, partitions=2), client=client)
    assert (summary.written, summary.skipped) == (10, 20)
    assert len(list(out.glob("part-*.jsonl"))) == 5
    records = read_parts(out)
    assert [r["text"] for r in records] == texts
    assert run_dask(job([source], out), client=client).written == 0


def test_dask_contains_a_failing_document(tmp_path, client, monkeypatch):
    real = SpeakerResolver.__call__

    def failing(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("no speaker here")
        return real(self, doc)

    monkeypatch.setattr(SpeakerResolver, "__call__", failing)
    texts = made_up_texts(6)
    texts[2] += " BOOM"
    source = tmp_path / "in.jsonl"
    write_jsonl(source, texts)
    summary = run_dask(job([source], tmp_path / "parts", partitions=2), client=client)
    assert (summary.written, summary.errors) == (6, 1)
    records = read_parts(tmp_path / "parts")
    assert [r["text"] for r in records] == texts
    assert records[2]["meta"]["prelabel_errors"] == [
        {"component": "annotator_coref", "error": "ValueError: no speaker here"}]
    assert all("prelabel_errors" not in r["meta"] for i, r in enumerate(records) if i != 2)


def test_dask_retried_partition_is_written_once(tmp_path, client, monkeypatch):
    real = pipeline.prelabel_batch
    calls = []

    def flaky(nlp, batch):
        calls.append(batch[0].text)
        if calls.count(batch[0].text) == 1 and "Story 4." in batch[0].text:
            raise ConnectionError("worker lost")
        return real(nlp, batch)

    monkeypatch.setattr(pipeline, "prelabel_batch", flaky)
    texts = made_up_texts(8)
    source = tmp_path / "in.jsonl"
    write_jsonl(source, texts)
    out = tmp_path / "parts"
    out.mkdir()
    (out / ".part-00000.jsonl.tmp").write_text('{"text": "left by a run that stopped"}\n')
    summary = run_dask(job([source], out, partitions=2), client=client)
    assert summary.written == 8
    assert calls.count(texts[4]) == 2  # the second partition ran twice
    assert [r["text"] for r in read_parts(out)] == texts
    assert not list(out.glob(".part-*"))


def test_write_part_replaces_a_part_whole(tmp_path):
    tasks = [Task(text=t) for t in made_up_texts(3)]
    write_part(tmp_path, 7, tasks)
    write_part(tmp_path, 7, tasks)  # a partition written again (e.g. by a retried run)
    assert [r["text"] for r in read_parts(tmp_path)] == [t.text for t in tasks]
    assert [p.name for p in tmp_path.iterdir()] == ["part-00007.jsonl"]


def test_prelabel_command_dask_on_two_worker_processes_matches_local(tmp_path, nlp_model):
    """A few hundred documents on a 2-process LocalCluster give the local path's records; the
    part folder is then read as one source by the other commands."""
    texts = made_up_texts(240)
    source = tmp_path / "in.jsonl"
    write_jsonl(source, texts)
    out = tmp_path / "parts"
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(out), "--engine", "dask",
                                      "--n-process", "2", "--partitions", "4"])
    assert result.exit_code == 0, result.output
    assert "240 written" in result.output
    local = {t.input_hash: t.to_dict() for t in pipeline.prelabel(nlp_model, [Task(text=t) for t in texts])}
    records = read_parts(out)
    assert len(records) == 240
    for record in records:
        assert record == local[record["_input_hash"]]
    validated = CliRunner().invoke(app, ["validate", str(out)])
    assert validated.exit_code == 0, validated.output
    again = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(out), "--engine", "dask"])
    assert again.exit_code == 0 and "0 written, 240 already in" in again.output, again.output


def test_prelabel_command_dask_refuses_a_file_as_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("")
    source = tmp_path / "in.jsonl"
    write_jsonl(source, ["It rained."])
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(out), "--engine", "dask"])
    assert result.exit_code == 2
    assert "output is a folder of part files" in result.output
    assert "Traceback" not in result.output


def test_prelabel_command_rejects_an_unknown_engine(tmp_path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, ["It rained."])
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(tmp_path / "o"), "--engine", "ray"])
    assert result.exit_code == 2
    assert "unknown engine 'ray'" in result.output


def test_local_engine_refuses_dask_options(tmp_path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, ["It rained."])
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(tmp_path / "o.jsonl"),
                                      "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "options of --engine dask" in result.output
