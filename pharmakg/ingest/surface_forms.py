"""The text the rules read: the document text with typographic variants folded, character for character.

Releases write the same word in several surface forms: a code name with a non-breaking hyphen ("ZB‑12") or
an en dash ("ZB–12"), a compound modifier with an en dash ("BRAF–mutant"), an apostrophe typed as an acute
accent ("Helix´s"), punctuation in the fullwidth forms of East Asian typesetting ("Helix（HLX）"). The rules
(lexicons, shapes, cues) and spaCy's tokenizer are written for the plain characters, so the pipeline reads a
copy of the text in which those variants are the plain character (table: ``surface_forms.json`` beside this
module). Every fold replaces one character by one character, so an offset into the read text is the same
offset into ``Document.text``: the user's text is never rewritten. Ingest finds skip spans, the filing cover
and the date in the read text; extraction reads it (:mod:`pharmakg.extract.pipeline`) and cuts evidence
sentences and mention texts from the document text again (:mod:`pharmakg.extract.assemble`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

SURFACE_FORMS_PATH = Path(__file__).with_name("surface_forms.json")


class SurfaceForms:
    """The folds of one table: characters folded everywhere (single ones, and blocks shifted onto others) and
    characters folded between word characters."""

    def __init__(
        self,
        everywhere: dict[str, str],
        between_word_chars: dict[str, str],
        shifted_ranges: Sequence[tuple[str, str, str]] = (),
    ):
        everywhere = dict(everywhere)
        for first, last, target in shifted_ranges:
            everywhere.update(
                {chr(c): chr(ord(target) + c - ord(first)) for c in range(ord(first), ord(last) + 1)}
            )
        for old, new in [*everywhere.items(), *between_word_chars.items()]:
            if len(old) != 1 or len(new) != 1:
                raise ValueError(f"a surface fold must replace one character by one, not {old!r} -> {new!r}")
        self._everywhere = str.maketrans(everywhere)
        self._between = between_word_chars
        chars = "".join(re.escape(c) for c in [*everywhere, *between_word_chars])
        # a cheap test first: most documents hold none of the variants and are read as they are
        self._any = re.compile(f"[{chars}]") if chars else None
        inner = "".join(re.escape(c) for c in between_word_chars)
        self._joining = re.compile(rf"(?<=[^\W_])[{inner}](?=[^\W_])") if inner else None

    def fold(self, text: str) -> str:
        """``text`` with its variants folded; the same string when it has none."""
        if self._any is None or not self._any.search(text):
            return text
        text = text.translate(self._everywhere)
        if self._joining is not None:
            text = self._joining.sub(lambda m: self._between[m.group(0)], text)
        return text


@lru_cache(maxsize=4)
def surface_forms(path: Path = SURFACE_FORMS_PATH) -> SurfaceForms:
    """The table of folds (default: surface_forms.json beside this module)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    ranges = [(first, last, target) for first, last, target in data.get("shifted_ranges", [])]
    return SurfaceForms(data.get("everywhere", {}), data.get("between_word_chars", {}), ranges)


def reading_text(text: str) -> str:
    """The text the pipeline reads for ``text``: same length, typographic variants folded."""
    return surface_forms().fold(text)
