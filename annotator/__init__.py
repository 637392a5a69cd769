"""annotator: build quote-attribution and NER training data in the terminal."""
__version__ = "0.1.0"
