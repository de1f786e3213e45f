"""Reading the contract JSON of one extraction in fixture tests: the pipeline run on an invented text, then
its entities' folded names and its relations as (subject, object) name pairs."""

from __future__ import annotations

from pharmakg.extract.pipeline import Extractor
from pharmakg.model import Document
from pharmakg.names import fold


def run(ex: Extractor, text: str) -> dict:
    """The contract JSON of the text read as one document."""
    return ex.extract_one(Document("t", "t", text, meta={})).to_contract()


def groups(out: dict, typ: str) -> list[set[str]]:
    """The folded name sets of each entity of a type."""
    return [{fold(n) for n in [e["name"], *e["aliases"]]} for e in out["entities"] if e["type"] == typ]


def names(out: dict, typ: str) -> set[str]:
    """The folded names and aliases of the entities of a type."""
    return {n for g in groups(out, typ) for n in g}


def rels(out: dict, rtype: str) -> set[tuple[str, str]]:
    """(subject name, object name or value) of the relations of a type, names folded."""
    by_id = {e["id"]: fold(e["name"]) for e in out["entities"]}
    return {
        (by_id[r["subject"]], by_id.get(r.get("object") or "", str(r.get("value"))))
        for r in out["relations"]
        if r["type"] == rtype
    }
