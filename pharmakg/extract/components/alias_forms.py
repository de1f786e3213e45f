"""Helpers of pharmakg_aliases that read a name's short forms: parts of a parenthesis, initials, a company's
short name, a code-shaped abbreviation of a disease, a naked antibody INN standing for its conjugate; and the
token split that keeps two glued names apart."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy
from spacy.tokens import Doc

from pharmakg.extract.components.base import Candidate, doc_text
from pharmakg.names import fold

# "brain tumors (e.g., glioma or ependymoma)", "(including X)": a parenthesis of examples names other things,
# narrower ones, not other names of the word before it
_EXAMPLES = re.compile(
    r"^(?:e\.\s?g\.|for\s+example|for\s+instance|such\s+as|including|incl\.|especially|particularly|notably)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def opens_with_examples(content: str) -> bool:
    """Whether a parenthesis's content opens with an example word ("e.g., X", "including X"): no alias."""
    return _EXAMPLES.match(content) is not None


def paren_separator(
    a: Candidate, inner_start: int, content: str, taken: list[Candidate], name: str = ""
) -> str:
    """Parts of "A (x; y)" split at semicolons; of a compound's "ZB-12 (talbumab, Korvix)" also at commas
    when the first part is a compound name found on its own or the clipped INN (its other names follow it)."""
    first = content.split(",")[0].rstrip()
    if a.label == "COMPOUND" and first != content:
        end = inner_start + len(first)
        if clipped_inn(first, name) or any(
            c.label == "COMPOUND" and c.start == inner_start and c.end == end for c in taken
        ):
            return r"[;,]"
    return r";"


# "SynTrap technology", "XTEN® half-life extension platform", "Medora® technology": a platform named by one
# distinctive word (camel case or capitals, or a trademarked word) before generic words; that word alone later
# in the text names the same platform
_TECH_HEAD = re.compile(
    r"([A-Za-z][a-z]*[A-Z][\w-]*|[A-Z][\w.-]*[A-Za-z0-9](?=[®™]|\((?:TM|R)\)))(?:[®™]|\((?:TM|R)\))?"
    r"(?:\s+[\w-]+){0,3}?\s+(?i:technolog(?:y|ies)|platforms?|(?:drug\s+)?delivery\s+systems?|conjugation\s+chemistry"
    r"|linker-payloads?|linker\s+systems?)"
)
_TECH_HEAD_STOP = {
    "ADC",
    "ADCS",
    "RNA",
    "DNA",
    "MRNA",
    "SIRNA",
    "RNAI",
    "AAV",
    "CAR-T",
    "TCR",
    "PROTAC",
    "PEG",
}


def technology_head(surface: str) -> str | None:
    m = _TECH_HEAD.fullmatch(surface)
    if m is None or m.group(1).upper() in _TECH_HEAD_STOP or len(m.group(1)) < 3:
        return None
    return m.group(1)


def shape_abbreviation(a: Candidate, b: Candidate, part: str, text: str) -> bool:
    """ "primary hyperoxaluria type 1 (PH1)", "infantile GM2 gangliosidosis (GM2)": a code-shaped name that
    abbreviates the disease (target, technology) before it, or is a word of its name, is that disease's short
    name, not a compound."""
    long_form = text[a.start : a.end]
    return (
        a.label in ("DISEASE", "TARGET", "TECHNOLOGY")
        and b.label in ("COMPOUND", "TRIAL")
        and b.extractor.startswith("shape:")
        and text[b.start : b.end] == part
        and (
            initials(part, long_form)
            or a.label == "DISEASE"
            and letters_in_order(part, long_form)
            or re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", long_form) is not None
        )
    )


def initials(abbr: str, long_form: str) -> bool:
    letters = [c.lower() for c in abbr if c.isalpha()]
    words = re.findall(r"[A-Za-z0-9]+", long_form)
    if not letters or not words or words[0][0].lower() != letters[0]:
        return False
    i = 0
    for w in words:
        if i < len(letters) and w[0].lower() == letters[i]:
            i += 1
    return i == len(letters)


