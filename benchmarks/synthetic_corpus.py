#!/usr/bin/env python3
"""Synthetic corpora for the scale benchmarks: real release sentences recombined, names and sums varied.

Each synthetic release starts from one real release of the source folders (by default the shared corpus
beside the checkout: ``../shared/corpus/{seeds,dev,dev2}``, read at run time; no corpus text is stored in
the repository), keeps its corpus header block and paragraph layout, swaps some sentences for sentences of
other releases and adds a paragraph of another release now and then, and then varies what makes releases
differ:

* companies (gold entities, and "Name, Inc."-style names found in the text) get generated names from a
  pool that grows with the corpus ("Alagen Therapeutics, Inc."), short forms and legal tails kept;
* compound names (INN stems kept: "mirvetuximab" -> "uliosanaximab"), brands and product codes
  ("IMGN853" -> "IMGN4127") are renamed or re-numbered from pools that grow with the corpus;
* sums are scaled, the header date is redrawn and every year in the text shifted with it.

So content hashes differ, entities recur across releases (as one company's do) and their number grows
linearly with the corpus. Output is deterministic for a seed. Files go to ``OUT/NNNN/syn_NNNNNNN.txt``,
1,000 per folder; ``OUT/synthetic.json`` (written last) records the parameters.

usage: python benchmarks/synthetic_corpus.py OUT_DIR --docs N [--seed S] [--source DIR ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [REPO.parent / "shared" / "corpus" / name for name in ("seeds", "dev", "dev2")]
NAMES = json.loads((Path(__file__).with_name("synthetic_names.json")).read_text(encoding="utf-8"))
PER_FOLDER = 1000
MANIFEST = "synthetic.json"

_HEADER_LINE = re.compile(r"^([a-z_]+):[ \t]*(.*)$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"”)]?\s+(?=[A-Z\"“(])")
_ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|No|St|Mass|Calif|vs|approx|[A-Z])\.?$")
_MONTHS = "January February March April May June July August September October November December".split()
_FULL_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})\b")
_YEAR = re.compile(r"(?<![\d$.\-/])(?<!\d,)(19[5-9]\d|20[0-4]\d)(?!\d|,\d)")  # not in "2,014" or "$2000"
_DATE_OR_YEAR = re.compile(f"{_FULL_DATE.pattern}|{_YEAR.pattern}")
_CODE = re.compile(r"\b([A-Z]{2,5})(-?)(\d{2,5})\b")
_AMOUNT = re.compile(
    r"(?P<cur>[$€£])\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<scale>\s?(?:million|billion|thousand)\b)?"
)
_COMPANY_IN_TEXT = re.compile(
    r"\b((?:[A-Z][\w&\-]*\s){0,2}[A-Z][\w&\-]*),?\s" + NAMES["company_suffix_pattern"] + r"(?!\w)"
)
_GENERIC = frozenset(NAMES["company_generic_words"])
_NOT_A_NAME = _GENERIC | {"The", "A", "An", "This"}
_NOT_CODES = frozenset(NAMES["not_code_prefixes"])
_INN_STEMS = sorted(NAMES["inn_stems"], key=len, reverse=True)


@dataclass(frozen=True)
class Form:
    """How one written name of a source release is renamed: ``new_name(namespace, key) + suffix``."""

    namespace: str  # "company" | "inn" | "brand"
    key: str  # the entity (company) or word (compound) it stands for, casefolded
    suffix: str = ""  # what follows the generated stem ("Therapeutics, Inc.", "ximab")
    case_of: str = ""  # for compound words: the original, whose casing the new word copies


@dataclass
class Source:
    """A real release, cut once into what the generator recombines."""

    name: str
    header: dict[str, str]
    paragraphs: list[str]
    prose: list[int]  # indexes of paragraphs that are running text (where sentences are swapped)
    forms: dict[str, Form]
    pattern: re.Pattern[str] | None = None


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The corpus header lines (``source:``, ``date:``, ``date_note:``, ``title:``) and the body."""
    header: dict[str, str] = {}
    lines = text.lstrip("\ufeff").split("\n")
    i = 0
    while i < len(lines) and (m := _HEADER_LINE.match(lines[i].rstrip("\r"))):
        header[m.group(1)] = m.group(2).strip()
        i += 1
    return header, "\n".join(lines[i:]).strip("\n")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not cut after "Inc." or an initial."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[start : m.start() + 1]):
            continue
        out.append(paragraph[start : m.start() + 1].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def _company_forms(names: Sequence[str]) -> dict[str, Form]:
    """Forms of one company: the full name keeps its generic tail ("Jazz Pharmaceuticals" -> "X
    Pharmaceuticals"), a longer form starting with it is matched through it, other forms become the stem."""
    name = names[0]
    words = name.split()
    n_head = next((i for i, w in enumerate(words) if i and w in _GENERIC), len(words))
    tail = " ".join(words[n_head:])
    key = " ".join(words[:n_head]).casefold()
    forms = {name: Form("company", key, f" {tail}" if tail else "")}
    for alias in names[1:]:
        if not alias.startswith(name) and len(alias) >= 3:
            forms.setdefault(alias, Form("company", key))
    for text, form in list(forms.items()):  # headlines in capitals ("CELL GENESYS REPORTS ...")
        forms.setdefault(text.upper(), dataclasses.replace(form, case_of="upper"))
    return forms


def _compound_forms(names: Sequence[str]) -> dict[str, Form]:
    """Word-level forms of a compound: INN-like words keep their stem ending, brand names are replaced."""
    forms: dict[str, Form] = {}
    for name in names:
        words = re.findall(r"[A-Za-z]{5,}", name)
        for word in words:
            low = word.casefold()
            stem = next((s for s in _INN_STEMS if low.endswith(s) and len(low) > len(s) + 2), None)
            if stem is not None:
                form = Form("inn", low[: -len(stem)], stem)
            elif len(words) == 1 and name.strip("®™ ") == word:
                form = Form("brand", low)
            else:
                continue
            for variant in (word, low, low.capitalize(), low.upper()):  # headlines capitalise names
                forms[variant] = dataclasses.replace(form, case_of=variant)
    return forms


def _gold_names(txt: Path) -> tuple[list[list[str]], list[list[str]]]:
    gold = txt.with_name(txt.name[: -len(".txt")] + ".gold.json")
    if not gold.exists():
        return [], []
    entities = json.loads(gold.read_text(encoding="utf-8")).get("entities", [])
    by_type: dict[str, list[list[str]]] = {"COMPANY": [], "COMPOUND": []}
    for e in entities:
        if e.get("type") in by_type:
            by_type[e["type"]].append([e["name"], *e.get("aliases", [])])
    return by_type["COMPANY"], by_type["COMPOUND"]


def load_source(txt: Path) -> Source:
    """One release: its header, paragraphs, and the names to vary (gold entities, "X, Inc." matches)."""
    header, body = split_header(txt.read_text(encoding="utf-8", errors="replace"))
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(body) if p.strip()]
    prose = [i for i, p in enumerate(paragraphs) if i and len(p) >= 200 and "   " not in p and ". " in p]
    companies, compounds = _gold_names(txt)
    companies += [
        [m.group(1)] for m in _COMPANY_IN_TEXT.finditer(body) if m.group(1).split()[0] not in _NOT_A_NAME
    ]
    forms: dict[str, Form] = {}
    for names in compounds:
        forms.update(_compound_forms(names))
    for names in companies:
        for text, form in _company_forms(names).items():
            forms.setdefault(text, form)
    source = Source(txt.stem, header, paragraphs, prose, forms)
    if forms:
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        source.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return source


