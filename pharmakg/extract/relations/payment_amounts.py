"""The money amounts of a payment sentence: figures with their currency ("$5 million", "USD$4,500,000",
"EUR 20 million (approximately $22 million)", "10 million USD") and sums written in words ("fifty million
dollars"), each with its US-dollar value where the text gives one (no conversion: ANNOTATION.md, payments)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from pharmakg.extract.relations.cue_words import alternation

_USD_FOLLOWS = re.compile(
    r"^\s*\(\s*(?:approximately|approx\.|about|around|~|or|equal to)?\s*(?:(?:US|U\.S\.)\s?\$|\$|USD\b)"
)
# "$5 million", "US$5m", "USD 5 million", "USD$5 million", "U.S. $5 million", "$400-million"; not "HK$", "C$"
# (the unit words come from the cues' scale: AmountReader.money)
_MONEY = (
    r"(?:(?:US|U\.S\.|USD)\s?\$|(?<![A-Za-z])\$|(?<![\w])USD\s?)\s?"
    r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:-(?=[a-z]{3})|\s*)({units})?\b"
)

_DIGIT = re.compile(r"\d")  # the regexes' own digit class (any decimal digit, not only ASCII)
Amount = tuple[int, int, str, float, float | None]  # (start, end, currency, amount, USD value or None)


class AmountReader:
    """Reads the amounts of a sentence with the "payments" cues (scale words, currencies, number words)."""

    def __init__(self, pay: dict[str, Any]) -> None:
        self.scale = {k.lower(): v for k, v in pay["scale"].items()}
        units = sorted(self.scale, key=len, reverse=True)
        self.money = re.compile(_MONEY.replace("{units}", "|".join(map(re.escape, units))), re.IGNORECASE)
        # after a foreign figure, only unit words (a single letter would be read off "5 m EUR")
        words = "|".join(re.escape(u) for u in units if len(u) > 1 and u != "mm")
        self.currency_codes = {k.lower(): v for k, v in pay["currencies"].items()}
        cur_alt = "|".join(sorted((re.escape(k) for k in pay["currencies"]), key=len, reverse=True))
        self.money_foreign = re.compile(
            rf"(?:(?<![\w])(?P<c1>{cur_alt})\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
            rf"|(?<![\w.,])(?P<num2>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?))"
            rf"\s*(?P<unit>{words})?\b(?(num2)\s*(?P<c2>{cur_alt})|)(?![\w])",
            re.IGNORECASE,
        )
        # "fifty million dollars", "Twenty-Five Million U.S. Dollars": a sum written out in words
        self.number_words = {k.lower(): v for k, v in pay["number_words"].items()}
        nw = alternation(list(self.number_words))
        self.words_money = re.compile(
            rf"(?<![\w-])((?:{nw})(?:(?:\s+|-)(?:{nw}|and))*)\s+(thousand|million|billion)\s+"
            r"(?:(?:U\.\s?S\.|US|United\s+States)\s+)?dollars\b",
            re.IGNORECASE,
        )

    def amounts(self, text: str) -> list[Amount]:
        """Money amounts of a sentence: (start, end, currency, amount, USD value or None).

        A non-USD amount takes its USD value only from the text ("EUR 10 million (approximately $11 million)":
        the dollar figure is read as its own amount and the foreign one is dropped); otherwise value is None.
        """
        out: list[Amount] = []
        if "ollars" in text or "OLLARS" in text:
            out.extend(self.word_amounts(text))
        if not _DIGIT.search(text):
            return out  # the figure regexes need a digit: a sentence without one is not scanned twice
        foreign: list[tuple[int, int]] = []  # spans of the foreign amounts whose USD equivalent follows
        prefixed: list[tuple[int, int]] = []  # spans of foreign amounts whose symbol ends in "$" ("CAN $11")
        for m in self.money_foreign.finditer(text):
            cur = self.currency_codes.get((m.group("c1") or m.group("c2") or "").lower())
            if cur is None:
                continue
            if cur != "USD" and m.group("c1"):
                prefixed.append((m.start(), m.end()))
            if cur == "USD":
                if m.group("c1"):
                    continue  # "USD 5 million": read by _MONEY below
                # "10 million USD", "5 million US dollars": the currency written after the figure
                num = float(m.group("num2").replace(",", ""))
                amount = num * self.scale.get((m.group("unit") or "").lower(), 1)
                out.append((m.start(), m.end(), cur, amount, amount))
                continue
            if _USD_FOLLOWS.match(text[m.end() :]):
                foreign.append((m.start(), m.end()))
                continue  # the USD equivalent follows
            num = float((m.group("num") or m.group("num2")).replace(",", ""))
            amount = num * self.scale.get((m.group("unit") or "").lower(), 1)
            out.append((m.start(), m.end(), cur, amount, None))
        if "$" in text or "USD" in text:
            for m in self.money.finditer(text):
                if any(pa < m.start() < pb for pa, pb in prefixed):
                    continue  # "(approximately CAN $11 million)": the dollar sign of a foreign symbol
                num = float(m.group(1).replace(",", ""))
                value = num * self.scale.get((m.group(2) or "").lower(), 1)
                # "JPY 5 billion (approximately $34 million)": read from where the foreign figure starts, so
                # that its verb, kind and parties are as near as they are to the foreign figure
                start = next((fa for fa, fb in foreign if fb < m.start() and m.start() - fb <= 25), m.start())
                out.append((start, m.end(), "USD", value, value))
        return sorted(out)

    def word_amounts(self, text: str) -> list[Amount]:
        """Sums written in words ("fifty million dollars"); none where the figure follows in brackets
        ("Fifty Million Dollars ($50,000,000)": the figure is read as the amount)."""
        out: list[Amount] = []
        for m in self.words_money.finditer(text):
            if _USD_FOLLOWS.match(text[m.end() :]):
                continue
            total = 0
            for w in re.split(r"[\s-]+", m.group(1).lower()):
                if w == "hundred":
                    total = (total or 1) * 100
                elif w != "and":
                    total += self.number_words[w]
            value = float(total * self.scale[m.group(2).lower()])
            out.append((m.start(), m.end(), "USD", value, value))
        return out


class AmountSpans:
    """The (start, end) of a sentence's amounts, sorted once, so that finding an amount's neighbours is a
    bisection and a sentence of thousands of amounts stays linear."""

    def __init__(self, amounts: list[tuple[Any, ...]]) -> None:
        self.starts = sorted(x for x, *_ in amounts)
        self.ends = sorted(y for _, y, *_ in amounts)

    def next_start(self, a: int, default: int) -> int:
        """min(the starts after ``a``, default)."""
        i = bisect_right(self.starts, a)
        return min(self.starts[i], default) if i < len(self.starts) else default

    def last_end(self, a: int, default: int) -> int:
        """max(the ends at or before ``a``, default)."""
        i = bisect_right(self.ends, a)
        return max(self.ends[i - 1], default) if i else default
