"""Screens and dialogs of the annotator."""
