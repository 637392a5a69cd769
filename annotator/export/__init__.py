"""Turning saved decisions into training data (spaCy, Prodigy, CoNLL, Hugging Face, doccano, Label Studio) and measuring them.

No Textual here: an import-linter contract and a test keep this layer usable from scripts.
"""

#: The export formats, here so the CLI can list them without importing spaCy.
FORMATS = ("spacy", "prodigy", "conll", "hf", "brat", "doccano", "labelstudio")
