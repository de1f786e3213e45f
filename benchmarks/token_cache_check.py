#!/usr/bin/env python3
"""Does warming the tokenizer's chunk cache (pharmakg.extract.token_cache) change any Doc? It must not.

Each text of the given folders (and its upper- and lower-cased copies) is tokenized twice: by the tokenizer
of a fresh pipeline, in one call per text as spaCy does by itself (its cache nearly empty: it caches no
chunk after a text's first special case), and by the tokenizer of a second pipeline after a
:class:`~pharmakg.extract.token_cache.ChunkWarmer` has warmed the chunks of every text before it (so most
chunks come from the cache). Every token's text, offset, trailing space, lexeme attributes and norm must
be the same; the script prints the count of texts and tokens compared and exits 1 at the first difference.

usage: python benchmarks/token_cache_check.py DIR [DIR ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, NORM, ORTH, SHAPE, SPACY

from pharmakg import api
from pharmakg.extract.pipeline import build_pipeline
from pharmakg.extract.token_cache import ChunkWarmer
from pharmakg.ingest.surface_forms import reading_text

ATTRS = [ORTH, LOWER, NORM, SHAPE, SPACY, IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    texts = [reading_text(d.text) for d in api.documents([Path(p) for p in argv])]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    cold = build_pipeline().tokenizer
    warm_nlp = build_pipeline()
    warm = ChunkWarmer(warm_nlp.tokenizer)
    tokens = 0
    started = time.process_time()
    for n, text in enumerate(texts):
        warm(text)
        a, b = cold(text), warm_nlp.tokenizer(text)
        same = (
            len(a) == len(b)
            and [t.idx for t in a] == [t.idx for t in b]
            and (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
        )
        if not same:
            print(f"text {n}: the warmed tokenizer's Doc differs", file=sys.stderr)
            return 1
        tokens += len(a)
    print(
        f"{len(texts)} texts, {tokens:,} tokens: the same Docs with and without warming "
        f"({len(warm.seen):,} chunks warmed, {time.process_time() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
