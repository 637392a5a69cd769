"""``bench/model_tables.py`` on texts written here: the model's attributes with its ruler and
lemmatizer as tables are the stock ones, and it skips without a corpus."""

from __future__ import annotations

import pytest

from tests import bench_scripts

DOCUMENTS = {
    "one": ("The harbour master said the ferries wouldn't sail until the storm had passed.\n", ""),
    "two": ("\u201cWe ain't nothin' without the night shift,\u201d the foreman told y'all on Friday.\n", ""),
}


def test_bench_model_tables_without_a_corpus_skips_cleanly(tmp_path):
    bench_scripts.assert_skips_without_corpus("model_tables.py", tmp_path)


@pytest.mark.model
def test_bench_model_tables_finds_no_token_that_differs(tmp_path):
    bench_scripts.write_brat_train(tmp_path, DOCUMENTS)

    result = bench_scripts.run_bench("model_tables.py", str(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "texts: 2; Docs that differ: 0; tokens that differ: 0 of " in result.stdout
    assert "attribute_ruler CPU per text: stock " in result.stdout
    assert "lemmatizer CPU per text: stock " in result.stdout
