"""``bench/nested_reports.py``'s last two tables: what cutting a pre-label before a clause of its own
inside it, or offering a clause reported inside it as a quote of its own, would pair with (counts,
dependency labels, parts of speech and function words only, never text).

* the first clause inside each non-direct pre-label (``clause_verbs``: a verb heading a ``conj``,
  ``advcl``, ``parataxis`` or ``relcl`` hung on a word of it, words of the pre-label before it): whether
  the pre-label pairs with a gold quote, whether the pre-label cut before that clause does, whether the
  cut pairs where the pre-label did not, and whether the clause's reported words (``piece_of``) pair
  with a gold quote nothing found;
* each clause reported inside a pre-label (``inner_clauses``: a verb of its words, not its cue, with a
  finite complement clause): whether it pairs with a gold quote nothing found."""

from __future__ import annotations

from collections import Counter

from annotator.core.records import QUOTE, Span, Task
from annotator.measure.evaluation import match_quotes_with_pieces
from annotator.measure.spans import overlap_match

#: Function words and marks that may open a report inside a pre-label (printed as they are).
OPENERS = frozenset({",", ";", ":", "-", "--", "—", "–", "(", "and", "but", "or", "while", "as", "because",
                     "that", "who", "which", "after", "before", "since", "although", "though", "when", "if"})
#: Subjects of a clause of its own.
OWN_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
#: The tags of a relative word.
RELATIVE_TAGS = ("WDT", "WP", "WP$", "WRB")


def missed_gold(gold: Task, by_text: dict[str, Task]) -> list[Span]:
    """The gold quotes of ``gold`` no pre-label of its prediction pairs with (the scorer's pairs)."""
    prelabels = [s for s in (by_text.get(gold.text) or Task(text=gold.text)).spans if s.label == QUOTE]
    g_quotes = [s for s in gold.spans if s.label == QUOTE]
    pairs, _ = match_quotes_with_pieces(gold.text, g_quotes, prelabels)
    found = {q.key for q, _p in pairs}
    return [q for q in g_quotes if q.key not in found]


def pairs_any(chars: tuple[int, int], quotes: list[Span]) -> bool:
    """The characters ``chars`` pair (alone, ``overlap_match``) with one of ``quotes``."""
    mine = Span(*chars, 0, 0, QUOTE)
    return any(overlap_match(q, mine) for q in quotes)


def cue_spans(doc) -> dict[tuple[int, int], tuple[int, int]]:
    from annotator.core.records import CUE_REL
    from annotator.nlp.convert import relations_of

    return {(r.head_start, r.head_end): (r.child_start, r.child_end) for r in relations_of(doc, CUE_REL)}


def clause_verbs(report_span, cue) -> list:
    """The verbs inside a pre-label's words (its cue left out) heading a clause of their own hung on a
    word of them (``CUT_DEPS``), with words of the pre-label before that clause."""
    return [t for t in report_span[2:] if not cue.start <= t.i < cue.end and t.pos_ == "VERB" and t.dep_ in CUT_DEPS
            and report_span.start <= t.head.i < report_span.end and t.left_edge.i > report_span.start + 1]


#: How a clause inside a pre-label may hang on a word of it.
CUT_DEPS = frozenset({"conj", "advcl", "parataxis", "relcl"})
#: A verb's complements that carry what it reports.
REPORTED_DEPS = ("ccomp", "dobj", "xcomp", "oprd")


def piece_of(verb):
    """The words a clause's verb reports (its complements, from the first to the last), else None."""
    doc = verb.doc
    parts = [c for c in verb.children if c.dep_ in REPORTED_DEPS and c.i > verb.i]
    if not parts:
        return None
    start = parts[0].left_edge.i
    while start < parts[0].i and doc[start].dep_ == "mark" and doc[start].lower_ == "that":
        start += 1
    return doc[start:max(p.right_edge.i for p in parts) + 1]


def possible_cuts(finder, doc) -> list[tuple[tuple[int, int], tuple[int, int], tuple | None, dict[str, str]]]:
    """Each non-direct pre-label with a clause of its own inside its words (``clause_verbs``, the
    first): its characters, those of the pre-label cut before that clause and of the clause's reported
    words (``piece_of``), and the clause's facets."""
    from annotator.nlp.quotes.found import trimmed

    lexicon = finder.lexicon
    cues = cue_spans(doc)
    out = []
    for q in doc.spans.get("quotes", []):
        cue = cues.get((q.start_char, q.end_char))
        cue = doc.char_span(*cue, alignment_mode="expand") if cue is not None and q._.quote_type != "direct" else None
        verbs = clause_verbs(q, cue) if cue is not None else []
        if not verbs:
            continue
        verb = verbs[0]
        cut = trimmed(doc, q.start, verb.left_edge.i)
        if cut is None:
            continue
        first, before = doc[verb.left_edge.i], doc[max(verb.left_edge.i - 1, 0)]
        subject = next((c for c in verb.children if c.dep_ in OWN_SUBJECT_DEPS), None)
        piece = piece_of(verb)
        kind = "speech" if lexicon.is_speech(verb) else "cognition" if lexicon.is_cue(verb) else "other verb"
        facts = {"rule": q.id_ or "(none: promoted)", "dep": verb.dep_,
                 "opens": "relative" if first.tag_ in RELATIVE_TAGS
                 else before.lower_ if before.lower_ in OPENERS else "no boundary",
                 "verb": kind, "subject": subject.pos_ if subject is not None else "none",
                 "content": "+".join(sorted({c.dep_ for c in verb.children if c.dep_ in REPORTED_DEPS})) or "none",
                 "to the end": "yes" if verb.right_edge.i >= q.end - 2 else "no",
                 "on": "the content head" if verb.head.i == q.root.i else "a word inside"}
        facts["shape"] = f"{facts['dep']} {facts['opens']} subj={facts['subject'] != 'none'} {kind}"
        out.append(((q.start_char, q.end_char), (cut.start_char, cut.end_char),
                    (piece.start_char, piece.end_char) if piece is not None and len(piece) else None, facts))
    return out


