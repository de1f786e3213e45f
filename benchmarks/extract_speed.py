#!/usr/bin/env python3
"""How fast is extraction, measured against the floor of spaCy's blank English tokenizer?

The corpus (default: the bundled pharmakg/data/corpus) is read once with ``pharmakg.api.documents``;
ingest is NOT timed. Its Documents are repeated until there are at least ``--min-docs`` of them, each copy
with its own doc_id so that nothing downstream can skip repeated content. Then, on one core:

* extraction: ``Extractor(nlp).extract(documents)`` consumed in full (the whole spaCy pipeline plus
  assembly into Extraction objects), pipeline loading excluded and reported separately;
* tokenizer: ``spacy.blank("en").tokenizer.pipe(texts)`` over the same texts.

Words are the non-space tokens of the blank tokenizer. The ratio extraction wps / tokenizer wps says
what share of raw tokenizer speed the full extraction keeps.

With ``--cpu`` both runs are timed in CPU seconds of this process (``time.process_time``) instead of wall
seconds: on a machine shared with other jobs the wall clock also counts the time the process waited for
the core, which differs between the two runs.

``--mode accuracy`` times the accuracy mode (``config-accuracy.cfg``: the statistical English model of the
``accuracy`` extra reads each batch before the rules) against the same tokenizer floor.

usage: python benchmarks/extract_speed.py [--corpus DIR] [--min-docs N] [--batch-size N] [--cpu] [--profile]
                                          [--mode default|accuracy]
"""

from __future__ import annotations

import os

# One core: pin BLAS/OpenMP pools before numpy/spaCy load them, and the process itself where possible.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
if hasattr(os, "sched_setaffinity"):
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except OSError:  # not permitted in some containers; the thread pins above still apply
        pass

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from pharmakg import api  # noqa: E402
from pharmakg.extract.pipeline import Extractor, build_pipeline  # noqa: E402
from pharmakg.model import Document  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def load_corpus(corpus: Path, min_docs: int) -> tuple[list[Document], int]:
    """Distinct Documents of ``corpus`` repeated to at least ``min_docs``; also the distinct count."""
    distinct = list(api.documents([corpus], on_error=lambda exc: print(f"skipped: {exc}", file=sys.stderr)))
    if not distinct:
        raise SystemExit(f"no readable documents in {corpus}")
    docs: list[Document] = []
    i = 0
    while len(docs) < min_docs or i < len(distinct):
        d = distinct[i % len(distinct)]
        # A distinct doc_id per copy: the Extractor (or anything it calls) may not dedupe repeats away.
        docs.append(dataclasses.replace(d, doc_id=f"{d.doc_id}-{i}", skip_spans=list(d.skip_spans)))
        i += 1
    return docs, len(distinct)


clock = time.perf_counter  # --cpu: time.process_time


def time_tokenizer(texts: Sequence[str], batch_size: int) -> tuple[float, int]:
    nlp = spacy.blank("en")
    started = clock()
    words = 0
    for doc in nlp.tokenizer.pipe(texts, batch_size=batch_size):
        words += sum(1 for t in doc if not t.is_space)
    return clock() - started, words


def time_extraction(nlp: spacy.Language, docs: Sequence[Document], batch_size: int) -> tuple[float, int]:
    extractor = Extractor(nlp=nlp, batch_size=batch_size)
    started = clock()
    n = 0
    for _ in extractor.extract(docs):
        n += 1
    return clock() - started, n


def profile(nlp: spacy.Language, docs: Sequence[Document], batch_size: int) -> list[tuple[str, float]]:
    """Seconds per stage, running the Extractor's own steps one stage at a time over all documents.

    Same work as ``Extractor.extract`` (which chains them in batches through ``nlp.pipe``): its Doc
    preparation (tokenizer + skip spans), each pipeline component's ``pipe`` in order, then
    assembly of the Extraction objects.
    """
    from pharmakg.extract import pipeline

    extractor = Extractor(nlp=nlp, batch_size=batch_size)
    shares: list[tuple[str, float]] = []
    started = time.perf_counter()
    pairs = list(extractor._docs(docs))  # private on purpose: Docs prepared exactly as extract() does
    shares.append(("make_doc (tokenizer, skip spans)", time.perf_counter() - started))
    spacy_docs = [d for d, _ in pairs]
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(proc, "pipe"):
            spacy_docs = list(proc.pipe(spacy_docs, batch_size=batch_size))
        else:
            spacy_docs = [proc(d) for d in spacy_docs]
        shares.append((name, time.perf_counter() - started))
    started = time.perf_counter()
    for doc, (_, document) in zip(spacy_docs, pairs, strict=True):
        pipeline.doc_to_extraction(doc, document)
    shares.append(("assembly (doc_to_extraction)", time.perf_counter() - started))
    return shares


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus", type=Path, default=REPO / "pharmakg" / "data" / "corpus", help="folder of releases"
    )
    ap.add_argument("--min-docs", type=int, default=500, help="repeat the corpus to at least this many")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size for both runs")
    ap.add_argument("--profile", action="store_true", help="also time each pipeline component")
    ap.add_argument("--cpu", action="store_true", help="time CPU seconds of this process, not wall seconds")
    ap.add_argument(
        "--mode",
        choices=["default", "accuracy"],
        default="default",
        help="extraction mode (default: default)",
    )
    args = ap.parse_args(argv)
    global clock
    clock = time.process_time if args.cpu else time.perf_counter

    docs, distinct = load_corpus(args.corpus, args.min_docs)
    texts = [d.text for d in docs]

    started = time.perf_counter()
    nlp = build_pipeline(mode=args.mode)
    # Warm up on one document so lazily loaded lexicons and patterns are not billed to the run.
    list(Extractor(nlp=nlp, batch_size=1).extract(docs[:1]))
    load = time.perf_counter() - started

    tok_s, words = time_tokenizer(texts, args.batch_size)
    ext_s, n_out = time_extraction(nlp, docs, args.batch_size)
    if n_out != len(docs):
        print(f"warning: {len(docs)} documents in, {n_out} extractions out", file=sys.stderr)

    ext_wps, tok_wps = words / ext_s, words / tok_s
    print(f"corpus      {args.corpus} ({distinct} distinct documents, repeated; ingest not timed)")
    print(
        f"pipeline    {args.mode} mode: {', '.join(nlp.pipe_names) or '(none)'}; load + warm-up {load:.2f} s"
    )
    print(f"{'':12}{'docs':>8}{'words':>12}{'cpu s' if args.cpu else 'seconds':>10}{'words/s':>12}")
    print(f"{'extraction':12}{len(docs):>8}{words:>12}{ext_s:>10.2f}{ext_wps:>12,.0f}")
    print(f"{'tokenizer':12}{len(docs):>8}{words:>12}{tok_s:>10.2f}{tok_wps:>12,.0f}")
    print(f"ratio       extraction wps / tokenizer wps = {ext_wps / tok_wps:.3f} (1/{tok_wps / ext_wps:.1f})")

    if args.profile:
        shares = profile(nlp, docs, args.batch_size)
        total = sum(seconds for _, seconds in shares)
        print(f"\nprofile: one stage at a time over all documents ({total:.2f} s in all)")
        for name, seconds in sorted(shares, key=lambda x: -x[1]):
            print(f"  {name:40}{seconds:>8.2f} s{100 * seconds / total:>7.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
