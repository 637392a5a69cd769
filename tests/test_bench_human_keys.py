"""``bench/human_keys.py`` on a tiny brat corpus written here: a text read by three annotators is scored
one annotator against another in keys, the same way pre-labels are; a text read once is not counted."""

from __future__ import annotations

from tests import bench_scripts
from tests.formats.test_brat_import import TEXT, attribution_ann


def run_bench(*args: str):
    return bench_scripts.run_bench("human_keys.py", *args)


def test_bench_human_keys_without_the_corpus_skips_cleanly(tmp_path):
    bench_scripts.assert_skips_without_corpus("human_keys.py", tmp_path)


def write_corpus(root, annotations: dict[str, str], once: str | None = None):
    train = root / "data" / "train"
    (train / "text").mkdir(parents=True)
    (train / "attributions").mkdir()
    (train / "text" / "budget.txt").write_text(TEXT, encoding="utf-8")
    for annotator, ann in annotations.items():
        (train / "attributions" / f"budget_{annotator}.ann").write_text(ann, encoding="utf-8")
    if once is not None:
        (train / "text" / "ferry.txt").write_text(once, encoding="utf-8")
        (train / "attributions" / "ferry_a1.ann").write_text("", encoding="utf-8")


def test_an_annotator_who_agrees_costs_no_keys_and_one_who_marked_nothing_costs_the_adds(tmp_path):
    # a1 (the first annotator, gold) and b2 mark both attributions; c3 marks none
    full = attribution_ann(TEXT)
    write_corpus(tmp_path, {"a1": full, "b2": full, "c3": ""}, once="The ferry left at noon.\n")

    result = run_bench(str(tmp_path))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 texts with 2 or more annotators (all of train; 3 annotations)"
    # against a1 (four quotes: the first attribution is two pieces): b2 costs 0, c3 adds the four (4 x 8): the mean is 16
    assert lines[1].startswith("another annotator → the first annotator's labels (bench/corpus.py's gold) (2 pairs): "
                               "keys per article 16.0, median of texts 16.0 (add 2.0, delete 0.0, speaker 0.0 per pair); attributed F1 all 0.667 (P 1.000, R 0.500)")
    # every ordered pair: a1 and b2 cost each other 0; against a1 or b2 c3 costs 32; against c3 (no quotes)
    # a1 and b2 cost four deletes each (12): (32 + 32 + 12 + 12) / 6
    assert lines[2].startswith("another annotator → an annotator's labels, every ordered pair (6 pairs): "
                               "keys per article 14.7")


def test_a_dump_without_these_texts_is_refused(tmp_path):
    full = attribution_ann(TEXT)
    write_corpus(tmp_path, {"a1": full, "b2": full})
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "predicted.jsonl").write_text('{"text": "Another text."}\n', encoding="utf-8")

    result = run_bench(str(tmp_path), "--dump", str(dump))

    assert result.returncode == 2
    assert "1 of these texts have no predictions" in result.stderr