def abbreviates(label: str, abbr: str, long_form: str) -> bool:
    """Whether ``abbr`` abbreviates ``long_form``: by its initials, or for a disease by letters in order."""
    return initials(abbr, long_form) or label == "DISEASE" and letters_in_order(abbr, long_form)


def letters_in_order(abbr: str, long_form: str) -> bool:
    """ "hereditary angioedema (HAE)", "gastrointestinal stromal tumors (GIST)": a disease's abbreviation
    takes letters from inside its words too (Schwartz-Hearst): every word of the long form opens with the
    next letter, and the letters between come in order from inside the words."""
    letters = "".join(c.lower() for c in abbr if c.isalnum())
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", long_form)]
    if len(letters) < 2 or not words or len(words) > len(letters):
        return False
    return _spell(letters, words)


def _spell(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are the initials of ``words``, each word giving more letters from inside it."""
    if not words:
        return not letters
    if not letters or words[0][0] != letters[0]:
        return False
    rest, inner = letters[1:], words[0][1:]
    for k in range(len(rest) - len(words) + 1, -1, -1):  # the most inner letters first
        if _subsequence(rest[:k], inner) and _spell(rest[k:], words[1:]):
            return True
    return False


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def company_paren_alias(p: str, name: str, formerly: bool) -> str:
    """The extractor name when "Name (p)" defines another name of the company, else "".

    "Amgen (formerly Abgenix)": an unknown former name is the same company; "Helix Pharmaceuticals
    Corporation (Helix)": the short name it defines; a bare "(ARNA)" is a ticker, not an alias."""
    if formerly and re.fullmatch(r"[A-Z][\w&.-]*(?: [A-Z&][\w&.-]*){0,3}", p):
        return "alias:formerly"
    if short_form(p, name):
        return "alias:company_short_form"
    return ""


def short_form(short: str, name: str) -> bool:
    """Is ``short`` the name's first word ("Helix" of "Helix Pharmaceuticals Corporation") or its initials
    ("HPC")? A ticker in parentheses is neither, mostly."""
    if not re.fullmatch(r"[A-Za-z][\w&-]{1,24}", short):
        return False
    words = re.findall(r"[A-Za-z][\w&'’-]*", name)
    if len(words) < 2:
        return False
    if short.lower() == words[0].lower():
        return True
    return short.isupper() and len(short) >= 2 and short == "".join(w[0] for w in words if w[0].isupper())


# the words between a disease name and the abbreviation of its long form: "heart failure[ with preserved
# ejection fraction] (HFpEF)"
_PLURAL_ABBR = re.compile(r"[A-Z][A-Z0-9-]*[A-Z]s")
DISEASE_TAIL = re.compile(r"((?:[ \t]+[\w'’-]+){0,5}?)[ \t]*\((?!\s)([A-Za-z][A-Za-z0-9-]{1,9})\)")


def long_form_start(text: str, paren: int, abbr: str) -> int | None:
    """Where the long form that the abbreviation in the parenthesis at ``paren`` abbreviates starts. A plural
    abbreviation's "s" ("inherited retinal dystrophies (IRDs)", "antibody-drug conjugates (ADCs)") is no
    initial."""
    if _PLURAL_ABBR.fullmatch(abbr):
        abbr = abbr[:-1]
    before = text[max(0, paren - 120) : paren]
    words = list(re.finditer(r"[A-Za-z0-9][\w'’]*(?:-[\w'’]+)*", before))
    letters = [c.lower() for c in abbr if c.isalpha()]
    for k in range(len(words) - 1, max(-1, len(words) - len(letters) - 3), -1):
        seg = before[words[k].start() :]
        if initials(abbr, seg) and seg[:1].lower() == letters[0]:
            return max(0, paren - 120) + words[k].start()
    return None


# between two names of one thing in a parenthesis: "(SF-1 or NR5A1)"
_OR_NAME = re.compile(r"\s+or\s+")


def target_or_name(
    text: str,
    i: int,
    a: Candidate,
    taken: list[Candidate],
    starts: dict[int, int],
    links: list[tuple[int, int]],
) -> None:
    """ "steroidogenic factor-1 (SF-1 or NR5A1)": two names of one target offered in one parenthesis are
    linked as one entity."""
    if a.label != "TARGET" or text[a.start - 1 : a.start] != "(":
        return
    alt = _OR_NAME.match(text, a.end)
    k = starts.get(alt.end()) if alt else None
    if k is not None and taken[k].label == "TARGET" and text[taken[k].end : taken[k].end + 1] == ")":
        links.append((i, k))


def disease_long_form(text: str, a: Candidate, occupied: bytearray, starts: dict[int, int], i: int) -> None:
    """ "heart failure with preserved ejection fraction (HFpEF)", "X-linked hypophosphatemia (XLH)": the
    disease is the whole long form that its abbreviation defines, when that long form holds the name found
    and no other name."""
    m = DISEASE_TAIL.match(text, a.end)
    if m is None:
        return
    paren = m.start(2) - 1
    ls = long_form_start(text, paren, m.group(2))
    end = a.end + len(m.group(1))
    if ls is None or ls > a.start or any(occupied[ls : a.start]) or any(occupied[a.end : end]):
        return
    occupied[ls:end] = b"\x01" * (end - ls)
    starts.pop(a.start, None)
    a.start, a.end = ls, end
    starts[ls] = i


# the partner's code after a compound's slash that no shape rule reads alone (one capital: "V940")
_SLASH_CODE = re.compile(r"/([A-Z]{1,3}\d{3,6}[A-Za-z]?)(?![\w/-])")


def compound_slash(
    text: str,
    i: int,
    a: Candidate,
    taken: list[Candidate],
    starts: dict[int, int],
    occupied: bytearray,
    links: list[tuple[int, int]],
    new: list[Candidate],
    aliases: list[str],
) -> None:
    """A compound slash pair is one compound, its whole text an alias: "huN901-DM1/BB-10901" (both names
    read), or "mRNA-4157/V940" where only the first is read: the code after the slash is a partner's name
    for it when nothing else was read there (one capital and digits, which no shape rule reads alone)."""
    if a.label != "COMPOUND" or text[a.end : a.end + 1] != "/":
        return
    j = starts.get(a.end + 1)
    if j is not None:
        if taken[j].label == "COMPOUND":
            links.append((i, j))
            aliases.append(text[a.start : taken[j].end])
        return
    m = _SLASH_CODE.match(text, a.end)
    if m is None or any(occupied[m.start(1) : m.end(1)]):
        return
    occupied[m.start(1) : m.end(1)] = b"\x01" * (m.end(1) - m.start(1))
    new.append(Candidate(m.start(1), m.end(1), "COMPOUND", "alias:slash_partner", 0.7, extra={"link": i}))
    aliases.append(text[a.start : m.end(1)])


def clipped_inn(short: str, name: str) -> bool:
    """ "iza-bren" of "izalbumab brengitecan", "tal-vel" of "talbumab velotecan": the clipped starts of a
    two-word INN, joined by a hyphen, in lower case."""
    parts = short.split("-")
    words = name.lower().split()
    return len(parts) == len(words) == 2 and all(
        re.fullmatch(r"[a-z]{2,6}", p) and w.startswith(p) for p, w in zip(parts, words, strict=True)
    )


# what may join two names in one token: "+", "(", "/", and the glued "x" of a bispecific ("CD20xCD3"); and
# what may glue a name to a word after it: a closing parenthesis ("(BCMA)-directed", "(ERBB2)-mutant")
_GLUE = re.compile(r"[+()/]|[0-9A-Z]x|x[A-Z]")
# a name's end at a period that a missing space glues to the next word ("Helix, Inc.announced")
_GLUED_PERIOD = re.compile(r"\.[a-z]")
# a name's end at a minus sign of a receptor status that ends the word ("ER+/HER2- breast cancer")
_STATUS_MINUS = re.compile(r"-(?![\w-])")


def split_glued_names(doc: Doc, chosen: list[Candidate]) -> None:
    """ "HX-3301+HX-12": the tokenizer keeps names joined by a plus sign as one token, and both names would
    then expand to the whole token (one mention, the second name lost). Such a token is split (the text stays
    the same) where a chosen name starts or ends at its plus sign; so is "Korvix(R)" at the parenthesis of
    its trademark sign, "FGFR1/2/3" at its slashes (three targets), "CD20xCD3" around its "x" (two),
    "(BCMA)-directed" at its closing parenthesis (the name, not "BCMA)-directed"), "HER2-" of "ER+/HER2-
    breast cancer" at its minus sign, and "Helix, Inc.announced" at its period."""
    text = doc_text(doc)
    bounds = {at for c in chosen for at in (c.start, c.end) if _GLUE.search(text[max(0, at - 1) : at + 1])}
    bounds |= {c.end for c in chosen if _GLUED_PERIOD.match(text, c.end) or _STATUS_MINUS.match(text, c.end)}
    if not bounds:
        return  # no chosen name starts or ends at a glue character: nothing to split (most documents)
    # the token around each bound, found by a binary search on the token offsets (not a loop over the doc)
    idx = doc.to_array("IDX")
    cuts: dict[int, list[int]] = {}
    for at in sorted(bounds):
        i = int(numpy.searchsorted(idx, at, side="right")) - 1
        tok = doc[i]
        glued = _GLUE.search(tok.text) or "." in tok.text or tok.text.endswith("-")
        if tok.idx < at < tok.idx + len(tok.text) and glued:
            cuts.setdefault(i, []).append(at - tok.idx)
    if not cuts:
        return
    cuts = dict(sorted(cuts.items()))
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            tok = doc[i]
            edges = [0, *offsets, len(tok.text)]
            pieces = [tok.text[a:b] for a, b in zip(edges, edges[1:], strict=False)]
            retokenizer.split(tok, pieces, heads=[(tok, 0)] * len(pieces))


def unbalanced(name: str) -> bool:
    """A name closing a bracket it does not open ("14)NH2" of "xPTH(1-14)NH2", "64)Cu]ZX7" of "[(64)Cu]ZX7":
    a code found inside one token, expanded to the token) is a piece of a longer name begun inside its
    brackets: no gold product name of the corpus or study sets and no drug-table name is so."""
    return name.count(")") > name.count("(") or name.count("]") > name.count("[")


_MAB_ALONE = re.compile(r"[a-z][a-z]{3,}(?:mab|tug|bart|mig)")
_CONJ_INN = re.compile(r"^(?:\[fam-\]\s*|fam-|ado[- ])?([A-Za-z]+mab)\s+[A-Za-z]+$", re.IGNORECASE)


def mab_short_names(allc: list[Candidate], text: str) -> list[tuple[int, int]]:
    """A naked INN alone ("mirvetuximab") = the one conjugate INN on it ("mirvetuximab soravtansine").

    Not for names a lexicon or the drug table gives to another drug (trastuzumab = Herceptin, not
    Kadcyla)."""
    conj: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for i, c in enumerate(allc):
        m = _CONJ_INN.match(text[c.start : c.end]) if c.label == "COMPOUND" else None
        if m:
            stem = m.group(1).lower()
            conj[stem].add(fold(text[c.start : c.end]))
            first.setdefault(stem, i)
    out = []
    for i, c in enumerate(allc):
        if c.label != "COMPOUND" or c.extractor.startswith("lexicon") or c.extra.get("kb_other_names"):
            continue
        stem = text[c.start : c.end].lower()
        # the shape's candidate or the drug table's at the same span ("Mirvetuximab" has a DrugBank row)
        if _MAB_ALONE.fullmatch(stem) and len(conj.get(stem, ())) == 1:
            out.append((first[stem], i))
    return out


_SPACES = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_COORDINATOR_START = re.compile(
    r"^(?:and|or|and/or)\s+"
)  # a coordinator that a disease's state words took in


def clean_surface(s: str) -> str:
    """A mention's text as a name: spaces folded, a possessive, a leading coordinator and ™ dropped."""
    s = _SPACES.sub(" ", s).strip()
    s = _POSSESSIVE_END.sub("", s)
    s = _COORDINATOR_START.sub("", s)
    return s.replace("™", "").strip()
