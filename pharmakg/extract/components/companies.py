"""pharmakg_companies: company names the lexicon does not know, found by cues, plus in-document short names.

Cues (patterns/company_cues.json): a capitalised name followed by a legal suffix ("X, Inc.", "X AG", "X plc",
"X Co., Ltd."), by a company word ("X Pharmaceuticals", "X Therapeutics"), or by a stock ticker
("X (Nasdaq: TICK)", "X (Paris:TICK) (NASDAQ:TICK)", "X (Tokyo Stock Exchange: 4502)": company_cues.json
"listing"). Leading sentence words ("About", "The") are trimmed; names with institution words
(University, Society, Communications, Capital ...) are dropped, and the stop lexicon drops regulators and
exchanges later. Short names: when "Millennium Pharmaceuticals" is a company of the document and the rest of
the name is generic ("Pharmaceuticals", "Pharma", "Inc."), its first word alone ("Millennium", "Millennium's")
is a mention of the same company.

Deal context (company_cues.json "deal_context"): a capitalised name without any suffix in the argument
position of a deal word ("granted Betapharm an exclusive license", "collaboration with Gammabio", "partner
Deltabio", "Gammabio has an option") is a company at a lower confidence, unless it is a stop word, a
territory,
a word the document also writes in lower case, or part of a longer capitalised name; its other occurrences in
the document are the same company.

Lead subject (company_cues.json "lead_subject"): the announcer that opens a sentence before "today announced"
("Helix Antibody Technology today announced"; "today_patterns": "Helix today became", any past-tense or
reporting verb), or the name after a drug-company descriptor before a reporting
verb ("US biotech firm Helix said"), is a company although its words would stop a deal-context name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from pharmakg.extract.components.base import (
    Candidate,
    candidates,
    doc_text,
    legal_tail,
    read_json,
    register_extensions,
    trademarked,
)
from pharmakg.extract.components.company_listings import Listings
from pharmakg.extract.components.company_lower import LowerCaseNames, with_lower_words
from pharmakg.extract.components.company_mentions import (
    DEAL_WORD,
    INNER_STOP,
    OFFICER_NEXT,
    drop_glued_words,
    every_mention,
    keyword_windows,
    name_groups,
    titled,
)
from pharmakg.extract.components.company_roles import ServiceRoles
from pharmakg.extract.components.regions import territories
from pharmakg.extract.literals import folded, literal_spans, may_match_within, needed_literals, word_sets
from pharmakg.extract.regex_scan import fast_re, fast_scan

register_extensions()

_WORD = (
    r"(?:[A-Z][A-Za-z0-9&.]*(?:-[A-Z0-9][A-Za-z0-9]*)*|\d{1,2}[A-Za-z][A-Za-z0-9]+|&)"  # "4Front", "89bio"
)
# the name after a company's kind noun ("French drugmaker Ipsen"): one or two capitalised words
_KIND_NAMED = re.compile(rf"{DEAL_WORD}(?:[ \t]+{DEAL_WORD})?(?![\w-])")
# the capitalised word that continues a name: "Helix Pharma| Institute"
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w&'-]*)")
# or a camel-case name that starts in lower case ("uniQure", "eGenix")
_CAMEL = r"[a-z]{1,3}[A-Z][A-Za-z0-9]*"


class CompanyCues:
    def __init__(self, cues: str, confidence: float) -> None:
        data = read_json(cues)
        self.confidence = confidence
        legal = "|".join(re.escape(s) for s in sorted(data["legal_suffixes"], key=len, reverse=True))
        words = "|".join(re.escape(s) for s in sorted(data["name_words"], key=len, reverse=True))
        lower = "|".join(re.escape(s) for s in data.get("lower_name_words", []))
        first = rf"(?:{_WORD}|{_CAMEL})"
        later = rf"(?:{_WORD}|{_CAMEL}|(?:{lower})(?![\w-]))" if lower else first
        # "and" written for the "&" of "X & Co.": "Helix Bio and Co."
        later = rf"(?:{later}|and(?=[ \t]+Co\.))"
        name = rf"{first}(?:[ \t]+{later}){{0,4}}"
        # not inside a hyphenated word, but a dateline's dash may touch the name ("WIRE)--Helix Bio, Inc.")
        # ... or a dateline's year and hyphen ("April 28, 2003-Helix Genesys, Inc.")
        left = r"(?<![\w])(?:(?<![\w]-)|(?<=\b(?:19|20)\d\d-))"
        self.rx_legal = fast_re(rf"{left}({name}),?[ \t]+(?:{legal})(?![\w])")
        self.rx_word = fast_re(
            rf"{left}((?:{_WORD}[ \t]+&[ \t]+{_WORD}[ \t]+|(?:{_WORD}[ \t]+){{1,2}})(?:{words}))(?![\w-])"
        )
        self.listings = Listings(data)  # "X (Nasdaq: TICK)", "X (Paris:TICK) (NASDAQ:TICK)"
        self.rx_ticker = fast_scan(self.listings.regex(name, left))  # extract.regex_scan
        self.left_stop = set(data["left_stop"])
        self.bad = set(data["bad_words"])
        self.institution_heads = set(data.get("institution_heads", []))
        self.department_before = re.compile(data.get("department_before", "(?!)"))
        self.unit_before = re.compile(data.get("unit_before", "(?!)"))
        self.unit_after = re.compile(data.get("unit_after", "(?!)"))
        soft = data.get("soft_bad_words") or {}
        self.soft_bad = set(soft.get("words", []))
        self.fund_suffix = re.compile(soft.get("not_with_suffix", "(?!)"))
        self.generic = {w.lower().rstrip(".") for w in data["generic_words"]}
        self.short_stop = set(data["short_name_stop"])
        deal = data.get("deal_context") or {}
        self.deal_conf = float(deal.get("confidence", 0.6))
        self.deal_rx = [fast_re(name_groups(p)) for p in deal.get("patterns", [])]
        self.deal_words = [needed_literals(rx) for rx in self.deal_rx]  # a window without them is skipped
        # as sets, and every word some pattern needs once: each is looked for once per window, not per pattern
        self.deal_word_sets, self.all_deal_words = word_sets(self.deal_words)
        kinds = "|".join(re.escape(k) for k in sorted(deal.get("kind_after", []), key=len, reverse=True))
        # "with French drugmaker Ipsen": the word before a company's kind noun modifies the name after it
        self.kind_after = re.compile(rf"[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?(?:{kinds or '(?!)'})[ \t]+[A-Z]")
        # the patterns run only near a deal word (found with str.find: a regex alternation per character of
        # every document costs as much as the rest of this component)
        self.deal_keywords = [k.lower() for k in deal.get("keywords", [])]
        self.territory_words = territories().words()
        self.deal_stop = (
            set(deal.get("stop", []))
            | self.left_stop
            | self.bad
            | set(data["name_words"])
            | territories().words()
        )
        self.legal = set(data["legal_suffixes"])
        # the legal suffix that ends a name found by it ("Helix Genesys, Inc." -> "Helix Genesys")
        self.legal_end = legal_tail(data)
        self.service_roles = ServiceRoles(data, self.legal_end)
        self.lower_case = LowerCaseNames(data)
        lead = data.get("lead_subject") or {}
        lower = with_lower_words(lead.get("lower_name", "(?!)"), data)
        self.lead_rx = [
            fast_re(p.replace("{LEAD}", lead["name"]).replace("{LOWER}", lower)) for p in lead["patterns"]
        ]
        self.lead_keywords = [k.lower() for k in lead.get("keywords", [])]
        verb = lead.get("today_verb", "(?!)")
        self.today_rx = [
            fast_re(p.replace("{LEAD}", lead["name"]).replace("{TODAY_VERB}", verb))
            for p in lead.get("today_patterns", [])
        ]
        # the words each lead pattern cannot match without (extract.literals): windows without any are skipped
        self.lead_words = [needed_literals(rx) for rx in self.lead_rx + self.today_rx]
        owner = data.get("possessive_owner") or {}
        self.owner_rx = fast_re(owner.get("name", "(?!)"))
        self.owner_between = re.compile(owner.get("between", "(?!)"))
        self.owner_not_next = re.compile(owner.get("not_next", "(?!)"), re.IGNORECASE)

    def _clean(self, text: str, s: int, e: int, corporate: bool = False) -> tuple[int, int] | None:
        """The name of a cue match without leading sentence words, or None when it is no company name.
        ``corporate``: the name ends in a corporate legal suffix (AG, Inc., Ltd. ...), with which the
        "soft_bad_words" do not block it ("Molecular Partners AG")."""
        surface = text[s:e]
        words = surface.split()
        while words and (titled(words[0]) in self.left_stop or words[0] == "&"):
            s = text.index(words[0], s) + len(words[0])
            while s < e and text[s].isspace():
                s += 1
            words = words[1:]
        # a headline's function word inside the match ends what came before it ("Results Reported By Helix
        # Bio Pharma Inc."): the name starts after it
        cut = max((i for i, w in enumerate(words[:-1]) if titled(w) in INNER_STOP), default=-1)
        if cut >= 0:
            s = text.index(words[cut + 1], text.index(words[cut], s) + len(words[cut]))
            words = words[cut + 1 :]
        bad = self.bad - self.soft_bad if corporate else self.bad
        if not words or any(w.strip(",.") in bad for w in words):
            return None
        if all(w.lower().rstrip(".,") in self.generic or w.strip(",") in self.legal for w in words):
            return None  # "Pharmaceuticals Inc." or "N.V." alone is not a name
        return s, e

    def _not_company_name(self, text: str, s: int, e: int) -> bool:
        """A company-word name that is part of an institution's or program's name, a department listed after
        an officer's title ("Head of Oncology and Eye Health, Helix"), or a business unit of a possessor
        ("Helix's U.S. Vaccines business"): company_cues.json."""
        return (
            self._runs_into_institution(text, e)
            or bool(self.department_before.search(text, max(0, s - 150), s))
            or bool(self.unit_before.search(text, max(0, s - 4), s) and self.unit_after.match(text, e))
        )

    def _runs_into_institution(self, text: str, e: int) -> bool:
        """Whether the capitalised word right after a name heads an institution's or investor's name:
        "Venrock Healthcare" of "Venrock Healthcare Capital Partners" (company_cues.json
        institution_heads)."""
        for _ in range(2):  # or the word after it: "European Medicines| Evaluation Agency"
            more = _NEXT_WORD.match(text, e)
            if more is None or more.group(1) in self.institution_heads:
                return more is not None
            e = more.end()
        return False

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cands = candidates(doc)
        new: list[Candidate] = []
        # a name never runs across a sentence end ("... targets HER2. Helix Pharmaceuticals granted ..."):
        # the sentence component has set the boundaries, so a match keeps only its part in the last sentence
        starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else []
        for rx, rule, whole in (
            (self.rx_legal, "legal_suffix", True),
            (self.rx_word, "company_word", False),
            (self.rx_ticker, "ticker", False),
        ):
            for m in rx.finditer(text):
                if rule == "ticker" and m.group(2) is not None and not self.listings.is_market(m.group(2)):
                    continue
                s, e = m.span(0) if whole else m.span(1)
                if whole:
                    e = m.end(0)
                s = s if not whole else m.start(1)
                k = bisect_left(starts, e) - 1
                if k >= 0 and s < starts[k] < e:
                    s = starts[k]
                corporate = whole and not self.fund_suffix.search(text, m.end(1), m.end(0))
                cleaned = self._clean(text, s, e, corporate)
                if cleaned is None or (rule == "company_word" and self._not_company_name(text, *cleaned)):
                    continue
                new.append(
                    Candidate(
                        cleaned[0], cleaned[1], "COMPANY", "cue:company_" + rule, self.confidence, priority=1
                    )
                )
        for s, e, by_suffix in self.lower_case.find(text):  # "zeta therapeutics, Inc.": no capital to cue
            rule = "cue:company_legal_suffix" if by_suffix else "cue:company_ticker"
            new.append(Candidate(s, e, "COMPANY", rule, self.confidence, priority=1))
        cands.extend(drop_glued_words(new, cands))
        self._repeats(text, new, cands)
        self._short_names(doc, cands)
        self._deal_context(doc, cands)
        self._lead_subjects(doc, cands)
        self._possessive_owners(doc, cands)
        # a party's banker, lawyer or auditor is no company of the contract, however a cue found it
        cands.extend(self.service_roles.stops(text, cands))
        return doc

    def _repeats(self, text: str, found: list[Candidate], cands: list[Candidate]) -> None:
        """ "Helix Genesys, Inc. (Nasdaq: HGEN) ... Helix Genesys ended the quarter", "AGTC (Nasdaq: AGTC) ...
        AGTC to receive $5M": a name found by its legal suffix or ticker once is the same company wherever
        the document writes it again without them (not inside a longer capitalised name)."""
        cores: dict[str, Candidate] = {}
        for c in found:
            if c.extractor not in ("cue:company_legal_suffix", "cue:company_ticker"):
                continue
            core = self.legal_end.sub("", text[c.start : c.end]).strip(" ,")
            words = core.split()
            if (
                len(core) < 3
                or not words
                or words[0] in self.short_stop
                or all(w.lower().rstrip(".") in self.generic for w in words)
            ):
                continue
            cores.setdefault(core, c)
        if not cores:
            return
        # = finditer of (?<![\w&.-])(name|...)(?![\w-]), the longest name first
        for start, end, core in literal_spans(text, sorted(cores, key=len, reverse=True), "&.-"):
            before = re.search(r"([A-Z][\w-]*)[ \t]+$", text[max(0, start - 30) : start])
            after = re.match(r"[ \t]+([A-Z][\w-]*)", text[end : end + 30])
            if (before and before.group(1) not in self.left_stop) or (
                after and after.group(1) not in self.left_stop and after.group(1) not in self.legal
            ):
                continue  # part of a longer capitalised name ("Helix Genesys Foundation")
            src = cores[core]
            cands.append(
                Candidate(
                    start,
                    end,
                    "COMPANY",
                    "cue:company_repeat",
                    src.confidence * 0.95,
                    priority=1,
                    extra={"short_of": text[src.start : src.end]},
                )
            )

    def _possessive_owners(self, doc: Doc, cands: list[Candidate]) -> None:
        """ "Talmera's TLM-7", "Helix's proprietary SynTrap platform": a one-word name in the possessive
        before a compound or technology name (company_cues.json "possessive_owner") is a company, at every
        mention in the document."""
        if "'s " not in doc_text(doc) and "’s " not in doc_text(doc):
            return
        text = doc_text(doc)
        products = sorted(c.start for c in cands if c.label in ("COMPOUND", "TECHNOLOGY"))
        if not products:
            return
        others = [(c.start, c.end) for c in cands if c.label != "COMPANY"]
        known = {text[c.start : c.end] for c in cands if c.label == "COMPANY"}
        found = list(self.owner_rx.finditer(text))
        # a name the document also writes as an eponym ("Alzheimer's disease") is no company anywhere
        eponyms = {m.group(1) for m in found if self.owner_not_next.match(text, m.end())}
        names: set[str] = set()
        for m in found:
            name = m.group(1)
            if name in names or name in known or name in eponyms:
                continue
            k = bisect_left(products, m.end())
            if k == len(products) or products[k] - m.end() > 60:
                continue
            if self.owner_between.match(text[m.end() : products[k]]) and self._deal_name_ok(
                text, name, m.start(1), m.end(1), others
            ):
                names.add(name)
        for name in sorted(names):
            cands += every_mention(text, name, "cue:company_possessive", self.deal_conf)

    def _lead_subjects(self, doc: Doc, cands: list[Candidate]) -> None:
        """ "Helix Antibody Technology today announced", "US biotech firm Helix said Thursday": the announcer
        (company_cues.json "lead_subject") is a company without a suffix, at every mention in the document."""
        text = doc_text(doc)
        fold = folded(text)  # None where lowering could hide a case-insensitive match: all windows searched
        low = text.lower() if fold is None else fold
        windows = keyword_windows(low, self.lead_keywords, 140, 30)
        if not windows:
            return
        others = [(c.start, c.end) for c in cands if c.label != "COMPANY"]
        names: set[str] = set()
        today = set(self.today_rx)
        held: dict[str, bool] = {}
        for rx, needs in zip(self.lead_rx + self.today_rx, self.lead_words, strict=True):
            near = [(lo, hi) for lo, hi in windows if may_match_within(fold, needs, lo, hi, held)]
            # group 2: the co-announcer of a headline ("Helix and Orbix Announce ...")
            for m, g in ((m, g) for lo, hi in near for m in rx.finditer(text, lo, hi) for g in (1, 2)):
                if g > rx.groups or m.group(g) is None:
                    continue
                name, words = m.group(g), m.group(g).split()
                if (
                    words[0] in self.deal_stop
                    or any(w in self.bad or w in self.territory_words for w in words)
                    or len(name) < 3
                    or any(a < m.end(g) and m.start(g) < b for a, b in others)
                ):
                    continue
                # "Shareholders today approved": a word the document also writes in lower case is no name;
                # "Zelvora® today received": a brand the document marks is a product; "Jane Roe today
                # joined": a name of two words or more may be a person's
                if rx in today and (
                    len(words) > 1 or literal_spans(text, [name.lower()], limit=1) or trademarked(text, name)
                ):
                    continue
                names.add(name)
        for name in sorted(names):
            cands += every_mention(text, name, "cue:company_lead_subject", self.deal_conf)

    def _deal_context(self, doc: Doc, cands: list[Candidate]) -> None:
        text = doc_text(doc)
        # names of another type, and company names inside the name (the short name "Helix" in "Later Helix")
        others = [(c.start, c.end) for c in cands if c.label != "COMPANY"]
        shorts = {(c.start, c.end) for c in cands if c.extractor == "cue:company_short_name"}
        names: dict[str, bool] = {}
        low = folded(text)
        windows = keyword_windows(text.lower() if low is None else low, self.deal_keywords, 100, 110)
        # the needed words (pharmakg.extract.literals) of every pattern that each window's slice of the
        # lowered text holds, of those the text holds at all
        inside: list[frozenset[str]] = []
        if low is not None:
            present = [w for w in self.all_deal_words if w in low]
            for lo, hi in windows:
                chunk = low[lo:hi]
                inside.append(frozenset([w for w in present if w in chunk]))
        for rx, words in zip(self.deal_rx, self.deal_word_sets, strict=True):
            # only the windows that hold one of the words the pattern needs
            if low is None or words is None:
                near = windows
            else:
                near = [win for win, held in zip(windows, inside, strict=True) if not words.isdisjoint(held)]
            for m in (m for lo, hi in near for m in rx.finditer(text, lo, hi)):
                for g in ("n1", "n2"):
                    if rx.groupindex.get(g) is None or m.group(g) is None:
                        continue
                    s, e = self._after_kind(text, *m.span(g))
                    name = text[s:e]
                    if name in names:
                        continue
                    clash = any(s <= a and b <= e and (a, b) != (s, e) for a, b in shorts)
                    names[name] = not clash and self._deal_name_ok(text, name, s, e, others)
        firsts = self._first_words(text, cands)
        lasts = self._second_words(text, cands)
        for word, key in lasts.items():
            # "Eli Lilly ... Lilly will select": the second word of such a name, standing alone where a
            # deal-context name may stand, is that company even without a deal word beside it
            if word in names or any(c.label == "COMPANY" and text[c.start : c.end] == word for c in cands):
                continue
            alone = literal_spans(text, [word], not_before="&.-")
            if any(self._deal_name_ok(text, word, a, b, others) for a, b, _ in alone):
                cands += every_mention(
                    text, word, "cue:company_short_name", self.deal_conf, {"short_of": key}
                )
        for name, ok in names.items():
            if not ok:
                continue
            # "Helix Nordic A/S ... gives Helix the rights": the first word of a longer company name of the
            # document is that company written short
            short_of = firsts.get(name) or lasts.get(name)
            extra = {"short_of": short_of} if short_of else {}
            cands += every_mention(text, name, "cue:company_deal_context", self.deal_conf, extra)

    def _after_kind(self, text: str, s: int, e: int) -> tuple[int, int]:
        """The name a deal word introduces: "collaborating with French drugmaker Ipsen" names Ipsen, after the
        modifier and the company's kind noun."""
        kind = self.kind_after.match(text, e)
        named = _KIND_NAMED.match(text, kind.end() - 1) if kind else None
        return named.span() if named else (s, e)

    def _second_words(self, text: str, cands: list[Candidate]) -> dict[str, str]:
        """Second word -> name (or key) of the document's two-word company names whose first word is never a
        short name on its own ("Eli Lilly" is written "Lilly"): the second word alone is that company."""
        seen: dict[str, dict[str, str]] = {}
        for c in cands:
            if c.label != "COMPANY":
                continue
            words = self.legal_end.sub("", text[c.start : c.end]).replace(",", " ").split()
            while len(words) > 2 and (
                words[-1].lower().rstrip(".") in self.generic or words[-1] in ("and", "&")
            ):
                words.pop()
            if len(words) == 2 and words[0] in self.short_stop and len(words[1]) >= 4:
                # one company however written: "Eli Lilly" and "Eli Lilly and Co." share their core words
                seen.setdefault(words[1], {}).setdefault(" ".join(words), c.key or text[c.start : c.end])
        return {w: next(iter(keys.values())) for w, keys in seen.items() if len(keys) == 1}

    def _first_words(self, text: str, cands: list[Candidate]) -> dict[str, str]:
        """First word -> name (or key) of the document's company names of two words or more, for first words
        that name one company only and are no short-name stop word ("United", "Johnson"). "Helix Nordic A/S"
        and its repeat "Helix Nordic" are one company: names are told apart without their legal suffix."""
        seen: dict[str, dict[str, str]] = {}
        for c in cands:
            if c.label != "COMPANY":
                continue
            surface = text[c.start : c.end]
            words = surface.replace(",", " ").split()
            if len(words) >= 2 and words[0] not in self.short_stop:
                core = self.legal_end.sub("", c.key or surface).strip(" ,")
                seen.setdefault(words[0], {}).setdefault(core, c.key or surface)
        return {w: next(iter(keys.values())) for w, keys in seen.items() if len(keys) == 1}

    def _deal_name_ok(self, text: str, name: str, s: int, e: int, others: list[tuple[int, int]]) -> bool:
        words = name.split()
        if any(w in self.deal_stop or w.rstrip(".") in self.deal_stop for w in words) or len(name) < 3:
            return False
        if any(a < e and s < b for a, b in others):
            return False  # a lexicon or shape name of another type
        if self.kind_after.match(text, e):
            return False  # "French drugmaker Ipsen": a modifier of the name that follows
        # part of a longer capitalised name ("Memorial Sloan Kettering"), or a name with a legal suffix (found
        # by the suffix cue)
        nxt = re.match(r"[ \t]+([A-Z][\w.&-]*)", text[e : e + 40])
        if nxt and (nxt.group(1) not in self.legal or len(words) > 1):
            if nxt.group(1) not in self.legal and nxt.group(1) not in OFFICER_NEXT:
                return False
        if re.search(r"[A-Z][\w-]*[ \t]+$", text[max(0, s - 30) : s]) and not re.search(
            r"(?:and|&)[ \t]+$", text[max(0, s - 30) : s]
        ):
            return False
        # a word the document also writes in lower case is an ordinary word ("Development", "Partners")
        return not literal_spans(text, [name.lower()], limit=1)

    def _short_names(self, doc: Doc, cands: list[Candidate]) -> None:
        text = doc_text(doc)
        longs: dict[str, str] = {}
        stops = [c for c in cands if c.label == "STOP"]
        for c in cands:
            if c.label != "COMPANY" or any(s.start <= c.start and c.end <= s.end for s in stops):
                continue
            words = re.sub(r"[,]", " ", text[c.start : c.end]).split()
            if len(words) < 2:
                continue
            first = words[0]
            if (
                first in self.short_stop
                or len(first) < 3
                or not first[0].isupper()
                or re.search(r"[\d.]", first)  # "U.S." of "U.S. Biopharmaceuticals" is no short name
                or first.isupper()
                and len(first) <= 2
            ):
                continue
            if all(w.lower().rstrip(".") in self.generic for w in words[1:]):
                longs.setdefault(first, c.key or text[c.start : c.end])
        # a drug-table brand spelled like the first word ("Vestra Therapeutics ... pay Vestra") is the company
        brands = {(c.start, c.end) for c in cands if c.label == "COMPOUND" and "knowledge:" in c.extractor}
        for first, key in longs.items():
            # not the first part of a code ("Helix-027" is Helix's compound, not Helix)
            # = finditer of (?<![\w-])first(?![\w]|-\d)
            for start, end, _ in literal_spans(text, [first], not_after="", dash_digit_after=True):
                cands.append(
                    Candidate(
                        start,
                        end,
                        "COMPANY",
                        "cue:company_short_name",
                        0.8,
                        priority=3 if (start, end) in brands else 1,
                        extra={"short_of": key},
                    )
                )
