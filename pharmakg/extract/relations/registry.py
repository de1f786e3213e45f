"""The relation rule registry: ``@relation_rule("targets")`` files a rule family under its name; the
component runs the rules named in its config (``rules: [...]``) in that order.

A rule is a class built once per component from the cue data (it compiles its own regexes from the section
of relation_cues.json named like it) and then called per sentence, ``rule(ctx, sent)``, or once per document
after the sentences, ``rule(ctx)`` (``scope="document"``: code names, the post-pass). ``min_mentions`` skips
sentences with fewer mentions, as a cheap gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pharmakg.extract.pipeline_config import PIPELINE_CONFIG, load_pipeline_config

# A built rule: ``rule(ctx: RuleContext, s: Sent)`` per sentence, ``rule(ctx)`` per document.
Rule = Callable[..., None]


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule family: how to build it from the cue data, and when it runs."""

    name: str
    build: Callable[[dict[str, Any]], Rule]
    scope: str = "sentence"  # "sentence": once per live sentence; "document": once, after the sentences
    min_mentions: int = 1  # per-sentence rules: skip sentences with fewer (real or virtual) mentions


RULES: dict[str, RuleSpec] = {}


# The order is declared once, in the pipeline config (extract/config.cfg, pharmakg_relations.rules):
# rules of one sentence see the relations of the rules before them (the option rule reads the partnerships
# found so far); document rules run after all sentences, the post-pass last.
def configured_rules(config_path: Path = PIPELINE_CONFIG) -> list[str]:
    """The rule order of a pipeline config file (the default one unless another is given)."""
    config = load_pipeline_config(config_path)
    return [str(name) for name in config["components"]["pharmakg_relations"]["rules"]]


DEFAULT_RULES: list[str] = configured_rules()


def relation_rule(
    name: str, scope: str = "sentence", min_mentions: int = 1
) -> Callable[[Callable[[dict[str, Any]], Rule]], Callable[[dict[str, Any]], Rule]]:
    """Class decorator: register a rule family under ``name`` (the name used in the component's config)."""
    if scope not in ("sentence", "document"):
        raise ValueError(f"relation rule {name!r}: scope must be 'sentence' or 'document', not {scope!r}")

    def register(build: Callable[[dict[str, Any]], Rule]) -> Callable[[dict[str, Any]], Rule]:
        if name in RULES and RULES[name].build is not build:
            raise ValueError(f"relation rule {name!r} is registered twice")
        RULES[name] = RuleSpec(name, build, scope, min_mentions)
        return build

    return register


def resolve(names: list[str]) -> list[RuleSpec]:
    """The registered rules of a config's ``rules`` list, in its order; a clear error for unknown names."""
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise ValueError(
            f"pharmakg_relations: unknown relation rule(s) {unknown} in config 'rules'; "
            f"registered: {sorted(RULES)}"
        )
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"pharmakg_relations: relation rule(s) {dupes} listed twice in config 'rules'")
    return [RULES[n] for n in names]
