"""An extraction keeps the objects alive at its start frozen while it runs, and gives them back after."""

import gc

from pharmakg.extract.heap import long_lived_frozen
from pharmakg.extract.pipeline import Extractor, build_pipeline
from pharmakg.model import Document


def test_frozen_inside_and_given_back_after_nested_blocks() -> None:
    before = gc.get_freeze_count()
    kept = [object() for _ in range(10)]
    with long_lived_frozen():
        assert gc.get_freeze_count() >= len(kept)
        with long_lived_frozen():  # a second extraction at once shares the freeze
            assert gc.get_freeze_count() >= len(kept)
        assert gc.get_freeze_count() >= len(kept)  # the inner end does not unfreeze the outer
    assert gc.get_freeze_count() == before == 0


def test_extraction_runs_frozen_and_unfreezes_when_done() -> None:
    extractor = Extractor(build_pipeline())
    counts = []
    text = "Helix Bio is developing ZB-12 for gout."
    documents = [Document(doc_id=f"d{i}", name=f"d{i}", text=text) for i in range(2)]
    for _ in extractor.results(documents):
        counts.append(gc.get_freeze_count())
    assert counts and all(c > 0 for c in counts)
    assert gc.get_freeze_count() == 0
