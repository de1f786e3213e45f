"""The tokenizer's chunk cache, filled one chunk at a time so that it fills at all.

spaCy's tokenizer splits a text at whitespace into chunks and keeps the tokens of each chunk it has split in
a cache (up to ``max_cache_size`` chunks), so that a chunk met again is not split again. But one flag per
call decides whether a chunk is cached: once any chunk of the text was a special case ("Inc.", "'s",
"e.g."), no later chunk of that text is cached (spaCy's ``_save_cached`` checks a flag that
``_tokenize_affixes`` sets for the whole text). Nearly every release has a special case in its first lines,
so the cache stayed almost empty and every common word was split by the affix regexes again in every
release (about a sixth of extraction's CPU on the speed benchmark's corpus).

:class:`ChunkWarmer` tokenizes each chunk it has not seen on its own first (a text of one chunk sets the
flag only if that chunk is itself special, which is never cached anyway), so that the tokenizer caches it;
the whole text is then tokenized as before and finds its chunks in the cache. The cache holds the tokens
the same chunk splits into when tokenized in the text (a chunk is split without regard to its neighbours;
special cases are looked up before the cache, and the special-case pass over the whole Doc runs after it
as before), so the Doc is the same, token for token. Warming stops when as many chunks were warmed as the
cache holds; chunks longer than ``max_chars`` are left to the tokenizer (the long-run guard of
:mod:`pharmakg.extract.limits` cuts those).
"""

from __future__ import annotations

from typing import Any

__all__ = ["ChunkWarmer"]


class ChunkWarmer:
    """Tokenizes the unseen whitespace chunks of each text alone, so that the tokenizer caches them."""

    def __init__(self, tokenizer: Any, max_chars: int = 100) -> None:
        self.tokenizer = tokenizer
        self.max_chars = max_chars
        # as many chunks as the tokenizer caches (those it does not cache, special cases, count as well)
        self.limit = int(getattr(tokenizer, "max_cache_size", 0) or 0)
        self.seen: set[str] = set()

    def __call__(self, text: str) -> None:
        seen = self.seen
        room = self.limit - len(seen)
        if room <= 0:
            return
        tokenize, max_chars = self.tokenizer, self.max_chars
        # sorted: which chunks are warmed when the room runs out does not depend on hash order
        for chunk in sorted(set(text.split()).difference(seen)):
            if len(chunk) <= max_chars:
                tokenize(chunk)
            seen.add(chunk)
            room -= 1
            if room <= 0:
                return
