"""The lexicon's default word lists, read once from the plain-text files of ``annotator/nlp/words/``
(shipped as package data) and handed out as tuples, frozensets and tables.

The format, one file per module that binds the lists (``cue_words.txt`` for ``cue_words``, ...):

- ``[NAME]`` starts the list ``NAME`` (a name is unique across the files);
- every other line that is not blank is one entry, its own white space trimmed (``new zealander``
  is one entry of two words);
- a line whose first character other than white space is ``#`` is a comment: the reasons for a
  list and its words stand next to them;
- ``@OTHER`` takes in the entries of the list ``OTHER`` at that place (``COMMUNICATION_VERBS``
  starts with ``@SPEECH_VERBS``);
- in a table (``word_table``), an entry is ``KEY: VALUE VALUE ...`` (``critical: of``).

How a list is read is the binding module's choice: ``words`` keeps the order and any word written
twice, ``word_set`` a set, ``word_table`` a word → words table in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

#: The folder of the word files, inside the ``annotator.nlp`` package.
WORDS_FOLDER = "words"


class WordListError(ValueError):
    """A word file that does not read: an entry outside a list, a name given twice, an unknown ``@`` list."""


@dataclass(frozen=True)
class WordList:
    """One list as written: its name, the file and line it starts at, its entries (``@`` ones unexpanded)."""

    name: str
    file: str
    line: int
    entries: tuple[str, ...]


def parse(text: str, file: str) -> list[WordList]:
    """The lists of one word file's text, in order."""
    found: list[WordList] = []
    name, start, entries = None, 0, []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            if name is not None:
                found.append(WordList(name, file, start, tuple(entries)))
            name, start, entries = line[1:-1].strip(), number, []
        elif name is None:
            raise WordListError(f"{file}:{number}: {line!r} comes before any [LIST]")
        else:
            entries.append(line)
    if name is not None:
        found.append(WordList(name, file, start, tuple(entries)))
    return found


@cache
def word_lists() -> dict[str, WordList]:
    """Every list of the package's word files by name, read once."""
    folder = resources.files("annotator.nlp").joinpath(WORDS_FOLDER)
    lists: dict[str, WordList] = {}
    for path in sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name):
        for word_list in parse(path.read_text("utf-8"), f"{WORDS_FOLDER}/{path.name}"):
            if word_list.name in lists:
                first = lists[word_list.name]
                raise WordListError(f"{word_list.file}:{word_list.line}: [{word_list.name}] is also at "
                                    f"{first.file}:{first.line}")
            lists[word_list.name] = word_list
    return lists


#: The names of the lists read so far (``unread_lists`` tells a test which no module binds).
_READ: set[str] = set()


def expand(lists: dict[str, WordList], name: str, read: set[str] | None = None,
           _within: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The entries of ``lists[name]`` in order, each ``@OTHER`` replaced by that list's entries
    (the names of the lists expanded added to ``read``)."""
    if name not in lists:
        raise WordListError(f"no word list [{name}]" + (f" (taken in by [{_within[-1]}])" if _within else ""))
    if name in _within:
        raise WordListError(f"[{name}] takes itself in: {' -> '.join((*_within, name))}")
    found: list[str] = []
    for entry in lists[name].entries:
        found.extend(expand(lists, entry[1:], read, (*_within, name)) if entry.startswith("@") else (entry,))
    if read is not None:
        read.add(name)
    return tuple(found)


def words(name: str) -> tuple[str, ...]:
    """A shipped list in its order, ``@`` lists expanded, a word written twice kept twice."""
    return expand(word_lists(), name, _READ)


def word_set(name: str) -> frozenset[str]:
    return frozenset(words(name))


def word_table(name: str) -> dict[str, tuple[str, ...]]:
    """A shipped table: ``table`` of its entries."""
    return table(name, words(name))


def table(name: str, entries: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Entries ``KEY: VALUE VALUE ...`` → {key: values}, in order (a key given twice is refused)."""
    found: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        key, colon, values = entry.partition(":")
        if not colon or not values.split() or key.strip() in found:
            raise WordListError(f"[{name}]: {entry!r} is no KEY: VALUES, or its key is given twice")
        found[key.strip()] = tuple(values.split())
    return found


def unread_lists() -> list[str]:
    """The lists no module has read yet (once every binding module is imported: none)."""
    return sorted(word_lists().keys() - _READ)
