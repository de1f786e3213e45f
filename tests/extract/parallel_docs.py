"""Invented releases for the parallel and distributed extraction tests: enough of them that the work really
goes to worker processes (pharmakg.extract.parallel runs a few dozen documents in-process)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from pharmakg.model import Document, Extraction

SENTENCES = (
    "{co} Inc. today announced that the first patient was dosed in a Phase 1 trial of {code}, an "
    "antibody-drug conjugate that targets HER2, in patients with gastric cancer.",
    "{partner} Pharma paid an upfront fee of ${amount} million to {co} Inc. for rights to {code}.",
    "{code} carries the payload DM4 and is being tested in a Phase 2 trial in ovarian cancer, {co} said.",
    "{partner} Pharma granted {co} Inc. an exclusive license to {code} in Europe.",
)
COMPANIES = ("Alphagen", "Betanova", "Corvexa", "Deltamab", "Epsilonix", "Fenwick Bio", "Gammora", "Hexalis")
PARTNERS = ("Zenith", "Yarrow", "Xylem", "Wexford")


def release(i: int) -> str:
    """Release ``i``: a headline and two of the sentences above, with its own company, code and sum."""
    fill = {
        "co": COMPANIES[i % len(COMPANIES)],
        "partner": PARTNERS[i % len(PARTNERS)],
        "code": f"QX-{100 + i}",
        "amount": 5 + i,
    }
    body = " ".join(s.format(**fill) for s in (SENTENCES[i % 4], SENTENCES[(i + 1) % 4]))
    return (
        f"{fill['co']} Inc. Announces News on {fill['code']}\n\nBOSTON, March {1 + i % 28}, 2021 -- {body}\n"
    )


def documents(n: int) -> list[Document]:
    out = []
    for i in range(n):
        text = release(i)
        doc_id = hashlib.sha1(text.encode()).hexdigest()[:16]
        out.append(Document(doc_id=doc_id, name=f"release{i:03d}", text=text, date="2021-03-04"))
    return out


def write_releases(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"release{i:03d}.txt").write_text(release(i), encoding="utf-8")
    return folder


def as_json(extractions: Iterable[Extraction]) -> list[str]:
    return [json.dumps(x.to_contract(), ensure_ascii=False, sort_keys=True) for x in extractions]
