"""The ``spacy`` format: a ``DocBin`` (.spacy) file, written without holding the docs in memory.

Each doc is built by ``annotator.nlp.convert.task_to_doc``, so a ``.spacy`` file holds:

- entities in ``doc.ents`` (every token outside an entity is an explicit ``O``);
- quotes, speakers and cues in ``doc.spans["quotes"]``, ``doc.spans["speakers"]``, ``doc.spans["cues"]``;
- a quote's type (``direct``, ``indirect``, ``mixed``) in the custom attribute ``span._.quote_type``;
- relations in ``doc._.relations``: a list of ``(head_start, head_end, head_label, child_start,
  child_end, child_label, relation_label)`` tuples of character offsets, where the relation
  label is ``SAID_BY`` (QUOTE → SPEAKER), ``CUE`` (QUOTE → CUE) or ``COREF`` (SPEAKER → entity).

The last two live in ``doc.user_data`` (``store_user_data=True``); import ``annotator.nlp.convert``
before reading the file so the ``._.`` attributes are registered, or read ``doc.user_data`` directly.

``DocBin`` itself keeps every doc's arrays in memory until ``to_bytes()``; ``StreamingDocBin``
spills each doc's parts to temporary files as it goes and writes the same bytes
``DocBin.to_bytes()`` would, through a streaming compressor. Only the set of strings (the
vocabulary) stays in memory.
"""

from __future__ import annotations

import json
import struct
import tempfile
import zlib
from importlib import resources
from pathlib import Path
from dataclasses import dataclass
from typing import IO, Any, Iterable, Iterator

import numpy
import srsly
from spacy.attrs import SPACY
from spacy.tokens import Doc, DocBin
from spacy.tokens._dict_proxies import SpanGroups
from spacy.vocab import Vocab

from annotator.core.records import RELATION_LABELS, Task
from annotator.formats.format import ExportContext, Exporter, Format, FormatOptions
from annotator.formats.split import ALL
from annotator.nlp.convert import SPAN_GROUPS, doc_to_task

#: The span group spaCy's spancat trains on (its default key): all quotes, speakers and cues.
TRAINING_SPANS_KEY = "sc"
#: The same spans for span_finder, which learns their starts and ends and writes its proposals
#: there: a key of its own, since each component overwrites the group it writes.
CANDIDATES_KEY = "span_candidates"

#: Token attributes stored per token besides the words and spaces: only what we annotate.
DOCBIN_ATTRS = ("ENT_IOB", "ENT_TYPE")
_COPY_CHUNK = 1 << 20
_EMPTY_SPAN_GROUPS = SpanGroups._EMPTY_BYTES
#: One packer for every doc: ``srsly.msgpack_dumps`` builds a new one per call and each looks up
#: the registered encoders through the installed packages' entry points, which costs ~1 ms.
_pack = srsly.msgpack.Packer(use_bin_type=True).pack


def span_groups_bytes(doc: Doc) -> bytes:
    """``doc.spans.to_bytes()``, with the shared packer (same bytes, a fraction of the time)."""
    if not doc.spans:
        return _EMPTY_SPAN_GROUPS
    message: dict[bytes, list[str]] = {}
    for key, group in doc.spans.items():
        spans = [struct.pack(">QQQllll", span.id, span.kb_id, span.label, span.start, span.end,
                             span.start_char, span.end_char) for span in group]
        packed = _pack({"name": group.name, "attrs": group.attrs, "spans": spans})
        message.setdefault(packed, []).append(key)
    return _pack(message)


