"""A product stated by its sales is marketed (conventions: sold = Approved), on invented sentences: the sales
noun right before or after the name ("net sales of X were", "X revenues rose"); sales to come, a rate on sales
or a sales team are no stage (relations/sales_stage.py)."""

from __future__ import annotations

import pytest
from contract_view import names, rels, run

from pharmakg.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        "Helix Pharmaceuticals Ltd. reported that worldwide net sales of tovelimab reached $412 million in "
        "fiscal 2018, up 9% from the prior year.",
        "Quarterly Zorvanta® (tovelimab) revenues rose to $38 million, Helix Pharmaceuticals Ltd. said.",
        "Helix Pharmaceuticals Ltd. booked a 14% increase in Zorvanta® sales across Latin America.",
        "Strong demand in hospitals lifted tovelimab's sales during the winter months, according to Helix "
        "Pharmaceuticals Ltd.",
    ],
)
def test_sales_said_of_a_product_make_it_approved(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert {("zorvanta", "Approved"), ("tovelimab", "Approved")} & rels(out, "IN_PHASE")


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Bio, Inc. is entitled to tiered royalties on annual net sales of Zorvanta®.",
        "Orbital Bio, Inc. may receive up to $90 million in Zorvanta® sales milestones.",
        "Helix Pharmaceuticals Ltd. projects peak sales of Zorvanta® above $1 billion.",
        "Orbital Bio, Inc. will book future Zorvanta® revenues once the product reaches pharmacies.",
        "Helix Pharmaceuticals Ltd. hired a Zorvanta® sales force of 60 representatives in Ohio.",
        "Zorvanta® has no sales yet, and Helix Pharmaceuticals Ltd. is testing it in a Phase 2 study.",
    ],
)
def test_sales_to_come_or_a_rate_on_sales_give_no_approval(ex: Extractor, text: str) -> None:
    out = run(ex, text)
    assert "zorvanta" in names(out, "COMPOUND")
    assert ("zorvanta", "Approved") not in rels(out, "IN_PHASE")
