"""The radionuclides that kill cells, for ``kb/generated/radionuclides.tsv`` (``make tables``).

A radioligand or radioimmunoconjugate carries a radionuclide as its cell-killing agent: the PAYLOAD of the
conjugate in the annotation contract ("lutetium-177", "Ac-225", "[177Lu]"). Which nuclides can do that is
physics, not a list written from documents: those that decay mostly by emitting a particle (alpha or
beta-minus; positron emitters and electron-capture nuclides image rather than kill) with a half-life a
medicine can use (hours to weeks). The decay data are ICRP-107 as PyPI ``radioactivedecay`` ships them;
the element names come from PyPI ``periodictable``. Neither is needed at run time.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

PACKAGES = ("radioactivedecay", "periodictable")
# the decay modes that deposit a particle's energy in the cells around the nuclide
PARTICLE_MODES = ("α", "β-")
# at least this share of decays emits such a particle (astatine-211: 42% alpha, 58% electron capture)
MIN_PARTICLE_SHARE = 0.4
# a half-life a medicine can use: long enough to make, ship and give the drug, short enough to decay in the
# body (bismuth-213: 46 minutes; strontium-89: 50 days)
MIN_HALF_LIFE_HOURS = 0.5
MAX_HALF_LIFE_HOURS = 24 * 60
FILTERS = [
    f"nuclides of the ICRP-107 decay data whose alpha and beta-minus branches make at least "
    f"{MIN_PARTICLE_SHARE:.0%} of their decays (particle emitters; positron emitters and electron capture "
    "image rather than kill)",
    f"half-life from {MIN_HALF_LIFE_HOURS} hours to {MAX_HALF_LIFE_HOURS // 24} days (usable in a medicine)",
    "no metastable states (their decay is mostly internal transition)",
    "names as press releases write them: element-mass ('lutetium-177', also read 'lutetium 177'), "
    "the USAN form ('lutetium Lu 177'), symbol-mass ('Lu-177') and mass-symbol ('177Lu', '[177Lu]')",
]


def nuclide_names(element: str, symbol: str, mass: int) -> dict[str, list[str]]:
    """The names of one nuclide by kind: names match in any case, symbols as written."""
    return {
        "name": [f"{element}-{mass}", f"{element} {symbol} {mass}"],
        "symbol": [f"{symbol}-{mass}", f"{mass}{symbol}"],
    }


def particle_emitters(data: Any) -> list[tuple[str, int]]:
    """(symbol, mass) of each nuclide of a ``radioactivedecay`` dataset that passes the filters above."""
    out = []
    for i, nuclide in enumerate(data.nuclides):
        symbol, _, mass = str(nuclide).partition("-")
        modes, shares = list(data.modes[i]), list(data.bfs[i])
        if not modes or not mass.isdigit():  # stable, or a metastable state ("Tc-99m")
            continue
        share = sum(b for m, b in zip(modes, shares, strict=True) if m in PARTICLE_MODES)
        hours = float(data.half_life(str(nuclide), "h"))
        if share >= MIN_PARTICLE_SHARE and MIN_HALF_LIFE_HOURS <= hours <= MAX_HALF_LIFE_HOURS:
            out.append((symbol, int(mass)))
    return sorted(out)


def radionuclide_records() -> list[tuple[str, dict[str, list[str]]]]:
    """(canonical name, names by kind) of each cell-killing radionuclide."""
    decay = import_module("radioactivedecay")
    elements = import_module("periodictable").elements
    records = []
    for symbol, mass in particle_emitters(decay.DEFAULTDATA):
        element = elements.symbol(symbol).name.lower()
        records.append((f"{element}-{mass}", nuclide_names(element, symbol, mass)))
    return records
