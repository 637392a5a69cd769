"""The scorer's features (``suggest/scorer_features.py``): the lexicon's class index built once per
lexicon's tables, the crosses, the features about the pre-labels around a suggestion, and the
features in blocks weighed as the merged ones (our own sentences)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from annotator.nlp.cue_words import CUE_VERB_CLASSES, STANCE_NOUN_PREPOSITIONS
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import SCORES, proposals
from annotator.nlp.suggest.scorer import (
    CROSSES, DocFacts, base_features, class_index, crossed, cue_classes, feature_blocks, features, merged,
    suggestion_features, weighted_sum,
)
from annotator.nlp.suggest.scorer_features import CLASS_ATTRIBUTES, CROSSED_FLAGS

#: A pre-labeled speech quote, then a belief of the same speaker the rules leave to the suggestions.
TWO = ("Harbourmaster Lotte Brandvik said that the new pier will open in May. "
       "Brandvik tries to paint the lighthouse a brighter shade of green before the regatta.")


def parsed(nlp_model, text: str):
    """``text`` pre-labeled by the rules alone (no suggestion promoted)."""
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        return nlp_model(text)


def direct_classes(words: set[str], lexicon) -> set[str]:
    """The classes as the scorer read them before the index: each table tested in turn."""
    found = {name for name, attribute in CLASS_ATTRIBUTES if not words.isdisjoint(getattr(lexicon, attribute, ()))}
    found |= {"stance-noun"} if not words.isdisjoint(STANCE_NOUN_PREPOSITIONS) else set()
    return found | {f"class-{name}" for name, verbs in CUE_VERB_CLASSES.items() if not words.isdisjoint(verbs)}


def test_the_class_index_gives_what_each_table_gives(nlp_model):
    lexicon = Lexicon()
    doc = nlp_model("The mayor said the tunnel would flood, critics doubted it and warned against delays, "
                    "and her opposition to tolls is expected to grow, according to the guild.")
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 3, len(doc)) + 1):
            cue = doc[start:end]
            words = {t.lemma_.lower() for t in cue} | {t.lower_ for t in cue}
            assert set(cue_classes(cue, lexicon)) == direct_classes(words, lexicon), cue.text


def test_the_class_index_is_built_once_and_anew_for_a_new_table():
    lexicon = Lexicon()
    assert class_index(lexicon) is class_index(lexicon)
    assert "zanzibar" not in class_index(lexicon)
    lexicon.nouns = lexicon.nouns | {"zanzibar"}
    assert "noun" in class_index(lexicon)["zanzibar"]
    assert "zanzibar" not in class_index(Lexicon())


def test_a_lexicon_with_fewer_tables_is_read_through_its_public_attributes():
    sparse = SimpleNamespace(speech=frozenset({"whisper"}), nouns=frozenset({"rumour"}))
    index = class_index(sparse)
    assert index["whisper"][0] == "speech" and index["rumour"] == ("noun",)


def test_features_are_the_base_and_their_crosses(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = parsed(nlp_model, TWO)
    facts = DocFacts.of(doc)
    found = proposals(doc, lexicon, frozenset(SCORES))
    assert found
    for p in found:
        base = base_features(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
        full = features(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
        assert full == crossed(base) == suggestion_features(doc, p, lexicon)
        assert f"source={p.source}|type={p.quote_type}" in full
        assert crossed(base, ()) == base
        assert all("|" not in name or name.startswith(f"source={p.source}|") for name in base)
    assert ("source", "cue-class") in CROSSES


def test_the_pre_labels_around_a_suggestion_are_read(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = parsed(nlp_model, TWO)
    assert [q.text for q in doc.spans["quotes"]] == ["the new pier will open in May"]
    (plan,) = [p for p in proposals(doc, lexicon, frozenset({"frame:infinitive"}))]
    assert plan.speaker is not None and plan.speaker.text == "Brandvik"
    feats = suggestion_features(doc, plan, lexicon)
    assert feats["neighbour-sentence-has-prelabel"] == 1.0 and feats["sentence-has-prelabel"] == 0.0
    assert feats["speaker-of-prelabel"] == 1.0  # the same name heads the first quote's speaker
    assert feats["speaker-subject-of-cue"] == 1.0 and feats["speaker-dep=nsubj"] == 1.0
    assert feats["cue-of-prelabel"] == 0.0 and feats["cue-in-prelabel"] == 0.0
    assert feats["log-prelabels"] == pytest.approx(0.6931, abs=1e-3)
    assert 0 < feats["content-share-of-sentence"] < 1 and 0 < feats["cue-place-in-sentence"] < 0.5


def test_a_cue_inside_a_pre_labeled_quote_is_flagged(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = parsed(nlp_model, '"The ferry crews believe the new timetable is unworkable," the union leader said.')
    facts = DocFacts.of(doc)
    assert facts.quotes, [q.text for q in doc.spans["quotes"]]
    cue = next(t for t in doc if t.lower_ == "believe")
    content = doc[cue.i + 1:cue.i + 6]
    feats = features(facts, content, doc[cue.i:cue.i + 1], doc[cue.i - 2:cue.i], "frame:clause", "indirect", lexicon)
    assert feats["cue-in-prelabel"] == 1.0 and feats["speaker-in-prelabel"] == 1.0
    assert feats["has-mark-token"] == 0.0 and feats["sentence-has-direct-prelabel"] == 1.0


def test_what_the_content_and_the_speaker_hold(nlp_model):
    doc = parsed(nlp_model, "Boatwright Tamsin Okafor said the ferry from Dunmore needs 3 new engines, and she repaired it.")
    lexicon = Lexicon()
    said = next(t for t in doc if t.lower_ == "said")
    content = doc[said.i + 1:doc[-1].i]
    speaker = doc[0:said.i]
    feats = base_features(DocFacts.of(doc), content, doc[said.i:said.i + 1], speaker, "frame:clause", "indirect",
                          lexicon)
    assert feats["content-has-finite-verb"] == 1.0 and feats["content-has-verb"] == 1.0
    assert feats["content-has-number"] == 1.0 and feats["content-has-comma"] == 1.0
    assert feats["content-has-pronoun"] == 1.0
    assert feats["log-sentence-start-gap"] > 0 and feats["log-sentence-end-gap"] > 0
    assert feats["speaker-in-content"] == 0.0
    short = doc[said.i + 1:said.i + 3]  # "the ferry": no verb, no number
    feats = base_features(DocFacts.of(doc), short, doc[said.i:said.i + 1], None, "frame:clause", "indirect", lexicon)
    assert feats["content-has-verb"] == 0.0 and feats["content-has-number"] == 0.0
    assert feats["content-has-comma"] == 0.0 and 0.0 <= feats["content-entity-share"] <= 1.0


def test_the_content_counts_read_from_arrays_match_the_tokens(nlp_model):
    from annotator.nlp.suggest.content_counts import content_counts
    doc = parsed(nlp_model, "Mayor Reinholt Abara of Velmouth told 40 fishers, who had waited since May, that "
                            "the harbour would reopen, and they thanked him for it.")
    facts = DocFacts.of(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            got = content_counts(facts.inside_counts, span)
            assert got["content-has-comma"] == float(any(t.text == "," for t in span))
            assert got["content-has-verb"] == float(any(t.pos_ == "VERB" for t in span))
            assert got["content-has-pronoun"] == float(any(t.pos_ == "PRON" for t in span))
            assert got["content-has-number"] == float(any(t.pos_ == "NUM" for t in span))
            assert got["content-has-finite-verb"] == float(any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span))
            named = sum(1 for t in span if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
            assert got["content-entity-share"] == pytest.approx(named / len(span))


def test_the_cue_complements_and_the_content_heads_class(nlp_model):
    doc = parsed(nlp_model, "Warden Pilar Eskildsen believes that the dunes will hold through the storm season.")
    lexicon = Lexicon()
    cue = next(t for t in doc if t.lower_ == "believes")
    content = doc[cue.i + 1:len(doc) - 1]
    feats = base_features(DocFacts.of(doc), content, doc[cue.i:cue.i + 1], doc[0:cue.i], "frame:clause",
                          "indirect", lexicon)
    assert feats["cue-has-ccomp"] == 1.0 and "cue-has-dobj" not in feats
    assert feats["cue-head-pos=self"] == 1.0
    assert feats["log-sentences-to-prelabel"] >= 0.0
    names = [n for n in feats if n.startswith("content-head-class=")]
    assert all(n.partition("=")[2] for n in names)


def test_feature_blocks_share_no_name_and_weigh_as_the_merged_features(nlp_model):
    component = nlp_model.get_pipe(SUGGESTIONS)
    lexicon, scorer = component.lexicon, component.scorer
    doc = parsed(nlp_model, TWO + " Officials hope the ferry will resume on Monday, the council said.")
    facts = DocFacts.of(doc)
    found = proposals(doc, lexicon, frozenset(scorer.sources))
    assert found
    for p in found:
        blocks = feature_blocks(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
        names = [name for block in blocks for name in block]
        assert len(names) == len(set(names))
        merged_features = features(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
        assert list(merged(blocks).items()) == list(merged_features.items())
        assert scorer.logit(blocks) == weighted_sum(scorer.weights, merged_features)  # the same sum, to the bit


def test_the_sentences_to_the_nearest_pre_label_are_counted_both_ways(nlp_model):
    doc = parsed(nlp_model, "The pier opened. The crowd cheered. The mayor said the pier is safe. Gulls circled.")
    facts = DocFacts.of(doc)
    assert sorted(facts.quoted_sentences) == [2]
    assert [facts.sentences_to_prelabel(s) for s in range(4)] == [2, 1, 0, 1]
    facts.quoted_sentences, facts._quoted_order = set(), None
    assert facts.sentences_to_prelabel(1) == 50


def test_a_first_or_second_person_pronoun_head_is_named_and_crossed_with_the_source(nlp_model):
    doc = parsed(nlp_model, "The ferrymen warned us, and the harbour board ignored them.")
    lexicon = Lexicon()
    facts = DocFacts.of(doc)
    for word, person in (("us", "head-person=first"), ("them", None)):
        thing = next(t for t in doc if t.lower_ == word)
        verb = thing.head
        feats = features(facts, doc[thing.i:thing.i + 1], doc[verb.i:verb.i + 1], None, "rule:pronoun-object",
                         "indirect", lexicon)
        persons = [n for n in feats if n.startswith("head-person=") or "|head-person=" in n]
        if person is None:
            assert persons == []
        else:
            assert persons == [person, f"source=rule:pronoun-object|{person}"]
    you = parsed(nlp_model, "Inspectors told you nothing.")
    thing = next(t for t in you if t.lower_ == "you")
    assert "head-person=second" in base_features(DocFacts.of(you), you[thing.i:thing.i + 1], None, None,
                                                 "rule:pronoun-object", "indirect", lexicon)


def test_a_passives_by_agent_is_flagged_on_its_cue_and_crossed_with_the_source(nlp_model):
    lexicon = Lexicon()
    for text, agent in (("The toll plan was rejected by the drivers' guild.", True),
                        ("The toll plan was rejected last week.", False)):
        doc = parsed(nlp_model, text)
        verb = next(t for t in doc if t.lower_ == "rejected")
        subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
        content = doc[subject.left_edge.i:subject.right_edge.i + 1]
        feats = features(DocFacts.of(doc), content, doc[verb.i:verb.i + 1], None, "rule:passive-subject",
                         "indirect", lexicon)
        assert ("cue-agent=by" in feats) is agent
        assert ("source=rule:passive-subject|cue-agent=by" in feats) is agent
        assert feats == crossed(base_features(DocFacts.of(doc), content, doc[verb.i:verb.i + 1], None,
                                              "rule:passive-subject", "indirect", lexicon))


def test_the_content_heads_own_dependents_are_flagged(nlp_model):
    doc = parsed(nlp_model, "The wardens disputed the claim that the old dam leaks.")
    lexicon = Lexicon()
    claim = next(t for t in doc if t.lower_ == "claim")
    verb = claim.head
    content = doc[claim.left_edge.i:claim.right_edge.i + 1]
    feats = base_features(DocFacts.of(doc), content, doc[verb.i:verb.i + 1], doc[0:2], "frame:object", "indirect",
                          lexicon)
    assert feats["head-has-det"] == 1.0
    assert feats.get("head-has-acl", 0.0) + feats.get("head-has-ccomp", 0.0) == 1.0
    assert "head-has-poss" not in feats and "cue-agent=by" not in feats


def test_the_content_heads_entity_kind_and_first_tag_are_crossed_with_the_source(nlp_model):
    doc = parsed(nlp_model, "The dockers praised Mayor Ingrid Solvang on Friday.")
    lexicon = Lexicon()
    verb = next(t for t in doc if t.lower_ == "praised")
    thing = next(c for c in verb.children if c.dep_ == "dobj")
    content = doc[thing.left_edge.i:thing.right_edge.i + 1]
    feats = features(DocFacts.of(doc), content, doc[verb.i:verb.i + 1], doc[0:2], "frame:object", "indirect", lexicon)
    assert thing.ent_type_ == "PERSON"  # the model's reading of the name
    assert feats["head-ent=person"] == 1.0 and feats["source=frame:object|head-ent=person"] == 1.0
    first = next(n for n in feats if n.startswith("first-tag="))
    assert feats[f"source=frame:object|{first}"] == 1.0


def test_the_session_16_crosses_read_the_head_tag_classes_flags_and_speaker(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = parsed(nlp_model, TWO)
    facts = DocFacts.of(doc)
    found = proposals(doc, lexicon, frozenset(SCORES))
    assert any(p.speaker is not None and p.cue is not None for p in found)
    for p in found:
        feats = features(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)
        source = f"source={p.source}"
        tag = next(n for n in feats if n.startswith("head-tag="))
        assert feats[f"{source}|{tag}"] == 1.0
        for name in (n for n in feats if n.startswith("content-head-class=")):
            assert f"{source}|{name}" in feats
        for flag in ("cue-has-prep", "paragraph-has-prelabel"):
            assert (f"{source}|{flag}" in feats) is (feats.get(flag) == 1.0)
        if p.speaker is not None and p.cue is not None:
            speaker_dep = next(n for n in feats if n.startswith("speaker-dep="))
            cue_dep = next(n for n in feats if n.startswith("cue-dep="))
            assert feats[f"{speaker_dep}|{cue_dep}"] == 1.0
    # the second sentence shares the first one's paragraph, which holds a pre-label
    assert any(f"source={p.source}|paragraph-has-prelabel" in features(
        facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon) for p in found)
    assert set(CROSSED_FLAGS) == {"cue-has-prep", "paragraph-has-prelabel"}


def test_a_flag_is_crossed_only_when_it_is_there():
    base = {"source=frame:object": 1.0, "cue-has-prep": 1.0, "paragraph-has-prelabel": 0.0}
    out = crossed(base, (("source", "cue-has-prep"), ("source", "paragraph-has-prelabel")))
    assert out["source=frame:object|cue-has-prep"] == 1.0
    assert "source=frame:object|paragraph-has-prelabel" not in out
