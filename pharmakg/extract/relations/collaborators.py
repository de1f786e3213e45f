"""Document-level role: the issuing company's collaborator on its compound develops it too.

A release about a collaboration names the compound and the partner together ("The collaboration with Helix
covers ZB-12") without a development verb whose subject is the partner; the sentence rules then leave the
compound to the issuing company alone (``developer_default`` or a possessive). By the conventions
(co-development gives both parties DEVELOPED_BY) the partner develops it too, unless the sentence limits the
deal (an option, co-promotion, distribution, a termination or an acquisition give PARTNER_OF only or other
roles), or names only a role short of development (marketing, supply) without a development word, or
tests two drugs together (a combination partner in the sentence: each company keeps its own drug). The words
are data: ``codevelopment.collaboration_nouns`` and ``collaboration_limits``, ``licensees.terminated`` and
``licensees.rights_limited`` in relation_cues.json."""

from __future__ import annotations

import re
from typing import Any

from pharmakg.extract.literals import whole_words_regex
from pharmakg.extract.relations.deal import DEVELOPMENT
from pharmakg.extract.relations.sentence import RuleContext

RULE = "developer_collaborator"


_NEVER = re.compile(r"(?!)")


def word_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (``whole_words_regex``); never matches when the list is empty (an
    empty alternation would match everywhere)."""
    return whole_words_regex(words) if words else _NEVER


class Collaborators:
    def __init__(self, cues: dict[str, Any]) -> None:
        section = cues.get("codevelopment", {})
        licences = cues.get("licensees", {})
        self.nouns = word_pattern(section.get("collaboration_nouns", []))
        self.limits = word_pattern(section.get("collaboration_limits", []) + licences.get("terminated", []))
        # the roles short of development a licence may give (marketing, supply, ...): licensees.rights_limited
        self.roles_short = word_pattern(licences.get("rights_limited", []))

    def limited(self, low: str) -> bool:
        """Whether a sentence limits the collaboration to less than development."""
        if self.limits.search(low):
            return True
        # a development word lifts the limit of a commercial or supply role ("to develop and commercialize X")
        return bool(self.roles_short.search(low)) and not DEVELOPMENT.search(low)

    def __call__(self, ctx: RuleContext) -> None:
        main = ctx.main
        if not main:
            return
        partners = _partners_of(ctx, main)
        if not partners:
            return
        developers: dict[str, set[str]] = {}
        for t, subj, obj, _v in ctx.out.items:
            if t == "DEVELOPED_BY" and obj is not None:
                developers.setdefault(subj, set()).add(obj)
        # only the issuing company's own compounds: a compound another company develops has its roles stated;
        # a compound made with a technology is, in a collaboration, the platform deal's (its owner's licence)
        own = {
            comp
            for comp, devs in developers.items()
            if devs == {main} and not ctx.out.has("USES_TECHNOLOGY", comp)
        }
        found: list[tuple[str, str, Any]] = []
        for s in ctx.sents:
            compounds = {m.eid for m in s.of("COMPOUND", virtual=False)} & own
            companies = {m.eid for m in s.of("COMPANY", virtual=False)} & partners
            # one partner: a sentence listing several collaborations is about the company, not the compound
            if not compounds or len(companies) != 1:
                continue
            if not self.nouns.search(s.low) or self.limited(s.low):
                continue
            # a collaboration to test two drugs together ("to evaluate ZB-12 in combination with Helix's X"):
            # each company supplies its own drug and develops neither of the other's
            if any(ctx.combination(s, m) for m in s.of("COMPOUND", virtual=False)):
                continue
            found.extend((comp, co, s) for comp in sorted(compounds) for co in sorted(companies))
        for comp, co, s in found:
            if not ctx.out.has_pair("DEVELOPED_BY", comp, co):
                ctx.emit("DEVELOPED_BY", comp, co, s, RULE, hedged=False)


def _partners_of(ctx: RuleContext, main: str) -> set[str]:
    """The companies the document makes partners of ``main`` (never its parent or subsidiary)."""
    return {p for p in ctx.out.partners(main) if p != main and frozenset((main, p)) not in ctx.affiliates}
