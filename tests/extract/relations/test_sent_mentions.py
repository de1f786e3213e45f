"""Sent.of remembers its answers per sentence (branch s26-speed): the same mentions, in order, as
filtering the sentence's mentions afresh, and a new list at every call, so that a caller changing the list
changes no later answer. Mentions invented for the test."""

from __future__ import annotations

import itertools
import random

from pharmakg.extract.components.coref import M
from pharmakg.extract.relations.sentence import Sent

TYPES = ("COMPOUND", "COMPANY", "DISEASE", "TARGET", "TRIAL")


def _fresh(s: Sent, types: tuple[str, ...], virtual: bool) -> list[M]:
    return [m for m in s.ms if m.type in types and (virtual or not m.virtual)]


def test_of_gives_the_filtered_mentions_at_every_call() -> None:
    rng = random.Random(7)
    for i in range(200):
        ms = [
            M(f"e{j % 5}", rng.choice(TYPES), j, j + 1, rng.random() < 0.3) for j in range(rng.randint(0, 9))
        ]
        s = Sent(i, 0, 20, "x" * 20, "x" * 20, ms)
        questions = [q for n in (1, 2) for q in itertools.combinations(TYPES, n)]
        for _ in range(3):  # asked again: the remembered answer is the same
            for types in questions:
                for virtual in (True, False):
                    assert s.of(*types, virtual=virtual) == _fresh(s, types, virtual)


def test_of_hands_back_a_new_list() -> None:
    a = M("e1", "COMPOUND", 0, 3)
    b = M("e2", "COMPANY", 5, 9)
    c = M("e3", "COMPOUND", 12, 15, True)
    s = Sent(0, 0, 20, "Abc and Defg use Hij", "abc and defg use hij", [a, b, c])
    first = s.of("COMPOUND")
    first.clear()
    first.append(b)
    assert s.of("COMPOUND") == [a, c]
    assert s.of("COMPOUND", virtual=False) == [a]
    assert s.of("COMPOUND") is not s.of("COMPOUND")
