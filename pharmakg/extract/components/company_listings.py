"""Stock listings in parentheses after a company's name: "Helix (Nasdaq: HLX)", and any exchange written in
any form, one or several: "Helix (Paris:HLX) (NASDAQ:HLX)", "Helix (Tokyo Stock Exchange: 4502)",
"Helix (TWSE:6712; OTCQX: HLXF)", after up to two other parentheses ('Helix ("Helix" or the "Company")
(TSX: HLX)').

The market before the colon is an exchange of company_cues.json "exchanges", a place or market name of its
"listing" entry (the names the world's exchanges go by), or an acronym; the ticker is one to six capitals or
three to six digits, with an optional market suffix (".HK"). A labelled parenthesis whose label is no market
("(Indication: NSCLC)", "(Target: KRAS)") is no listing.
"""

from __future__ import annotations

import re
from typing import Any

_MARKET = r"[A-Z][A-Za-z.]*(?:(?:[ \t]+(?:and|&)[ \t]+|[ \t]*/[ \t]*|[ \t]+)[A-Z][A-Za-z.]*){0,3}"
_TICKER = r"(?:[A-Z]{1,6}|[0-9]{3,6})(?:\.[A-Z]{1,3})?"


class Listings:
    def __init__(self, data: dict[str, Any]) -> None:
        exchanges = sorted(data.get("exchanges", ["Nasdaq"]), key=len, reverse=True)
        self.exchanges = "|".join(re.escape(x) for x in exchanges)
        places = sorted(set(exchanges) | set((data.get("listing") or {}).get("places", [])), key=len)[::-1]
        self.place = re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(x) for x in places)})(?![\w])")

    def regex(self, name: str, left: str) -> re.Pattern[str]:
        """The regex of a name (group 1) before its listing; group 2 holds the market words of a listing
        that opens with no known exchange (``is_market`` tells whether they name one)."""
        return re.compile(
            rf"{left}({name})\s*,?\s*(?:\([^()\n]{{1,60}}\)[ \t]*){{0,2}}\((?:(?:{self.exchanges})\b|"
            rf"[ \t]*({_MARKET})[ \t]*[:\uff1a][ \t]*{_TICKER}(?=[ \t]*[);,/:]))"
        )

    def is_market(self, words: str) -> bool:
        """Whether the words before a listing's colon name a stock market: an exchange or a listing place
        ("Paris", "Alternext", "Hong Kong Stock Exchange"), or an acronym ("TWSE", "SGX")."""
        return self.place.search(words) is not None or any(
            re.fullmatch(r"[A-Z]{2,6}", w) for w in re.split(r"[ \t/&]+", words)
        )
