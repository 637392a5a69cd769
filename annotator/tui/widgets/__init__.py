"""Widgets of the annotator, one per module; they receive data and report intent as messages."""
