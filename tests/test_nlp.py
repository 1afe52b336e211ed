"""The NLP stage's own components, on the real model."""

from __future__ import annotations

import pytest

from polybius.nlp import parse_text

pytestmark = pytest.mark.model


def test_a_hyphenated_given_name_stays_one_token_and_is_parsed_as_a_name() -> None:
    doc = parse_text("South Korean President Moon Jae-in called the decision reckless.")
    words = [t.text for t in doc]
    assert "Jae-in" in words
    name = doc[words.index("Jae-in")]
    assert name.dep_ == "nsubj" and name.head.lemma_ == "call"
    assert doc.text == "South Korean President Moon Jae-in called the decision reckless."


def test_a_name_linked_by_e_or_ul_stays_one_token() -> None:
    text = "Jaish-e-Mohammed and Hizb-ul-Mujahideen claimed the attack on well-to-do areas."
    doc = parse_text(text)
    words = [t.text for t in doc]
    assert words[:3] == ["Jaish-e-Mohammed", "and", "Hizb-ul-Mujahideen"]
    assert doc[0].dep_ == "nsubj" and doc[0].head.lemma_ == "claim"
    assert "well" in words, "a lower-case compound is no name"
    assert doc.text == text


def test_an_abbreviated_country_glued_to_a_participle_is_split_from_it() -> None:
    doc = parse_text("Israel and Lebanon sealed a U.S.-brokered deal, a well-known plan.")
    words = [t.text for t in doc]
    assert words[5:8] == ["U.S.", "-", "brokered"]
    assert "well" in words and "known" in words


def test_verb_forms_the_model_lemmatises_wrongly_get_their_lemma() -> None:
    doc = parse_text("The court fined the company while the army was waging war on rebels.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["fined"] == "fine" and lemmas["waging"] == "wage"
    slated = parse_text("The talks are slated for Monday.")
    assert [t.lemma_ for t in slated if t.text == "slated"] != ["slate"], "scheduled, no criticism"


def test_hyphenated_compounds_that_are_not_names_are_left_to_the_tokenizer() -> None:
    doc = parse_text(
        "Anti-government protesters marched in pro-Russian towns. The Saudi-led coalition "
        "struck Houthi positions. Kim Jong-un slept."
    )
    words = [t.text for t in doc]
    assert words[:3] == ["Anti", "-", "government"]
    assert "pro" in words and "Saudi" in words and "Jong-un" in words


def test_a_live_blogs_time_stamps_are_no_part_of_its_entries() -> None:
    text = (
        "09:55 GMT - Breaking: Turkish jets have shot down a Russian warplane. 12:40 GMT - "
        "Vladimir Putin calls the downing a stab in the back. Update, 15:30 GMT - NATO "
        "ambassadors will meet in Brussels."
    )
    sentences = [s.text for s in parse_text(text).sents]
    assert sentences == [
        "09:55 GMT - Breaking:",
        "Turkish jets have shot down a Russian warplane.",
        "12:40 GMT -",
        "Vladimir Putin calls the downing a stab in the back.",
        "Update, 15:30 GMT -",
        "NATO ambassadors will meet in Brussels.",
    ]


def test_a_clock_time_inside_a_sentence_splits_nothing() -> None:
    doc = parse_text("The attack began at 1:10 a.m. today, the army said.")
    assert len(list(doc.sents)) == 1
