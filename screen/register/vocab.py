"""The register's controlled vocabularies: kinds, sectors, concerns, link types and the
lists a designation can be on. The JSON schemas in ``watchlists/schema`` use the same
words; a test keeps the two in step."""

from __future__ import annotations

KINDS = ("organisation", "person")

SECTORS = {
    "police": "police",
    "police-special-unit": "police special or paramilitary unit",
    "police-training": "police university, college or academy",
    "interior-ministry": "interior or public security ministry",
    "intelligence": "intelligence or state security service",
    "military": "armed forces",
    "paramilitary": "paramilitary organisation",
    "prisons": "prisons and detention",
    "judiciary": "courts and prosecution",
    "forensics": "forensic science",
    "surveillance-company": "company supplying surveillance technology",
    "government": "government body",
}

CONCERNS = {
    "torture": "torture and ill-treatment",
    "extrajudicial-killing": "extrajudicial killing",
    "enforced-disappearance": "enforced disappearance",
    "arbitrary-detention": "arbitrary or mass detention",
    "persecution-of-minorities": "persecution of minorities",
    "mass-surveillance": "mass surveillance",
    "death-penalty": "death penalty",
    "excessive-force": "excessive force against protesters",
    "unfair-trial": "unfair trial and forced confessions",
    "sexual-violence": "sexual and gender-based violence",
    "forced-labour": "forced labour",
    "repression-of-dissent": "repression of dissent",
}

# Link types as written in a body's file (from the body to its target), with the words
# used for each direction when a chain is followed. ``symmetric`` links read the same
# both ways; ``up`` links go from a part to the whole (a chain may not go up and then
# down again, which would make siblings of every unit of a ministry).
LINK_TYPES: dict[str, dict[str, str | bool]] = {
    "cooperates_with": {"forward": "cooperates with", "inverse": "cooperates with", "symmetric": True, "up": False},
    "trains": {"forward": "trains", "inverse": "is trained by", "symmetric": False, "up": False},
    "subordinate_to": {"forward": "is subordinate to", "inverse": "has as a subordinate", "symmetric": False, "up": True},
    "part_of": {"forward": "is part of", "inverse": "has as a unit", "symmetric": False, "up": True},
    "supplies": {"forward": "supplies", "inverse": "is supplied by", "symmetric": False, "up": False},
    "officer_of": {"forward": "is or was an officer of", "inverse": "has or had as an officer", "symmetric": False, "up": True},
    "predecessor_of": {"forward": "is the predecessor of", "inverse": "succeeds", "symmetric": False, "up": False},
}

# The lists a designation can name. The first six are the official lists hrdd imports
# (their source names); the rest are measures hrdd does not import but records.
LISTS = {
    "ofac_sdn": "OFAC Specially Designated Nationals (SDN) List",
    "ofac_cons": "OFAC Consolidated (non-SDN) List",
    "us_csl": "US Consolidated Screening List",
    "uk": "UK Sanctions List",
    "eu": "EU consolidated financial sanctions list",
    "un": "UN Security Council Consolidated List",
    "us_state_7031c": "US State Department visa designation (Section 7031(c))",
    "canada": "Canada, Special Economic Measures Act sanctions",
    "other": "other official measure",
}

SHORT_LISTS = {
    "ofac_sdn": "OFAC SDN List", "ofac_cons": "OFAC non-SDN List", "us_csl": "US Consolidated Screening List",
    "uk": "UK Sanctions List", "eu": "EU sanctions list", "un": "UN Security Council list",
    "us_state_7031c": "US visa ban (7031(c))", "canada": "Canada sanctions", "other": "other measure",
}

OFFICIAL_LISTS = frozenset({"ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un"})  # the lists hrdd imports
ASSET_FREEZE_LISTS = frozenset({"ofac_sdn", "uk", "eu", "un"})

ALIAS_TYPES = ("aka", "fka", "acronym", "native", "translation")
