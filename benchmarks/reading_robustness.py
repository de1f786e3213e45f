#!/usr/bin/env python3
"""How much does the surface form of a release change what pharmakg reads from it?

Real releases come hard-wrapped, with CRLF line ends, non-breaking spaces, curly or straight quotes, en
dashes and non-breaking hyphens, doubled spaces, ALL-CAPS headlines, bullets of several kinds (glued to their
item too), brand marks written "(R)" or "&reg;", dashes glued or typed "--", apostrophes typed as accents,
fullwidth punctuation, indented paragraphs. Each perturbation below rewrites every text of the annotated
sets ONE way at a time (into a temporary folder; the sets themselves are never touched), the real pipeline
extracts the rewritten texts, and the reference scorer (``../shared/tools/score.py``, whose name folding
makes "Helix’s" and "Helix's" alike) scores them against the SAME gold. The table gives entity and relation
F1 per set for the original texts and for each perturbation, with the drop; ``all`` pools the counts of
every set.

A perturbation only rewrites form, never content: the gold stays right for the rewritten text. The header of
a corpus file (``source:``, ``date:``, ``title:`` lines) is kept as it is, except that CRLF rewrites every
line end of the file. ``changed`` counts the documents a perturbation altered (a set without bullets is not
altered by the bullet kinds).

usage: python benchmarks/reading_robustness.py [GOLD_DIR ...] [--only NAME,NAME] [--keep DIR]
       (default GOLD_DIRs: ../shared/corpus/{seeds,dev,dev2}; each holds NAME.txt beside NAME.gold.json)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import textwrap
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from pharmakg.extract.pipeline import Extractor, build_pipeline
from pharmakg.ingest import iter_documents
from pharmakg.ingest.header import split_header
from pharmakg.ingest.layout import is_prose

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = [SHARED / "corpus" / name for name in ("seeds", "dev", "dev2")]

# ------------------------------------------------------------------------------------------ perturbations

_WORD_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")
_HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")
_BULLET_LINE = re.compile(r"^([ \t]*)[-•*·▪●◦–—][ \t]+", re.M)
_DATE = re.compile(r"\b(?:19|20)\d\d\b")
_SPACED_DASH = re.compile(r"[ \t]+(?:--|—|–)[ \t]+")
_EM_DASH = re.compile(r"[ \t]*—[ \t]*")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=s\b|\s|[a-z])")


def hard_wrap(body: str, width: int = 72, hyphens: bool = False) -> str:
    """Every line longer than ``width`` broken at spaces (``hyphens``: and after the hyphens of hyphenated
    words, as many mail clients do); blank lines and paragraphs kept, table rows (with tabs) left whole."""
    out: list[str] = []
    for line in body.split("\n"):
        if len(line) <= width or "\t" in line:
            out.append(line)
            continue
        out.extend(
            textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=hyphens, drop_whitespace=True)
        )
    return "\n".join(out)


def curly_quotes(body: str) -> str:
    """Straight quotes and apostrophes as a word processor's smart quotes write them."""
    out: list[str] = []
    for i, c in enumerate(body):
        before = body[i - 1] if i else " "
        opens = before.isspace() or before in "([{—–-/"
        if c == '"':
            out.append("“" if opens else "”")
        elif c == "'":
            out.append("‘" if opens and body[i + 1 : i + 2].isalnum() else "’")
        else:
            out.append(c)
    return "".join(out)


def straight_quotes(body: str) -> str:
    return body.translate({ord(c): '"' for c in "“”„"} | {ord(c): "'" for c in "‘’‚"})


def _code_name_hyphens(dash: str) -> Callable[[str], str]:
    """The hyphens of code names (a hyphenated word with a digit and a capital: "ZB-12", "PF-0413") as
    ``dash``."""

    def rewrite(body: str) -> str:
        def one(m: re.Match[str]) -> str:
            word = m.group(0)
            if any(c.isdigit() for c in word) and any(c.isupper() for c in word):
                return word.replace("-", dash)
            return word

        return _HYPHENATED.sub(one, body)

    return rewrite


def word_en_dash(body: str) -> str:
    """Every hyphen that joins two words or word parts as an en dash ("BRAF–mutant", "first–in–class")."""
    return _WORD_HYPHEN.sub("–", body)


def hard_wrap_hyphens(body: str) -> str:
    return hard_wrap(body, 60, hyphens=True)