def inner_clauses(finder, doc) -> list[tuple[tuple[int, int], dict[str, str]]]:
    """Each clause reported inside a non-direct pre-label's words: a verb of the words (its cue left
    out, not negated) with a finite complement clause after it; the clause's characters (after its
    ``that``) and its facets (the verb's dependency, its subject, its lexicon class, the band)."""
    from annotator.nlp.doc_words import negated
    from annotator.nlp.doc_words import finite
    from annotator.nlp.quotes.found import trimmed
    from annotator.nlp.suggest.scores import BANDS, band

    lexicon = finder.lexicon
    cues = cue_spans(doc)
    out = []
    for q in doc.spans.get("quotes", []):
        cue = cues.get((q.start_char, q.end_char))
        if cue is None or q._.quote_type == "direct":
            continue
        for verb in q:
            if verb.pos_ != "VERB" or cue[0] <= verb.idx < cue[1] or negated(verb):
                continue
            clause = next((c for c in verb.children if c.i > verb.i and c.dep_ == "ccomp" and finite(c)), None)
            if clause is None or clause.right_edge.i >= q.end + 1:
                continue
            start = clause.left_edge.i
            while start < clause.i and doc[start].dep_ == "mark" and doc[start].lower_ == "that":
                start += 1
            piece = trimmed(doc, start, clause.right_edge.i + 1)
            if piece is None or (piece.start, piece.end) == (q.start, q.end):
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            who = "none" if subject is None else "relative" if subject.tag_ in RELATIVE_TAGS else subject.pos_
            kind = "speech" if lexicon.is_speech(verb) else "cognition" if lexicon.is_cue(verb) else "other verb"
            out.append(((piece.start_char, piece.end_char), {
                "dep": verb.dep_, "subject": who, "verb": kind, "band": BANDS[band(len(piece.text.split()))],
                "shape": f"{verb.dep_} {who} {kind}"}))
    return out


def count_inner(gold: list[Task], predicted: list[Task], kept: dict) -> dict[str, Counter]:
    """Per facet value of ``inner_clauses``: how many, and how many pair (alone, ``overlap_match``)
    with a gold quote no pre-label pairs with."""
    by_text = {p.text: p for p in predicted}
    out: dict[str, Counter] = {}
    for g in gold:
        missed = missed_gold(g, by_text)
        for piece, facts in kept.get(id(g), {}).get("inner", []):
            right = pairs_any(piece, missed)
            for facet, value in (*facts.items(), ("all", "")):
                row = out.setdefault(facet, Counter())
                row[(value, "n")] += 1
                row[(value, "right")] += right
    return out


def count_cuts(gold: list[Task], predicted: list[Task], kept: dict) -> dict[str, Counter]:
    """Per facet value of ``possible_cuts``: how many; the pre-label pairs with a gold quote (alone,
    ``overlap_match``); the cut pairs with one the pre-label does not; the piece pairs with a gold quote
    no pre-label pairs with."""
    by_text = {p.text: p for p in predicted}
    out: dict[str, Counter] = {}
    for g in gold:
        g_quotes = [s for s in g.spans if s.label == QUOTE]
        missed = missed_gold(g, by_text)
        for before, after, piece, facts in kept.get(id(g), {}).get("cuts", []):
            was, now = pairs_any(before, g_quotes), pairs_any(after, g_quotes)
            new_piece = piece is not None and pairs_any(piece, missed)
            for facet, value in (*facts.items(), ("all", "")):
                row = out.setdefault(facet, Counter())
                row[(value, "n")] += 1
                row[(value, "before")] += was
                row[(value, "after")] += now
                row[(value, "cut new")] += now and not was
                row[(value, "piece")] += new_piece
    return out


def print_cuts(gold: list[Task], predicted: list[Task], kept: dict, top: int) -> None:
    """The two tables, ``top`` values a facet."""
    print("\n## pre-labels with a clause of their own inside (the first): n (pairs with gold before → after the "
          "cut; the cut pairs where the pre-label did not; the piece pairs with a gold quote nothing found)")
    for facet, counts in count_cuts(gold, predicted, kept).items():
        values = sorted({v for v, _k in counts}, key=lambda v: (-counts[(v, "n")], str(v)))[:top]
        print(f"- {facet}: " + ", ".join(f"{v} {counts[(v, 'n')]} ({counts[(v, 'before')]}→{counts[(v, 'after')]}; "
                                          f"{counts[(v, 'cut new')]}; {counts[(v, 'piece')]})" for v in values))
    print("\n## clauses reported inside a pre-label (a verb of its words with a finite clause): n (pair with "
          "a gold quote nothing found)")
    for facet, counts in count_inner(gold, predicted, kept).items():
        values = sorted({v for v, _k in counts}, key=lambda v: (-counts[(v, "n")], str(v)))[:top]
        print(f"- {facet}: " + ", ".join(f"{v} {counts[(v, 'n')]} ({counts[(v, 'right')]})" for v in values))
