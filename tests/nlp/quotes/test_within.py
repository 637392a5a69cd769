"""``within`` answers by binary search over the quoted segments, as a scan of them would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.nlp.marks import find_marked_segments
from annotator.nlp.quotes.scan import within


@st.composite
def apart_ranges(draw) -> list[tuple[int, int]]:
    """(start, end) ranges in order, not overlapping, some touching."""
    out, at = [], 0
    for gap, length in draw(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 8)), max_size=12)):
        out.append((at + gap, at + gap + length))
        at += gap + length
    return out


@given(apart_ranges(), st.integers(-2, 120))
def test_within_agrees_with_a_scan_of_every_range(ranges, offset):
    assert within(offset, ranges) == any(start <= offset < end for start, end in ranges)


def test_the_quoted_segments_come_in_order_and_apart():
    text = ('He said "one", then "two \u2018nested\u2019 words" and \u201cthree\u201d. '
            '"Four, unclosed\n\nA new paragraph "five".')
    ranges = [(s.start, s.end) for s in find_marked_segments(text)]
    assert len(ranges) >= 4
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ranges, ranges[1:], strict=False))
    assert within(text.index("nested"), ranges) and not within(text.index("then"), ranges)
