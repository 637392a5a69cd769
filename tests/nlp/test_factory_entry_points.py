"""Every component of ours is declared as a spaCy entry point, so ``spacy.load`` of a saved
pipeline finds it without importing annotator first (a renamed factory function fails here)."""

from importlib.metadata import entry_points

from spacy.util import registry

import annotator.nlp.pipeline  # noqa: F401  (registers every factory)


def test_each_registered_annotator_factory_has_an_entry_point_that_loads():
    declared = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.name.startswith("annotator_")}
    registered = {name for name in registry.factories.get_all() if name.startswith("annotator_")}
    assert set(declared) == registered
    for name, ep in declared.items():
        assert ep.load() is registry.factories.get(name)
