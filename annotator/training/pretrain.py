"""Pretraining the learned tagger's tok2vec on raw texts, as ``spacy pretrain`` does with its
characters objective (en_core_web_sm has no static vectors to predict): from its context, each
token's vector learns to predict the first and last four characters of its word. It starts from the
weights the tagger would start from (the base model's tok2vec) and writes the weights ``train``
starts the tagger from instead (spaCy's ``[initialize] init_tok2vec``).
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.batchers import minibatch_by_words
from spacy.training.pretrain import make_update
from spacy.util import registry
from thinc.api import Adam, fix_random_seed, set_dropout_rate

from annotator.core.atomic import AtomicFile
from annotator.core.errors import UserError
from annotator.core.sources import read_tasks
from annotator.training.settings import PassCallback
from annotator.training.span_pipeline import build_pipeline, initialize_tagger, tagger_tok2vec

#: ``spacy pretrain``'s defaults (spaCy's ``default_config_pretraining.cfg``): the characters
#: objective, its dropout, batches of 3,000 words, Adam with weight decay and averaged weights.
OBJECTIVE = {"maxout_pieces": 3, "hidden_size": 300, "n_characters": 4}
DROPOUT = 0.2
BATCH_WORDS = 3000
#: spaCy's corpus reader for pretraining keeps documents of 5 to 500 tokens; ours are paragraphs
#: (the tagger reads one paragraph at a time), cut at 500 tokens.
MIN_TOKENS = 5
MAX_TOKENS = 500


@dataclass(frozen=True)
class PretrainResult:
    """What a pretraining run did; ``weights`` is the tok2vec (averaged weights, as spaCy saves them)."""

    weights: bytes
    texts: int
    paragraphs: int
    words: int
    #: passes over the paragraphs, the last one perhaps cut short by the time limit
    passes: float
    updates: int
    minutes: float
    #: the objective's loss per word over the first and over the last pass
    first_loss: float
    last_loss: float

    def to_dict(self) -> dict[str, float | int]:
        return {"texts": self.texts, "paragraphs": self.paragraphs, "words": self.words,
                "passes": round(self.passes, 2), "updates": self.updates, "minutes": round(self.minutes, 2),
                "first_loss_per_word": round(self.first_loss, 4), "last_loss_per_word": round(self.last_loss, 4)}


def read_texts(sources: Sequence[str | Path]) -> list[str]:
    """The texts of every source (a .txt file, a folder, JSONL of tasks or decisions, as ``prelabel``
    reads them); a source that holds no text is bad input, named."""
    texts = []
    for source in sources:
        found = [task.text for _, task in read_tasks([source]) if task.text.strip()]
        if not found:
            raise UserError(f"{source}: no text to pretrain on")
        texts += found
    return texts


def paragraphs(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """The texts' paragraphs as tokenised ``Doc``s, 5 to 500 tokens each."""
    docs = []
    for text in texts:
        for paragraph in text.split("\n"):
            if paragraph.strip():
                doc = nlp.make_doc(paragraph)
                if len(doc) >= MIN_TOKENS:
                    docs.append(doc[:MAX_TOKENS].as_doc() if len(doc) > MAX_TOKENS else doc)
    return docs


def pretrain_tok2vec(nlp: Language, texts: Sequence[str], *, max_minutes: float, max_passes: float = 1000,
                     seed: int = 0, on_pass: PassCallback | None = None) -> PretrainResult:
    """Pretrain the tagger's tok2vec in ``nlp`` (a pipeline ``build_pipeline`` made, tagger initialised)
    on ``texts`` until ``max_minutes`` or ``max_passes``; ``on_pass(pass, loss per word)`` after each pass."""
    started = time.monotonic()
    fix_random_seed(seed)
    tok2vec = tagger_tok2vec(nlp)
    docs = paragraphs(nlp, texts)
    if not docs:
        raise UserError(f"no paragraph of {MIN_TOKENS} or more words to pretrain on")
    start = tok2vec.to_bytes()
    model = registry.architectures.get("spacy.PretrainCharacters.v1")(**OBJECTIVE)(nlp.vocab, tok2vec)
    model.initialize(X=docs[:8])
    tok2vec.from_bytes(start)  # (initialising the objective drew the tok2vec's weights afresh)
    set_dropout_rate(model, DROPOUT)
    optimizer = Adam(learn_rate=0.001, beta1=0.9, beta2=0.999, L2=0.01, L2_is_weight_decay=True,
                     grad_clip=1.0, use_averages=True, eps=1e-8)
    objective = model.attrs["loss"]
    words = sum(len(doc) for doc in docs)
    rng = random.Random(seed)
    losses: list[float] = []
    updates = 0
    done_words = 0
    out_of_time = False
    while not out_of_time and done_words < max_passes * words:
        rng.shuffle(docs)
        loss = seen = 0.0
        for batch in minibatch_by_words(docs, size=BATCH_WORDS, tolerance=0.2, discard_oversize=False):
            loss += make_update(model, batch, optimizer, objective)
            seen += sum(len(doc) for doc in batch)
            updates += 1
            out_of_time = (time.monotonic() - started) / 60 >= max_minutes
            if out_of_time or done_words + seen >= max_passes * words:
                break
        done_words += int(seen)
        losses.append(loss / max(seen, 1))
        if on_pass is not None:
            on_pass(len(losses), losses[-1])
    with model.use_params(optimizer.averages):
        weights = tok2vec.to_bytes()
    return PretrainResult(weights=weights, texts=len(texts), paragraphs=len(docs), words=words,
                          passes=done_words / words, updates=updates, minutes=(time.monotonic() - started) / 60,
                          first_loss=losses[0], last_loss=losses[-1])


def tagger_pipeline(base: str | None, texts: Sequence[str]) -> Language:
    """The ``ner`` design's pipeline over ``base``, its tagger initialised (tok2vec from the base model's)
    from a few of ``texts``' paragraphs without spans: what pretraining starts from."""
    nlp = build_pipeline(base, "ner")
    initialize_tagger(nlp, [Example(doc, doc.copy()) for doc in paragraphs(nlp, texts[:4])])
    return nlp


def pretrain(texts: Sequence[str], *, base: str | None = None, max_minutes: float, max_passes: float = 1000,
             seed: int = 0, on_pass: PassCallback | None = None) -> PretrainResult:
    """Pretrain, on ``texts``, the tok2vec the ``ner`` design's tagger over ``base`` would start from."""
    return pretrain_tok2vec(tagger_pipeline(base, texts), texts, max_minutes=max_minutes, max_passes=max_passes,
                            seed=seed, on_pass=on_pass)


def kept_weights(folder: Path, sources: Sequence[str | Path], *, base: str | None, max_minutes: float,
                 seed: int = 0) -> Path:
    """The weights pretrained on ``sources``, kept in ``folder`` (``annotate --learn``'s model folder)
    so that only the first update pretrains: a file named for the sources (path, size, modification
    time), the base model and the time limit, written whole or not at all."""
    stamp = [base, max_minutes, seed]
    for source in sources:
        if not Path(source).exists():
            raise UserError(f"{source}: no such file or folder (--pretrain takes raw texts)")
        stat = Path(source).stat()
        stamp.append([str(Path(source).resolve()), stat.st_size, stat.st_mtime_ns])
    path = Path(folder) / f".pretrained-{hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:16]}.bin"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        result = pretrain(read_texts(sources), base=base, max_minutes=max_minutes, seed=seed)
        with AtomicFile(path) as out:
            out.write(result.weights)
    return path
