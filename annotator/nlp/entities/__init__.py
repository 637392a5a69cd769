"""Entities made consistent within a document.

Mentions of a surname get the label of the person named in full (or who speaks), not the ORG or
NORP a small model sometimes gives them; speakers that are names become PERSON entities; a leading
``the`` and a possessive ``'s`` are left out of entity spans.

One module per kind of fix (``cleanup``, ``organisations``, ``people``, ``datelines``), each a few
steps that ``component`` runs in order over an ``EntityScan`` of the document.
"""

from annotator.nlp.entities.component import STEPS, EntityHarmoniser, make_entity_harmoniser
from annotator.nlp.entities.names import PERSON, name_tokens, surname_key
from annotator.nlp.entities.scan import EntityScan

__all__ = ["PERSON", "STEPS", "EntityHarmoniser", "EntityScan", "make_entity_harmoniser", "name_tokens", "surname_key"]
