"""An export is ready to train on: spaCy's own ``debug config``, ``debug data`` and ``train`` accept it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import spacy

from annotator.formats.exporting import Split, export_annotations
from tests.formats.records_by_hand import decision, make_task

NAMES = ["Ana Lopez", "Tom Reed", "Jo Park", "Sam Reid", "Lena Ortiz", "Owen Hale", "Priya Nair", "Ivan Petrov",
         "Maria Costa", "Ben Carter", "Rosa Diaz", "Omar Aziz"]
CITIES = ["Leeds", "Dundee", "Lyon", "Porto", "Graz", "Turin", "Cork", "Bergen", "Malmo", "Gdansk", "Ghent",
          "Basel", "Tartu", "Split"]
CLAUSES = ["We will rebuild the bridge", "The budget is too small", "Nobody told us about the plan",
           "The school will open in the spring after the long repairs are finished at last"]


def training_decisions(count: int = 160):
    """Decisions written here from templates: a long direct quote, its cue and speaker, two entities."""
    out = []
    for i in range(count):
        # Every (name, city) pair once: spaCy counts distinct documents.
        name, city = NAMES[i % len(NAMES)], CITIES[i // len(NAMES) % len(CITIES)]
        clause = CLAUSES[i % len(CLAUSES)]
        text = f'"{clause}," said {name} in {city}.'
        task = make_task(text, [("QUOTE:direct", f'"{clause},"'), ("CUE", "said"), ("SPEAKER", name),
                                ("PERSON", name), ("GPE", city)],
                         [(0, 2, "SAID_BY"), (0, 1, "CUE")])
        out.append(decision(task, "accept", "alice", 1_700_000_000 + i))
    return out


def spacy_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "spacy", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_exported_config_passes_spacy_debug_and_a_few_training_steps(tmp_path, monkeypatch):
    source = tmp_path / "annotations.jsonl"
    source.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in training_decisions()), encoding="utf-8")
    config = tmp_path / "quotes.cfg"
    # Export with paths relative to the folder it runs in; spaCy then runs from another folder.
    monkeypatch.chdir(tmp_path)
    report = export_annotations(sources=[source], format="spacy", output=Path("quotes.spacy"),
                                split=Split.parse("0.8,0.2", seed=0), options={"config": Path("quotes.cfg")})
    assert Path("quotes.cfg") in report.extra_files
    assert f'train = "{tmp_path / "quotes.train.spacy"}"' in config.read_text(encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    checked = spacy_cli("debug", "config", str(config))
    assert checked.returncode == 0, checked.stdout[-2000:] + checked.stderr[-2000:]
    data = spacy_cli("debug", "data", str(config), cwd=elsewhere)
    assert data.returncode == 0, data.stdout[-3000:]
    assert "QUOTE" in data.stdout and "No entities crossing sentence boundaries" in data.stdout

    trained = spacy_cli("train", str(config), "--output", str(tmp_path / "model"),
                        "--training.max_steps", "60", "--training.eval_frequency", "30", cwd=elsewhere)
    assert trained.returncode == 0, trained.stdout[-2000:] + trained.stderr[-2000:]
    header = next(line for line in trained.stdout.splitlines() if "ENTS_F" in line)
    # One spans column per key we train, none for a key nothing fills.
    assert "SPANS_SC_F" in header and "SPANS_QUOTES_F" not in header
    # The config learns: after 60 steps every component scores above where it started. Columns:
    # epoch, step, 4 losses, ENTS_F/P/R, SPANS_SC_F/P/R, span_finder's F/P/R, SCORE.
    rows = [[float(cell) for cell in line.split()] for line in trained.stdout.splitlines()
            if len(line.split()) == 16 and line.split()[0].isdigit()]
    first, last = rows[0], rows[-1]
    assert last[1] == 60
    assert last[6] > first[6] and last[9] > first[9] and last[12] > first[12] > 0, trained.stdout[-2500:]
    assert last[15] >= 0.5
    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner", "span_finder", "spancat"]
    assert {"PERSON", "GPE"} <= set(nlp.get_pipe("ner").labels)
    assert set(nlp.get_pipe("spancat").labels) == {"QUOTE", "SPEAKER", "CUE"}
    doc = nlp('"The roads are closed until Friday because of the flooding near the river," said Jo Park.')
    assert "sc" in doc.spans


def test_exported_docs_carry_the_sc_group_and_the_tutorial_relations(tmp_path):
    from annotator.formats.spacy import read_docbin

    source = tmp_path / "annotations.jsonl"
    source.write_text(json.dumps(training_decisions(1)[0].to_dict()) + "\n", encoding="utf-8")
    export_annotations(sources=[source], format="spacy", output=tmp_path / "q.spacy")
    doc = next(read_docbin(tmp_path / "q.spacy"))
    assert sorted(s.label_ for s in doc.spans["sc"]) == ["CUE", "QUOTE", "SPEAKER"]
    rel = doc.user_data[("._.", "rel", None, None)]
    said = {key: max(scores, key=scores.get) for key, scores in rel.items()}
    quote = next(s for s in doc.spans["sc"] if s.label_ == "QUOTE")
    speaker = next(s for s in doc.spans["sc"] if s.label_ == "SPEAKER")
    assert said[(quote.start, speaker.start)] == "SAID_BY"
    assert set(rel[(quote.start, speaker.start)]) == {"SAID_BY", "CUE", "COREF"}



def test_a_config_without_split_says_dev_is_the_training_file(tmp_path):
    source = tmp_path / "annotations.jsonl"
    source.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in training_decisions(3)), encoding="utf-8")
    notices = []
    export_annotations(sources=[source], format="spacy", output=tmp_path / "q.spacy", options={"config": tmp_path / "q.cfg"},
                       on_notice=notices.append)
    assert "no --split, so the config's dev set is the training file" in str(notices[0])
    config = (tmp_path / "q.cfg").read_text(encoding="utf-8")
    assert config.startswith("# No --split: dev is the training file")
    assert f'dev = "{tmp_path / "q.spacy"}"' in config
