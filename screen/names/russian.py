"""Russian and Ukrainian institutional words, in Latin letters or Cyrillic, read in English.

The lists often give a Russian body only as its name transliterated ("NAUCHNO
PROIZVODSTVENNOE PREDPRIYATIE SALYUT", "IZHEVSKY MEKHANICHESKY ZAVOD"), while a partner's
spreadsheet writes it in English ("Scientific Production Enterprise Salyut", "Izhevsk
Mechanical Plant"), or the other way round. :func:`russian_glosses` reads such a name with
its institutional words in English, the rest as written, so that the index holds the
English reading of a listed name and a query is read in it too, as the Chinese glossary
does for names in characters.

Each entry is a stem and the endings Russian grammar gives it (an adjective in any gender
or case: "proizvodstvennoe", "proizvodstvennoye", "proizvodstvennogo", "proizvodstvenny";
a noun in any case: "zavod", "zavoda"), in the spellings the lists use. A word ending in a
place adjective's suffix ("Izhevsky", "Magnitogorskiy", "Ryazanskoe") is read as the place
("izhevsk", "magnitogorsk", "ryazansk"), in a name that holds a glossary word only. A
name that holds no glossary word (a person's, a brand) has no reading. Pure, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Endings, after the stem: adjectives (every gender, number and case, in the lists'
# spellings) and nouns (hard and soft stems; neuter nouns in -ie / -iye).
_ADJ = r"(?:oe|oye|ae|aye|aya|aia|ay|yy|yi|iy|ii|ij|y|i|ogo|ovo|oy|oi|oj|ey|ei|ye|ie|iye|ykh|ikh|ym|im|om|uyu|oyu|oiu|e|a|o)?"
_NOUN = r"(?:a|u|om|e|y|i|ov|ami|akh|am)?"
_NEUTER = r"(?:e|ye|ya|ia|yu|iu|i|y|em|yem)"

# stem, endings, English. Several English words for one stem are alternative renderings,
# each its own reading; a rendering of several words is written with spaces.
_ENTRIES: tuple[tuple[str, str, str | tuple[str, ...]], ...] = (
    # what a body is
    ("zavod", _NOUN, ("plant", "factory")),
    ("kombinat", _NOUN, ("plant", "combine")),
    ("b(?:y|j|i)uro", "", "bureau"),
    ("predpriyati", _NEUTER, "enterprise"),
    ("pidpr(?:y|i|ii)emstv", r"(?:o|a)", "enterprise"),
    ("pradpr(?:y|i)emstv", r"(?:a|y|o)", "enterprise"),
    ("ob(?:y|')?edineni", _NEUTER, "association"),
    ("kontsern", _NOUN, "concern"),
    ("tsentr", _NOUN, "center"),
    ("institut", _NOUN, "institute"),
    ("instytut", _NOUN, "institute"),
    ("korporatsi", r"(?:ya|ia|i|yu)", "corporation"),
    ("kompani", r"(?:ya|ia|i|yu)", "company"),
    ("firm", r"(?:a|y|u)", "firm"),
    ("upravleni", _NEUTER, ("directorate", "management")),
    ("aktiv", r"(?:ami|ov|y|a)", "asset"),
    ("torgovl", r"(?:i|ya|ia|e)", "trade"),
    ("federatsi", r"(?:i|ya|ia|y)?", "federation"),
    ("federatsy", "", "federation"),
    ("promyshlennost", r"(?:i|')?", "industry"),
    ("sistem", r"(?:a|y|u|akh)", "system"),
    ("grupp", r"(?:a|y|u)", "group"),
    ("pribor", _NOUN, "instrument"),
    ("produkt", _NOUN, "products"),
    ("oborudovani", _NEUTER, "equipment"),
    ("fizik", r"(?:a|i)", "physics"),
    ("elektronik", r"(?:a|i)", "electronics"),
    ("tekhnik", r"(?:a|i)", "technology"),
    ("izolyatsi", r"(?:i|ya|ia)", "isolation"),
    ("izalyatsy", "", "isolation"),
    ("pravonarushitel", r"(?:ey|ei|yei|ya|i)", "offenders"),
    ("ministerstv", r"(?:o|a)", "ministry"),
    ("sluzhb", r"(?:a|y|u)", "service"),
    ("departament", _NOUN, "department"),
    ("akademi", r"(?:ya|ia|i)", "academy"),
    ("universitet", _NOUN, "university"),
    ("uchilishch", r"(?:e|a)", "school"),
    ("otryad", _NOUN, "unit"),
    ("brigad", r"(?:a|y)", "brigade"),
    ("voy?sk", r"(?:a|o)", "troops"),
    ("voisk", r"(?:a|o)", "troops"),
    ("gvardi", r"(?:ya|ia|i)", "guard"),
    ("militsi", r"(?:ya|ia|i)", "police"),
    ("politsi", r"(?:ya|ia|i)", "police"),
    ("tekhnologi", r"(?:i|y|ya|ia)?", "technology"),
    ("tekhnology", "", "technology"),
    ("mashinostroeni", r"(?:ya|ia|e|ye)", "machine building"),
    ("mashynostroyeni", r"(?:ya|ia)", "machine building"),
    ("mashinostroyeni", r"(?:ya|ia)", "machine building"),
    ("priborostroeni", r"(?:ya|ia)", "instrument making"),
    ("sudostroeni", r"(?:ya|ia)", "shipbuilding"),
    ("sudostroyeni", r"(?:ya|ia)", "shipbuilding"),
    ("sudoremont", r"(?:a)?", "ship repair"),
    ("bezopasnost", r"(?:i)?", "security"),
    ("oborony", "", "defense"),
    ("respublik", r"(?:a|i)", "republic"),
    # what kind of body it is
    ("nauchn", r"(?:o|oe|oye|yy|yi|iy|y|aya)", ("scientific", "research")),
    ("naukov", r"(?:o|e|yi)", ("scientific", "research")),
    ("issledovatel'?sk", _ADJ, "research"),
    ("proizvodstvenn", _ADJ, "production"),
    ("konstruktorsk", _ADJ, "design"),
    ("proektn", _ADJ, "design"),
    ("proektno", "", "design"),
    ("opytn", _ADJ, "experimental"),
    ("eksperimental'?n", _ADJ, "experimental"),
    ("gosudarstven?n", _ADJ, "state"),
    ("derzhavn", _ADJ, "state"),
    ("federal'?n", _ADJ, "federal"),
    ("unitarn", _ADJ, "unitary"),
    ("torgov", _ADJ, "trading"),
    ("tsentral'?n", _ADJ, "central"),
    ("glavn", _ADJ, "main"),
    ("razvedyvatel'?n", _ADJ, "intelligence"),
    ("vnutrenn", _ADJ, "internal"),
    ("natsional'?n", _ADJ, "national"),
    ("spetsial'?n", _ADJ, "special"),
    ("mashinostroitel'?n", _ADJ, "machine building"),
    ("priborostroitel'?n", _ADJ, "instrument making"),
    ("sudostroitel'?n", _ADJ, "shipbuilding"),
    ("sudoremontn", _ADJ, "ship repair"),
    ("remontn", _ADJ, "repair"),
    ("m(?:e|i)khanichesk", _ADJ, "mechanical"),
    ("mechanichesk", _ADJ, "mechanical"),
    ("elektromekhanichesk", _ADJ, "electromechanical"),
    ("optiko", "", "optical"),
    ("metallurgichesk", _ADJ, "metallurgical"),
    ("khimichesk", _ADJ, "chemical"),
    ("vneshn", _ADJ, "foreign"),
    ("vneshei", "", "foreign"),
    ("ross?iy?i?sk", _ADJ, "russian"),
    ("respublikansk", _ADJ, "republican"),
    ("promyshlenn", _ADJ, "industrial"),
    ("poluprovodnikov", _ADJ, "semiconductor"),
    ("avtomatizirovann", _ADJ, "automated"),
    ("prirodn", _ADJ, "natural"),
    ("gazov", _ADJ, "gas"),
    ("vychislitel'?n", _ADJ, "computing"),
    ("dal'?nevostochn", _ADJ, "far eastern"),
    ("vostochn", _ADJ, "eastern"),
    ("severn", _ADJ[:-1], "northern"),  # an ending required: the Severn is a river
    ("yuzhn", _ADJ, "southern"),
    ("zapadn", _ADJ, "western"),
    ("molekulyarn", _ADJ, "molecular"),
    ("akkumulyatorn", _ADJ, "battery"),
    ("tekhnichesk", _ADJ, "technical"),
    ("radiotekhnichesk", _ADJ, "radio engineering"),
    ("elektronn", _ADJ, "electronic"),
    ("aviatsionn", _ADJ, "aviation"),
    ("vertoletn", _ADJ, "helicopter"),
    ("eksportn", _ADJ, "export"),
    ("vneshneekonomichesk", _ADJ, "foreign economic"),
    ("voenn", _ADJ, "military"),
    ("morsk", _ADJ, "marine"),
    ("gorodsk", _ADJ, "city"),
    ("oblastn", _ADJ, "regional"),
    ("munitsipal'?n", _ADJ, "municipal"),
    # the initials these bodies go by
    ("okb", "", "experimental design bureau"),
    ("tskb", "", "central design bureau"),
    ("nii", "", "scientific research institute"),
    ("tsnii", "", "central scientific research institute"),
    ("fgup", "", "federal state unitary enterprise"),
    ("gup", "", "state unitary enterprise"),
    ("fkp", "", "federal state enterprise"),
    ("gnpp", "", "state scientific production enterprise"),
    ("npk", "", "scientific production corporation"),
)
# Words read in English only in a name that holds one of the words above ("dom" is also
# a brand's or a surname's word, "del" a particle, NPO and KB initials of other things).
_WITH_OTHERS: tuple[tuple[str, str, str | tuple[str, ...]], ...] = (
    ("dom", r"(?:a)?", "house"),
    ("npp", "", "scientific production enterprise"),
    ("gaz", r"(?:u|ov)", "gas"),  # not "Gaza"
    ("polk", _NOUN, "regiment"),  # a surname and a county too
    ("npo", "", "scientific production association"),
    ("kb", "", "design bureau"),
    ("del", "", "affairs"),
    ("naznacheniya", "", "purpose"),
    ("osobogo", "", "special"),
)
_PLACE_ADJ = re.compile(r"^([a-z]{3,}sk)" + r"(?:oe|oye|aya|yy|yi|iy|ii|ij|y|i|ogo|oy|oi|ye|ie)$")
_WORD = re.compile(r"[A-Za-z']+")
CYRILLIC = re.compile("[\u0400-\u04ff]")
# A soft or hard sign before е (and ё, whose dots are folded away) is written "ye", as the
# lists romanise it ("Арефьев" / "AREFYEV", "Глазьев" / "GLAZYEV", "Васильевич" /
# "Vasilyevich"), not left out ("Arefev"); before о (Ukrainian "Аксьонов") it is "y"
# ("Aksyonov"), which the ё reading makes "Aksenov".
_SOFT_SIGN_E = re.compile(r"[ьъ]е", re.IGNORECASE)
_SOFT_SIGN_O = re.compile(r"ьо", re.IGNORECASE)


def romanise(text: str) -> str:
    """Text in any script in Latin letters (anyascii), with the soft sign of Cyrillic
    written as the lists write it."""
    return anyascii(_SOFT_SIGN_O.sub("yo", _SOFT_SIGN_E.sub("ye", text)))


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, str | tuple[str, ...]], re.Pattern[str], dict[str, str | tuple[str, ...]]]:
    def compile_(entries):
        pattern = re.compile(
            "^(?:" + "|".join(f"(?P<g{i}>{stem}{ending})" for i, (stem, ending, _) in enumerate(entries)) + ")$"
        )
        return pattern, {f"g{i}": english for i, (_, _, english) in enumerate(entries)}

    main, english = compile_(_ENTRIES)
    others, english_others = compile_(_WITH_OTHERS)
    return main, english, others, english_others


def _english(word: str, pattern: re.Pattern[str], table: dict[str, str | tuple[str, ...]]) -> tuple[str, ...] | None:
    m = pattern.match(word)
    if m is None or m.lastgroup is None:
        return None
    found = table[m.lastgroup]
    return (found,) if isinstance(found, str) else found


def russian_glosses(text: str, limit: int = 4) -> list[str]:
    """The name with its Russian or Ukrainian institutional words in English, one reading
    per rendering (at most ``limit``); empty when it holds none of the words.

    "NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE SALYUT" → ["scientific-production enterprise
    SALYUT", "research-production enterprise SALYUT"]; "Izhevsky Mekhanichesky Zavod" →
    ["izhevsk mechanical plant", "izhevsk mechanical factory"]. A name in Cyrillic is read
    through its transliteration.
    """
    if not text.isascii():
        if not CYRILLIC.search(text):
            return []
        text = romanise(text)  # "Ижевский механический завод" → "Izhevskiy mekhanicheskiy zavod"
    main, english, others, english_others = _tables()
    pieces: list[tuple[int, int, tuple[str, ...]]] = []
    places: list[tuple[int, int, tuple[str, ...]]] = []
    anchored = False
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        found = _english(word, main, english)
        if found is not None:
            anchored = True
            pieces.append((m.start(), m.end(), found))
            continue
        found = _english(word, others, english_others)
        if found is not None:
            pieces.append((m.start(), m.end(), found))
            continue
        place = _PLACE_ADJ.match(word)
        if place is not None:
            # the place is the stem with "-sk" ("Izhevsky": Izhevsk) or without it
            # ("Kurgansky": Kurgan, "Ryazanskoe": Ryazan)
            places.append((m.start(), m.end(), (place.group(1), place.group(1)[:-2])))
    if not anchored:
        return []
    readings = [""]
    at = 0
    for start, end, options in sorted(pieces + places):
        readings = [r + text[at:start] + o for r in readings for o in options][:limit]
        at = end
    return [" ".join((r + text[at:]).split()) for r in readings]
