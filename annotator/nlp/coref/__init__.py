"""Who a speaker mention refers to: ``COREF`` from a pronoun, surname or description to the fullest
PERSON name mention in the document.

Pronouns take the most recent person of a compatible gender, preferring subjects and skipping names
inside direct quotes; a pronoun before any name (a lede) takes the first person named after it.
Gender comes from titles and from pronouns that plainly refer to one person; nothing is guessed
from first names. Two people sharing a surname stay two people. A description of an organisation
(``the ministry``) links to an ORG or to nothing, never to a person; unnamed plural sources
(``two people familiar with the matter``) stay unresolved.

One module per kind of speaker (``organisations``, ``persons``, ``relatives``), each a few
resolvers that ``component`` asks in order over a ``CorefScan`` of the document;
``person_register`` gathers who the document names, which ``persons`` resolves people to.
"""

from annotator.nlp.coref.component import RESOLVERS, SpeakerResolver, make_speaker_resolver
from annotator.nlp.coref.person_register import Person, person_named
from annotator.nlp.coref.scan import CorefScan, Resolved

__all__ = [
    "RESOLVERS", "CorefScan", "Person", "Resolved", "SpeakerResolver", "make_speaker_resolver", "person_named",
]
