"""hrdd's risk levels and the approval each calls for, and the few sentences of the OSJA
guidance (and of official statements about it) that have been verified and may be
quoted. Everything not in ``GUIDANCE`` is hrdd's own method and reports say so."""

from __future__ import annotations

LEVELS = ("low", "medium", "high", "prohibited")


def rank(level: str) -> int:
    return LEVELS.index(level)


def worst(levels: list[str]) -> str:
    return max(levels, key=rank) if levels else "low"


# hrdd's mapping from risk level to approval. The guidance grades risk low / medium / high
# and has approval taken at levels that follow the risk, Ministers for serious risk (see
# GUIDANCE); who exactly approves at each level has not been verified, so this is hrdd's.
APPROVAL = {
    "low": "The delivering organisation's accountable lead (its OSJA Lead) records and approves the assessment.",
    "medium": "A senior official of the funder (for example Head of Mission or a director) approves, with the "
              "OSJA Lead consulted.",
    "high": "Ministers. hrdd's advice: do not proceed unless the risks are mitigated and Ministers approve.",
    "prohibited": "Stop and take legal advice before anything else: making funds or resources available to an "
                  "asset-freeze target may be prohibited outright, whatever a human-rights assessment concludes. "
                  "If it is lawful at all, Ministers.",
}

RISK_WORDS = {
    "low": "no red flag above the baseline was found",
    "medium": "risks in the host country or the assistance that need mitigation and senior approval",
    "high": "a serious risk that the assistance could contribute to human-rights violations",
    "prohibited": "a party is, or is linked as, an asset-freeze target",
}

# (quote, who said it, address or None) — wording verified in the cited public source.
GUIDANCE = (
    ("Is there a serious risk that the assistance might directly or significantly contribute to a violation of "
     "human rights and/or IHL?",
     "OSJA guidance, central question of the risk-management diagram (2014 text)",
     "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/583304/OSJA_Guidance_2017.pdf"),
    ("proper oversight by Ministers of all assistance projects which carry serious risk",
     "Written ministerial statement HLWS444, 26 Jan 2017, introducing the 2017 guidance",
     "https://questions-statements.parliament.uk/written-statements/detail/2017-01-26/HLWS444"),
    ("approval … is made at different levels of authority, in line with the level of risk",
     "FCDO answer to UK parliamentary written question 44253 (2021)",
     None),
    ("Ministers should be consulted to determine whether, given the specific circumstances of the case, we "
     "should nevertheless provide assistance",
     "OSJA guidance on the death penalty, as quoted in the Home Office answer to written question HL9827, 9 Oct 2018",
     None),
)

METHOD_NOTE = (
    "The risk levels, red-flag rules, approval levels and mitigations in this report are hrdd's own method, "
    "built on the OSJA process (assess the host country, identify the risks of the assistance, mitigate, decide "
    "at the right level, monitor). Only the quoted sentences are the guidance's or officials' words."
)
