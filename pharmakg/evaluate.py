"""Score extractions against gold files of the annotation contract (shared/corpus/ANNOTATION.md).

The rules are those of the contract's reference scorer, written out here so that users can measure
pharmakg on their own annotated releases:

* Per document, predicted entities are matched one to one with gold entities of the same type whose
  folded name sets (:func:`pharmakg.names.fold` of name and aliases) overlap: a maximum bipartite
  matching per type (augmenting paths, predicted entities in their order).
* A relation matches when its type matches and its subject and object are matched entities; PARTNER_OF
  in either order; IN_PHASE compares the folded phase value ("Phase II" = "Phase 2", "Phase 1b" =
  "Phase 1"); PAYMENT amounts are equal within 1% of the gold amount. Duplicate predicted relations
  count once; a predicted relation whose subject or object matched no gold entity is a false positive.
* Precision, recall and F1 are micro-averaged over all documents, per type ("ent:COMPOUND",
  "rel:TARGETS") and overall for entities and relations. A gold document without a prediction counts
  all its gold as missed.

:func:`score_documents` also records, for every predicted relation, whether it matched, so that
confidence can be calibrated (precision per confidence band: :meth:`EvalReport.calibration`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pharmakg import schema
from pharmakg.model import matches_key
from pharmakg.names import fold

Key = tuple[Any, ...]


def fold_phase(value: Any) -> str:
    """'Phase II' -> 'phase2', 'Phase 1b/2' -> 'phase1/2', 'Preclinical' -> 'preclinical'."""
    s = str(value).strip().lower().replace("phase", "").replace(" ", "")
    if s in ("", "preclinical", "ind", "filed", "approved"):
        return s
    roman = {"iii": "3", "ii": "2", "i": "1"}
    parts = []
    for p in re.split(r"[/-]", s):
        p = re.sub(r"[abc]$", "", p) if re.fullmatch(r"(i{1,3}|[123])[abc]", p) else p
        parts.append(roman.get(p, p))
    return "phase" + "/".join(parts)


def entity_names(entity: Mapping[str, Any]) -> set[str]:
    """Folded names of a contract entity (name and aliases); names folding to nothing are left out."""
    names = [entity.get("name", ""), *(entity.get("aliases") or [])]
    return {f for f in (fold(n) for n in names) if f}


def match_entities(gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]]) -> dict[str, str]:
    """Maximum one-to-one matching per type of entities with overlapping names: pred id -> gold id."""
    mapping: dict[str, str] = {}
    for etype in sorted({e["type"] for e in gold} | {e["type"] for e in pred}):
        G = [e for e in gold if e["type"] == etype]
        P = [e for e in pred if e["type"] == etype]
        gnames = [entity_names(g) for g in G]
        adj = [[j for j, g in enumerate(gnames) if entity_names(p) & g] for p in P]
        owner: dict[int, int] = {}  # gold index -> pred index

        def augment(
            i: int, seen: set[int], adj: list[list[int]] = adj, owner: dict[int, int] = owner
        ) -> bool:
            for j in adj[i]:
                if j in seen:
                    continue
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
            return False

        for i in range(len(P)):
            augment(i, set())
        for j, i in owner.items():
            mapping[P[i]["id"]] = G[j]["id"]
    return mapping


def relation_key(rel: Mapping[str, Any], idmap: Mapping[str, str]) -> Key | None:
    """A relation in comparable form, its ends mapped through ``idmap``; None if an end is unmapped."""
    rtype = str(rel.get("type"))
    s = idmap.get(str(rel.get("subject")))
    if s is None:
        return None
    row = schema.RELATION_TYPES.get(rtype)
    if row is not None and not row.needs_object:  # a value fact: the phase is the object
        return (rtype, s, fold_phase(rel.get("value")))
    o = idmap.get(str(rel.get("object")))
    if o is None:
        return None
    _, s, o, value = matches_key(rtype, s, o, rel.get("value"))
    if rtype == "PAYMENT":
        return (rtype, s, o, float(value or 0))
    return (rtype, s, o)


def same_relation(a: Key, b: Key) -> bool:
    """Equal keys; PAYMENT amounts within 1% of ``b`` (the gold amount)."""
    if a[0] == "PAYMENT" and b[0] == "PAYMENT":
        return a[:3] == b[:3] and abs(a[3] - b[3]) <= 0.01 * max(abs(b[3]), 1)
    return a == b


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class RelationMatch:
    """One predicted relation of a document and whether it matched gold (for calibration)."""

    document: str
    index: int  # position in the prediction's "relations"
    type: str
    matched: bool
    confidence: float | None = None
    reason: str = ""  # "match", "no gold relation", "duplicate", "unmatched entity"
    relation: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocScore:
    document: str
    counts: dict[str, Counts] = field(default_factory=dict)  # "ent:TYPE" / "rel:TYPE" -> counts
    missing: bool = False  # no prediction for this gold document

    def total(self, group: str) -> Counts:
        out = Counts()
        for label, c in self.counts.items():
            if label.startswith(group + ":"):
                out.add(c)
        return out


@dataclass
class EvalReport:
    documents: list[DocScore] = field(default_factory=list)
    relation_matches: list[RelationMatch] = field(default_factory=list)

    def per_type(self) -> dict[str, Counts]:
        """Micro-averaged counts per label ("ent:COMPANY", "rel:PAYMENT" ...), sorted."""
        out: dict[str, Counts] = defaultdict(Counts)
        for d in self.documents:
            for label, c in d.counts.items():
                out[label].add(c)
        return {k: out[k] for k in sorted(out)}

    def total(self, group: str) -> Counts:
        """Overall counts of ``group``: "ent" or "rel"."""
        out = Counts()
        for d in self.documents:
            out.add(d.total(group))
        return out

    @property
    def entities(self) -> Counts:
        return self.total("ent")

    @property
    def relations(self) -> Counts:
        return self.total("rel")

    def calibration(
        self, bands: Iterable[float] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
    ) -> list[dict[str, Any]]:
        """Precision of predicted relations per confidence band [lo, hi) (the last band includes 1.0)."""
        edges = sorted(bands)
        rows = []
        for k, (lo, hi) in enumerate(zip(edges, edges[1:], strict=False)):
            last = k == len(edges) - 2
            sel = [
                m
                for m in self.relation_matches
                if m.confidence is not None
                and m.reason != "duplicate"
                and lo <= m.confidence
                and (m.confidence < hi or (last and m.confidence <= hi))
            ]
            hit = sum(m.matched for m in sel)
            rows.append(
                {
                    "band": f"{lo:.2f}-{hi:.2f}",
                    "relations": len(sel),
                    "matched": hit,
                    "precision": round(hit / len(sel), 4) if sel else None,
                }
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
            "per_type": {k: v.as_dict() for k, v in self.per_type().items()},
            "per_document": {
                d.document: {
                    "entities": d.total("ent").as_dict(),
                    "relations": d.total("rel").as_dict(),
                    "missing": d.missing,
                }
                for d in self.documents
            },
            "calibration": self.calibration(),
        }

    def to_table(self, by_doc: bool = False) -> str:
        """Plain-text tables: per type, overall and (``by_doc``) per document."""
        lines = [f"{'label':24s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}"]
        rows = [*self.per_type().items(), ("ENTITIES", self.entities), ("RELATIONS", self.relations)]
        for label, c in rows:
            lines.append(
                f"{label:24s} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}"
            )
        if by_doc:
            width = max([len(d.document) for d in self.documents] + [8])
            lines += ["", f"{'document':{width}s}  ent F1  rel F1"]
            for d in self.documents:
                lines.append(
                    f"{d.document:{width}s}  {d.total('ent').f1:6.3f}  {d.total('rel').f1:6.3f}"
                    + ("  (missing)" if d.missing else "")
                )
        lines.append(f"documents: {len(self.documents)}")
        return "\n".join(lines)


def score_document(
    gold: Mapping[str, Any], pred: Mapping[str, Any] | None, name: str = ""
) -> tuple[DocScore, list[RelationMatch]]:
    """Score one document; ``pred`` None means no prediction (everything in gold is missed)."""
    doc = DocScore(name or str(gold.get("document", "")), missing=pred is None)
    pred = pred or {"entities": [], "relations": []}
    counts: dict[str, Counts] = defaultdict(Counts)
    gents, pents = list(gold.get("entities", [])), list(pred.get("entities", []))
    m = match_entities(gents, pents)
    for e in pents:
        c = counts["ent:" + e["type"]]
        if e["id"] in m:
            c.tp += 1
        else:
            c.fp += 1
    matched_gold = set(m.values())
    for e in gents:
        if e["id"] not in matched_gold:
            counts["ent:" + e["type"]].fn += 1
    gid = {e["id"]: e["id"] for e in gents}
    gkeys = list(dict.fromkeys(k for k in (relation_key(r, gid) for r in gold.get("relations", [])) if k))
    used: set[int] = set()
    seen: list[tuple[Key, bool]] = []  # distinct predicted keys and whether they matched
    matches: list[RelationMatch] = []
    for i, r in enumerate(pred.get("relations", [])):
        rtype = str(r.get("type"))
        conf = r.get("confidence")
        info = RelationMatch(
            doc.document, i, rtype, False, float(conf) if conf is not None else None, relation=dict(r)
        )
        k = relation_key(r, m)
        if k is None:
            counts["rel:" + rtype].fp += 1
            info.reason = "unmatched entity"
        elif (first := next((ok for x, ok in seen if same_relation(k, x)), None)) is not None:
            # counted once, as the first of its kind; it shares that one's outcome
            info.matched, info.reason = first, "duplicate"
        else:
            hit = next((j for j, g in enumerate(gkeys) if j not in used and same_relation(k, g)), None)
            if hit is None:
                counts["rel:" + k[0]].fp += 1
                info.reason = "no gold relation"
            else:
                used.add(hit)
                counts["rel:" + k[0]].tp += 1
                info.matched, info.reason = True, "match"
            seen.append((k, info.matched))
        matches.append(info)
    for j, g in enumerate(gkeys):
        if j not in used:
            counts["rel:" + g[0]].fn += 1
    doc.counts = dict(counts)
    return doc, matches


def score_documents(
    gold: Mapping[str, Mapping[str, Any]], pred: Mapping[str, Mapping[str, Any]]
) -> EvalReport:
    """Score predictions against gold, both keyed by document name (the gold file stem).

    Every gold document is scored (a missing prediction counts all its gold as missed); predictions for
    documents without gold are ignored, as the reference scorer does.
    """
    report = EvalReport()
    for name in sorted(gold):
        doc, matches = score_document(gold[name], pred.get(name), name)
        report.documents.append(doc)
        report.relation_matches.extend(matches)
    return report


def load_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    """``NAME.gold.json`` files of a folder, keyed by NAME."""
    out = {}
    for p in sorted(Path(gold_dir).glob("*.gold.json")):
        out[p.name[: -len(".gold.json")]] = json.loads(p.read_text(encoding="utf-8"))
    return out


def load_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    """Contract objects from a .jsonl file (one per line) or a .json file (one object or a list),
    keyed by their "document" (a path's stem, as the reference scorer reads it)."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix == ".json":
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    else:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {Path(str(o.get("document", ""))).name.removesuffix(".txt"): o for o in items}
