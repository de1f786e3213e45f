"""The writer's own graphs in a store folder: its indexes (the names' resolution keys, their counts, the
crowded-target rows) and the marks of its unfinished steps (a fill's kinds, the pair keys being replaced).

They are bookkeeping, not facts: written without default-graph copies, and never copied into the merged
default graph (:meth:`pharmakg.graph.store.KnowledgeGraph._fill_merged`; the layout tests leave them out
of the merge). The source records, the journal and the re-mint plan (:mod:`pharmakg.graph.bookkeeping`)
are in the merged graph like the facts. A new graph of the writer's own belongs here.
"""

from __future__ import annotations

from pharmakg.graph.kept_name_counts import NAMES_GRAPH
from pharmakg.graph.kept_target_rows import ROWS_GRAPH
from pharmakg.graph.key_index import KEYS_GRAPH
from pharmakg.graph.pair_order import MARK_GRAPH
from pharmakg.graph.stream_fill import FILL_GRAPH

WRITER_GRAPHS = frozenset({KEYS_GRAPH, NAMES_GRAPH, ROWS_GRAPH, FILL_GRAPH, MARK_GRAPH})
