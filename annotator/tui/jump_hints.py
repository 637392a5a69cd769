"""Jump hints (as in vimium or avy): every span or word on screen gets a tag of one or two letters,
drawn over the text; typing a tag reaches its target, anything else ends the jump."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from rich.text import Text

from annotator.core.records import QUOTE, Span, Task
from annotator.tui.display_text import excerpt, is_word

#: Home row first: the nearest targets get the easiest letters.
HINT_LETTERS = "asdfghjklqwertyuiopzxcvbnm"


def hint_tags(count: int, letters: str = HINT_LETTERS) -> list[str]:
    """``count`` prefix-free tags, as many single letters as possible, the rest two letters."""
    size = len(letters)
    if count <= size:
        return list(letters[:count])
    # k single letters leave size - k letters as prefixes of two-letter tags.
    singles = max(k for k in range(size + 1) if k + (size - k) * size >= count) if count <= size * size else 0
    tags = list(letters[:singles])
    for prefix in letters[singles:]:
        for second in letters:
            if len(tags) == count:
                return tags
            tags.append(prefix + second)
    return tags


def place_tags(task: Task, targets: list[Span | int], anchor: int, last: int
               ) -> list[tuple[str, int, list[Span | int]]]:
    """Tags for spans (or token ids) on screen: (tag, character offset it is drawn at, what it
    reaches). The nearest places get single letters, those with room for one letter first.

    Spans that start on one word each get a tag of their own, drawn one after the other on the
    word (in alternating colours), so one key reaches any of them; only where the word is too
    short for all of them do they share one tag, and typing it asks which. A quote that opens on a
    name takes its tag on its first word after that name.
    """
    groups: dict[int, list[Span | int]] = {}
    for target in targets:
        start = target.start if isinstance(target, Span) else task.tokens[target].start
        groups.setdefault(start, []).append(target)
    for group in groups.values():
        group.sort(key=lambda t: (t.end - t.start, t.label == QUOTE) if isinstance(t, Span) else (0, False))
    _quote_tags_inside(task, groups, last)
    room = _tag_room(task, groups)
    # Words where a span most often starts (a capital, or right after "that", a comma or an
    # opening mark) come before the others at the same distance class, so g reaches a quote's or a
    # name's first word with one letter more often.
    opening = _span_openings(task, groups) if not any(isinstance(t, Span) for t in targets) else set()
    places = sorted(groups, key=lambda start: (room[start] > 1, start not in opening, abs(start - anchor)))
    tags = _tag_source(sum(len(g) for g in groups.values()))
    placed: list[tuple[str, int, list[Span | int]]] = []
    for place in places:
        group = groups[place]
        own = [tag for _, tag in zip(group, tags, strict=False)]  # as many tags as the group has
        if sum(len(t) for t in own) <= room[place]:
            offset = place
            for tag, target in zip(own, group, strict=False):
                placed.append((tag, offset, [target]))
                offset += len(tag)
            continue
        # Too short a word for a tag each: the first tag stands for all, the others go back.
        tags.give_back(own[1:])
        if len(own[0]) <= room[place] or isinstance(group[0], Span):
            placed.append((own[0], place, group))
        else:
            tags.give_back(own[:1])  # a one-letter word with no one-letter tag left: w / b reach it
    return placed


class _tag_source:
    """Tags in order (single letters first), with unused ones handed back for the next place."""

    def __init__(self, count: int) -> None:
        self._tags: Iterator[str] = iter(hint_tags(count + 8))
        self._back: list[str] = []

    def __iter__(self) -> "_tag_source":
        return self

    def __next__(self) -> str:
        return self._back.pop(0) if self._back else next(self._tags)

    def give_back(self, tags: list[str]) -> None:
        self._back = sorted([*tags, *self._back], key=len)


_OPENERS = frozenset({",", ";", ":", "that", "“", '"', "‘", "(", "—", "–", "«"})


def _span_openings(task: Task, groups: dict[int, list[Span | int]]) -> set[int]:
    """The places whose word could open a span: capitalised, or after an opener or a line break."""
    tokens = task.tokens
    found = set()
    for start, group in groups.items():
        token = group[0]
        if not isinstance(token, int):
            continue
        words_before = [t for t in tokens[max(token - 3, 0):token] if t.text.strip()]
        previous = words_before[-1] if words_before else None
        if tokens[token].text[:1].isupper() or previous is None or previous.text.lower() in _OPENERS \
                or "\n" in task.text[previous.end:tokens[token].start]:
            found.add(start)
    return found


def _quote_tags_inside(task: Task, groups: dict[int, list[Span | int]], last: int) -> None:
    """A quote that opens on a name (``NATO is heavily involved…``) takes its tag on its first
    word after that name, so both have a tag of their own on their own word."""
    tokens = task.tokens
    for group in list(groups.values()):
        quotes = [s for s in group if isinstance(s, Span) and s.label == QUOTE]
        if len(group) < 2 or len(quotes) != 1:
            continue
        quote, inner = quotes[0], [s for s in group if s is not quotes[0]]
        after = max(s.token_end for s in inner)
        if after >= quote.token_end:
            continue
        following = next((t for t in tokens[after + 1:quote.token_end + 1] if is_word(t.text)), None)
        if following is None or following.start in groups or following.start >= last:
            continue
        group.remove(quote)
        groups[following.start] = [quote]


def _tag_room(task: Task, groups: dict[int, list[Span | int]]) -> dict[int, int]:
    """How many cells the tags at each place may cover: the word there (the space after it stays,
    so two tags never run together)."""
    starts = [t.start for t in task.tokens]
    room = {}
    for start in groups:
        token = task.tokens[max(bisect_right(starts, start) - 1, 0)]
        room[start] = len(task.text[start:token.end])
    return room


def tags_on_screen(task: Task, spans: list[Span], kind: str, cursor: int, visible: tuple[int, int]
                   ) -> tuple[JumpHints, dict[int, str]] | None:
    """The jump over every span (``kind`` "span", ``spans`` in text order) or every word (else)
    that starts on screen (characters ``visible``), the nearest to token ``cursor`` tagged first;
    None when there is none."""
    first, last = visible
    if kind == "span":
        targets: list[Span | int] = [s for s in spans if first <= s.start < last]
    else:
        targets = [t.id for t in task.tokens if first <= t.start < last and is_word(t.text)]
    return tag_targets(task, targets, kind, task.tokens[cursor].start, last) if targets else None


def tag_targets(task: Task, targets: list[Span | int], what: str, anchor: int, last: int
                ) -> tuple[JumpHints, dict[int, str]]:
    """The jump over ``targets`` (spans or token ids on screen) and the tags to draw: offset → tag."""
    placed = place_tags(task, targets, anchor, last)

    def name(target: Span | int) -> str:
        if isinstance(target, int):
            return task.tokens[target].text
        return f"{target.label} “{excerpt(task.span_text(target), 24)}”"

    # Where spans share a word, the prompt says which tag is which.
    starts = [t.start for t in task.tokens]
    words: dict[int, list[str]] = {}
    for tag, offset, group in placed:
        if isinstance(group[0], Span) and len(group) == 1:
            word = bisect_right(starts, offset) - 1
            words.setdefault(word, []).append(f"{tag} {name(group[0])}")
    legend = " · ".join(item for items in words.values() if len(items) > 1 for item in items)
    jump = JumpHints([tag for tag, _, _ in placed], what, [group[0] for _, _, group in placed],
                     [group for _, _, group in placed], [[name(t) for t in group] for _, _, group in placed], legend)
    return jump, {offset: tag for tag, offset, _ in placed}


@dataclass(frozen=True)
class SelectFrom:
    """A word tag typed with its last letter in capitals: select from that word (``g`` + ``v`` in one)."""

    token: int


class JumpHints:
    """What typing a tag reaches: ``key`` takes each key and says when the jump is over, with the
    target of the typed tag, or None (escape, or a tag that is not shown).

    A tag may stand for several targets (spans that start on the same word): typing it then asks
    which one, by digit (enter: the first, the smallest), naming each by its label and text.

    Not a screen: the editor holds one while tags are shown, and the footer line shows ``prompt()``.
    A modal screen repaints the whole screen under it through its background on every frame
    (87-101 ms of CPU per f or g on a 120x40 screen); this repaints the tagged lines and the footer.
    """

    def __init__(self, tags: list[str], what: str, targets: list[object] | None = None,
                 groups: list[list[object]] | None = None, names: list[list[str]] | None = None,
                 legend: str = "") -> None:
        #: which tag is which where spans share a word (``a PERSON “Lavrov” · s SPEAKER “Lavrov”``)
        self.legend = legend
        self.tags = tags
        #: what each tag reaches (spans or token ids), in the order of ``tags``: the first of its group
        self.targets = list(targets or [])
        self.groups = groups or [[t] for t in self.targets]
        self.names = names or [[] for _ in self.groups]
        self.what = what
        self.typed = ""
        #: the group whose member is being chosen, after its tag was typed
        self.choosing: int | None = None

    def prompt(self) -> Text:
        if self.choosing is not None:
            prompt = Text(f" {self.typed}: ", style="bold reverse")
            for number, name in enumerate(self.names[self.choosing], start=1):
                prompt.append(f" {number} ", style="bold")
                prompt.append(name + " ")
            prompt.append(" · enter: 1 · escape cancels", style="dim")
            return prompt
        prompt = Text(f" JUMP to a {self.what}: type its tag", style="bold")
        if self.what == "word":
            prompt.append(" (its last letter in capitals: select from there)")
        if self.typed:
            prompt.append(f"  {self.typed}…", style="bold reverse")
        if self.legend:
            prompt.append(f"  {self.legend}")
        prompt.append("  · escape cancels", style="dim")
        return prompt

    def key(self, key: str, character: str | None) -> tuple[bool, object]:
        """Take one key: (True, target or None) when the jump is over, (False, None) while a tag
        is being typed or its target chosen."""
        if self.choosing is not None:
            group = self.groups[self.choosing]
            if key == "enter":
                return True, group[0]
            if character and character.isdigit() and 1 <= int(character) <= len(group):
                return True, group[int(character) - 1]
            return True, None
        if key == "escape" or not character or not character.isprintable():
            return True, None
        self.typed += character.lower()
        if self.typed in self.tags:
            index = self.tags.index(self.typed)
            if len(self.groups[index]) == 1:
                target = self.groups[index][0]
                if self.what == "word" and character.isupper() and isinstance(target, int):
                    target = SelectFrom(target)
                return True, target
            self.choosing = index
            return False, None
        if any(tag.startswith(self.typed) for tag in self.tags):
            return False, None
        return True, None
