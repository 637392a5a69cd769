"""``annotate --learn``: after every N accepted documents, one background update (``updater``) in its
own niced process, never in the interface's; the interface polls it between keys and pre-labels what
is ahead with each model it keeps. Plain Python: the interface gets it from the command line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from annotator.core.errors import UserError
from annotator.core.output_lock import StoreLockedError, open_locked
from annotator.training.suggestion_update import describe_update
from annotator.training.updater import latest_model, model_dev_score, remove_partials

#: Accepted documents between two updates (``--learn-every``): what the simulation takes at a time.
LEARN_EVERY = 10
#: How nice the update runs: the interface keeps the core it is on.
UPDATE_NICENESS = 10
#: Minutes an update may train (``--learn-minutes``): a model that comes an hour late helps nobody.
LEARN_MINUTES = 5.0


@dataclass(frozen=True)
class ModelInUse:
    """The pre-labeler in force: ``number`` None means the rules (no model kept yet)."""

    number: int | None
    path: Path | None
    dev_f: float | None
    #: what the update that published it changed (``suggestions from 120 decisions``; None: a span model)
    change: str | None = None

    def describe(self) -> str:
        score = f" · dev F1 {self.dev_f:.3f}" if self.dev_f is not None else ""
        change = f" · {self.change}" if self.change else ""
        return (f"model {self.number}" if self.number is not None else "rules (no model yet)") + change + score


@dataclass(frozen=True)
class UpdateOutcome:
    """What a finished update reports: kept or not, the dev figures, or why it failed."""

    kept: bool
    model: ModelInUse | None
    new_f: float | None = None
    current_f: float | None = None
    error: str | None = None
    #: why the update was kept or not (the updater's words; empty from an older report)
    reason: str = ""

    def describe(self) -> str:
        if self.error:
            return f"model update failed: {self.error}"
        if self.kept and self.model is not None and self.model.change:
            return f"model {self.model.number} kept: {self.reason or self.model.change}"
        if self.kept and self.model is not None:
            return f"model {self.model.number} kept: dev F1 {self.new_f:.3f} (in use before: {self.current_f:.3f})"
        if self.model is not None and self.model.number is not None and self.reason:
            return f"model {self.model.number} stays: {self.reason}"
        if self.reason:
            return f"update not kept: {self.reason}"
        return f"update not kept: dev F1 {self.new_f:.3f}, not better than {self.current_f:.3f}"


class LearningLoop:
    """Counts accepted documents, starts an update every ``every`` of them (one at a time), reports it."""

    def __init__(self, *, decisions: Path, root: Path, learn_from: Sequence[Path] = (), base: str | None = None,
                 every: int = LEARN_EVERY, minutes: float = LEARN_MINUTES, eval_every: int = 100,
                 max_steps: int = 20000, python: str = sys.executable, pretrain: Sequence[Path] = (),
                 pretrain_minutes: float = 10.0, suggestions: bool = True, span_model: bool = True) -> None:
        self.decisions = Path(decisions)
        self.root = Path(root)
        self.learn_from = [Path(p) for p in learn_from]
        self.base = base
        self.every = max(1, every)
        self.minutes = minutes
        self.eval_every = eval_every
        self.max_steps = max_steps
        self.python = python
        #: raw texts the first update pretrains the tagger's tok2vec on (``annotate --pretrain``)
        self.pretrain = [Path(p) for p in pretrain]
        self.pretrain_minutes = pretrain_minutes
        #: what an update does: count the decisions' frames for the suggestions (first, no training
        #: steps), train the span model (then); at least one
        self.suggestions = suggestions
        self.span_model = span_model
        self.root.mkdir(parents=True, exist_ok=True)
        # One run per folder: the snapshot, the report and the half-written model another run's
        # update is writing all live here, and this run removes what it takes for leftovers.
        try:
            self._lock = open_locked(self.root / ".learn.lock")
        except StoreLockedError:
            raise UserError(f"--learn {self.root}: another annotate --learn run updates the models in this "
                            "folder; nothing was changed: give each run its own folder") from None
        remove_partials(self.root)
        self.snapshot_path.unlink(missing_ok=True)  # (left by a run killed while it updated)
        self.in_use = self._read_in_use()
        self._process: subprocess.Popen | None = None
        self._accepted_at_start: int | None = None
        self._last_count = 0

    def _read_in_use(self) -> ModelInUse:
        folder = latest_model(self.root)
        if folder is None:
            return ModelInUse(None, None, None)
        return ModelInUse(int(folder.name), folder, model_dev_score(folder), describe_update(folder))

    @property
    def running(self) -> bool:
        return self._process is not None

    @property
    def report_path(self) -> Path:
        return self.root / ".update-report.json"

    @property
    def snapshot_path(self) -> Path:
        return self.root / ".decisions-snapshot.jsonl"

    def accepted(self, count: int) -> bool:
        """Called with the number of accepted documents after each decision; True when an update starts."""
        self._last_count = count
        if self._process is not None:
            return False
        since = count - (self._accepted_at_start or 0)
        if count < 2 or since < self.every:
            return False
        self.start(count)
        return True

    def start(self, count: int) -> None:
        """Snapshot the decisions (complete lines only: the interface may be appending) and start the update."""
        data = self.decisions.read_bytes()
        self.snapshot_path.write_bytes(data[:data.rfind(b"\n") + 1])
        self.report_path.unlink(missing_ok=True)
        command = [self.python, "-m", "annotator.training.updater", str(self.snapshot_path), str(self.root),
                   "--report", str(self.report_path), "--max-minutes", str(self.minutes),
                   "--eval-every", str(self.eval_every), "--max-steps", str(self.max_steps)]
        for corpus in self.learn_from:
            command += ["--learn-from", str(corpus)]
        if self.base:
            command += ["--base", self.base]
        for texts in self.pretrain:
            command += ["--pretrain", str(texts)]
        if self.pretrain:
            command += ["--pretrain-minutes", str(self.pretrain_minutes)]
        command += ["--no-suggestions"] * (not self.suggestions) + ["--no-span-model"] * (not self.span_model)
        log = (self.root / "updates.log").open("ab")
        env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         env=env, preexec_fn=_lower_priority, start_new_session=True)
        log.close()
        self._accepted_at_start = count

    def poll(self) -> UpdateOutcome | None:
        """The outcome once the running update has finished (None while it runs, or when none does); while
        it runs, a model it has already published (the suggestions' counts come before the span model)
        is reported as kept, so the documents ahead get it without waiting for the training."""
        if self._process is None:
            return None
        if self._process.poll() is None:
            return self._published_meanwhile()
        code = self._process.returncode
        self._process = None
        self.snapshot_path.unlink(missing_ok=True)
        try:
            report = json.loads(self.report_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return UpdateOutcome(False, None, error=f"the update exited with status {code} "
                                                    f"(see {self.root / 'updates.log'})")
        if "error" in report:
            return UpdateOutcome(False, None, error=str(report["error"]))
        before = self.in_use.path
        if report["kept"]:
            self.in_use = self._read_in_use()
        # (a model published while the update ran was reported then: not kept twice)
        kept = bool(report["kept"]) and self.in_use.path != before
        return UpdateOutcome(kept, self.in_use, report["new_f"], report["current_f"],
                             reason=str(report.get("reason") or ""))

    def _published_meanwhile(self) -> UpdateOutcome | None:
        folder = latest_model(self.root)
        if folder is None or folder == self.in_use.path or describe_update(folder) is None:
            return None  # (a span model is reported with the update's figures when it ends)
        self.in_use = self._read_in_use()
        return UpdateOutcome(True, self.in_use, self.in_use.dev_f, None, reason=self.in_use.change or "published")

    def stop(self) -> None:
        """Stop a running update (quitting): it leaves no model, only a hidden folder the next one removes."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
        self.snapshot_path.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop a running update and let another run use the folder."""
        self.stop()
        self._lock.close()


def _lower_priority() -> None:
    os.nice(UPDATE_NICENESS)
