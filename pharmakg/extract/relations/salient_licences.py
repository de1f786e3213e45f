"""A licence stated in a sentence that names no compound ("Under the agreement, Orbital obtains exclusive
rights to develop and commercialize it in Greater China"): the compound of the sentences before. Its own rule,
as such sentences name one company only, fewer mentions than ``licensees`` reads."""

from __future__ import annotations

from typing import Any

from pharmakg.extract.relations.deal import PendingOption
from pharmakg.extract.relations.licence_clauses import PluralObject, salient_licensee
from pharmakg.extract.relations.licensees import Licensees
from pharmakg.extract.relations.registry import relation_rule
from pharmakg.extract.relations.sentence import RuleContext, Sent


@relation_rule("salient_licences", min_mentions=1)
class SalientLicences:
    """ "B obtains exclusive rights to it / in Japan" after a sentence naming the compound: B's licence."""

    def __init__(self, cues: dict[str, Any]) -> None:
        licensees = Licensees(cues)
        self.after = licensees.after  # the licensee's cue after its name, as ``licensees`` reads it
        self.limited = licensees.rights_limited
        self.pending_option = PendingOption(cues["options"])
        self.plural = PluralObject(cues["licensees"])

    def __call__(self, ctx: RuleContext, s: Sent) -> None:
        low = s.low
        if ("right" not in low and "licen" not in low) or s.of("COMPOUND") or self.pending_option(low):
            return  # cheap gates first: most sentences name no rights
        salient_licensee(ctx, s, self.after, self.limited, self.plural)
