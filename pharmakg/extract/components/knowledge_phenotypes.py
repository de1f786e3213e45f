"""The HPO phenotypes of the disease table (kind ``phenotype``: "ascites", "emphysema") in the knowledge
matcher (components/knowledge.py): a phenotype is a disease only right after a treatment frame
(knowledge_context.json ``phenotype_before``), never by list wording alone (side effects are listed too);
once read in a frame, its other mentions in the document are the disease too, as a name the disease frames
find is (components/disease_frames.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# the kind of the HPO phenotype rows of the disease table, as their generator writes it
from pharmakg.ontology.orphanet_source import PHENOTYPE_KIND


def with_other_mentions(found: Sequence[tuple[int, int, tuple[str, Any, str]]], ok: list[bool]) -> list[bool]:
    """``ok`` (whether each match of ``found`` is accepted) with every mention of a phenotype that is
    accepted somewhere accepted too."""
    framed = {
        id(hit[1]) for (_s, _e, hit), good in zip(found, ok, strict=True) if good and hit[2] == PHENOTYPE_KIND
    }
    if not framed:
        return ok
    return [
        good or (hit[2] == PHENOTYPE_KIND and id(hit[1]) in framed)
        for (_s, _e, hit), good in zip(found, ok, strict=True)
    ]
