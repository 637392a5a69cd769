"""What training reads: the newest accepted decision per document, imported task files, the dev split."""

import pytest

from annotator.core.errors import UserError
from annotator.core.sources import InputError
from annotator.training.data import load_training_data, read_documents, split_documents
from tests.training.generated import generated_tasks, write_decisions, write_tasks


def test_newest_decision_per_document_is_read_and_a_later_reject_hides_an_accept(tmp_path):
    tasks = generated_tasks(3)
    path = write_decisions(tmp_path / "a.jsonl", tasks, timestamp=1)
    write_decisions(path, tasks[:1], answer="reject", timestamp=2)
    documents, counts = read_documents([path])
    assert {t.input_hash for t in documents} == {t.input_hash for t in tasks[1:]}
    assert counts == {str(path): 2}


def test_imported_task_files_are_read_whole_and_a_later_source_replaces_an_earlier_document(tmp_path):
    tasks = generated_tasks(4, seed=1)
    imported = write_tasks(tmp_path / "imported.jsonl", tasks)
    edited = tasks[0]
    edited.spans = edited.spans[:3]
    edited.relations = []
    decisions = write_decisions(tmp_path / "decisions.jsonl", [edited])
    documents, _ = read_documents([imported, decisions])
    assert len(documents) == 4
    assert [len(t.spans) for t in documents if t.input_hash == edited.input_hash] == [3]


def test_a_task_file_without_any_quote_is_refused_with_its_name(tmp_path):
    path = tmp_path / "raw.jsonl"
    path.write_text('{"text": "Nothing was annotated here."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"raw\.jsonl: no QUOTE spans"):
        read_documents([path])


def test_a_broken_line_is_reported_by_file_and_line(tmp_path):
    path = write_decisions(tmp_path / "a.jsonl", generated_tasks(2))
    with path.open("a") as out:
        out.write("{not json\n")
    with pytest.raises(InputError, match=r"a.jsonl:3: "):
        read_documents([path])


def test_dev_split_is_seeded_by_document_and_never_empty():
    tasks = generated_tasks(12, seed=2)
    train, dev = split_documents(tasks, fraction=0.1, seed=0)
    _again_train, again_dev = split_documents(list(reversed(tasks)), fraction=0.1, seed=0)
    assert [t.input_hash for t in dev] == [t.input_hash for t in again_dev]
    assert len(dev) == 1 and len(train) == 11
    assert not {t.input_hash for t in dev} & {t.input_hash for t in train}


def test_dev_file_documents_are_kept_out_of_training(tmp_path):
    tasks = generated_tasks(6, seed=3)
    path = write_decisions(tmp_path / "all.jsonl", tasks)
    dev_path = write_decisions(tmp_path / "dev.jsonl", tasks[:2])
    data = load_training_data(sources=[path], dev_file=dev_path)
    assert len(data.train) == 4 and len(data.dev) == 2


def test_one_document_cannot_be_split():
    with pytest.raises(UserError, match="cannot be split"):
        split_documents(generated_tasks(1), fraction=0.1, seed=0)