def load_sources(folders: Sequence[Path]) -> list[Source]:
    files = sorted(p for folder in folders for p in Path(folder).glob("*.txt"))
    sources = [s for s in map(load_source, files) if s.paragraphs and "date" in s.header]
    if not sources:
        raise SystemExit(f"no releases with a corpus header in {', '.join(map(str, folders))}")
    return sources


def _stem(index: int, salt: int) -> str:
    """The index-th generated stem: a mixed-radix number over the syllable lists, so stems are distinct."""
    parts = NAMES["stem_syllables"]
    base = len(parts[0]) * len(parts[1]) * len(parts[2])
    j = (index * 7919 + salt) % base
    a, rest = divmod(j, len(parts[1]) * len(parts[2]))
    b, c = divmod(rest, len(parts[2]))
    stem = parts[0][a] + parts[1][b] + parts[2][c]
    if index >= base:  # past the first pool: one more syllable
        stem += parts[2][(index // base) % len(parts[2])]
    return stem


def _like(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    return new.capitalize() if original[:1].isupper() else new.lower()


@dataclass
class Renamer:
    """One synthetic release's choices: each original name, code and sum gets one replacement."""

    rng: random.Random
    pools: dict[str, int]
    chosen: dict[tuple[str, str], str] = field(default_factory=dict)

    def stem(self, namespace: str, key: str) -> str:
        if (namespace, key) not in self.chosen:
            pool = self.pools["company" if namespace == "company" else "compound"]
            salt = {"company": 0, "inn": 3, "brand": 7}[namespace]
            self.chosen[namespace, key] = _stem(self.rng.randrange(pool), salt)
        return self.chosen[namespace, key]

    def names(self, source: Source, text: str) -> str:
        if source.pattern is None:
            return text

        def swap(m: re.Match[str]) -> str:
            form = source.forms[m.group(0)]
            new = self.stem(form.namespace, form.key)
            if form.namespace == "company":
                return (new + form.suffix).upper() if form.case_of == "upper" else new + form.suffix
            return _like(form.case_of, new.lower() + form.suffix)

        return source.pattern.sub(swap, text)

    def codes(self, text: str) -> str:
        def swap(m: re.Match[str]) -> str:
            if m.group(1) in _NOT_CODES:
                return m.group(0)
            key = ("code", m.group(0))
            if key not in self.chosen:
                number = self.rng.randrange(100, 100 + self.pools["code"])
                self.chosen[key] = f"{m.group(1)}{m.group(2)}{number}"
            return self.chosen[key]

        return _CODE.sub(swap, text)

    def sums(self, text: str) -> str:
        def swap(m: re.Match[str]) -> str:
            num = m.group("num")
            value = float(num.replace(",", "")) * self.rng.uniform(0.3, 3.0)
            decimals = len(num.partition(".")[2]) or (1 if m.group("scale") else 0)
            if "," in num:
                written = f"{round(value):,}"
            else:  # as many decimals as the original ("$0.43 per share"), "$75 million" -> "$112.5 million"
                written = f"{value:.{decimals}f}".removesuffix(".0")
            return f"{m.group('cur')}{written}{m.group('scale') or ''}"

        return _AMOUNT.sub(swap, text)


def _redate(text: str, old: dt.date | None, new: dt.date) -> str:
    """The release's own date written out becomes the new date; every other year shifts with it."""
    delta = new.year - old.year if old else 0

    def swap(m: re.Match[str]) -> str:
        if m.group(1):
            month, day, year = _MONTHS.index(m.group(1)) + 1, int(m.group(2)), int(m.group(3))
            if old and (year, month, day) == (old.year, old.month, old.day):
                return f"{_MONTHS[new.month - 1]} {new.day}, {new.year}"
            return f"{m.group(1)} {m.group(2)}, {year + delta}"
        return str(int(m.group(4)) + delta)

    return _DATE_OR_YEAR.sub(swap, text) if delta or old else text


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _recombine(rng: random.Random, sources: Sequence[Source], base: Source) -> list[list[tuple[Source, str]]]:
    """The base's paragraphs, some with one sentence from another release, sometimes one more paragraph.
    Each piece keeps its source so that it is renamed by that release's names."""
    paragraphs: list[list[tuple[Source, str]]] = [[(base, p)] for p in base.paragraphs]
    for i in base.prose:
        if rng.random() < 0.4:
            donor = rng.choice(sources)
            if donor.prose:
                sentences = [(base, s) for s in split_sentences(base.paragraphs[i])]
                pick = split_sentences(donor.paragraphs[rng.choice(donor.prose)])
                sentences[rng.randrange(len(sentences))] = (donor, rng.choice(pick))
                paragraphs[i] = sentences
    donor = rng.choice(sources)
    if donor.prose and rng.random() < 0.5:
        at = rng.randint(max(1, len(paragraphs) // 2), len(paragraphs))
        paragraphs.insert(at, [(donor, donor.paragraphs[rng.choice(donor.prose)])])
    return paragraphs


def synthesize(index: int, seed: int, sources: Sequence[Source], pools: dict[str, int]) -> str:
    """The text of synthetic release ``index`` (header block, blank line, body)."""
    rng = random.Random(f"{seed}:{index}")
    base = rng.choice(sources)
    renamer = Renamer(rng, pools)
    old = _parse_date(base.header.get("date", ""))
    new = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(31 * 365))

    def vary(source: Source, text: str) -> str:
        return _redate(renamer.sums(renamer.codes(renamer.names(source, text))), old, new)

    body = "\n\n".join(
        " ".join(vary(src, piece) for src, piece in paragraph) for paragraph in _recombine(rng, sources, base)
    )
    lines = [f"source: synthetic release {index} (seed {seed}) recombined from {base.name}"]
    lines.append(f"date: {new.isoformat()}")
    if "date_note" in base.header:
        lines.append(f"date_note: {vary(base, base.header['date_note'])}")
    lines.append(f"title: {vary(base, base.header.get('title', ''))}")
    return "\n".join(lines) + "\n\n" + body + "\n"


def pools_for(docs: int) -> dict[str, int]:
    """Pool sizes grow with the corpus: a company recurs in ~10 releases, whatever the size."""
    return {"company": 40 + docs // 4, "compound": 60 + docs // 2, "code": 900 + 2 * docs}


def release_path(out: Path, index: int) -> Path:
    return out / f"{index // PER_FOLDER:04d}" / f"syn_{index:07d}.txt"


def write_corpus(
    out: Path,
    docs: int,
    seed: int = 0,
    sources: Sequence[Path] = DEFAULT_SOURCES,
    report: Callable[[int], None] | None = None,
) -> dict[str, object]:
    """Write ``docs`` synthetic releases under ``out`` and the manifest; returns the manifest."""
    loaded = load_sources(sources)
    pools = pools_for(docs)
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)  # an interrupted run leaves no manifest, so it is not reused
    for index in range(docs):
        path = release_path(out, index)
        if index % PER_FOLDER == 0:
            path.parent.mkdir(exist_ok=True)
            if report is not None:
                report(index)
        path.write_text(synthesize(index, seed, loaded, pools), encoding="utf-8")
    manifest: dict[str, object] = {
        "docs": docs,
        "seed": seed,
        "sources": [str(Path(s).resolve()) for s in sources],
        "source_releases": len(loaded),
        "pools": pools,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (releases go to OUT/NNNN/)")
    parser.add_argument("--docs", type=int, required=True, help="number of releases to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--source", type=Path, nargs="+", default=DEFAULT_SOURCES, help="folders of real releases (.txt)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    manifest = write_corpus(
        args.out,
        args.docs,
        args.seed,
        args.source,
        report=lambda i: print(f"\r{i:,} / {args.docs:,}", end="", file=sys.stderr, flush=True),
    )
    seconds = time.perf_counter() - started
    print(
        f"\r{args.docs:,} releases from {manifest['source_releases']} sources in {args.out} "
        f"({seconds:.1f} s, {args.docs / max(seconds, 1e-9):,.0f} releases/s)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
