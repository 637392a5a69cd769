"""An ``AttributeRuler``'s patterns read as tables (for ``attribute_table``): which token attributes
they test, each value's code, and what each combination of codes matches and sets."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: What a pattern may set here: token fields ``Doc.from_array`` writes as ``set_token_attrs`` does
#: (a lexeme has none of them, so the stock component's write to the lexeme changes nothing).
SETTABLE = (POS, TAG, MORPH, LEMMA, DEP)
#: What a pattern may test here: attributes ``Doc.to_array`` reads as the ``Matcher`` does (not
#: ``SENT_START``, which the Matcher reads as a flag, nor ``MORPH``, whose values it normalises).
READABLE = frozenset(IDS[name] for name in (
    "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER",
    "LIKE_URL", "LIKE_NUM", "LIKE_EMAIL", "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT", "IS_CURRENCY"))
#: Those whose values are strings (a ``REGEX`` test reads them as text, as the Matcher does).
STRINGS = frozenset(IDS[name] for name in (
    "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LEMMA", "TAG", "DEP", "ENT_TYPE"))
ALIASES = {"TEXT": "ORTH"}
#: Regex answers kept per column at most (its values are a vocabulary's); then started again.
MOST_KEPT = 100_000

#: A pattern token's test as read: (attribute, how, a frozenset of values or a regex's text).
RawTest = tuple[int, str, object]


@dataclass
class Column:
    """An attribute the patterns test: the values its exact tests name (sorted), its regexes, and
    for each value read so far which of the regexes it matches (bits)."""

    attr: int
    named: numpy.ndarray
    regexes: tuple[re.Pattern, ...]
    matched: dict[int, int] = field(default_factory=dict)

    @property
    def base(self) -> int:
        return len(self.named) + 1

    @property
    def size(self) -> int:
        """How many codes there are."""
        return self.base << len(self.regexes)

    def exact(self, value: int) -> int:
        return int(numpy.searchsorted(self.named, numpy.uint64(value))) + 1

    def codes(self, values: numpy.ndarray, strings) -> numpy.ndarray:
        """1 + a value's place among the named ones (0 for any other value), plus ``base`` times
        the bits of the regexes it matches."""
        place = numpy.searchsorted(self.named, values)
        found = place < len(self.named)
        found[found] = self.named[place[found]] == values[found]
        codes = numpy.where(found, place + 1, 0).astype(numpy.int64)
        if self.regexes:
            distinct, inverse = numpy.unique(values, return_inverse=True)
            if len(self.matched) > MOST_KEPT:
                self.matched.clear()
            bits = []
            for value in distinct.tolist():
                known = self.matched.get(value)
                if known is None:
                    text = strings[value]
                    known = self.matched[value] = sum(1 << r for r, regex in enumerate(self.regexes) if regex.search(text))
                bits.append(known)
            codes += self.base * numpy.array(bits, dtype=numpy.int64)[inverse.reshape(-1)]
        return codes


@dataclass
class Row:
    """What one combination of codes matches: the one-token patterns (by number, sorted), the
    token tests it passes, the longer patterns (by place in ``Compiled.longer``) it may start, and
    the number of what its one-token patterns set (``Compiled.effect``)."""

    patterns: tuple[int, ...]
    passes: frozenset[int]
    starts: tuple[int, ...]
    effect: int


@dataclass
class Compiled:
    """A ruler's patterns as tables; rows and effects are filled as they are first needed."""

    columns: list[Column]
    tests: list[tuple[tuple, ...]]                   # distinct token tests, coded
    single: list[tuple[int, int]]                    # (token test, pattern number)
    longer: list[tuple[int, tuple[int, ...], int]]   # (pattern number, token tests, target offset)
    fallback: Matcher | None                         # the patterns no table reads
    attrs: list[dict]                                # what each pattern sets
    rows: dict[int, Row] = field(default_factory=dict)             # by key (``keys``)
    effects: dict[tuple[int, ...], int] = field(default_factory=lambda: {(): 0})
    masks: list[list[bool]] = field(default_factory=lambda: [[False] * len(SETTABLE)])
    values: list[list[int]] = field(default_factory=lambda: [[0] * len(SETTABLE)])
    arrays: tuple[numpy.ndarray, numpy.ndarray] | None = None
    adding: threading.Lock = field(default_factory=threading.Lock)

    def keys(self, doc: Doc) -> list[int]:
        """Each token's codes as one number (the columns' codes in mixed radix)."""
        if not self.columns:
            return [0] * len(doc)
        table = doc.to_array([c.attr for c in self.columns]).reshape(len(doc), len(self.columns))
        keys = numpy.zeros(len(doc), dtype=numpy.int64)
        for i, column in enumerate(self.columns):
            keys *= column.size
            keys += column.codes(table[:, i], doc.vocab.strings)
        return keys.tolist()

    def row(self, key: int) -> Row:
        row = self.rows.get(key)
        if row is None:
            original, coded = key, []
            for column in reversed(self.columns):
                key, code = divmod(key, column.size)
                coded.append(code)
            coded.reverse()
            passes = frozenset(n for n, test in enumerate(self.tests) if self._passes(test, coded))
            patterns = tuple(sorted({number for test, number in self.single if test in passes}))
            row = self.rows[original] = Row(patterns, passes, tuple(
                i for i, (_, tests, _) in enumerate(self.longer) if tests[0] in passes), self.effect(patterns))
        return row

    def _passes(self, test: tuple[tuple, ...], coded: list[int]) -> bool:
        for where, how, given in test:
            bits, exact = divmod(coded[where], self.columns[where].base)
            if how == "REGEX":
                if not bits >> given & 1:
                    return False
            elif (exact in given) != (how != "NOT_IN"):
                return False
        return True

    def effect(self, numbers: tuple[int, ...]) -> int:
        """The number of what these patterns (sorted) set, applied in order, a later one winning."""
        effect = self.effects.get(numbers)
        if effect is not None:
            return effect
        mask, values = [False] * len(SETTABLE), [0] * len(SETTABLE)
        for number in numbers:
            for attr, value in self.attrs[number].items():
                column = SETTABLE.index(attr)
                mask[column], values[column] = True, value
        with self.adding:  # (a pipeline run in two threads: an effect's number is its place)
            effect = self.effects.get(numbers)
            if effect is None:
                self.masks.append(mask)
                self.values.append(values)
                effect = self.effects[numbers] = len(self.masks) - 1
        return effect

    def effect_arrays(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Every effect's (mask, values) as arrays, rows by effect number."""
        arrays = self.arrays
        if arrays is None or len(arrays[0]) != len(self.masks):
            with self.adding:
                arrays = self.arrays = (numpy.array(self.masks, dtype=bool), numpy.array(self.values, dtype=numpy.uint64))
        return arrays


def _raw_tests(spec: dict, vocab) -> tuple[RawTest, ...] | None:
    """A pattern token's tests, or None when the Matcher's reading of it is not one of ours
    (operators, extensions, other predicates or attributes)."""
    tests: list[RawTest] = []
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        attr = IDS.get(ALIASES.get(key.upper(), key.upper()))
        if attr not in READABLE:
            return None
        if isinstance(value, dict):
            for how, given in value.items():
                how = how.upper() if isinstance(how, str) else how
                if how == "REGEX" and isinstance(given, str) and attr in STRINGS:
                    tests.append((attr, how, given))
                elif how in ("IN", "NOT_IN") and isinstance(given, (list, tuple)) and all(
                        isinstance(v, (str, int)) and not isinstance(v, bool) for v in given):
                    tests.append((attr, how, frozenset(get_string_id(v) for v in given)))
                else:
                    return None
        elif isinstance(value, bool):
            tests.append((attr, "==", frozenset((int(value),))))
        elif isinstance(value, str):
            tests.append((attr, "==", frozenset((vocab.strings.add(value),))))
        elif isinstance(value, int):
            tests.append((attr, "==", frozenset((value,))))
        else:
            return None
    return tuple(tests)


def compile_patterns(ruler) -> Compiled | None:
    """An ``AttributeRuler``'s patterns as tables; None when one sets what a table cannot (or the
    combinations of codes are too many for a 64-bit key)."""
    if any(set(attrs) - set(SETTABLE) for attrs in ruler.attrs):
        return None
    tests: dict[tuple[RawTest, ...], int] = {}
    single, longer, leftover = [], [], []
    for number in range(len(ruler.attrs)):
        index = ruler.indices[number]
        for pattern in ruler.matcher.get(str(number))[1]:
            parsed = [_raw_tests(spec, ruler.vocab) for spec in pattern]
            if not parsed or None in parsed or not -len(parsed) <= index < len(parsed):
                leftover.append((number, pattern))
                continue
            ids = tuple(tests.setdefault(t, len(tests)) for t in parsed)
            if len(ids) == 1:
                single.append((ids[0], number))
            else:
                longer.append((number, ids, index % len(ids)))
    fallback = None
    if leftover:
        fallback = Matcher(ruler.vocab, validate=ruler.validate)
        for number, pattern in leftover:
            fallback.add(str(number), [pattern])
    named: dict[int, set[int]] = {}
    regexes: dict[int, dict[str, int]] = {}
    for token in tests:
        for attr, how, given in token:
            if how == "REGEX":
                listed = regexes.setdefault(attr, {})
                listed.setdefault(given, len(listed))
            else:
                named.setdefault(attr, set()).update(given)
    columns = [Column(attr, numpy.array(sorted(named.get(attr, ())), dtype=numpy.uint64),
                      tuple(re.compile(r) for r in regexes.get(attr, {})))
               for attr in sorted(set(named) | set(regexes))]
    if numpy.prod([float(c.size) for c in columns]) >= 2.0 ** 62:  # the keys are 64-bit
        return None
    place = {column.attr: i for i, column in enumerate(columns)}

    def coded(attr: int, how: str, given) -> tuple:
        if how == "REGEX":
            return place[attr], how, regexes[attr][given]
        return place[attr], how, frozenset(columns[place[attr]].exact(v) for v in given)

    return Compiled(columns, [tuple(coded(*test) for test in token) for token in tests], single, longer, fallback,
                    list(ruler.attrs))
