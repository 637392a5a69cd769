"""Training the learned pre-labeler from accepted annotations and imported corpora (``annotator train``)."""
