"""The PLOVER event ontology Marsad codes into, and how CAMEO verb codes map onto it.

PLOVER (Political Language Ontology for Verifiable Event Records) has sixteen
event types.  Each event carries a *mode* (how it was done: said or done) and a
*context* (whether the text asserts it happened, reports someone's claim, denies
it, announces it for the future or only imagines it).  See docs/ontology.md.
"""

from __future__ import annotations

from dataclasses import dataclass

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# "verbal": the event is something said (praise, a demand, a threat);
# "material": something done (troops sent, aid delivered, a strike).
MODES: tuple[str, ...] = ("verbal", "material")

CONTEXTS: tuple[str, ...] = ("asserted", "claim", "denied", "future", "hypothetical")

# Types whose two sides are partners rather than doer and receiver: a meeting of
# Russia with North Korea is the same meeting as North Korea with Russia.
SYMMETRIC_TYPES: frozenset[str] = frozenset({"CONSULT", "COOPERATE", "AGREE"})

# Types that need two parties to be an event at all (a "meeting" with one side is noise).
DYADIC_TYPES: frozenset[str] = frozenset({"CONSULT", "COOPERATE", "AGREE"})

# Types that make sense with one side only: an attack, a protest or an arrest whose other side
# the sentence does not name.  Every other type needs both a source and a target.
ONE_SIDED_TYPES: frozenset[str] = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "CONCEDE", "REJECT"})

# The mode a type has when the trigger does not say.
DEFAULT_MODE: dict[str, str | None] = {
    "AGREE": "verbal",
    "CONSULT": "verbal",
    "SUPPORT": "verbal",
    "CONCEDE": "material",
    "COOPERATE": "material",
    "AID": "material",
    "RETREAT": "material",
    "REQUEST": "verbal",
    "ACCUSE": "verbal",
    "REJECT": "verbal",
    "THREATEN": "verbal",
    "PROTEST": "material",
    "SANCTION": "material",
    "MOBILIZE": "material",
    "COERCE": "material",
    "ASSAULT": "material",
}


@dataclass(frozen=True, slots=True)
class CameoRule:
    prefix: str
    plover: str | None
    why: str


# Longest prefix wins.  None means "not an event Marsad records" (statements, investigations).
CAMEO_TO_PLOVER: tuple[CameoRule, ...] = (
    CameoRule("01", None, "make public statement: speech itself is the statements layer"),
    CameoRule("02", "REQUEST", "appeal"),
    CameoRule("03", "AGREE", "express intent to cooperate (context future)"),
    CameoRule("04", "CONSULT", "consult, meet, visit, negotiate"),
    CameoRule("05", "COOPERATE", "diplomatic cooperation"),
    CameoRule("051", "SUPPORT", "praise or endorse"),
    CameoRule("053", "SUPPORT", "rally support"),
    CameoRule("054", "SUPPORT", "grant diplomatic recognition"),
    CameoRule("055", "CONCEDE", "apologize"),
    CameoRule("056", "CONCEDE", "forgive"),
    CameoRule("057", "AGREE", "sign formal agreement"),
    CameoRule("06", "COOPERATE", "material cooperation"),
    CameoRule("07", "AID", "provide aid"),
    CameoRule("08", "CONCEDE", "yield"),
    CameoRule("084", "RETREAT", "return, release"),
    CameoRule("087", "RETREAT", "de-escalate militarily, withdraw"),
    CameoRule("09", None, "investigate"),
    CameoRule("10", "REQUEST", "demand"),
    CameoRule("11", "ACCUSE", "disapprove, criticize, accuse"),
    CameoRule("12", "REJECT", "reject"),
    CameoRule("13", "THREATEN", "threaten"),
    CameoRule("14", "PROTEST", "protest"),
    CameoRule("15", "MOBILIZE", "exhibit force posture"),
    CameoRule("16", "SANCTION", "reduce relations, embargo, sanction"),
    CameoRule("17", "COERCE", "coerce: seize, arrest, expel, repress"),
    CameoRule("18", "ASSAULT", "assault"),
    CameoRule("19", "ASSAULT", "fight"),
    CameoRule("20", "ASSAULT", "unconventional mass violence"),
)


def plover_for_cameo(code: str) -> str | None:
    """The PLOVER type of a CAMEO verb code such as "0234" or "112"; None if not recorded."""
    code = code.strip()
    best: CameoRule | None = None
    for rule in CAMEO_TO_PLOVER:
        if code.startswith(rule.prefix) and (best is None or len(rule.prefix) > len(best.prefix)):
            best = rule
    return best.plover if best else None


def country_of(actor: str | None) -> str | None:
    """The country part of a CAMEO-style actor code: RUSGOV -> RUS, IGO -> IGO."""
    if not actor:
        return None
    return actor[:3].upper()