class StreamingDocBin:
    """A ``DocBin`` that spills to temporary files; ``write_to`` emits the compressed ``.spacy`` bytes."""

    _LISTS = ("cats", "flags", "span_groups", "user_data")

    def __init__(self, *, attrs: Iterable[str] = DOCBIN_ATTRS, store_user_data: bool = True,
                 spill_dir: str | Path | None = None) -> None:
        # Let DocBin decide the attribute order and version so the bytes match its own.
        reference = DocBin(attrs=list(attrs), store_user_data=store_user_data)
        self.attrs: list[int] = reference.attrs
        self.version = reference.version
        self.store_user_data = store_user_data
        self.strings: set[str] = set()
        self.count = 0
        self._tokens = tempfile.TemporaryFile(dir=spill_dir)
        self._spaces = tempfile.TemporaryFile(dir=spill_dir)
        self._lengths = tempfile.TemporaryFile(dir=spill_dir)
        self._lists = {name: tempfile.TemporaryFile(dir=spill_dir) for name in self._LISTS}

    def __len__(self) -> int:
        return self.count

    def add(self, doc: Doc) -> None:
        """Add a doc exactly as ``DocBin.add`` would, but to disk."""
        array = doc.to_array(self.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        self._tokens.write(numpy.ascontiguousarray(array, dtype="uint64").tobytes("C"))
        self._spaces.write(numpy.asarray(doc.to_array(SPACY), dtype=bool).tobytes("C"))
        self._lengths.write(struct.pack("<i", len(doc)))
        lists = self._lists
        lists["flags"].write(_pack({"has_unknown_spaces": doc.has_unknown_spaces}))
        lists["cats"].write(_pack(doc.cats))
        if self.store_user_data:
            lists["user_data"].write(_pack(_pack(doc.user_data)))
        lists["span_groups"].write(_pack(span_groups_bytes(doc)))
        strings = self.strings
        for token in doc:
            # The same strings DocBin.add keeps, so the files are identical.
            strings.update((token.text, token.tag_, token.lemma_, token.norm_, str(token.morph),
                            token.dep_, token.ent_type_, token.ent_kb_id_, token.ent_id_))
        vocab_strings = doc.vocab.strings
        for group in doc.spans.values():
            for span in group:
                strings.add(span.label_)
                if span.kb_id in vocab_strings:
                    strings.add(span.kb_id_)
                if span.id in vocab_strings:
                    strings.add(span.id_)
        self.count += 1

    def write_to(self, out: IO[bytes]) -> None:
        """Write the ``.spacy`` file: zlib-compressed msgpack, in ``DocBin.to_bytes()``'s key order."""
        compressor = zlib.compressobj()

        def emit(data: bytes) -> None:
            out.write(compressor.compress(data))

        def emit_spill(spill: IO[bytes]) -> None:
            spill.seek(0)
            while chunk := spill.read(_COPY_CHUNK):
                emit(chunk)

        def emit_bin(spill: IO[bytes]) -> None:
            spill.seek(0, 2)
            emit(_bin_header(spill.tell()))
            emit_spill(spill)

        keys = 9 + (1 if self.store_user_data else 0)
        emit(bytes([0x80 | keys]))
        emit(_pack("version") + _pack(self.version))
        emit(_pack("attrs") + _pack(self.attrs))
        for name, spill in (("tokens", self._tokens), ("spaces", self._spaces), ("lengths", self._lengths)):
            emit(_pack(name))
            emit_bin(spill)
        emit(_pack("strings") + _array_header(len(self.strings)))
        for string in sorted(self.strings):
            emit(_pack(string))
        for name in self._LISTS:
            if name == "user_data" and not self.store_user_data:
                continue
            emit(_pack(name) + _array_header(self.count))
            emit_spill(self._lists[name])
        out.write(compressor.flush())

    def close(self) -> None:
        for spill in (self._tokens, self._spaces, self._lengths, *self._lists.values()):
            spill.close()


class SpacyWriter:
    """Adds each decision's doc to a streaming DocBin and writes it out at the end."""

    def __init__(self, out: IO[bytes], context: ExportContext | None = None, *,
                 spill_dir: str | Path | None = None) -> None:
        self._out = out
        if spill_dir is None and context is not None:
            spill_dir = context.output.parent
        self._bin = StreamingDocBin(spill_dir=spill_dir)

    def add(self, decision: Any, doc: Doc) -> None:
        add_training_views(doc)
        doc.cats.update(text_categories(decision.annotation))
        self._bin.add(doc)

    def finish(self) -> None:
        try:
            self._bin.write_to(self._out)
        finally:
            self._bin.close()

    def abandon(self) -> None:
        self._bin.close()


def text_categories(annotation: Any) -> dict[str, float]:
    """``doc.cats`` of a Prodigy text classification decision, as Prodigy's ``data-to-spacy`` reads it:
    a ``label`` is 1.0 if accepted, 0.0 if rejected; a choice's ``options`` are 1.0 if in ``accept``,
    else 0.0. An ignored decision, or one about spans, has none."""
    extra, answer = annotation.task.extra, annotation.answer
    if answer == "ignore" or annotation.task.spans:
        return {}
    options = extra.get("options")
    if isinstance(options, list):
        chosen = extra.get("accept") if isinstance(extra.get("accept"), list) else []
        ids = [str(o["id"]) for o in options if isinstance(o, dict) and "id" in o]
        if answer == "accept":
            return {option: float(option in map(str, chosen)) for option in ids}
        return {}
    label = extra.get("label")
    if isinstance(label, str):
        return {label: 1.0 if answer == "accept" else 0.0}
    return {}


def add_training_views(doc: Doc) -> None:
    """What spaCy's trainable components read, beside our own groups and relations.

    ``doc.spans["sc"]``: every quote, speaker and cue (spancat's key), and the same spans in
    ``doc.spans["span_candidates"]`` (span_finder's);
    ``doc._.rel``: relations as spaCy's relation-extraction tutorial keeps them, ``{(head start token,
    child start token): {label: 1.0 or 0.0 for every relation label}}``.
    """
    doc.spans[TRAINING_SPANS_KEY] = [span for group in SPAN_GROUPS.values() for span in doc.spans.get(group, ())]
    doc.spans[CANDIDATES_KEY] = list(doc.spans[TRAINING_SPANS_KEY])
    by_offsets = {(span.start_char, span.end_char): span for group in SPAN_GROUPS.values()
                  for span in doc.spans.get(group, ())}
    by_offsets.update({(ent.start_char, ent.end_char): ent for ent in doc.ents})
    rel: dict[tuple[int, int], dict[str, float]] = {}
    for head_start, head_end, _, child_start, child_end, _, label in doc._.relations or ():
        head, child = by_offsets.get((head_start, head_end)), by_offsets.get((child_start, child_end))
        if head is None or child is None:
            continue
        scores = rel.setdefault((head.start, child.start), dict.fromkeys(RELATION_LABELS, 0.0))
        scores[label] = 1.0
    doc.user_data[("._.", "rel", None, None)] = rel


def config_paths(context: ExportContext) -> list[Path]:
    return [context.options.config] if context.options.config else []


def config_file(context: ExportContext, counts: dict[str, int]) -> dict[Path, bytes]:
    """``--config OUT.cfg``: the training config, with ``[paths]`` pointing at the files written."""
    if not context.options.config:
        return {}
    paths = context.paths
    train = paths.get("train", paths.get(ALL))
    dev = paths.get("dev")
    text = training_config(train, dev or train)
    if dev is None:
        text = ("# No --split: dev is the training file, so scores during training are on data the model\n"
                "# learns from. Export with --split 0.8,0.1,0.1 for a held-out dev set.\n") + text
    return {context.options.config: text.encode("utf-8")}


def training_config(train: Path | None, dev: Path | None) -> str:
    """The shipped ``spacy_quotes.cfg`` with its train and dev paths filled in, absolute: spaCy reads
    them from the folder it runs in, which need not be the one ``export`` ran in."""
    text = resources.files("annotator").joinpath("formats", "spacy_quotes.cfg").read_text("utf-8")
    for name, path in (("train", train), ("dev", dev)):
        if path is not None:
            text = text.replace(f"\n{name} = null\n", f"\n{name} = {json.dumps(str(Path(path).absolute()))}\n", 1)
    return text


@dataclass(frozen=True)
class SpacyOptions(FormatOptions):
    #: export: also write a training config here (``--config``), its paths set to the files written
    config: Path | str | None = None

    def __post_init__(self) -> None:
        if self.config is not None:
            object.__setattr__(self, "config", Path(self.config))


def config_notices(options: SpacyOptions, split: bool) -> list[str]:
    if options.config is not None and not split:
        return [f"{options.config}: no --split, so the config's dev set is the training file (scores while "
                "training are on data the model learns from)"]
    return []


FORMAT = Format(name="spacy", summary="spaCy DocBin (.spacy) and, with --config, a training config",
                options=SpacyOptions,
                exporter=Exporter(writer=SpacyWriter, needs_doc=True, extra_paths=config_paths,
                                  extra_files=config_file, notices=config_notices))


def read_docbin(path: str | Path, vocab: Vocab | None = None) -> Iterator[Doc]:
    """The docs of a ``.spacy`` file (which spaCy loads whole), with our span and relation data."""
    doc_bin = DocBin(store_user_data=True).from_disk(path)
    return doc_bin.get_docs(vocab or Vocab())


def tasks_from_docbin(path: str | Path) -> Iterator[Task]:
    """Our records back from a ``.spacy`` file written by ``export --format spacy``."""
    for doc in read_docbin(path):
        yield doc_to_task(doc)


def _bin_header(size: int) -> bytes:
    if size < 1 << 8:
        return struct.pack(">BB", 0xC4, size)
    if size < 1 << 16:
        return struct.pack(">BH", 0xC5, size)
    return struct.pack(">BI", 0xC6, size)


def _array_header(count: int) -> bytes:
    if count < 16:
        return bytes([0x90 | count])
    if count < 1 << 16:
        return struct.pack(">BH", 0xDC, count)
    return struct.pack(">BI", 0xDD, count)
