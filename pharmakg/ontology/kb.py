"""The knowledge base: what pharmakg knows about entities beyond one document.

Sources (all data files, editable by a curator):

* ``ontology/lexicons/*.tsv`` (read only here; extraction owns them): one record per row, the canonical
  name plus its synonyms (``companies.tsv`` -> COMPANY, ``compounds.tsv`` -> COMPOUND, ``targets.tsv``,
  ``payloads.tsv``, ``diseases.tsv``, ``technologies.tsv``).
* ``ontology/kb/drug_synonyms.tsv``: code name <-> INN <-> brand names that extraction does not need
  but cross-document resolution does (huN901-DM1 = IMGN901 = lorvotuzumab mertansine). A row that
  shares a name with exactly one compounds.tsv record extends that record; other rows are new records.
* ``ontology/kb/identifiers.tsv``: HGNC ids of targets, NCIt codes of diseases, tickers of companies.
* ``ontology/kb/history.tsv``: company renames, acquisitions and mergers with their year.

A record's ``key`` is ``TYPE:canonical name``. Names are looked up by :func:`pharmakg.names.fold`, per
type. A folded name listed by two records of one type that are different entities (Merck KGaA and
Merck & Co. both fold to "merck"; treprostinil is in three brand rows) is *ambiguous*: it resolves to
nothing, so the knowledge base never merges what a name alone cannot tell apart.

Identity: a rename keeps the legal entity (sanofi-aventis -> Sanofi, Seattle Genetics -> Seagen), so
records joined by ``renamed`` rows are one entity, whose :meth:`KB.identity` is the key of the newest
name. An acquisition or merger into another company (Abgenix -> Amgen) makes no identity: the two stay
two entities, linked by their history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pharmakg.names import fold
from pharmakg.ontology import data_rows, split_list

LEXICON_PACKAGE = "pharmakg.ontology.lexicons"
# a plain data folder beside this module (a package of the same name would shadow kb.py)
KB_DIR = Path(__file__).with_name("kb")
# lexicon file -> entity type (not_entities.tsv is a stop list, not knowledge)
LEXICON_FILES = {
    "companies.tsv": "COMPANY",
    "compounds.tsv": "COMPOUND",
    "targets.tsv": "TARGET",
    "payloads.tsv": "PAYLOAD",
    "diseases.tsv": "DISEASE",
    "technologies.tsv": "TECHNOLOGY",
}
HISTORY_RELATIONS = ("renamed", "acquired_by", "merged_into")


@dataclass(frozen=True)
class HistoryEvent:
    """A history.tsv row, with record keys: ``old`` was renamed to / acquired by / merged into ``new``."""

    relation: str
    old: str
    new: str
    year: int | None = None
    note: str = ""


@dataclass
class KBRecord:
    key: str  # "COMPANY:Sanofi"
    type: str
    name: str  # canonical name
    names: list[str] = field(default_factory=list)  # canonical name first, then synonyms
    identifiers: dict[str, str] = field(default_factory=dict)  # {"hgnc": "HGNC:7656"}
    history: list[HistoryEvent] = field(default_factory=list)  # events where this record is old or new


def _synonyms(row: list[str]) -> list[str]:
    return split_list(row[1]) if len(row) > 1 else []


def _data_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


class KB:
    """Records indexed by (type, folded name); see the module docstring for the rules."""

    def __init__(self) -> None:
        self.records: dict[str, KBRecord] = {}
        self._index: dict[tuple[str, str], set[str]] = {}
        self._renamed_to: dict[str, str] = {}
        self._members: dict[str, list[KBRecord]] | None = None  # identity -> records, built on first use

    # ---------------------------------------------------------------------------------------- building
    def add_record(self, etype: str, name: str, synonyms: Iterable[str] = ()) -> KBRecord:
        """Add a record, or extend the record of that type and canonical name."""
        key = f"{etype}:{name}"
        self._members = None
        rec = self.records.get(key)
        if rec is None:
            rec = self.records[key] = KBRecord(key, etype, name, [name])
            self._index_name(rec, name)
        for s in synonyms:
            if s not in rec.names:
                rec.names.append(s)
                self._index_name(rec, s)
        return rec

    def _index_name(self, rec: KBRecord, name: str) -> None:
        folded = fold(name)
        if folded:
            self._index.setdefault((rec.type, folded), set()).add(rec.key)

    def add_history(self, old: str, new: str, relation: str, year: int | None = None, note: str = "") -> None:
        if relation not in HISTORY_RELATIONS:
            raise ValueError(f"history relation {relation!r} is not one of {', '.join(HISTORY_RELATIONS)}")
        a = self._record_for_table("COMPANY", old)
        b = self._record_for_table("COMPANY", new)
        ev = HistoryEvent(relation, a.key, b.key, year, note)
        a.history.append(ev)
        b.history.append(ev)
        if relation == "renamed":
            self._renamed_to[a.key] = b.key
            self._members = None

    def _record_for_table(self, etype: str, name: str) -> KBRecord:
        """The record a kb/ table row means: the same canonical name, else the one record sharing a name."""
        key = f"{etype}:{name}"
        if key in self.records:
            return self.records[key]
        hits = self._index.get((etype, fold(name)), set())
        if len(hits) == 1:
            return self.records[next(iter(hits))]
        return self.add_record(etype, name)

    @classmethod
    def load(cls, lexicon_dir: str | Path | None = None, kb_dir: str | Path | None = None) -> KB:
        """Read the lexicons and the kb/ tables (default: the packaged ones)."""
        kb = cls()
        lex = Path(lexicon_dir) if lexicon_dir else _data_dir(LEXICON_PACKAGE)
        tables = Path(kb_dir) if kb_dir else KB_DIR
        for filename, etype in LEXICON_FILES.items():
            if (lex / filename).exists():
                for row in data_rows(lex / filename):
                    kb.add_record(etype, row[0], _synonyms(row))
        if (tables / "drug_synonyms.tsv").exists():
            for row in data_rows(tables / "drug_synonyms.tsv"):
                names = [row[0], *_synonyms(row)]
                hits = {k for n in names for k in kb._index.get(("COMPOUND", fold(n)), set())}
                if f"COMPOUND:{row[0]}" in kb.records or len(hits) != 1:
                    kb.add_record("COMPOUND", row[0], names[1:])
                else:
                    kb.add_record("COMPOUND", kb.records[next(iter(hits))].name, names)
        if (tables / "identifiers.tsv").exists():
            for row in data_rows(tables / "identifiers.tsv"):
                etype, name, scheme, value = row[:4]
                if value:
                    kb._record_for_table(etype, name).identifiers[scheme.lower()] = value
        if (tables / "history.tsv").exists():
            for row in data_rows(tables / "history.tsv"):
                year = int(row[3]) if len(row) > 3 and row[3].isdigit() else None
                kb.add_history(row[0], row[1], row[2], year, row[4] if len(row) > 4 else "")
        return kb

    # ----------------------------------------------------------------------------------------- lookups
    def __len__(self) -> int:
        return len(self.records)

    def record(self, key: str) -> KBRecord:
        return self.records[key]

    def lookup_all(self, etype: str, name: str) -> list[KBRecord]:
        """Every record of ``etype`` that lists ``name`` (folded), sorted by key."""
        return [self.records[k] for k in sorted(self._index.get((etype, fold(name)), ()))]

    def lookup(self, etype: str, name: str) -> KBRecord | None:
        """The record of ``etype`` named ``name``; None when unknown or ambiguous (two different entities).

        Records of one renamed company are one entity: the one whose own names include ``name``
        as its canonical name is returned, else the newest.
        """
        hits = self.lookup_all(etype, name)
        if not hits or len({self.identity(r.key) for r in hits}) > 1:
            return None
        for r in hits:
            if fold(r.name) == fold(name):
                return r
        return self.records[self.identity(hits[0].key)] if len(hits) > 1 else hits[0]

    def identity(self, key: str) -> str:
        """The key of the entity a record belongs to: follows renames to the newest name."""
        seen = {key}
        while key in self._renamed_to:
            key = self._renamed_to[key]
            if key in seen:  # a cycle in the history table: stop rather than loop
                break
            seen.add(key)
        return key

    def identity_of(self, etype: str, name: str) -> str | None:
        """:meth:`identity` of the record named ``name``; None when unknown or ambiguous."""
        rec = self.lookup(etype, name)
        return self.identity(rec.key) if rec else None

    def entity_identity(self, etype: str, names: Iterable[str]) -> str | None:
        """The one identity that the known names of an entity agree on; None if none or several."""
        found = {i for n in names if (i := self.identity_of(etype, n))}
        return next(iter(found)) if len(found) == 1 else None

    def members(self, identity: str) -> list[KBRecord]:
        """The records of one entity: the identity's record and every record renamed into it, oldest first."""
        if self._members is None:
            groups: dict[str, list[str]] = {}
            for k in self.records:
                groups.setdefault(self.identity(k), []).append(k)

            def depth(k: str) -> int:  # renames between the record and its identity
                d = 0
                while k in self._renamed_to and d < len(self.records):
                    k, d = self._renamed_to[k], d + 1
                return d

            self._members = {
                i: [self.records[k] for k in sorted(ks, key=lambda k: (-depth(k), k))]
                for i, ks in groups.items()
            }
        return list(self._members.get(identity, []))

    def identifiers(self, identity: str) -> dict[str, str]:
        """Identifiers of an entity: those of its newest record win over those of former names."""
        out: dict[str, str] = {}
        for rec in self.members(identity):
            out.update(rec.identifiers)
        return out

    def names(self, identity: str) -> list[str]:
        """All names of an entity, former names included."""
        return list(dict.fromkeys(n for rec in self.members(identity) for n in rec.names))

    def former_names(self, identity: str) -> list[str]:
        """Canonical names the entity had before a rename (sanofi-aventis for Sanofi)."""
        return [rec.name for rec in self.members(identity) if rec.key != identity]

    def history(self, identity: str) -> list[HistoryEvent]:
        """Events of an entity's records, by year."""
        events = {ev for rec in self.members(identity) for ev in rec.history}
        return sorted(events, key=lambda e: (e.year or 0, e.old, e.new, e.relation))

    def stats(self) -> Mapping[str, Mapping[str, int]]:
        """Counts per type: records, names, records with an identifier, history events."""
        out: dict[str, dict[str, int]] = {}
        for rec in self.records.values():
            s = out.setdefault(rec.type, {"records": 0, "names": 0, "with_identifier": 0, "history": 0})
            s["records"] += 1
            s["names"] += len(rec.names)
            s["with_identifier"] += bool(rec.identifiers)
            s["history"] += sum(1 for ev in rec.history if ev.old == rec.key)
        return out


@lru_cache(maxsize=1)
def default_kb() -> KB:
    """The packaged knowledge base, loaded once per process."""
    return KB.load()
