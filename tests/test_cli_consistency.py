"""The command line speaks one language: view names, refused output suffixes that list the formats."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pharmakg.cli import main


def test_unknown_output_suffixes_are_refused_with_the_formats(tmp_path: Path) -> None:
    graph = tmp_path / "kg.nq"
    graph.write_text("", encoding="utf-8")  # the suffix is checked before the graph is read
    runner = CliRunner()
    viz = runner.invoke(main, ["viz", "-g", str(graph), "-o", str(tmp_path / "map.png")])
    assert viz.exit_code == 2 and "use a .html or .htm file" in viz.stderr
    deals = runner.invoke(main, ["deals", "-g", str(graph), "-o", str(tmp_path / "deals.ods")])
    assert deals.exit_code == 2 and "use .csv, .json, .xlsx" in deals.stderr
    assert not (tmp_path / "map.png").exists() and not (tmp_path / "deals.ods").exists()


def test_viz_and_export_share_the_view_names() -> None:
    runner = CliRunner()
    for command in ("viz", "export"):
        text = runner.invoke(main, [command, "--help"]).output
        assert "[full|partnership|pipeline]" in text, command
