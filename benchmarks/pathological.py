#!/usr/bin/env python3
"""Is extraction time linear in the size of pathological text? Each kind at 1x, 2x, 4x and 8x its base size.

Kinds (the invented text of each, repeated to size):

* ``dash-runs``: "ABC-123-" without spaces (code-name shapes over one long run);
* ``parentheses``: one nest of "(" ... ")" inside a sentence (the tokenizer's prefix/suffix loop);
* ``coordinations``: "pancreatic, gastric, ... and prostate cancer" (the disease grammar), 10^5 items at 8x;
* ``amounts``: thousands of "$1.5 million" in one sentence (payment rules, one amount against the others);
* ``sentence``: one sentence of deal clauses without a full stop, 200 KB at 8x (the relation rules);
* ``capitals``: one word of capitals without spaces, 2 MB at 8x (the shape regexes).

Each text runs through the whole pipeline (``Extractor(time_limit=None)``, tokenizer included), once, after a
warm-up; the figure is wall-clock seconds. Printed: seconds per size and the growth ratios t(2x)/t(1x),
t(4x)/t(2x), t(8x)/t(4x); linear is 2, quadratic 4. Ratios, not seconds, are the result: the machine and its
load set the seconds.

usage: python benchmarks/pathological.py [--kinds dash-runs,sentence] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document

# kind -> (builder of a text of about n characters, base size n in characters)
KINDS: dict[str, tuple[Callable[[int], str], int]] = {
    "dash-runs": (lambda n: "Acme said " + "ABC-123-" * (n // 8) + " today.", 25_000),
    "parentheses": (lambda n: "Acme said " + "(" * (n // 2) + "ACM-1" + ")" * (n // 2) + " today.", 12_500),
    "coordinations": (lambda n: "It treats " + "pancreatic, " * (n // 12) + "and prostate cancer.", 150_000),
    "amounts": (
        lambda n: (
            "Acme Therapeutics, Inc. received from Betapharm AG "
            + "$1.5 million upon signing, " * (n // 27)
            + "and more."
        ),
        27_000,
    ),
    "sentence": (
        lambda n: "Acme licensed ACM-101 to Betapharm AG for $10 million and " * (n // 58) + "more.",
        25_000,
    ),
    "capitals": (lambda n: "A" * n, 250_000),
}
FACTORS = (1, 2, 4, 8)


def _seconds(extractor: Extractor, text: str) -> float:
    doc = Document(doc_id="bench", name="bench", text=text)
    started = time.perf_counter()
    extractor.extract_one(doc)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: " + ", ".join(KINDS))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the base sizes (0.1: quick)")
    args = parser.parse_args()
    extractor = Extractor(time_limit=None)
    _seconds(extractor, KINDS["sentence"][0](2_000))  # warm-up: lexicons and regexes compiled
    head = " ".join(f"{f}x s".rjust(8) for f in FACTORS)
    print(f"{'kind':<14} {'1x chars':>9} {head}   growth ratios")
    for kind in args.kinds.split(","):
        build, base = KINDS[kind]
        size = int(base * args.scale)
        times = [_seconds(extractor, build(size * f)) for f in FACTORS]
        ratios = [b / a if a > 0 else float("nan") for a, b in zip(times, times[1:], strict=False)]
        print(
            f"{kind:<14} {size:>9,} "
            + " ".join(f"{t:8.2f}" for t in times)
            + "   "
            + " ".join(f"{r:4.1f}" for r in ratios),
            flush=True,
        )


if __name__ == "__main__":
    main()
