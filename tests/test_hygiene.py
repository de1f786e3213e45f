"""Code hygiene that a review would otherwise have to check by eye: sizes that keep one idea per place."""

from __future__ import annotations

import ast

import pytest
from repo_paths import PACKAGE

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
MODULES = sorted(PACKAGE.rglob("*.py"))
SPARQL_STARTS = (
    "PREFIX ",
    "BASE ",
    "SELECT ",
    "CONSTRUCT ",
    "ASK ",
    "DESCRIBE ",
    "INSERT ",
    "DELETE ",
    "WITH ",
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_and_function_sizes(path) -> None:
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n") + 1
    assert lines <= MAX_MODULE_LINES, (
        f"{path.name}: {lines} lines (max {MAX_MODULE_LINES}): split it by concern"
    )
    too_long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not too_long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(too_long)}"


def test_no_inline_sparql_in_python() -> None:
    """SPARQL lives in .rq files (graph/queries/ and graph/queries/internal/), not in Python strings."""
    offenders = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {  # help texts may show an example query
            id(body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and (body := node.body)
            and isinstance(body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = node.value.lstrip().upper()
                if text.startswith(SPARQL_STARTS) and "{" in text:
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, offenders
