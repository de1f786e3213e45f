"""crowded-targets counts independent owners: a compound's licensee is not a competitor of its licensor."""

from pathlib import Path

from pharmakg import api

LICENSOR = (
    "title: Helix licenses ZB-12\ndate: 2024-01-05\n\n"
    "Helix Pharmaceuticals is developing ZB-12, an antibody-drug conjugate that targets HER2. "
    "Helix Pharmaceuticals granted Orbital Bio an exclusive license to develop and commercialize ZB-12 "
    "in Japan.\n"
)
COMPETITOR = (
    "title: Kestrel doses KT-7\ndate: 2024-02-05\n\n"
    "Kestrel Therapeutics is developing KT-7, an antibody-drug conjugate that targets HER2, "
    "in a Phase 1 trial.\n"
)


def test_a_licensee_is_not_counted_as_a_second_owner(tmp_path: Path) -> None:
    (tmp_path / "helix.txt").write_text(LICENSOR, encoding="utf-8")
    (tmp_path / "kestrel.txt").write_text(COMPETITOR, encoding="utf-8")
    kg = api.build([tmp_path / "helix.txt"], tmp_path / "one.nq")
    # one owner (Helix) and its licensee (Orbital Bio): not crowded
    assert kg.run("crowded-targets").records() == []
    kg = api.build([tmp_path / "helix.txt", tmp_path / "kestrel.txt"], tmp_path / "two.nq")
    rows = kg.run("crowded-targets").records()
    assert [r["target"] for r in rows] == ["HER2"]
    assert rows[0]["companies"].split("; ") == ["Helix Pharmaceuticals", "Kestrel Therapeutics"]
