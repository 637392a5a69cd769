"""The size limits of issue 22: no module outside ``tests/`` over 400 lines, and no function outside
``annotator/nlp/`` over radon's cyclomatic complexity 25. The rules in nlp/ read a parse with many
small conditions and are held to their own tests instead. radon counts ``and``/``or`` and
comprehension conditions, which ruff's C901 leaves out, so ruff cannot stand in for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "annotator"
MODULE_LINES = 400
COMPLEXITY = 25


def test_no_module_outside_the_tests_is_over_400_lines() -> None:
    modules = [*PACKAGE.rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    long = [f"{path.relative_to(ROOT)} ({lines})" for path in sorted(modules)
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES]
    assert not long, "split by responsibility: " + ", ".join(long)


def over_complexity(source: str) -> list[str]:
    """``name (complexity)`` of every function, method and closure over the limit."""
    if not os.environ.get("CI"):  # radon is a dev extra; CI installs it and must run these tests
        pytest.importorskip("radon")
    from radon.complexity import cc_visit
    from radon.visitors import Class

    def functions(blocks):
        for block in blocks:
            if isinstance(block, Class):
                yield from functions(block.methods)
                yield from functions(block.inner_classes)
            else:
                yield block
                yield from functions(block.closures)

    found = {(f.lineno, f.fullname): f.complexity for f in functions(cc_visit(source))}  # a method shows twice
    return [f"{name} ({complexity})" for (_, name), complexity in sorted(found.items()) if complexity > COMPLEXITY]


def test_no_function_outside_nlp_is_over_the_complexity_limit() -> None:
    over = [f"{path.relative_to(ROOT)}: {name}" for path in sorted(PACKAGE.rglob("*.py"))
            if path.relative_to(PACKAGE).parts[0] != "nlp"
            for name in over_complexity(path.read_text(encoding="utf-8"))]
    assert not over, "over radon complexity 25 (split by responsibility): " + "; ".join(over)


def test_the_complexity_limit_is_seen_in_methods_and_closures() -> None:
    branches = "\n".join(f"        if x == {i} and y:\n            pass" for i in range(13))
    method = f"class A:\n    def f(self, x, y):\n{branches}\n"
    closure = f"def outer():\n    def f(x, y):\n{branches}\n    return f\n"
    assert over_complexity(method) == ["A.f (27)"]
    assert [name.split(" ")[1] for name in over_complexity(closure)] == ["(27)"]
