"""``dask``: extraction on a Dask cluster of two worker processes equals the single-process one, and so does
the graph built from it. Inputs: invented releases (tests/extract/parallel_docs.py) and the bundled seeds."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from parallel_docs import as_json, write_releases

from pharmakg import api
from pharmakg.cli import main
from pharmakg.data import example_corpus
from pharmakg.extract.distributed import import_distributed

N_DOCS = 12


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an environment without the extra sees
    with pytest.raises(ImportError, match=r"pharmakg\[dask\]"):
        import_distributed()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return [write_releases(tmp_path_factory.mktemp("releases"), N_DOCS), example_corpus()]


def test_dask_extracts_what_one_process_does(scheduler: str, inputs: list[Path]) -> None:
    one = as_json(api.extract(inputs, jobs=1))
    on_dask = as_json(api.extract(inputs, dask=scheduler))
    assert len(one) == N_DOCS + 3
    assert on_dask == one


def _graphs(path: Path) -> dict[str, object]:
    from rdflib import Dataset
    from rdflib.compare import to_isomorphic

    dataset = Dataset()
    dataset.parse(path, format="nquads")
    return {str(g.identifier): to_isomorphic(g) for g in dataset.graphs()}


def test_dask_build_equals_the_single_process_one(scheduler: str, inputs: list[Path], tmp_path: Path) -> None:
    api.build(inputs, tmp_path / "one.nq", jobs=1)
    kg = api.build(inputs, tmp_path / "dask.nq", dask=scheduler)
    assert len(kg) > 0
    assert _graphs(tmp_path / "dask.nq") == _graphs(tmp_path / "one.nq")


def test_cli_dask_address_and_local_cluster(scheduler: str, inputs: list[Path]) -> None:
    runner = CliRunner()
    seeds = str(example_corpus())
    one = runner.invoke(main, ["extract", seeds, "--jobs", "1", "-q"])
    remote = runner.invoke(main, ["extract", seeds, "--dask", scheduler, "-q"])
    local = runner.invoke(main, ["extract", seeds, "--dask", "local", "-q"])
    assert one.exit_code == remote.exit_code == local.exit_code == 0, local.output
    assert remote.output == one.output and local.output == one.output


def test_cli_dask_without_the_extra_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(main, ["extract", str(example_corpus()), "--dask", "local"])
    assert result.exit_code == 2
    assert "pharmakg[dask]" in result.output
