"""The terminal annotator (Textual): screens, widgets and the app that opens them."""
