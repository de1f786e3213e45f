"""pharmakg_diseases: disease names built by a small grammar (patterns/disease_grammar.json).

For every head noun (cancer(s), carcinoma(s), tumor(s), lymphoma(s), leukemia(s), myeloma ...) the words
before it are read right to left: core modifiers (ovarian, small-cell lung, diffuse large B-cell) make the
name; state modifiers (relapsed, metastatic, platinum-resistant) and target modifiers (HER2-positive,
CD56-expressing, BRAF-mutant, CD56+) only make a longer surface form, kept as an alias; "," / "and" / "or"
between core parts coordinate ("pancreatic and prostate cancer" -> pancreatic cancer + prostate cancer,
"colorectal, pancreatic, other gastrointestinal cancers" -> colorectal cancer, pancreatic cancer,
gastrointestinal cancers). A head that needs a core word (cancer, tumors) and has none ("CanAg-expressing
cancers", "tumor burden") is not a disease. "cancers of neuroendocrine origin" is read too. Entity name =
core + head; grouping key = core + head class, so "relapsed small-cell lung cancer" joins "small-cell lung
cancer" and "hematological tumors" joins "hematological cancer".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pharmakg.extract.components.base import Candidate, candidates, doc_text, read_json, register_extensions
from pharmakg.extract.components.disease_areas import CompanyAreas
from pharmakg.extract.components.disease_broader import (
    EXAMPLES_AFTER,
    MODIFIER_COORDINATION,
    join_broader,
    join_shorter_names,
)
from pharmakg.extract.components.disease_events import AdverseEvents
from pharmakg.extract.components.disease_frames import DiseaseFrames
from pharmakg.extract.components.disease_subtypes import split_subtypes, target_modifiers
from pharmakg.extract.literals import folded, may_match, needed_literals, whole_words_regex
from pharmakg.extract.regex_scan import fast_re

register_extensions()

_TOKEN = re.compile(r"head (?:and|&) neck|[\w'’+/-]+|,", re.IGNORECASE)
_CUT = re.compile(r"[.;:()\[\]\"“”]|\n\s*\n|\t")
_Tok = tuple[int, int, str]  # (start, end, text) of a word before a head

# a protein change named by its position: G12C, V600E, T790M, exon-free shapes only
_MUTATION = re.compile(r"^[A-Z]\d{1,4}[A-Z](?![a-z])")


class DiseaseGrammar:
    def __init__(self, grammar: str, symbol_regex: str, confidence: float) -> None:
        g = read_json(grammar)
        self.confidence = confidence
        self.heads_core = {h.lower() for h in g["heads_need_core"]}
        self.heads_bare = {h.lower() for h in g["heads_bare"]}
        self.head_class = {k.lower(): v for k, v in g["head_class"].items()}
        self.core = {w.lower() for w in g["core"]} | {"head and neck", "head & neck"}
        self.partner = {w.lower() for w in g["core_needs_partner"]}
        self.state = {w.lower() for w in g["state"]}
        self.other = {w.lower() for w in g["other_words"]}
        suffixes = "|".join(re.escape(s) for s in g["target_mod_suffixes"] if s != "+")
        sym = read_json("shapes.json")["sym"] if not symbol_regex else symbol_regex
        self.sym = re.compile(rf"^(?:{sym})$")
        self.target_mod = re.compile(rf"^(?:{sym})(?:-(?:{suffixes})|\+)$", re.IGNORECASE)
        self.mod_word = re.compile(rf"^(?:{suffixes})$", re.IGNORECASE)
        heads = sorted(self.heads_core | self.heads_bare, key=len, reverse=True)
        # the head words as whole words, written so that the regex engine skips characters that start none
        # (whole_words_regex: the matches of "(?i)(?<![\w-])(?:heads)(?![\w-])")
        self.rx_head = whole_words_regex(heads)
        acr = g.get("acronym_heads") or {}
        self.acr_words = {w.lower() for w in acr.get("words", [])}
        self.acr_suffixes = tuple(x.lower() for x in acr.get("suffixes", []))
        self.acr_stop = {w.lower() for w in acr.get("stop_words", [])}
        self.broad_core = {w.lower(): set(heads) for w, heads in g.get("broad_core", {}).items()}
        self.adverse_events = AdverseEvents(g.get("adverse_events", {}))
        self.company_areas = CompanyAreas(g.get("company_areas", {}))
        self.frames = DiseaseFrames(g.get("frames", {}), self.state, self.target_mod, set(heads))
        links = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in g.get("one_disease_links", ["secondary to"])
        )
        self.rx_link = fast_re(rf"\b(?:{links})\s+(?:the\s+)?")
        self.rx_origin = re.compile(
            r"(?<![\w-])(cancers?|tumou?rs?|carcinomas?|malignancies)\s+of\s+(?:the\s+)?([a-z-]+(?:\s+[a-z-]+)?)"
            r"\s+origin\b",
            re.IGNORECASE,
        )
        # the words rx_origin cannot match without ("origin"): a text without them is not searched
        self.origin_words = needed_literals(self.rx_origin)

    def _is_core(self, w: str) -> bool:
        lw = w.lower()
        if lw in self.core:
            return True
        parts = [p for p in re.split(r"[-/]", lw) if p]
        return len(parts) > 1 and all(p in self.core for p in parts)

    def _head_key(self, head: str) -> str:
        h = head.lower()
        if h.endswith("ies"):
            h = h[:-3] + "y"
        elif h.endswith("s"):
            h = h[:-1]
        return self.head_class.get(h, h)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        out = candidates(doc)
        for m in self.rx_head.finditer(text):
            out.extend(self._read(text, m.start(), m.end(), m.group(0)))
        if self.acr_words or self.acr_suffixes:
            out.extend(self._defined_acronyms(text))
        out.extend(self.frames.find(text, out))
        _secondary_to(text, out, self.rx_link)
        origins = self.rx_origin.finditer(text) if may_match(folded(text), self.origin_words) else iter(())
        for m in origins:
            core = m.group(2)
            if all(self._is_core(w) for w in core.split()):
                key = re.sub(r"[^a-z0-9]", "", core.lower()) + "|" + self._head_key(m.group(1))
                out.append(
                    Candidate(
                        m.start(),
                        m.end(),
                        "DISEASE",
                        "grammar:disease_origin",
                        self.confidence,
                        key=key,
                        name=re.sub(r"\s+", " ", m.group(0)),
                        priority=1,
                    )
                )
        # "CanAg-expressing cancers, which include colorectal ... cancers": examples name the diseases
        listed = {c.key for c in out if c.extractor == TARGET_NAMED and c.extra.get("examples")}
        if listed:
            out[:] = [c for c in out if not (c.extractor == TARGET_NAMED and c.key in listed)]
        if self.broad_core:
            join_broader(text, out, self.broad_core, self._head_key)
        subtypes = target_modifiers(text, out, self.target_mod)
        join_shorter_names(text, out, subtypes)
        split_subtypes(text, out, subtypes)
        self.adverse_events.drop(text, out)
        self.company_areas.drop(text, out)
        return doc

    def _defined_acronyms(self, text: str) -> list[Candidate]:
        """ "hypoactive desire disorder (HDD)": a disease long form and its abbreviation, one grouping key."""
        out: list[Candidate] = []
        for m in _PAREN_ACRONYM.finditer(text):
            acronym = m.group(1)
            words = [w for w in _window_tokens(text, m.start()) if w[2] != ","][-8:]
            if not words or not self._disease_word(words[-1][2]):
                continue
            start = _long_form_start(acronym, words, self.acr_stop)
            if start is None:
                continue
            name = re.sub(r"\s+", " ", text[start : words[-1][1]])
            key = "acronym|" + re.sub(r"[^a-z0-9]", "", name.lower())
            for s, e in ((start, words[-1][1]), m.span(1)):
                out.append(
                    Candidate(s, e, "DISEASE", "grammar:disease_acronym", self.confidence, key=key, name=name)
                )
        return out

    def _disease_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.acr_words or (len(w) > 6 and w.endswith(self.acr_suffixes))

    def _read(self, text: str, hs: int, he: int, head: str) -> list[Candidate]:
        """The disease names ending in the head noun at text[hs:he]."""
        toks = _window_tokens(text, hs)
        conjs, surface_start = self._conjuncts(toks)
        found = self._candidates(text, conjs, surface_start, hs, he, head)
        if found and conjs[0] and surface_start is not None:
            found.extend(self._coordinated_modifiers(text, toks, conjs[0][0][0], surface_start, he, head))
        return found

    def _target_named(
        self, text: str, surface_start: int | None, hs: int, he: int, hkey: str
    ) -> list[Candidate]:
        """ "mesothelin-expressing cancers", "HER2 expressing tumors": a head named by its target alone is the
        indication of a compound against that target (Conventions), unless examples follow that name the
        diseases ("CanAg-expressing cancers, which include colorectal ... cancers")."""
        lower = _LOWER_EXPRESSING.search(text, max(0, hs - 40), hs)
        start = surface_start if surface_start is not None else (lower.start() if lower else None)
        if start is None:
            return []
        words = text[start:hs].split()
        before = text[max(0, start - 12) : start].split()
        if before and before[-1].lower() in self.other:
            return []  # "... and other CD56-expressing tumors": a broader mention of the diseases listed
        if not (
            lower
            or (len(words) == 1 and self.target_mod.match(words[0]))
            or (len(words) == 2 and self.sym.match(words[0]) and self.mod_word.match(words[1]))
        ):
            return []  # "treatment-resistant cancers": a state, not a target
        name = re.sub(r"\s+", " ", text[start:he])
        # "HER2+ cancers", "HER2-positive tumors", "HER2-expressing tumor types": one indication, one key
        key = "target|" + _POSITIVE.sub("", re.sub(r"[^a-z0-9+]", "", text[start:hs].lower())) + "|" + hkey
        c = Candidate(start, he, "DISEASE", TARGET_NAMED, self.confidence, key=key, name=name)
        if EXAMPLES_AFTER.match(text, he):
            c.extra["examples"] = True  # the name is dropped everywhere in the document (see __call__)
        return [c]

    def _coordinated_modifiers(
        self, text: str, toks: list[_Tok], core_start: int, surface_start: int, he: int, head: str
    ) -> list[Candidate]:
        """ "KRAS-mutant and EGFR-mutant colorectal cancer": two diseases (issue 9). The first conjunct's
        name stays the core name ("colorectal cancer", its target-modified form an alias); each target
        modifier coordinated before it names one more disease ("KRAS-mutant colorectal cancer")."""
        k = next((n for n, t in enumerate(toks) if t[0] == surface_start), None)
        if k is None or not self.target_mod.match(toks[k][2]):
            return []
        rest = re.sub(r"\s+", " ", text[core_start:he])
        out: list[Candidate] = []
        # a comma with no "and"/"or" after it stacks two statuses of one disease ("HR-positive, HER2-negative
        # breast cancer"); in a list it comes before the "and" ("KRAS-, NRAS- and BRAF-mutant")
        listed = False
        while (
            k >= 2
            and toks[k - 1][2].lower() in (",", "and", "or")
            and (listed or toks[k - 1][2] != ",")
            and self.target_mod.match(toks[k - 2][2])
        ):
            listed = True
            s, e, w = toks[k - 2]
            key = re.sub(r"[^a-z0-9]", "", (w + rest[: -len(head)]).lower()) + "|" + self._head_key(head)
            out.append(
                Candidate(
                    s,
                    e,
                    "DISEASE",
                    MODIFIER_COORDINATION,
                    self.confidence,
                    key=key,
                    name=w + " " + rest,
                    priority=1,
                )
            )
            k -= 2
            if k >= 1 and toks[k - 1][2] == "," and k >= 2 and toks[k - 2][2].lower() in ("and", "or"):
                k -= 1
        return out

    def _conjuncts(self, toks: list[_Tok]) -> tuple[list[list[_Tok]], int | None]:
        """Read the words before a head right to left: the core words of each coordinated conjunct (the first
        conjunct is the one next to the head), and where the longest surface form of the first one starts
        (state or target modifiers included), None when it has no modifier."""
        conjs: list[list[_Tok]] = [[]]
        surface_start = None
        mode = "core"  # core -> (state) ; 'after' = after a target modifier / 'other': only coordination
        listed = False  # an "and"/"or" read: a comma before it lists conjuncts, one without stacks modifiers
        status = False  # a target modifier read ("HER2-negative")
        i = len(toks) - 1
        while i >= 0:
            s, e, w = toks[i]
            lw = w.lower()
            listed = listed or lw in ("and", "or", "&")
            if mode == "core" and self._is_core(w) and lw not in self.state:
                conjs[-1].insert(0, toks[i])
                i -= 1
                continue
            if (
                mode in ("core", "state")
                and lw in self.state
                and not (lw in ("and", "or") and mode == "core")
            ):
                if len(conjs) == 1:
                    mode = "state"
                    surface_start = s
                    i -= 1
                    continue
                break
            if (
                mode == "state"
                and lw in (",", "and", "or")
                and i > 0
                and toks[i - 1][2].lower() in self.state
            ):
                i -= 1
                continue
            if self.target_mod.match(w) or (
                self.mod_word.match(w) and i > 0 and self.sym.match(toks[i - 1][2])
            ):
                if len(conjs) == 1:
                    surface_start = s if self.target_mod.match(w) else toks[i - 1][0]
                i -= 1 if self.target_mod.match(w) else 2
                # "KRAS G12C-mutated": a mutation's gene before it is part of the modifier
                if i >= 0 and _MUTATION.match(toks[i + 1][2]) and self.sym.match(toks[i][2]):
                    surface_start = toks[i][0] if len(conjs) == 1 else surface_start
                    i -= 1
                mode = "after"
                status = True
                continue
            if lw in self.other and mode in ("core", "after", "state"):
                if len(conjs) == 1 and surface_start is None:
                    surface_start = s
                mode = "after"
                i -= 1
                continue
            if lw in (",", "and", "or", "&") and i > 0 and not (lw == "," and status and not listed):
                j = i - 1
                if toks[j][2].lower() in (",", "and", "or"):
                    j -= 1
                while j >= 0 and toks[j][2].lower() in self.other:
                    j -= 1
                if j >= 0 and self._is_core(toks[j][2]) and toks[j][2].lower() not in self.partner:
                    conjs.append([])
                    mode = "core"
                    i = j
                    continue
            break
        return conjs, surface_start

    def _candidates(
        self, text: str, conjs: list[list[_Tok]], surface_start: int | None, hs: int, he: int, head: str
    ) -> list[Candidate]:
        """One DISEASE candidate per conjunct: the first spans up to the head (its surface form with the
        modifiers is kept as alias), the coordinated ones are named with the head appended."""
        found: list[Candidate] = []
        hkey = self._head_key(head)
        bare_ok = head.lower() in self.heads_bare
        for n, conj in enumerate(conjs):
            if conj and all(w.lower() in self.partner for _, _, w in conj) and not bare_ok:
                continue
            if n == 0:
                if not conj and not bare_ok:
                    found.extend(self._target_named(text, surface_start, hs, he, hkey))
                    continue
                start = conj[0][0] if conj else hs
                name = re.sub(r"\s+", " ", text[start:he])
                surf = re.sub(r"\s+", " ", text[surface_start:he]) if surface_start is not None else ""
                end = he
            else:
                if not conj:
                    continue
                start, end = conj[0][0], conj[-1][1]
                name = re.sub(r"\s+", " ", text[start:end]) + " " + head
                surf = ""
            core_key = re.sub(r"[^a-z0-9]", "", " ".join(w for _, _, w in conj).lower())
            found.append(
                Candidate(
                    start,
                    end,
                    "DISEASE",
                    "grammar:disease" + ("_coordination" if n else ""),
                    self.confidence,
                    key=core_key + "|" + hkey,
                    name=name,
                    surface=surf,
                    priority=1,
                )
            )
        return found


TARGET_NAMED = "grammar:disease_target"
_LOWER_EXPRESSING = re.compile(r"(?<![\w-])[a-z][a-z0-9]{3,}-(?:over)?expressing\s+$")


# the target-status words that say the same: the target is there (not -low, -negative, -mutant, -amplified)
_POSITIVE = re.compile(r"(?:positive|overexpressing|expressing|\+)$")
_BETWEEN = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?")


def _secondary_to(text: str, cands: list[Candidate], link: re.Pattern[str]) -> None:
    """ "GA secondary to AMD", "anemia associated with CKD" are one disease (Conventions): the second name
    joins the first's group (``link``: the grammar's one_disease_links), the whole phrase a longer form."""
    diseases = [c for c in cands if c.label == "DISEASE"]
    for m in link.finditer(text):
        after = [c for c in diseases if c.start == m.end()]
        before = [c for c in diseases if c.end <= m.start() and _BETWEEN.fullmatch(text, c.end, m.start())]
        if after and before:
            first = max(before, key=lambda c: (c.end, c.end - c.start))
            key = first.key or first.name or text[first.start : first.end]
            for c in after:
                c.extra.setdefault("keys", []).append(key)
            # the whole phrase is a longer form of the one disease ("anemia due to chronic kidney disease")
            end = max(c.end for c in after)
            start = first.start
            if first.surface and first.surface.endswith(text[first.start : first.end]):
                start = first.start - (len(first.surface) - (first.end - first.start))
            if text[start : first.end] != first.surface and start != first.start:
                start = first.start  # a surface not as written ("severe anemia" folded): the name alone
            # "geographic atrophy (GA) secondary to ...": the form without the abbreviation between
            form = re.sub(r"\s*\([^()]*\)", "", text[start:end])
            first.extra.setdefault("forms", []).append(re.sub(r"\s+", " ", form))


_PAREN_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{1,9})\)")


def _long_form_start(acronym: str, words: list[_Tok], stop: set[str]) -> int | None:
    """Where the long form of ``acronym`` starts among ``words`` (the words before it), or None: the shortest
    run of trailing words, without stop words, whose text holds the acronym's letters in order, the first
    letter starting the first word (Schwartz-Hearst)."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    if not letters or not any(c.isupper() for c in acronym):
        return None
    for k in range(len(words) - 1, -1, -1):
        if words[k][2].lower() in stop:
            return None
        if words[k][2][0].lower() != letters[0]:
            continue
        run = " ".join(w[2].lower() for w in words[k:])
        i = 0
        for ch in run:
            if i < len(letters) and ch == letters[i]:
                i += 1
        if i == len(letters) and len(words) - k <= len(letters) + 2:
            return words[k][0]
    return None


def _window_tokens(text: str, hs: int) -> list[_Tok]:
    """The words and commas of the (up to 160) characters before a head at ``hs``, from the last cut
    (sentence punctuation, parenthesis, paragraph break, tab) on."""
    lo = max(0, hs - 160)
    window = text[lo:hs]
    cut = None
    for cm in _CUT.finditer(window):
        cut = cm
    if cut is not None:
        lo += cut.end()
        window = text[lo:hs]
    return [(lo + t.start(), lo + t.end(), t.group(0)) for t in _TOKEN.finditer(window)]
