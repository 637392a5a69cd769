"""Measuring decisions: scores against gold (``evaluation``), agreement between annotators, counts (``stats``).

One span scorer (``spans``) serves them all. No Rich here: the command line draws the tables.
"""
