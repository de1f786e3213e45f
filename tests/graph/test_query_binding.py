"""Bundled questions are standard SPARQL 1.1: parameters are VALUES blocks that one binder fills."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from pharmakg.graph.derived_facts import NAME_KEY, name_key
from pharmakg.graph.queries import (
    DEFAULT_PAGE,
    bind_parameters,
    bound_query,
    list_queries,
    parameter_slots,
    query_info,
    sorted_result,
)

CD56 = ox.NamedNode("https://w3id.org/pharmakg/resource/target/cd56")
ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
PAGE = {"limit", "offset"}
# Questions with two page slots, one per branch, each cutting its rows before the branch's own lookups:
# companies-sharing-a-partner without a company ranks every pair by the kept pkg:sharedPartnerOrder (first
# company by IRI, then the other) and looks up the names and partners of the page's 50 pairs only; with a
# company its rows put that company first and rank by the count and the OTHER company's name, which the kept
# key does not sort by, so they are counted and named before they are ranked. The two branches' rows differ
# in orientation and in what is known before the cut, so no single cut serves both.
PAGE_SLOTS = {"companies-sharing-a-partner": 2}
HOSTILE = [
    'CD56" } } DROP ALL ; SELECT * { ?s ?p ?o } #',
    "} } DROP ALL",
    "line one\nline two\r\n\ttabbed",
    "back\\slash \\\" and 'single' quotes",
    "CD56 ünïcødé – 抗原 🧬",
    "VALUES ?target { UNDEF }",
    "<https://w3id.org/pharmakg/resource/target/cd56>",
]


@pytest.mark.parametrize("name", [name for name, _, _ in list_queries()])
def test_every_parameter_has_one_slot_and_the_file_runs_as_is(gold_kg, name):
    info = query_info(name)
    assert parameter_slots(info.text) == {p.name for p in info.params}
    for p in info.params:
        if p.name in PAGE:  # a page's size and start: one comment line, "LIMIT n OFFSET m" once bound
            assert info.text.count("# page: LIMIT ?limit OFFSET ?offset") == PAGE_SLOTS.get(name, 1), p.name
            assert "LIMIT 5" in bind_parameters(info.text, {"limit": 5}), p.name
            continue
        # a slot in each subquery that filters on it, two in a name lookup (the key looked up when a name
        # is given, every entity when none is: see compounds-by-target.rq), a lookup in each subquery that
        # must find the same entities again (Oxigraph evaluates a subquery on its own); binding fills all
        assert info.text.count(f"VALUES ?{p.name} {{ UNDEF }}") >= 1, p.name
        assert f"VALUES ?{p.name} {{ UNDEF }}" not in bind_parameters(info.text, {p.name: "x"}), p.name
        # no projection workaround left: the parameter is not a result column
        assert p.name not in gold_kg.query(info.text).columns
    gold_kg.query(info.text)  # unchanged text parses and runs (parameters unbound)


def test_binding_writes_an_rdf_term_in_the_block():
    text = "SELECT ?x WHERE { VALUES ?target { UNDEF } VALUES ?n { UNDEF } BIND(1 AS ?x) }"
    bound = bind_parameters(text, {"target": 'say "hi"\n', "n": 3})
    assert 'VALUES ?target { "say \\"hi\\"\\n" }' in bound
    assert 'VALUES ?n { "3"^^<http://www.w3.org/2001/XMLSchema#integer> }' in bound
    assert bind_parameters(text, {"target": None}) == text
    with pytest.raises(ValueError, match="colour"):
        bind_parameters(text, {"colour": "red"})
    with pytest.raises(ValueError, match="blank node"):
        bind_parameters(text, {"target": ox.BlankNode()})


def test_a_value_that_looks_like_a_block_is_not_rewritten():
    text = "SELECT * WHERE { VALUES ?a { UNDEF } VALUES ?b { UNDEF } }"
    bound = bind_parameters(text, {"a": "VALUES ?b { UNDEF }", "b": "x"})
    assert bound == 'SELECT * WHERE { VALUES ?a { "VALUES ?b { UNDEF }" } VALUES ?b { "x" } }'


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_matched_literally_and_change_nothing(gold_kg, value):
    gold_kg.store.add(ox.Quad(CD56, ALT_LABEL, ox.Literal(value), ox.DefaultGraph()))
    # the questions find a name by its key (pkg:nameKey), which the store writes with every name it adds
    gold_kg.store.add(ox.Quad(CD56, NAME_KEY, ox.Literal(name_key(value)), ox.DefaultGraph()))
    before = set(gold_kg.store)
    rows = gold_kg.run("compounds-by-target", {"target": value}).records()
    assert [r["compound"] for r in rows] == ["huN901-DM1"]
    assert gold_kg.run("aliases", {"name": value}).records()[0]["entity"] == CD56.value
    assert gold_kg.run("compounds-by-target", {"target": value + " "}).rows == []
    assert set(gold_kg.store) == before


def test_bound_query_checks_names_like_run(gold_kg):
    with pytest.raises(ValueError, match="needs parameter target"):
        bound_query("compounds-by-target")
    with pytest.raises(ValueError, match="has no parameter"):
        bound_query("pipeline", {"target": "CD56"})
    text = bound_query("pipeline", {"company": "ImmunoGen"})
    # kg.run sorts the joined lists (issue 7: byte-stable answers); the bound text gives them in any order
    direct = sorted_result(query_info("pipeline"), gold_kg.query(text))
    assert direct.rows == gold_kg.run("pipeline", {"company": "ImmunoGen"}).rows
    # an empty optional value counts as not given
    assert len(gold_kg.run("pipeline", {"company": ""})) == len(gold_kg.run("pipeline"))


@pytest.mark.parametrize(
    ("name", "params"), [("pipeline", {}), ("pipeline", {"company": "ImmunoGen"}), ("documents", {})]
)
def test_pages_are_slices_of_the_full_answer(gold_kg, name, params):
    full = gold_kg.run(name, {**params, "limit": "all"}).rows
    assert len(full) >= 3, name
    for size in (1, 2, 5):
        pages = []
        for start in range(0, len(full) + size, size):
            page = gold_kg.run(name, {**params, "limit": size, "offset": start}).rows
            assert len(page) <= size
            pages += page
        assert pages == full, (name, size)
    # a size alone, a start alone, and text values (as the command line and the query page give them)
    assert gold_kg.run(name, {**params, "limit": "3"}).rows == full[:3]
    # (without a size: a page of DEFAULT_PAGE rows)
    assert gold_kg.run(name, {**params, "offset": 2}).rows == full[2 : 2 + DEFAULT_PAGE]
    assert gold_kg.run(name, {**params, "limit": "", "offset": None}).rows == full[:DEFAULT_PAGE]
    assert gold_kg.run(name, {**params, "limit": "ALL", "offset": 1}).rows == full[1:]
    # the text a SPARQL client sends (bound_query) gives the same page
    text = bound_query(name, {**params, "limit": 2, "offset": 1})
    assert "LIMIT 2 OFFSET 1" in text
    assert sorted_result(query_info(name), gold_kg.query(text)).rows == full[1:3]


@pytest.mark.parametrize("value", ["ten", "-1", "2.5", 'x" } } DROP ALL'])
def test_a_page_takes_whole_numbers_only(gold_kg, value):
    with pytest.raises(ValueError, match="whole number"):
        gold_kg.run("pipeline", {"limit": value})
    with pytest.raises(ValueError, match="whole number"):
        bound_query("documents", {"offset": value})