def double_spaces(body: str) -> str:
    return body.replace(" ", "  ")


def caps_headline(body: str) -> str:
    """The first line of the body in capitals when it is a headline (not prose, no year of a dateline)."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if not is_prose(line.strip()) and not _DATE.search(line):
            lines[i] = line.upper()
        break
    return "\n".join(lines)


def _bullets(marker: str) -> Callable[[str], str]:
    def rewrite(body: str) -> str:
        return _BULLET_LINE.sub(lambda m: f"{m.group(1)}{marker} ", body)

    return rewrite


def glued_bullets(body: str) -> str:
    """Bullets glued to their text, as web pages copied to text leave them ("•Helix licensed ...")."""
    return _BULLET_LINE.sub(lambda m: f"{m.group(1)}•", body)


def glued_em_dashes(body: str) -> str:
    """Spaced dashes (" -- ", " — ", " – ") as an em dash glued to the words ("company—a leader—today")."""
    return _SPACED_DASH.sub("—", body)


def spaced_double_hyphens(body: str) -> str:
    """Em dashes, glued or spaced, as a typewriter's spaced double hyphen ("company -- a leader -- today")."""
    return _EM_DASH.sub(" -- ", body)


def acute_apostrophes(body: str) -> str:
    """An apostrophe inside or after a word typed as an acute accent ("Helix´s", "partners´ rights")."""
    return _APOSTROPHE.sub("´", body)


def fullwidth_punctuation(body: str) -> str:
    """Parentheses, commas, colons and semicolons in fullwidth forms, as East Asian releases write them."""
    return body.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "(),:;"})  # "(" -> "（" ...


def indented_paragraphs(body: str) -> str:
    """The first line of every paragraph indented by four spaces (filings set as typescript)."""
    return re.sub(r"(^|\n\n)(?=\S)", lambda m: m.group(1) + "    ", body)


def _replace(old: str, new: str, *more: tuple[str, str]) -> Callable[[str], str]:
    def rewrite(body: str) -> str:
        for a, b in ((old, new), *more):
            body = body.replace(a, b)
        return body

    return rewrite


# name -> rewrite of a body; "crlf" is applied to the whole file (see perturb)
PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "wrap72": hard_wrap,
    "wrap60-hyphens": hard_wrap_hyphens,
    "crlf": _replace("\n", "\r\n"),
    "nbsp": _replace(" ", "\u00a0"),
    "curly-quotes": curly_quotes,
    "straight-quotes": straight_quotes,
    "code-nb-hyphen": _code_name_hyphens("\u2011"),
    "code-en-dash": _code_name_hyphens("–"),
    "word-en-dash": word_en_dash,
    "double-space": double_spaces,
    "caps-headline": caps_headline,
    "bullet-•": _bullets("•"),
    "bullet--": _bullets("-"),
    "bullet-*": _bullets("*"),
    "bullet-·": _bullets("·"),
    "bullet-glued": glued_bullets,
    "em-dash-glued": glued_em_dashes,
    "double-hyphen": spaced_double_hyphens,
    "acute-apostrophe": acute_apostrophes,
    "fullwidth-punct": fullwidth_punctuation,
    "indent": indented_paragraphs,
    "reg-(R)": _replace("(®)", "(R)", ("®", "(R)"), ("(™)", "(TM)"), ("™", "(TM)")),
    "reg-&reg;": _replace("®", "&reg;", ("™", "&trade;")),
}


def perturb(name: str, text: str) -> str:
    """``text`` (a whole file) rewritten by perturbation ``name``; a corpus header is kept."""
    rewrite = PERTURBATIONS[name]
    if name == "crlf":
        return rewrite(text)
    header, body = split_header(text)
    if not header or not text.endswith(body):
        return rewrite(text)
    cut = len(text) - len(body)
    return text[:cut] + rewrite(body)


# ---------------------------------------------------------------------------------------------- scoring


