"""CoNLL export: document text cannot fake a document boundary or put a control character in the file,
and what is written still reads in spaCy's converter and the CoNLL-2003 loaders' way."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest
import spacy
from spacy.tokens import DocBin

from annotator.formats.conll import DOCSTART, escape_cell, unescape_cell
from annotator.formats.exporting import export_annotations
from tests.formats.records_by_hand import decision, make_task

# Tokens a document may hold that look like layout: a boundary, NUL, ESC sequences, a C1 CSI,
# a zero-width space and a right-to-left override, a tag character, and backslashes.
HOSTILE = "He wrote -DOCSTART- -X- O O and a\x00b then \x1b]0;t\x07 \x9b31m zero\u200bwidth \u202eevil " \
          "\U000e0041tag C:\\new \\u0000 done."
PLAIN = "Ana Lopez said yes."


def write_decisions(path, texts):
    tasks = [make_task(text, [("PERSON", "Ana Lopez")] if "Ana Lopez" in text else []) for text in texts]
    lines = [json.dumps(decision(t, "accept", "alice", 1_700_000_000 + i).to_dict(), ensure_ascii=False)
             for i, t in enumerate(tasks)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tasks


def conll2003_documents(text: str) -> list[list[list[str]]]:
    """The CoNLL-2003 loaders' reading rule (Hugging Face's conll2003 builder, flair, NLTK's
    ConllCorpusReader): a line starting with -DOCSTART- starts a document, a blank line ends a sentence."""
    documents: list[list[list[str]]] = []
    sentence: list[str] = []
    for line in text.split("\n"):
        if line.startswith(DOCSTART):
            documents.append([])
        elif line == "":
            if sentence:
                documents[-1].append(sentence)
            sentence = []
        else:
            sentence.append(line.split(" ")[0])
    return documents


@pytest.mark.parametrize("columns", [("ner",), ("ner", "quote", "speaker")])
def test_a_docstart_token_in_a_document_is_not_a_document_boundary(tmp_path, columns):
    source = tmp_path / "in.jsonl"
    tasks = write_decisions(source, [PLAIN, HOSTILE, PLAIN.replace("yes", "no")])
    out = tmp_path / "out.conll"
    export_annotations(sources=[source], format="conll", output=out, options={"columns": columns})
    written = out.read_text(encoding="utf-8")
    documents = conll2003_documents(written)
    assert len(documents) == 3
    tokens = [unescape_cell(token) for sentence in documents[1] for token in sentence]
    spacy_tokens = [t.text for t in spacy.blank("en").make_doc(tasks[1].text) if not t.is_space]
    assert tokens == spacy_tokens
    assert DOCSTART in tokens  # kept as the document's own token, escaped on disk


def test_control_and_format_characters_are_never_written_raw(tmp_path):
    source = tmp_path / "in.jsonl"
    write_decisions(source, [HOSTILE])
    out = tmp_path / "out.conll"
    export_annotations(sources=[source], format="conll", output=out)
    text = out.read_text(encoding="utf-8")
    raw = [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]
    assert raw == []
    for escaped in ("a\\u0000b", "\\u001b]0;t\\u0007", "\\u009b31", "zero\\u200bwidth", "\\u202eevil",
                    "\\U000e0041tag", "C:\\\\new", "\\\\u0000"):
        assert f"\n{escaped} _ _ O\n" in text


def test_spacy_convert_splits_documents_only_at_our_boundaries(tmp_path):
    source = tmp_path / "in.jsonl"
    tasks = write_decisions(source, [PLAIN, HOSTILE, PLAIN.replace("yes", "no")])
    out = tmp_path / "quotes.conll"
    export_annotations(sources=[source], format="conll", output=out)
    result = subprocess.run([sys.executable, "-m", "spacy", "convert", str(out), str(tmp_path), "-c", "ner"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    docs = list(DocBin().from_disk(tmp_path / "quotes.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) == 3
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Ana Lopez", "PERSON")]
    hostile = [unescape_cell(t.text) for t in docs[1]]
    assert hostile == [t.text for t in spacy.blank("en").make_doc(tasks[1].text) if not t.is_space]


@pytest.mark.parametrize("token", ["-DOCSTART-", "-DOCSTART--X-", "\\-DOCSTART-", "a\x00b", "\x1b[2J", "\x9b",
                                   "\u200d", "\ufeff", "\ud800", "\\", "\\\\", "\\u0041", "\\U0001f600", "café",
                                   "😀", "\u0600x", "plain"])
def test_escape_is_reversible_and_printable(token):
    cell = escape_cell(token)
    assert unescape_cell(cell) == token
    assert cell.isprintable() and not cell.startswith(DOCSTART)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in cell)


def test_whitespace_in_a_token_or_a_label_becomes_underscore():
    assert escape_cell("B-MY LABEL") == "B-MY_LABEL"
    assert escape_cell("a\tb\u2028c\x85d") == "a_b_c_d"
