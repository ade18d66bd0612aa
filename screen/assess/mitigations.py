"""Mitigations hrdd suggests for each red flag, and what each would change. hrdd's own
method, in its own words: the guidance's list of mitigations has not been verified
beyond assurances (see ``method.GUIDANCE``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mitigation:
    measures: tuple[str, ...]
    changes: str  # what applying them would change, in plain words


MITIGATIONS: dict[str, Mitigation] = {
    "asset-freeze-match": Mitigation(
        ("Take legal advice before any further contact or payment.",
         "Compare the records (identifiers, addresses, dates of birth) and record a false positive in `reviewed:` "
         "only when they clearly differ."),
        "No project measure clears this. Only a licence from the designating authority, or a recorded false "
        "positive, changes it."),
    "list-match": Mitigation(
        ("Remove the listed body from the project.",
         "If it must stay, get the export-control authority's view of what the listing covers (an Entity List "
         "entry restricts exports of items subject to US export rules) and the funder's legal advice."),
        "Removing the party removes the flag. While it stays, the risk stays high."),
    "possible-match": Mitigation(
        ("Compare the records (country, identifiers, addresses, the listing's remarks) and record the decision, "
         "the reviewer and the date in the project file's `reviewed:` section.",),
        "A recorded false positive removes the flag; a confirmed match turns it into a list or register match."),
    "unit-of-concern": Mitigation(
        ("Exclude the unit from the project.",
         "Vet each participant individually against the lists and the documented incidents.",
         "Make training conditional on written assurances and on independent observation, with a suspension "
         "clause."),
        "Excluding the unit, with vetting that none of its members take part, can lower this. Assurances alone "
        "are weak: the guidance lists them as a mitigation and critics have shown that they often fail."),
    "linked-to-listed": Mitigation(
        ("Ask the partner to disclose its agreements with the linked body and whether staff it trains are posted "
         "to, or train, that body.",
         "Contract terms that bar passing on the training or materials to the linked body, with a suspension "
         "clause.",
         "Monitor for exchanges with the linked body during the project."),
        "A credible disclosure that the link has ended can lower a direct link to medium. Contract terms reduce "
        "the risk but do not remove the link."),
    "linked-to-abuser": Mitigation(
        ("As for a linked listed body: disclosure of the link, contract terms against onward transfer, a "
         "suspension clause, monitoring.",),
        "Evidence that the link has ended can lower the flag; contract terms alone do not remove it."),
    "sanctioned-officials": Mitigation(
        ("Exclude the named officials and the units they command from every activity.",
         "Vet all participants against the lists."),
        "Exclusion and vetting lower the risk; the party's command responsibility remains in the record."),
    "capability-matches-abuse": Mitigation(
        ("Change the assistance so that it does not build the capability the party is documented as abusing, or "
         "deliver it to other units.",
         "Add human-rights safeguards to the content itself (for example, interviewing without coercion) and "
         "monitor how it is used."),
        "Changing the assistance type or the recipient unit removes the flag. Safeguards in the content do not, "
        "while the same unit receives the capability."),
    "not-screened": Mitigation(
        ("Correct the name in the project file or the partners spreadsheet and run the assessment again.",),
        "Screening the party replaces this flag with its result."),
    "designated-since-start": Mitigation(
        ("Pause delivery and redo the assessment before renewal or continuation.",
         "Record who approved continuing, and on what grounds."),
        "A fresh assessment approved at the right level replaces this flag; the designation itself remains."),
    "host-not-assessed": Mitigation(
        ("Do the host-country stage by hand from the FCDO's human-rights reporting, UN treaty-body findings and "
         "NGO reports, or add the country's indicators to a register folder (`--register DIR`).",),
        "With indicators recorded, hrdd assesses the host country from them."),
    "priority-country": Mitigation(
        ("Read the FCDO's latest human-rights reporting on the country and the UN treaty bodies' findings for the "
         "institutions involved.",
         "Build human-rights content and independent monitoring into the project."),
        "Context flags do not go away; mitigation shows the risk has been managed at medium."),
    "political-terror": Mitigation(
        ("Identify which state bodies the scale's sources name, and make sure no project partner is among them.",),
        "Context flags do not go away; they set the floor of the risk at medium."),
    "death-penalty": Mitigation(
        ("Obtain written assurances that no help given will be used in a case that can end in a death sentence.",
         "Consult Ministers where that cannot be ruled out."),
        "Assurances (the guidance's standard mitigation) can lower the high level to medium; the country's "
        "retention of the death penalty remains a medium flag."),
    "armed-conflict": Mitigation(
        ("Assess international humanitarian law risks as well as human-rights risks, with legal advice.",),
        "The flag stays while the conflict lasts; the assessment must cover both bodies of law."),
    "higher-risk-assistance": Mitigation(
        ("Narrow the content to what is needed, add human-rights safeguards, vet participants, observe "
         "delivery and follow up how the skills are used.",),
        "Safeguards lower the risk of misuse; the type of assistance keeps the floor at medium."),
    "no-prior-assessment": Mitigation(
        ("Record this assessment and its approval before delivery continues.",),
        "An assessment on record approved at the right level clears this flag."),
}
