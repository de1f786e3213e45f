"""benchmarks/reading_robustness.py rewrites texts one surface form at a time and scores them: invented."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "benchmarks" / "reading_robustness.py"
SCORER = REPO.parent / "shared" / "tools" / "score.py"

# One paragraph per line, as most releases are stored: the hard wrap has long lines to break.
FIRST = (
    "title: Helix Pharmaceuticals Licenses ZB-12 to Orion Biosciences\n\n"
    "HELIX PHARMACEUTICALS LICENSES ZB-12 TO ORION BIOSCIENCES\n\n"
    "BOSTON, March 3, 2025 -- Helix Pharmaceuticals, Inc. today announced that it granted Orion "
    "Biosciences an exclusive license to ZB-12, its antibody-drug conjugate targeting CD98, now in a "
    "Phase 1 study in ovarian cancer.\n"
    "- Helix's partner will pay $5 million upfront\n"
)
SECOND = (
    'Orion Biosciences Doses First Patient with Korvix® in a "BRAF-mutant" Cohort\n\n'
    "BOSTON, June 9, 2025 -- Orion Biosciences today announced that the first patient was dosed in the "
    "Phase 2 study of Korvix (talbumab) in BRAF-mutant colorectal cancer.\n"
)


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reading_robustness", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_each_perturbation_changes_form_only() -> None:
    rr = _load()
    text = FIRST
    assert rr.perturb("crlf", text).count("\r\n") == text.count("\n")
    assert "title: Helix Pharmaceuticals Licenses ZB-12" in rr.perturb("nbsp", text)  # the header is kept
    assert "Helix\u00a0Pharmaceuticals,\u00a0Inc." in rr.perturb("nbsp", text)
    assert "ZB\u201112" in rr.perturb("code-nb-hyphen", text)
    assert "antibody-drug" in rr.perturb("code-en-dash", text)  # not a code name
    assert "antibody–drug" in rr.perturb("word-en-dash", text)
    assert "Helix’s" in rr.perturb("curly-quotes", text)
    assert "“BRAF-mutant”" in rr.perturb("curly-quotes", SECOND)
    assert rr.perturb("straight-quotes", rr.perturb("curly-quotes", SECOND)) == SECOND
    assert "• Helix's partner" in rr.perturb("bullet-•", text)
    assert "Korvix(R)" in rr.perturb("reg-(R)", SECOND) and "Korvix&reg;" in rr.perturb("reg-&reg;", SECOND)
    assert rr.perturb("caps-headline", SECOND).startswith("ORION BIOSCIENCES DOSES FIRST PATIENT")
    assert rr.perturb("caps-headline", text) == text  # already capitals
    for name, width in (("wrap72", 72), ("wrap60-hyphens", 60)):
        wrapped = rr.perturb(name, text)
        body = wrapped.split("\n\n", 1)[1]  # the header is kept
        assert max(len(line) for line in body.split("\n")) <= width
        # the same words, only the line breaks moved (and, breaking after hyphens, inside hyphenated words)
        assert "".join(wrapped.split()) == "".join(text.split())
    assert "•Helix's partner" in rr.perturb("bullet-glued", text)
    assert "2025—Helix" in rr.perturb("em-dash-glued", text)
    assert rr.perturb("double-hyphen", rr.perturb("em-dash-glued", text)) == text
    assert "Helix´s" in rr.perturb("acute-apostrophe", text)
    assert "BOSTON， March 3， 2025" in rr.perturb("fullwidth-punct", text)
    assert "\n\n    BOSTON, March 3" in rr.perturb("indent", text)


def _gold(doc: str, entities: list[tuple[str, str]]) -> dict[str, object]:
    ents = [{"id": f"e{i}", "type": t, "name": n, "aliases": []} for i, (t, n) in enumerate(entities, 1)]
    return {"document": doc, "entities": ents, "relations": []}


@pytest.mark.skipif(not SCORER.is_file(), reason="the reference scorer is not beside the clone")
def test_the_benchmark_scores_every_perturbation_against_the_same_gold(tmp_path: Path) -> None:
    gold = tmp_path / "invented"
    gold.mkdir()
    docs = {
        "first": (FIRST, [("COMPANY", "Helix Pharmaceuticals"), ("COMPOUND", "ZB-12"), ("TARGET", "CD98")]),
        "second": (SECOND, [("COMPANY", "Orion Biosciences"), ("COMPOUND", "Korvix")]),
    }
    for stem, (text, ents) in docs.items():
        (gold / f"{stem}.txt").write_text(text, encoding="utf-8")
        (gold / f"{stem}.gold.json").write_text(json.dumps(_gold(stem, ents)), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in gold.iterdir()}
    keep = tmp_path / "rewritten"
    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            str(gold),
            "--only",
            "crlf,code-en-dash,reg-&reg;",
            "--keep",
            str(keep),
        ],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    rows = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines() if line.strip()}
    assert set(rows) >= {"original", "crlf", "code-en-dash", "reg-&reg;"}
    assert rows["crlf"][0] == "2/2" and rows["code-en-dash"][0] == "1/2" and rows["reg-&reg;"][0] == "1/2"
    original = rows["original"][1]  # entity/relation F1 of the invented set
    assert float(original.split("/")[0]) > 0.5
    assert rows["crlf"][1] == original  # line ends change nothing
    assert {p.name: p.read_bytes() for p in gold.iterdir()} == before  # the set itself is never rewritten
    assert (keep / "code-en-dash" / "invented" / "first.txt").read_text(encoding="utf-8").count("ZB–12") == 2
