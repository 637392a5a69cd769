"""The cue words the pre-labeler's rules read, by class: verbs of saying, thinking, perceiving,
judging, expecting and intending, the verbs whose object, infinitive or prepositional object is
what was said, and the nouns and adjectives that carry a report.

The words, and the reasons for each list, are in ``words/cue_words.txt`` (read by ``word_lists``);
this module gives them their Python names and types, and classes the cue verbs. These are the
defaults; ``lexicon.Lexicon`` is the configured part (``[components.annotator_quotes]``
``speech_verbs``, ``extra_cue_verbs``, ...), built once per pipeline and shared by its components.
"""

from __future__ import annotations

from annotator.nlp.word_lists import word_set, word_table, words

# -- cue verbs -------------------------------------------------------------------------------

SPEECH_VERBS = words("SPEECH_VERBS")
COGNITION_VERBS = words("COGNITION_VERBS")
LISTENER_VERBS = word_set("LISTENER_VERBS")
COMMITMENT_VERBS = word_set("COMMITMENT_VERBS")
REQUEST_VERBS = word_set("REQUEST_VERBS")
JUDGEMENT_VERBS = word_set("JUDGEMENT_VERBS")
UNSAID_OBJECT_VERBS = word_set("UNSAID_OBJECT_VERBS")
CONTINUING_PREPOSITIONS = word_set("CONTINUING_PREPOSITIONS")
QUESTION_VERBS = word_set("QUESTION_VERBS")
ACT_DONE_VERBS = word_set("ACT_DONE_VERBS")
ACT_PREPOSITIONS = word_set("ACT_PREPOSITIONS")
NAMING_VERBS = word_set("NAMING_VERBS")

# -- attribution cues by class ---------------------------------------------------------------

COMMUNICATION_VERBS = words("COMMUNICATION_VERBS")
PERCEPTION_VERBS = words("PERCEPTION_VERBS")
STANCE_VERBS = words("STANCE_VERBS")
EXPECTATION_VERBS = words("EXPECTATION_VERBS")
INTENTION_VERBS = words("INTENTION_VERBS")
#: Cue verbs by class, in the order a lemma is classed (its first class wins).
#: Evidence before expectation before cognition: ``show``, ``hope`` and ``expect`` are among the
#: cognition verbs the reported-clause rule reads, but they are classed by what they report.
CUE_VERB_CLASSES: dict[str, tuple[str, ...]] = {
    "communication": COMMUNICATION_VERBS,
    "perception/evidence": PERCEPTION_VERBS,
    "expectation": EXPECTATION_VERBS,
    "cognition": words("COGNITION_CLASS_VERBS"),
    "judgement/stance": STANCE_VERBS,
    "intention": INTENTION_VERBS,
}
CUE_NOUNS = words("CUE_NOUNS")
CUE_ADJECTIVES = words("CUE_ADJECTIVES")
LINKING_VERBS = word_set("LINKING_VERBS")
PUBLISHING_OBJECT_VERBS = words("PUBLISHING_OBJECT_VERBS")
OBJECT_CUE_VERBS = words("OBJECT_CUE_VERBS")
INFINITIVE_CUE_VERBS = word_set("INFINITIVE_CUE_VERBS")
STANCE_OBJECT_VERBS = words("STANCE_OBJECT_VERBS")
INTENTION_INFINITIVE_VERBS = words("INTENTION_INFINITIVE_VERBS")
REGARD_VERBS = words("REGARD_VERBS")
EVIDENCE_VERBS = words("EVIDENCE_VERBS")
CLAUSE_ONLY_EVIDENCE_VERBS = word_set("CLAUSE_ONLY_EVIDENCE_VERBS")
ADJECTIVE_PREPOSITIONS = word_table("ADJECTIVE_PREPOSITIONS")
#: Verbs of every class whose finite clause is reported (``agreed that``, ``noticed that``,
#: ``demanded that``), beside the speech and cognition verbs.
#: ``decide`` and ``see`` are left out: their clause is seldom an attribution (``decided that it
#: was time``, ``see that it works``).
CLAUSE_CUE_VERBS = tuple(sorted({v for verbs in CUE_VERB_CLASSES.values() for v in verbs} - {"decide", "see"}
                                | {"point"}))  # ``pointed out that``
STANCE_PREPOSITIONAL_VERBS = word_table("STANCE_PREPOSITIONAL_VERBS")
PREPOSITIONAL_CUE_VERBS = word_table("PREPOSITIONAL_CUE_VERBS")
RAISING_VERBS = word_set("RAISING_VERBS")


def cue_verb_class(lemma: str) -> str | None:
    """The class of a cue verb by its lemma (the first class that lists it), else None."""
    lemma = lemma.lower()
    return next((name for name, verbs in CUE_VERB_CLASSES.items() if lemma in verbs), None)


# -- noun cues (the noun_cue quote rule and the noun_cue speaker rule) -------------------------------

INFINITIVE_CUE_NOUNS = word_set("INFINITIVE_CUE_NOUNS")
VIEW_NOUNS = word_set("VIEW_NOUNS")
FIRST_SECOND_POSSESSIVES = word_set("FIRST_SECOND_POSSESSIVES")
AUTHORING_VERBS = word_set("AUTHORING_VERBS")
AUTHORING_PREPOSITIONS = word_set("AUTHORING_PREPOSITIONS")
SOURCE_PREPOSITIONS = word_set("SOURCE_PREPOSITIONS")

# -- stances carried by a noun or a passive (the stance_noun, light_verb and passive_judgement rules) --

STANCE_NOUN_PREPOSITIONS = word_table("STANCE_NOUN_PREPOSITIONS")
LIGHT_STANCE_VERBS = words("LIGHT_STANCE_VERBS")
PASSIVE_JUDGEMENT_VERBS = words("PASSIVE_JUDGEMENT_VERBS")

# -- the small words single rules read (control, reported, unanswered, poll_source, ...) -------

SUBJECT_CONTROL_VERBS = word_set("SUBJECT_CONTROL_VERBS")
CAUSING_CONTROL_VERBS = word_set("CAUSING_CONTROL_VERBS")
CONTROL_PREPOSITIONS = word_set("CONTROL_PREPOSITIONS")
GERUND_PREPOSITIONS = word_set("GERUND_PREPOSITIONS")
ADVERBIAL_MARKS = word_set("ADVERBIAL_MARKS")
INTENTION_CLAUSE_MARKS = word_set("INTENTION_CLAUSE_MARKS")
CONCEDING_SUBJECTS = word_set("CONCEDING_SUBJECTS")
ANSWER_VERBS = word_set("ANSWER_VERBS")
TAKING_PART_VERBS = word_set("TAKING_PART_VERBS")
STATING_ADJECTIVES = word_set("STATING_ADJECTIVES")
CAUSE_PREPOSITIONS = word_set("CAUSE_PREPOSITIONS")
GUESSING_MODALS = word_set("GUESSING_MODALS")
FREE_CHOICE_WORDS = word_set("FREE_CHOICE_WORDS")
RELATIVE_OBJECTS = word_set("RELATIVE_OBJECTS")
RELATIVE_ADVERB_NOUNS = word_set("RELATIVE_ADVERB_NOUNS")
FELT_REACTION_VERBS = word_set("FELT_REACTION_VERBS")
HEARSAY_ADVERBS = word_set("HEARSAY_ADVERBS")
REPORT_ADVERBS = word_set("REPORT_ADVERBS")
RECKONING_NOUNS = word_set("RECKONING_NOUNS")
LAW_NOUNS = word_set("LAW_NOUNS")
