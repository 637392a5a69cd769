"""spaCy side: the pipeline, our components, and conversion between records and Docs."""
