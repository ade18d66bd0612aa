"""Country names as the lists write them → ISO 3166-1 alpha-2 codes.

The publishers write countries as free text ("Korea, North", "Russia", "Burma",
"Iran (Islamic Republic of)"). pycountry resolves the official names and codes; the
table below covers the common short and older forms it does not know. Pure, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ALIASES = {
    "russia": "RU", "burma": "MM", "korea north": "KP", "north korea": "KP",
    "korea dprk": "KP", "dprk": "KP", "democratic peoples republic of korea": "KP",
    "korea south": "KR", "south korea": "KR", "republic of korea": "KR",
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "usa": "US", "united states of america": "US",
    "turkey": "TR", "syria": "SY", "iran": "IR", "laos": "LA", "vietnam": "VN",
    "viet nam": "VN", "taiwan": "TW", "kosovo": "XK", "palestinian": "PS",
    # Kosovo's code is user-assigned (ISO 3166 holds none), so pycountry does not know it;
    # the EU, the World Bank and the UK write XK.
    "xk": "XK",
    "palestine": "PS", "west bank": "PS", "gaza": "PS", "gaza strip": "PS",
    "occupied palestinian territories": "PS", "crimea": "UA", "crimea region of ukraine": "UA",
    "congo democratic republic of the": "CD", "democratic republic of the congo": "CD",
    "drc": "CD", "congo republic of the": "CG", "republic of the congo": "CG",
    "ivory coast": "CI", "cote d ivoire": "CI", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "macedonia": "MK", "czech republic": "CZ",
    "swaziland": "SZ", "cape verde": "CV", "east timor": "TL", "brunei": "BN",
    "the gambia": "GM", "gambia the": "GM", "bahamas the": "BS", "micronesia": "FM",
    "vatican": "VA", "holy see": "VA", "hong kong": "HK", "hongkong": "HK", "macau": "MO", "macao": "MO",
    "china": "CN", "peoples republic of china": "CN", "prc": "CN", "sri lanka": "LK",
    "uae": "AE", "emirates": "AE", "saudi": "SA", "yemen": "YE", "sudan": "SD",
    "south sudan": "SS", "bosnia": "BA", "bosnia and herzegovina": "BA",
}
# Adjectives of nationality, read as the country they name ("Cuban Ministry of the
# Interior", "Iranian Cyber Police"); "korean" names both Koreas. ("saudi" is in _ALIASES.)
_DEMONYMS = {
    "afghan": "AF", "algerian": "DZ", "american": "US", "angolan": "AO", "argentine": "AR",
    "argentinian": "AR", "armenian": "AM", "azerbaijani": "AZ", "bahraini": "BH",
    "bangladeshi": "BD", "belarusian": "BY", "belarussian": "BY", "bolivian": "BO",
    "brazilian": "BR", "british": "GB", "burmese": "MM", "burundian": "BI", "cambodian": "KH",
    "cameroonian": "CM", "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO",
    "congolese": "CD", "cuban": "CU", "egyptian": "EG", "emirati": "AE", "eritrean": "ER",
    "ethiopian": "ET", "filipino": "PH", "philippine": "PH", "french": "FR", "georgian": "GE",
    "german": "DE", "ghanaian": "GH", "guatemalan": "GT", "haitian": "HT", "honduran": "HN",
    "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "israeli": "IL",
    "jordanian": "JO", "kazakh": "KZ", "kazakhstani": "KZ", "kenyan": "KE", "korean": "KP KR", "kosovar": "XK",
    "kuwaiti": "KW", "kyrgyz": "KG", "lankan": "LK", "lebanese": "LB", "libyan": "LY",
    "malaysian": "MY", "malian": "ML", "mexican": "MX", "moroccan": "MA", "nepalese": "NP",
    "nepali": "NP", "nicaraguan": "NI", "nigerian": "NG", "omani": "OM", "pakistani": "PK",
    "qatari": "QA", "russian": "RU", "rwandan": "RW", "salvadoran": "SV", "somali": "SO",
    "spanish": "ES", "sudanese": "SD", "syrian": "SY", "tajik": "TJ", "tanzanian": "TZ",
    "thai": "TH", "tunisian": "TN", "turkish": "TR", "turkmen": "TM", "ugandan": "UG",
    "ukrainian": "UA", "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE",
    "zimbabwean": "ZW",
}
_CLEAN = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def to_iso2(text: str | None) -> str | None:
    """The alpha-2 code of a country name or code, or None when it is not a country."""
    if not text:
        return None
    raw = text.strip()
    key = _CLEAN.sub(" ", raw.casefold()).strip()
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    import pycountry  # slow to import; only needed when an index is built

    try:
        return pycountry.countries.lookup(raw).alpha_2
    except LookupError:
        pass
    # "Iran (Islamic Republic of)", "Russia (Crimea)": try the part before a bracket.
    head = raw.split("(", 1)[0].strip(" ,")
    if head and head != raw:
        return to_iso2(head)
    return None


def query_country(text: str | None) -> str | None:
    """The alpha-2 code of the country a query gives ("CN", "China", "People's Republic of
    China", "Chinese"), None when it gives none. A value that names no one country raises
    ``ValueError`` with the reason, so a caller can say so rather than compare "CHINA" with
    "CN" and call every Chinese body foreign."""
    if text is None or not text.strip():
        return None
    code = to_iso2(text)
    if code is None:
        codes = _DEMONYMS.get(_CLEAN.sub(" ", text.casefold()).strip(), "").split()
        if len(codes) > 1:
            raise ValueError(f"country {text.strip()!r} names more than one country ({', '.join(codes)}); give an ISO code")
        code = codes[0] if codes else None
    if code is None:
        raise ValueError(f"country {text.strip()!r} is not a country name or ISO code")
    return code


_ADMIN_WORDS = frozenset(
    "city of the and province sheng shi zizhiqu region oblast kray krai respublika state "
    "county district governorate muhafazat ostan wilayah department departement prefecture "
    "autonomous municipality territory special administrative area island islands republic "
    "great independent occupied strip socialist commonwealth confederation duchy principality "
    "sultanate federative".split()
)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Single words that name a country or a first-level subdivision (province, state,
    oblast...) in ISO 3166, in normalised form, plus the place spellings hrdd unifies.

    A place in a name locates a body rather than identifying it ("Hunan" in "Hunan
    University" and in "Hunan Goke Microelectronics")."""
    return frozenset(place_countries())


@lru_cache(maxsize=1)
def place_countries() -> dict[str, frozenset[str]]:
    """Each word of :func:`place_words` → the countries (alpha-2) it may stand for:
    "russian" and "federation" → RU (and "federation" also → BA), "hunan" → CN."""
    import pycountry

    from .names import analyze
    from .names.tables import PLACE_COUNTRY

    found: dict[str, set[str]] = {w: {code} for w, code in PLACE_COUNTRY.items()}
    named: list[tuple[str, str]] = [(sd.name, sd.country_code) for sd in pycountry.subdivisions]
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, "") or ""
            if value:
                named.append((value, c.alpha_2))
    named += [(alias, code) for alias, code in _ALIASES.items()]
    for name, code in named:
        for tok in analyze(name).tokens:
            if len(tok) >= 4 and tok.isalpha() and tok not in _ADMIN_WORDS:
                found.setdefault(tok, set()).add(code)
    for word, codes in _DEMONYMS.items():
        found.setdefault(word, set()).update(codes.split())
    return {w: frozenset(codes) for w, codes in found.items()}


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Words that on their own name a country ("vietnam", "russia", "scotland"): a query
    word of this kind that the listed body's countries do not include says the query
    means a body elsewhere. (Words such as "national" or "central" also occur in place
    names, but name no country by themselves.)"""
    import pycountry

    from .names import analyze

    names = [n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", "") or "")]
    names += list(_ALIASES)
    out = set()
    for name in names:
        toks = analyze(name).tokens if name else ()
        if len(toks) == 1 and len(toks[0]) >= 4 and toks[0].isalpha():
            out.add(toks[0])
    return frozenset(out | _DEMONYMS.keys())


# Sanctions programmes and regimes that name one country: a listed body with no country
# of its own in the record is placed there for the matcher's country rules ("IRAN",
# "IRGC", "SYRIA-EO13894", the UK's "Russia" regime, the UN's "DPRK"). Programmes against
# a kind of conduct (SDGT, NPWMD, GLOMAG, CYBER2...) name no country. Prefixes, longest
# first; compared in upper case.
_PROGRAM_COUNTRY = (
    ("IRAN", "IR"), ("IRGC", "IR"), ("IFSR", "IR"), ("IFCA", "IR"), ("SYRIA", "SY"),
    ("RUSSIA", "RU"), ("CAATSA - RUSSIA", "RU"), ("BELARUS", "BY"), ("DPRK", "KP"),
    ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "KP"), ("VENEZUELA", "VE"), ("CUBA", "CU"),
    ("BURMA", "MM"), ("MYANMAR", "MM"), ("NICARAGUA", "NI"), ("LIBYA", "LY"), ("IRAQ", "IQ"),
    ("DRCONGO", "CD"), ("DEMOCRATIC REPUBLIC OF THE CONGO", "CD"), ("SOUTH SUDAN", "SS"),
    ("SUDAN", "SD"), ("SOMALIA", "SO"), ("YEMEN", "YE"), ("LEBANON", "LB"), ("MALI", "ML"),
    ("CAR", "CF"), ("CENTRAL AFRICAN REPUBLIC", "CF"), ("ETHIOPIA", "ET"), ("HK-", "HK"),
    ("ZIMBABWE", "ZW"), ("GUINEA-BISSAU", "GW"),
)


_PROGRAM_PREFIXES = sorted(_PROGRAM_COUNTRY, key=lambda x: -len(x[0]))


def program_country(program: str) -> str | None:
    """The one country a sanctions programme or regime is about, or None."""
    key = program.strip().upper()
    for prefix, code in _PROGRAM_PREFIXES:
        following = key[len(prefix):len(prefix) + 1]
        if key.startswith(prefix) and (prefix.endswith("-") or not following.isalpha()):
            return code
    return None
