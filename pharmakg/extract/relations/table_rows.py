"""TARGETS from a row of a pipeline table: the header names the column ("Target", "Mechanism"), so a row
"ZB-12 | HER2 | ovarian cancer | Phase 2" states that ZB-12 targets HER2 without a cue word. Indication and
stage need no help (the row is a sentence of its own, and the shared rules attach them)."""

from __future__ import annotations

from typing import Any

from pharmakg.extract.components.coref import words_regex
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent
from pharmakg.ingest.layout import is_table_line


def _cell_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of a table row, in the row's own offsets."""
    sep = "\t" if "\t" in text else "|"
    out, pos = [], 0
    for cell in text.split(sep):
        if cell.strip():
            lead = len(cell) - len(cell.lstrip())
            out.append((pos + lead, pos + len(cell.rstrip())))
        pos += len(cell) + 1
    return out


def _column(bounds: list[tuple[int, int]], local: int) -> int | None:
    return next((i for i, (a, b) in enumerate(bounds) if a <= local < b), None)


@relation_rule("table_rows", min_mentions=2)
class TableRows:
    def __init__(self, cues: dict[str, Any]) -> None:
        self.target_header = words_regex(cues["table_rows"]["target_headers"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        if not is_table_line(s.text):
            return
        header = self.header_of(ctx, s)
        if header is None:
            return
        head_cells = [header.low[a:b] for a, b in _cell_bounds(header.text)]
        target_cols = {i for i, cell in enumerate(head_cells) if self.target_header.search(cell)}
        if not target_cols:
            return
        bounds = _cell_bounds(s.text)
        if len(bounds) != len(head_cells):
            return  # cells do not line up with the header: no column is known
        compounds = [m for m in s.of("COMPOUND", virtual=False) if _column(bounds, s.local(m)[0]) == 0]
        for t in s.of("TARGET", virtual=False):
            if _column(bounds, s.local(t)[0]) in target_cols:
                for c in compounds:
                    ctx.emit("TARGETS", c.eid, t.eid, s, "table_row", prior="targets_cue")

    @staticmethod
    def header_of(ctx: RuleContext, s: Sent) -> Sent | None:
        """The first row of the table ``s`` belongs to (the rows before it, back to a non-row sentence),
        when that row names no compound: a header of column names."""
        k = s.index
        while k > 0 and is_table_line(ctx.sents[k - 1].text):
            k -= 1
        first = ctx.sents[k]
        if first is s or any(m.type == "COMPOUND" for m in first.ms):
            return None
        return first
