"""``annotator review`` reports a clash of supplied hashes before the screen opens, naming file and line."""

from __future__ import annotations

from annotator.cli.review import review_decisions
from tests.formats.test_hash_clashes import TEXTS, write_clashing


def test_review_warns_of_a_hash_clash_and_reviews_both_texts(tmp_path, monkeypatch, capsys):
    alice = write_clashing(tmp_path / "alice.jsonl", texts=TEXTS[:2])
    opened = []

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            pass

    def create_review_app(decisions, output, **options):
        opened.append(decisions)
        return FakeApp()

    monkeypatch.setattr("annotator.tui.app.create_review_app", create_review_app)
    review_decisions(sources=[alice], output=tmp_path / "gold.jsonl", reviewer="lena")
    err = capsys.readouterr().err
    assert err.startswith(f"warning: {alice}:2: _input_hash 42 is also carried by a different text ({alice}:1)")
    [decisions] = opened
    assert len(decisions.documents) == 2
