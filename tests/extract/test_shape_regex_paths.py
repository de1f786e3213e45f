"""The shape rules' tests that no longer compile a regex per name (branch s26-speed) answer as the regexes
they replace: the brand-is-a-platform test (shapes.json brand_names_platform with the word put in) and the
ligand test (the name followed by shapes.json ligand_after), on random texts built from invented words."""

from __future__ import annotations

import random
import re

import pytest

from pharmakg.extract.components.shapes import ShapeRecognizer
from pharmakg.extract.literals import folded

PIECES = [
    "Zorvix",
    "ZORVIX",
    "zorvix",
    "Zorvix-2",
    "Kelvo",
    "\u212aelvo",  # the Kelvin sign, which lowers to "k" and which a case-insensitive regex takes for "k"
    "AB-12",
    "GLP-1",
    "®",
    "™",
    "(TM)",
    "(R)",
    " ",
    "  ",
    "\n",
    "-",
    "_",
    "(",
    ")",
    "platform",
    "Platform",
    "TECHNOLOGY",
    "engine",
    "engines",
    "proprietary",
    "our",
    "receptor",
    "Receptors",
    "é",
    "Ä",
    "ı",  # fold traps: a text holding one is not folded, the regex runs
    "ſ",
    "İ",
    "2",
    ".",
]
WORDS = ["Zorvix", "zorvix", "ZORVIX", "Kelvo", "AB-12", "Zorvix-2", "Ävo", "GLP-1"]


@pytest.fixture(scope="module")
def shapes() -> ShapeRecognizer:
    return ShapeRecognizer("shapes.json", "payloads.tsv", "targets.tsv")


def _texts(seed: int, n: int, middles: list[str]) -> list[str]:
    """Random runs of the pieces; every other one with a word, a joint and a head noun in its middle."""
    rng = random.Random(seed)
    out = []
    for k in range(n):

        def run() -> str:
            return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 7)))

        middle = rng.choice(middles) if k % 2 else ""
        out.append(run() + middle + run())
    return out


BRANDED = [
    w + mark + gap + head
    for w in ("Zorvix", "ZORVIX", "zorvix", "\u212aelvo", "Kelvo", "AB-12", "xZorvix", "Zorvix-2")
    for mark in ("", "®", "(TM)", " ™")
    for gap in (" ", "  ", "\n", " our ", " novel proprietary ", " a b c ", "-")
    for head in ("platform", "Technology", "engines", "platforms", "system")
]
LIGANDS = [
    w + close + gap + head
    for w in ("GLP-1", "glp-1", "xGLP-1", "AB-12", "Zorvix")
    for close in ("", ")")
    for gap in (" ", "-", " - ", " (", "(", " ( ", "\n")
    for head in ("receptor", "receptors", "Receptor", "receptorial")
]


def test_brand_platform_test_equals_its_regex(shapes: ShapeRecognizer) -> None:
    assert shapes.brand_platform_tail is not None  # the str.find path is the one tested here
    found = 0
    for text in _texts(11, 6000, BRANDED):
        for word in WORDS:
            rx = shapes.brand_names_platform.replace("{WORD}", re.escape(word))
            want = re.search(rx, text, re.IGNORECASE) is not None
            found += want
            assert shapes._brand_names_platform(text, word, folded(text)) == want, (text, word)
    assert found > 100  # the random texts do hold brands called platforms


def test_ligand_test_equals_its_regex(shapes: ShapeRecognizer) -> None:
    found = 0
    for text in _texts(12, 6000, LIGANDS):
        for name in ("GLP-1", "AB-12", "Zorvix"):
            rx = re.compile(r"(?<![\w-])" + re.escape(name) + shapes.ligand_after.pattern)
            want = rx.search(text) is not None
            found += want
            assert shapes._ligand(text, name) == want, (text, name)
    assert found > 100