def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None or not (SHARED / "tools" / "score.py").exists():
        sys.exit(f"reference scorer not found at {SHARED / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Score:
    entity_f1: float
    relation_f1: float


def score_set(scorer: ModuleType, gold_dir: Path, preds: dict[str, dict]) -> tuple[Score, dict]:
    """The set's entity and relation F1 by the reference scorer, and its raw counts (for pooling)."""
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for path in sorted(gold_dir.glob("*.gold.json")):
        name = path.name[: -len(".gold.json")]
        pred = preds.get(name, {"entities": [], "relations": []})
        for label, counts in scorer.score_doc(json.loads(path.read_text("utf-8")), pred).items():
            for i in range(3):
                total[label][i] += counts[i]
    return _f1s(scorer, total), total


def _f1s(scorer: ModuleType, total: dict[str, list[int]]) -> Score:
    def group(prefix: str) -> float:
        agg = [sum(v[i] for k, v in total.items() if k.startswith(prefix)) for i in range(3)]
        return float(scorer.prf(*agg)[2])

    return Score(group("ent:"), group("rel:"))


# ------------------------------------------------------------------------------------------------ running


def extract_folder(extractor: Extractor, folder: Path) -> dict[str, dict]:
    docs = [d for d in iter_documents([folder]) if not isinstance(d, Exception)]
    return {x.document.name: x.to_contract(with_provenance=False) for x in extractor.extract(docs)}


def rewrite_set(name: str, gold_dir: Path, out: Path) -> int:
    """The set's texts rewritten by perturbation ``name`` into ``out``; the number of texts it altered."""
    out.mkdir(parents=True, exist_ok=True)
    changed = 0
    for src in sorted(gold_dir.glob("*.txt")):
        text = src.read_bytes().decode("utf-8")
        new = perturb(name, text) if name != "original" else text
        changed += new != text
        (out / src.name).write_bytes(new.encode("utf-8"))
    return changed


def run(sets: list[Path], names: Iterable[str], workdir: Path) -> list[tuple[str, int, list[Score], Score]]:
    """Per perturbation (``original`` first): documents changed, the score per set, the pooled score."""
    scorer = reference_scorer()
    extractor = Extractor(build_pipeline())
    rows = []
    for name in ["original", *names]:
        changed = 0
        scores: list[Score] = []
        pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for gold_dir in sets:
            folder = workdir / name.replace("/", "_") / gold_dir.name
            changed += rewrite_set(name, gold_dir, folder)
            score, counts = score_set(scorer, gold_dir, extract_folder(extractor, folder))
            scores.append(score)
            for label, c in counts.items():
                for i in range(3):
                    pooled[label][i] += c[i]
        rows.append((name, changed, scores, _f1s(scorer, pooled)))
    return rows


def print_table(sets: list[Path], rows: list[tuple[str, int, list[Score], Score]], total_docs: int) -> None:
    heads = [p.name for p in sets] + ["all"]
    print(
        f"{'perturbation':16s} {'changed':>8s}  "
        + "  ".join(f"{h + ' ent/rel F1 (drop)':>31s}" for h in heads)
    )
    base = [*rows[0][2], rows[0][3]]
    for name, changed, scores, pooled in rows:
        cells = []
        for b, s in zip(base, [*scores, pooled], strict=True):
            if name == "original":
                cells.append(f"{s.entity_f1:.3f}/{s.relation_f1:.3f}{'':>18s}")
            else:
                de, dr = s.entity_f1 - b.entity_f1, s.relation_f1 - b.relation_f1
                cells.append(f"{s.entity_f1:.3f}/{s.relation_f1:.3f} ({de:+.3f}/{dr:+.3f})")
        shown = "-" if name == "original" else f"{changed}/{total_docs}"
        print(f"{name:16s} {shown:>8s}  " + "  ".join(f"{c:>31s}" for c in cells))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="gold folders (NAME.txt + NAME.gold.json)")
    ap.add_argument("--only", help="comma-separated perturbation names (default: all)")
    ap.add_argument("--keep", type=Path, help="write the rewritten texts here and keep them")
    args = ap.parse_args(argv)
    sets = args.sets or [p for p in DEFAULT_SETS if p.is_dir()]
    if not sets:
        sys.exit("no gold folders given and none found beside the checkout")
    names = args.only.split(",") if args.only else list(PERTURBATIONS)
    unknown = [n for n in names if n not in PERTURBATIONS]
    if unknown:
        sys.exit(f"unknown perturbation(s) {unknown}; known: {', '.join(PERTURBATIONS)}")
    started = time.perf_counter()
    if args.keep:
        rows = run(sets, names, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="reading_robustness_") as tmp:
            rows = run(sets, names, Path(tmp))
    print_table(sets, rows, sum(len(list(p.glob("*.gold.json"))) for p in sets))
    print(f"({time.perf_counter() - started:.0f} s; sets: {', '.join(str(p) for p in sets)})")


if __name__ == "__main__":
    main()
