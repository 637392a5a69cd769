"""The export layer imports without Textual, so scripts and servers can use it."""

from __future__ import annotations

import subprocess
import sys


def test_export_modules_import_without_textual():
    code = (
        "import sys\n"
        "import annotator.formats.exporting, annotator.measure.stats, annotator.measure.agreement, annotator.measure.evaluation\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('annotator.tui'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
