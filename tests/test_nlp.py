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


def test_hyphenated_compounds_that_are_not_names_are_left_to_the_tokenizer() -> None:
    doc = parse_text(
        "Anti-government protesters marched in pro-Russian towns. The Saudi-led coalition "
        "struck Houthi positions. Kim Jong-un slept."
    )
    words = [t.text for t in doc]
    assert words[:3] == ["Anti", "-", "government"]
    assert "pro" in words and "Saudi" in words and "Jong-un" in words
