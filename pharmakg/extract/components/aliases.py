"""pharmakg_aliases: choose among candidates, learn aliases from the text, group mentions into entities.

Steps: (1) drop candidates inside ``doc._.pkg_skip`` and those covered by a stop-lexicon name (FDA, Nasdaq,
ASCO ...); (2) resolve overlaps: longer span first, then priority (lexicon > cue/grammar > shape), same-span
candidates of one type pool their grouping keys; (3) learn aliases written in the text: "A (B)", "A
(formerly B)", "A (“B”)", "A (B; C in the US)", compound slashes "A/B", and abbreviation definitions whose
long form no rule found ("prostrate specific membrane antigen (PSMA)"), then find every other occurrence of
a learned or cue-found name (a trial named once in a "... trial" cue, an abbreviation) in the document; (4)
group by union-find on keys: lexicon canonical name, folded text (case variants, legal suffixes), compound
INN prefixes ([fam-], ado-), company core name (Millennium = Millennium Pharmaceuticals, Inc.), disease base
form; (5) write ``doc.ents`` and ``doc._.pkg_entities`` / ``doc._.pkg_mention_entity``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from spacy.tokens import Doc
from spacy.util import filter_spans

from pharmakg.extract.codec import MentionTable
from pharmakg.extract.components.alias_forms import (
    abbreviates,
    clean_surface,
    clipped_inn,
    compound_slash,
    disease_long_form,
    long_form_start,
    mab_short_names,
    opens_with_examples,
    paren_separator,
    shape_abbreviation,
    short_form,
    split_glued_names,
    target_or_name,
    technology_head,
    unbalanced,
)
from pharmakg.extract.components.base import (
    PRODUCT_LABELS,
    Candidate,
    doc_text,
    legal_tail,
    read_json,
    register_extensions,
    skip_ranges,
    split_final_periods,
)
from pharmakg.extract.components.company_short_forms import CompanyForms, company_keys, company_short_links
from pharmakg.extract.literals import literal_spans
from pharmakg.extract.regex_scan import fast_re
from pharmakg.model import Entity, Mention
from pharmakg.names import fold
from pharmakg.unionfind import UnionFind

register_extensions()

# "Brand® (inn)", "Brand(R) (inn)": the mark is no part of the name, nor a parenthesis of its own
_PAREN = re.compile(r"[ \t]?(?:[®™]|\((?:R|TM|®|™)\))?\s*\((?!(?:R|TM|®|™)\))\s*([^()]{1,90}?)\s*\)")
_PART_PREFIX = re.compile(
    r"^(?:formerly(?: known as)?|previously|also known as|a\.k\.a\.|aka|hereafter,?|"
    r"hereinafter,?|or|the)\s+",
    re.IGNORECASE,
)
_PART_SUFFIX = re.compile(r"\s+in\s+(?:the\s+)?(?:US|U\.S\.|EU|Europe|Japan|United States)$")
# "ZB-12, now called farlitamab", "ORBIT2, also known as HX-208,": the name after it is the same thing
_AKA = re.compile(
    r",?\s+(?:(?:which|that)\s+(?:was|has\s+been|is)\s+(?:now\s+)?(?:renamed|called|known\s+as|named)|"
    r"now\s+(?:called|known\s+as|named)|also\s+(?:known\s+as|called|referred\s+to\s+as)|a\.k\.a\.|renamed|"
    r"(?:formerly|previously)(?:\s+(?:known\s+as|called|named))?|"
    r"(?:(?:will|is|was|to)\s+(?:be\s+)?)?(?:marketed|sold|branded|commerciali[sz]ed)\s+as|"
    r"(?:(?:marketed|sold)\s+)?under\s+the\s+(?:brand|trade)\s+names?)\s+[\"“]?"
)
_NEW_NAME = re.compile(
    r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?(?=[®™]?(?:[,.;)\"”]|\s+[a-z(]|$))"
)  # "now called Korvix"
_QUOTES = "\"“”'‘’"
_TRIAL_TAIL = re.compile(r"[\"”’']?\s+(?:[\w/-]+,?\s+){0,6}?(?:trial|study)\b", re.IGNORECASE)
_NCT = re.compile(r"NCT\d{8}")
_INN_PREFIX = re.compile(r"^(?:\[fam-\]\s*|fam-|ado[- ])", re.IGNORECASE)
# a compound's lower-case short name in parentheses: "exagamglogene autotemcel (exa-cel)", "(sac-TMT)"
_SHORT_INN = re.compile(r"[a-z]{2,6}-(?:cel|[A-Z][A-Za-z]{1,5})")
# a text about conjugates: their words, or a payload made only for conjugates (maytansinoids, auristatins);
# a radioligand or radiolabelled antibody is a conjugate whose payload is its radionuclide
_CONJUGATE_TEXT = fast_re(
    r"\bADCs?\b|[Cc]onjugat|CONJUGAT|[Pp]ayload|PAYLOAD|[Ww]arhead|[Ii]mmunotoxin|[Ll]inker|[Pp]rodrug"
    r"|[Rr]adio(?:ligand|pharmaceutical|nuclide|isotope|label|immuno|therap)|RADIOLIGAND|[Ll]abell?ed\b"
    r"|[Mm]aytansin|[Aa]uristatin|\bDM[14]\b|\bMMA[EF]\b|[Cc]alicheamicin|\bPBD\b|[Pp]yrrolobenzodiazepine"
)  # the same regex, tried only where a match can start (extract.regex_scan)
_TECH_PLURAL = re.compile(r"(?<=[Tt]echnolog)ies\b|(?<=[Pp]latform)s\b")
_MARKS = re.compile(r"[®™]|\((?:TM|R)\)")
_PROPAGATE = {"TRIAL", "COMPOUND", "ANTIBODY", "TARGET", "DISEASE", "TECHNOLOGY", "PAYLOAD"}


class AliasGrouper:
    def __init__(self, company_cues: str) -> None:
        cues = read_json(company_cues)
        self.generic = {w.lower().rstrip(".") for w in cues["generic_words"]}
        # a company's name without its legal suffixes: "Sakura Kirin K.K." is the "Sakura Kirin" of the text
        self.legal_tail = legal_tail(cues, ("Company",))
        self.forms = CompanyForms(cues, self.legal_tail, self.generic)

    # ------------------------------------------------------------ selection
    def _select(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        skips = skip_ranges(doc)
        text = doc_text(doc)

        def in_skip(c: Candidate) -> bool:
            return any(c.start < e and s < c.end for s, e in skips)

        cands = [c for c in cands if c.end > c.start and not in_skip(c)]
        if not _CONJUGATE_TEXT.search(text):  # a payload is part of a conjugate: irinotecan's SN-38 is none
            cands = [c for c in cands if c.label != "PAYLOAD"]
        stops = [c for c in cands if c.label == "STOP"]
        if stops:
            cands = [
                c
                for c in cands
                if c.label == "STOP" or not any(s.start <= c.start and c.end <= s.end for s in stops)
            ]
        cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, -c.confidence, c.start))
        taken: list[Candidate] = []
        occupied = bytearray(len(text) + 1)
        by_span: dict[tuple[int, int], Candidate] = {}
        for c in cands:
            same = by_span.get((c.start, c.end))
            if same is not None:
                if same.label == c.label:
                    same.extra.setdefault("keys", []).append(c.key or c.name)
                    if c.surface and not same.surface:
                        same.surface = c.surface
                    if c.name and same.label == "DISEASE" and c.extractor.startswith("grammar"):
                        same.name = c.name
                    for k, v in c.extra.items():
                        same.extra.setdefault(k, v)
                continue
            if any(occupied[c.start : c.end]):
                continue
            occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
            by_span[(c.start, c.end)] = c
            taken.append(c)
        taken = [c for c in taken if c.label != "STOP"]
        # a payload class word ("maytansinoid") only when no named payload is there
        if any(c.label == "PAYLOAD" and not c.extra.get("class") for c in taken):
            taken = [c for c in taken if not (c.label == "PAYLOAD" and c.extra.get("class"))]
        taken.sort(key=lambda c: c.start)
        return taken

    # ------------------------------------------------------------ aliases in the text
    def _learn(
        self, doc: Doc, taken: list[Candidate]
    ) -> tuple[list[Candidate], list[tuple[int, int]], dict[int, list[str]]]:
        text = doc_text(doc)
        links: list[tuple[int, int]] = []
        extra_alias: dict[int, list[str]] = defaultdict(list)
        starts = {c.start: i for i, c in enumerate(taken)}
        occupied = bytearray(len(text) + 1)
        for c in taken:
            occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        new: list[Candidate] = []
        skips = skip_ranges(doc)
        for i, a in enumerate(taken):
            if a.label == "DISEASE":
                disease_long_form(text, a, occupied, starts, i)
            m = _PAREN.match(text, a.end)
            if m is None and a.label == "TRIAL":
                # "the ORBIT Phase 3 trial (NCT01234567)": the registry number after the trial noun
                tail = _TRIAL_TAIL.match(text, a.end)
                m = _PAREN.match(text, tail.end()) if tail else None
                m = m if m and _NCT.fullmatch(m.group(1)) else None
            if m:
                self._paren(text, i, a, m, taken, starts, links, new, occupied)
            named = self._also_known_as(text, i, a, taken, starts, links, m.end() if m else a.end)
            if named is not None and not any(occupied[named.start : named.end]):
                new.append(named)
                occupied[named.start : named.end] = b"\x01" * (named.end - named.start)
            compound_slash(text, i, a, taken, starts, occupied, links, new, extra_alias[i])
            target_or_name(text, i, a, taken, starts, links)
            # acronym defined for a known entity by an unknown long form: "... antigen (PSMA)"
            if (
                a.label in ("TARGET", "DISEASE", "TECHNOLOGY")
                and text[a.start - 1 : a.start] == "("
                and text[a.end : a.end + 1] == ")"
                and re.fullmatch(r"[A-Z][A-Za-z0-9α-]{1,9}", text[a.start : a.end])
            ):
                ls = long_form_start(text, a.start - 1, text[a.start : a.end])
                if ls is not None and not any(occupied[ls : a.start - 1]):
                    end = a.start - 1
                    while end > ls and text[end - 1].isspace():
                        end -= 1
                    new.append(
                        Candidate(ls, end, a.label, "alias:acronym_definition", 0.75, extra={"link": i})
                    )
                    occupied[ls:end] = b"\x01" * (end - ls)
        # "Eli Lilly ... Lilly": a company's last word alone (components/company_short_forms.py)
        new = self.forms.ticker_mentions(new, text, occupied, skips)
        new += self.forms.last_word_mentions(taken, text, occupied, skips)
        new += self._repeats(text, taken + new, occupied, skips)
        return new, links, extra_alias

    @staticmethod
    def _repeats(
        text: str, found: list[Candidate], occupied: bytearray, skips: list[tuple[int, int]]
    ) -> list[Candidate]:
        """Every other occurrence of a learned or cue-found name (and of a platform's distinctive name)."""
        out: list[Candidate] = []
        known: dict[str, Candidate] = {}
        for c in found:
            if (c.label in _PROPAGATE and not c.extractor.startswith("lexicon")) or (
                c.extractor == "alias:company_short_form"
            ):
                surf = text[c.start : c.end]
                if len(surf) >= 3 and not surf.islower():
                    known.setdefault(surf, c)
                elif c.label == "COMPOUND" and _SHORT_INN.fullmatch(surf):  # "zel-cel", "Zel-cel is ..."
                    known.setdefault(surf, c)
                    known.setdefault(surf[0].upper() + surf[1:], c)
            # "the SynTrap technology ... built with SynTrap": the platform by its name alone
            for head in platform_names(text[c.start : c.end], c) if c.label == "TECHNOLOGY" else []:
                known.setdefault(head, c)
        if known:
            # = finditer of (?<![\w-])(name|...)(?![\w-]), the longest name first
            for start, end, name in literal_spans(text, sorted(known, key=len, reverse=True)):
                if any(occupied[start:end]) or any(start < e and s < end for s, e in skips):
                    continue
                src = known[name]
                out.append(
                    Candidate(
                        start,
                        end,
                        src.label,
                        "alias:repeat",
                        src.confidence * 0.95,
                        key=src.key,
                        name=src.name,
                        extra={"same_as": name},
                    )
                )
                occupied[start:end] = b"\x01" * (end - start)
        return out

    @staticmethod
    def _also_known_as(
        text: str,
        i: int,
        a: Candidate,
        taken: list[Candidate],
        starts: dict[int, int],
        links: list[tuple[int, int]],
        at: int,
    ) -> Candidate | None:
        """ "ZB-12, now called farlitamab": one thing; a code "also known as" a trial's name is that trial, at
        every mention; ``at`` is after the name or its parenthesis ("KORVIX (talbumab), formerly HX-12"). A
        compound's new name that no rule found ("ZB-12, now called Korvix") is returned as a
        candidate linked to it."""
        aka = _AKA.match(text, at)
        if not aka or a.label == "COMPANY":
            return None
        if aka.end() not in starts:
            nm = _NEW_NAME.match(text, aka.end())
            if a.label != "COMPOUND" or nm is None:
                return None
            return Candidate(
                nm.start(), nm.end(), a.label, "alias:also_known_as", a.confidence * 0.9, extra={"link": i}
            )
        b = taken[starts[aka.end()]]
        if b.label != a.label and not b.extractor.startswith("lexicon"):
            same = text[b.start : b.end]
            for c in taken:
                if text[c.start : c.end] == same and c.extractor.startswith("shape:"):
                    c.label = a.label
        if b.label == a.label:
            links.append((i, starts[aka.end()]))
        return None

    def _paren(
        self,
        text: str,
        i: int,
        a: Candidate,
        m: re.Match[str],
        taken: list[Candidate],
        starts: dict[int, int],
        links: list[tuple[int, int]],
        new: list[Candidate],
        occupied: bytearray,
    ) -> None:
        inner_start = m.start(1)
        content = m.group(1)
        if opens_with_examples(content):
            return
        formerly = bool(re.match(r"(?:formerly|previously|hereafter|hereinafter|also known)", content, re.I))
        quoted = content[:1] in _QUOTES
        pos = inner_start
        for part in re.split(paren_separator(a, inner_start, content, taken, text[a.start : a.end]), content):
            p_off = pos + (len(part) - len(part.lstrip()))
            pos += len(part) + 1
            p = part.strip()
            pm = _PART_PREFIX.match(p)
            if pm:
                p_off += pm.end()
                p = p[pm.end() :]
            sm = _PART_SUFFIX.search(p)
            if sm:
                p = p[: sm.start()]
            p = p.rstrip("®™")  # "Antibody Discovery Engine (ADE®)"
            lead = len(p) - len(p.lstrip(_QUOTES))
            p_off += lead
            p = p.strip(_QUOTES).strip()
            if not p:
                continue
            p_end = p_off + len(p)
            inside = [j for j, c in enumerate(taken) if p_off <= c.start and c.end <= p_end + 1]
            if inside:
                for j in inside:
                    b = taken[j]
                    if shape_abbreviation(a, b, p, text) or (
                        b.label == a.label and a.label in ("DISEASE", "TARGET") and text[b.start : b.end] == p
                    ):
                        for c in taken:  # every code-shaped mention of that short name
                            if text[c.start : c.end] == p and c.extractor.startswith("shape:"):
                                c.label = a.label
                    if b.label != a.label:
                        continue
                    if a.label == "COMPANY" and not (
                        formerly or quoted or short_form(p, text[a.start : a.end])
                    ):
                        continue  # "Centocor (Johnson & Johnson)": two companies
                    links.append((i, j))
                continue
            if any(occupied[p_off:p_end]):
                continue
            if a.label == "COMPANY":  # its ticker, short name or former name
                named = self.forms.paren_name(p, p_off, text[a.start : a.end], formerly)
                if named:
                    new.append(Candidate(*named[:2], "COMPANY", named[2], a.confidence, extra={"link": i}))
                    occupied[named[0] : named[1]] = b"\x01" * (named[1] - named[0])
                continue
            if (
                (
                    re.fullmatch(r"[a-z]?[A-Z][A-Za-z0-9α+-]{1,11}", p)
                    or a.label == "COMPOUND"
                    and (_SHORT_INN.fullmatch(p) or clipped_inn(p, text[a.start : a.end]))
                )
                and not p.isdigit()
                and (a.label in ("COMPOUND", "TRIAL") or abbreviates(a.label, p, text[a.start : a.end]))
            ):
                new.append(
                    Candidate(
                        p_off, p_end, a.label, "alias:parenthesis", a.confidence * 0.95, extra={"link": i}
                    )
                )
                occupied[p_off:p_end] = b"\x01" * (p_end - p_off)

    # ------------------------------------------------------------ grouping
    def _keys(self, c: Candidate, text: str) -> list[str]:
        surf = text[c.start : c.end]
        # a bare number is a series member ("FGFR1/2/3"): the name it stands for is its key
        keys = [fold(c.surface if surf.isdigit() and c.surface else surf)]
        if c.key:
            keys.append("k:" + c.key)
        if c.name:
            keys.append(fold(c.name))
        for k in c.extra.get("keys", []):
            keys.append("k:" + k)
            keys.append(fold(k))
        if c.label == "COMPOUND":
            keys.append(fold(_INN_PREFIX.sub("", surf.replace("®", "").replace("™", ""))))
        if c.label == "TECHNOLOGY":
            am = re.search(r"\(([A-Za-z]{2,8})\)", surf)
            # "Tumor-Activated Prodrug (TAP) technology" = "TAP technology" = "Tumor-Activated Prodrug"
            if am:
                keys += [fold(am.group(1) + " technology"), fold(surf[: am.start()])]
            keys += [fold(h) for h in platform_names(surf, c)]
            keys.append(fold(_TECH_PLURAL.sub("technology", surf)))  # "its technologies" = "its technology"
            keys.append(fold(_MARKS.sub("", surf)))  # "XenoMab™, its mouse technology": keyed "XenoMab"
        if c.label == "COMPANY":
            keys += company_keys(surf, c.extra.get("short_of"), self.legal_tail, self.generic)
        if c.extra.get("same_as"):
            keys.append(fold(c.extra["same_as"]))
        return [c.label + "|" + k for k in keys if k and k not in ("k:",)]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        taken = self._select(doc, list(doc._.pkg_candidates or []))
        new, links, extra_alias = self._learn(doc, taken)
        allc = taken + new
        for j, c in enumerate(new):
            if "link" in c.extra:
                links.append((c.extra["link"], len(taken) + j))
        links += mab_short_names(allc, text) + company_short_links(allc, text, self.legal_tail, self.generic)
        uf = UnionFind(len(allc))
        for a, b in links:
            uf.union(a, b)
        owner: dict[str, int] = {}
        for i, c in enumerate(allc):
            for k in self._keys(c, text):
                if k in owner:
                    uf.union(owner[k], i)
                else:
                    owner[k] = i
        # spans for doc.ents
        split_final_periods(doc, {c.end for c in allc})
        split_glued_names(doc, allc)
        spans = []
        span_cand: dict[tuple[int, int], int] = {}
        for i, c in enumerate(allc):
            sp = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if sp is None or len(sp) == 0 or (c.label in PRODUCT_LABELS and unbalanced(sp.text)):
                continue  # "14)NH2" of "xPTH(1-14)NH2": a piece of a longer name, begun inside its brackets
            spans.append(sp)
            span_cand.setdefault((sp.start, sp.end), i)
        spans = filter_spans(spans)
        doc.ents = spans
        groups: dict[int, list[tuple[Any, Candidate, int]]] = defaultdict(list)
        for sp in spans:
            i = span_cand[(sp.start, sp.end)]
            groups[uf.find(i)].append((sp, allc[i], i))
        entities: list[Entity] = []
        mention_entity: dict[tuple[int, int], str] = {}
        for members in sorted(groups.values(), key=lambda ms: ms[0][0].start_char):
            eid = f"e{len(entities) + 1}"
            ent = self._entity(eid, members, text, extra_alias)
            entities.append(ent)
            for sp, _, _ in members:
                mention_entity[(sp.start_char, sp.end_char)] = eid
        doc._.pkg_entities = entities
        doc._.pkg_mention_entity = MentionTable(mention_entity)
        return doc

    def _entity(
        self,
        eid: str,
        members: list[tuple[Any, Candidate, int]],
        text: str,
        extra_alias: dict[int, list[str]],
    ) -> Entity:
        label = members[0][1].label
        surfaces: list[str] = []
        # a span's text is the document's between its offsets (Span.text joins its tokens anew on each call)
        heads: list[str] = []
        for sp, c, i in members:
            s = clean_surface(text[sp.start_char : sp.end_char])
            eponym = label == "DISEASE" and c.extractor == "knowledge:disease" and c.name  # "Alzheimer's"
            surfaces.append(c.name if eponym else s)
            if label == "TECHNOLOGY":  # "I-STAR™ technology": the name is read before its mark is cleaned off
                heads += platform_names(text[sp.start_char : sp.end_char], c)
            if c.surface:
                surfaces.append(clean_surface(c.surface))
            surfaces.extend(clean_surface(x) for x in extra_alias.get(i, []))
            surfaces.extend(clean_surface(x) for x in c.extra.get("forms", ()))  # "X secondary to Y"
        if label == "TARGET":  # the "2" of "FGFR1/2/3" is a mention of FGFR2, not its name
            surfaces = [s for s in surfaces if not s.isdigit()] or surfaces
        if label == "TECHNOLOGY":  # "SynTrap technology" is also called "SynTrap"
            surfaces += [h for h in map(technology_head, list(surfaces)) if h] + heads
        kb = [c.key for _, c, _ in members if c.key and c.extractor.startswith("lexicon")]
        if label == "DISEASE":
            names = Counter(c.name for _, c, _ in members if c.name and c.extractor.startswith("grammar"))
            name = names.most_common(1)[0][0] if names else (kb[0] if kb else surfaces[0])
        elif label == "COMPANY":
            stripped = [self.legal_tail.sub("", s) for s in surfaces]
            name = kb[0] if kb else max(stripped, key=lambda s: (len(s.split()), -stripped.index(s)))
        else:
            name = surfaces[0]
        aliases = list(dict.fromkeys(s for s in surfaces if s and s != name))
        kb_aliases = [k for k in dict.fromkeys(kb) if k != name and k not in aliases]
        extractors = Counter(c.extractor for _, c, _ in members)
        attrs: dict[str, Any] = {}
        identifiers: dict[str, str] = {}  # from the generated knowledge tables (pharmakg_knowledge)
        for _, c, _ in members:
            for scheme, value in c.extra.get("ids", {}).items():
                identifiers.setdefault(scheme, value)
            for k in ("antibody", "payload"):
                if k in c.extra:
                    attrs.setdefault(k, c.extra[k])
        return Entity(
            id=eid,
            type=label,
            name=name,
            aliases=aliases,
            mentions=[
                Mention(sp.start_char, sp.end_char, text[sp.start_char : sp.end_char]) for sp, _, _ in members
            ],
            extractor=extractors.most_common(1)[0][0],
            confidence=max(c.confidence for _, c, _ in members),
            kb_aliases=kb_aliases,
            attrs=attrs,
            identifiers=identifiers,
        )


def platform_names(surface: str, c: Candidate) -> list[str]:
    """A platform's name without its platform noun: its distinctive word ("SynTrap technology", "I-STAR™
    technology") or the capitalised words a shape rule checked as a name ("the Lumora Display platform")."""
    return [h for h in (technology_head(surface), c.extra.get("head")) if h]
