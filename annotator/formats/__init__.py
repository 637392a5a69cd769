"""The format registry: every format other tools read or write, one module each, both directions.

Adding a format is a module defining ``FORMAT`` (an ``annotator.formats.format.Format``: its
exporter, its importer where it has one, its options type) and one line in ``REGISTRY``. The
command line takes ``annotator export --format NAME`` and ``annotator import NAME`` from here.
Which directions a format has is written in its line, so listing names never imports spaCy.
No Textual here: an import-linter contract and a test keep this layer usable from scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from annotator.core.errors import UserError

if TYPE_CHECKING:
    from annotator.formats.format import Format


@dataclass(frozen=True)
class Entry:
    module: str
    exports: bool = True
    imports: bool = True


#: name → the module that defines the format, and which ways it goes.
REGISTRY: dict[str, Entry] = {
    "spacy": Entry("annotator.formats.spacy", imports=False),
    "prodigy": Entry("annotator.formats.prodigy"),
    "conll": Entry("annotator.formats.conll", imports=False),
    "hf": Entry("annotator.formats.hf", imports=False),
    "brat": Entry("annotator.formats.brat"),
    "doccano": Entry("annotator.formats.doccano"),
    "labelstudio": Entry("annotator.formats.labelstudio"),
}


class UnknownFormatError(UserError):
    """A format name the registry does not hold (or one that does not go the way asked)."""


def export_names() -> list[str]:
    return [name for name, entry in REGISTRY.items() if entry.exports]


def import_names() -> list[str]:
    return [name for name, entry in REGISTRY.items() if entry.imports]


def get_format(name: str, *, exporting: bool | None = None) -> Format:
    """The format called ``name``; with ``exporting`` True/False, one that goes that way."""
    entry = REGISTRY.get(name)
    way = {True: "export", False: "import", None: "format"}[exporting]
    if entry is None or (exporting is True and not entry.exports) or (exporting is False and not entry.imports):
        names = export_names() if exporting else import_names() if exporting is False else list(REGISTRY)
        raise UnknownFormatError(f"unknown {way} format {name!r}; choose from {', '.join(names)}")
    return import_module(entry.module).FORMAT
