import re

from pharmakg.extract.relations.cue_words import alternation, phrase_alternation


def test_the_longest_cue_wins_where_one_is_the_start_of_another() -> None:
    pattern = re.compile(alternation(["license", "license agreement"]))
    assert pattern.match("license agreement with Helix").group() == "license agreement"


def test_an_empty_cue_list_matches_nothing_not_everything() -> None:
    assert re.search(alternation([]), "any text at all") is None


def test_cue_words_are_escaped_and_may_be_lowered() -> None:
    assert re.fullmatch(alternation(["U.S. rights"]), "U.S. rights")
    assert not re.fullmatch(alternation(["U.S. rights"]), "UaSb rights")
    assert re.fullmatch(alternation(["Phase 2"], lower=True), "phase 2")


def test_a_cue_phrase_matches_across_any_whitespace() -> None:
    pattern = re.compile(r"\b(?:" + phrase_alternation(["Made available", "granted"]) + r")\b")
    assert pattern.search("rights were made\n  available to Helix")
    assert pattern.search("it was made-available") is None
