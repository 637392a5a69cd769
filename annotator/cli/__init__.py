"""Command-line interface: one module per command, each a thin wrapper over a plain function.

Commands are registered in the order of the workflow, which is the order ``--help`` lists them.
"""

from annotator.cli.app import app
from annotator.cli import prelabel  # noqa: F401  (registers the command)
from annotator.cli import annotate  # noqa: F401
from annotator.cli import review  # noqa: F401
from annotator.cli import serve  # noqa: F401
from annotator.cli import visit  # noqa: F401
from annotator.cli import export  # noqa: F401
from annotator.cli import stats  # noqa: F401
from annotator.cli import agree  # noqa: F401
from annotator.cli import evaluate  # noqa: F401
from annotator.cli import train  # noqa: F401
from annotator.cli import validate  # noqa: F401
from annotator.cli import import_files  # noqa: F401

__all__ = ["app"]
