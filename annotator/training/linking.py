"""How a trained pipeline's quotes combine with the rules', chosen on the dev documents at the end of
training: every combination the linker supports (and the rules alone) is scored, and the best is
written into the pipeline's config, so a model trained on a few documents is never worse on its dev
set than the rules it starts from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from annotator.core.records import QUOTE_TYPES

#: The linker's configurations, by name, in order of preference on a tie (the rules alone first:
#: with as good a dev score, the pipeline that needs no model is the safer one).
#: ``rule_quotes``: the quote types taken from the rules (they replace the learned quotes they
#: overlap); ``learned_quotes``: the learned quote types kept where the rules found none;
#: ``syntax_speakers``: a learned quote's speaker is first the one the rules read off its cue;
#: ``parse_cues``: a learned quote's cue is first the verb its clause hangs on; ``min_learned_score``:
#: the learned quotes the model scored lower are left out (the ``GAP_FILLERS`` below).
COMBINATIONS: dict[str, dict[str, Any]] = {
    "rules alone": {"rule_quotes": list(QUOTE_TYPES), "learned_quotes": [], "syntax_speakers": False},
    "every rule quote wins, model's direct fill gaps, speakers off the cue":
        {"rule_quotes": list(QUOTE_TYPES), "learned_quotes": ["direct"], "syntax_speakers": True},
    "every rule quote wins, model's direct and mixed fill gaps, speakers off the cue":
        {"rule_quotes": list(QUOTE_TYPES), "learned_quotes": ["direct", "mixed"], "syntax_speakers": True},
    "every rule quote wins, speakers off the cue":
        {"rule_quotes": list(QUOTE_TYPES), "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": True},
    "every rule quote wins": {"rule_quotes": list(QUOTE_TYPES), "learned_quotes": list(QUOTE_TYPES),
                              "syntax_speakers": False},
    "rules' mixed and indirect win, speakers off the cue":
        {"rule_quotes": ["mixed", "indirect"], "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": True},
    "rules' direct win, speakers off the cue":
        {"rule_quotes": ["direct"], "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": True},
    "rules' direct win": {"rule_quotes": ["direct"], "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": False},
    "model, speakers off the cue": {"rule_quotes": [], "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": True},
    "model alone": {"rule_quotes": [], "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": False},
}

#: Scores a learned quote must reach to fill a gap the rules left, each tried on dev (only the spancat
#: design scores its spans; with the ner design these combinations are not scored).
SCORE_THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def gap_filler(min_score: float, parse_cues: bool, cue_clauses: bool = False) -> tuple[str, dict[str, Any]]:
    """Rules first: the model adds the quotes (of any type) no rule quote overlaps and that it scored at
    least ``min_score``; their speakers are read off the cue by the rules (the cue: the verb the quote
    hangs on with ``parse_cues``, else the model's nearest cue). With ``cue_clauses``, the complement
    clause after each learned cue verb no quote uses is a quote too."""
    name = "rules first, the model adds quotes no rule quote overlaps"
    name += f" scored >= {min_score:.1f}" if min_score else ""
    name += " and the clauses after its cue verbs" if cue_clauses else ""
    name += ", their cue the verb they hang on" if parse_cues else ""
    return name + ", speakers off the cue", {
        "rule_quotes": list(QUOTE_TYPES), "learned_quotes": list(QUOTE_TYPES), "syntax_speakers": True,
        "min_learned_score": min_score, "parse_cues": parse_cues, "cue_clauses": cue_clauses}


#: The gap fillers: every rule quote kept, model quotes added where no rule quote is, by score.
GAP_FILLERS = dict(gap_filler(score, parse, clauses) for clauses in (False, True) for parse in (False, True)
                   for score in (0.0, *SCORE_THRESHOLDS) if parse or not clauses)
COMBINATIONS.update(GAP_FILLERS)


@dataclass
class LinkingChoice:
    """The chosen combination, its linker config, and the dev figures of every combination scored."""

    name: str
    config: dict[str, Any]
    #: combination name → dev figures (attributed_f, quote_f, resolved_f, keys), in COMBINATIONS' order
    scores: dict[str, dict[str, float]]

    def to_dict(self) -> dict[str, Any]:
        return {"chosen": self.name, "config": self.config, "dev_scores": self.scores}


#: How much better than the rules alone on dev a combination must score to be chosen over them: on
#: a few dev documents a smaller gain is noise (a 50-document model's +0.007 on its 5 dev documents
#: was 0.02 below the rules on 84 held-out articles; a 200-document one's +0.003 on 20, 0.001 below).
MIN_GAIN_OVER_RULES = 0.01
#: Without such a gain, a combination no worse than the rules on dev attributed F1 is still chosen
#: when it saves the annotator this share of the rules' keys per dev document (``measure/keys``:
#: adding a missed quote costs 8 keys, deleting a wrong one 3, so quotes right a third of the time
#: already save keys at equal F1). A 200-document tagger's gap filler at +0.002 dev F1 saved 10% of
#: the keys on the 84 held-out articles at their F1 (0.671 vs 0.670).
MIN_KEY_SAVING = 0.05
RULES_ALONE = "rules alone"


def keeps_every_rule_quote(name: str) -> bool:
    """Whether the combination keeps all the rules' quotes (the model only adds: "rules first")."""
    config = COMBINATIONS.get(name)
    return config is not None and set(config["rule_quotes"]) == set(QUOTE_TYPES)


def best_combination(scores: dict[str, dict[str, float]], min_gain: float = MIN_GAIN_OVER_RULES,
                     min_key_saving: float = MIN_KEY_SAVING, adds_only: Callable[[str], bool] = keeps_every_rule_quote) -> str:
    """The name with the highest dev attributed F1 (the earlier one in ``scores`` on a tie) when it
    beats the rules alone by ``min_gain``; else the one with the fewest dev keys (``keys``, when
    scored) among those that keep every rule quote (``adds_only``) and are at least as good as the
    rules, when it saves ``min_key_saving`` of their keys; else the rules alone. (Keys alone chose a
    200-document tagger's direct quotes over the rules' for -0.3 dev keys: 0.016 below the rules'
    F1 on the held-out articles. A combination that only adds to the rules cannot lose what they find.)"""
    best = None
    for name, figures in scores.items():
        if best is None or figures["attributed_f"] > scores[best]["attributed_f"]:
            best = name
    if best is None:
        raise ValueError("no combination was scored")
    if RULES_ALONE not in scores:
        return best
    rules = scores[RULES_ALONE]
    if best != RULES_ALONE and scores[best]["attributed_f"] - rules["attributed_f"] >= min_gain - 1e-9:
        return best
    if "keys" not in rules:
        return RULES_ALONE
    level = [name for name, figures in scores.items() if figures["attributed_f"] >= rules["attributed_f"] - 1e-9
             and "keys" in figures and (name == RULES_ALONE or adds_only(name))]
    fewest = min(level, key=lambda name: scores[name]["keys"])
    if scores[fewest]["keys"] <= rules["keys"] * (1 - min_key_saving) + 1e-9:
        return fewest
    return RULES_ALONE


def needs_scores(config: dict[str, Any]) -> bool:
    """Whether the combination sorts the model's quotes by score (pointless for a model that gives none)."""
    return bool(config.get("min_learned_score"))


def uses_model(config: dict[str, Any]) -> bool:
    """Whether the linker keeps any learned quote (else the tagger need not run)."""
    return bool(config.get("learned_quotes", QUOTE_TYPES))
