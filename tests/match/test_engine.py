"""Candidate retrieval and the matcher on a small hand-made list (no real data)."""

from __future__ import annotations

import pytest

from screen.errors import UsageError
from screen.match import MatchConfig, Matcher, Query
from screen.match.candidates import retrieve
from screen.model import Entity, EntityKind, Name, NameType, Provenance
from screen.store.index import build_index


def ent(rid: str, kind: EntityKind, *names: str, weak: tuple[str, ...] = (), countries=(), programs=("TEST",)):
    ns = tuple(Name(n, NameType.PRIMARY if i == 0 else NameType.AKA) for i, n in enumerate(names))
    ns += tuple(Name(w, NameType.AKA, weak=True) for w in weak)
    return Entity("test", rid, kind, ns, Provenance("test", "f.csv", rid, f"row {rid}"), programs=programs, countries=countries)


ORG, PER = EntityKind.ORGANISATION, EntityKind.PERSON
ENTITIES = [
    ent("1", ORG, "Hangzhou Hikvision Digital Technology Co., Ltd.", countries=("China",)),
    ent("2", ORG, "Xinjiang Production and Construction Corps"),
    ent("3", PER, "CHEN, Quanguo", countries=("China",)),
    ent("4", ORG, "Rapid Intervention Force", weak=("Tiger Squad",), countries=("Saudi Arabia",)),
    ent("5", ORG, "Hunan Goke Microelectronics", countries=("China",)),
    ent("6", ORG, "Xinjiang Police College", countries=("China",)),
    ent("7", PER, "Hikvision Smith"),
] + [ent(f"x{i}", ORG, f"Filler {w} Company") for i, w in enumerate("alpha beta gamma delta epsilon zeta eta theta".split())]


@pytest.fixture(scope="module")
def index():
    return build_index("test", ENTITIES)


@pytest.fixture(scope="module")
def matcher(index):
    return Matcher([index])


def names_found(index, matcher, query: str) -> set[str]:
    from screen.names import analyze

    found = retrieve(analyze(query).tokens, [index], matcher.lexicon, limit=50, min_share=0.5)
    return {index.names[pos] for _, pos in found}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("hikvision", "hangzhou hikvision digital technology"),  # shared rare word
        ("hikvsion", "hangzhou hikvision digital technology"),  # typo: word no list holds
        ("hik vision", "hangzhou hikvision digital technology"),  # query splits a listed word
        ("xinjiangpolice college", "xinjiang police college"),  # query joins listed words
        ("xpcc", "xinjiang production construction corps"),  # acronym of the first words
        ("xinjiang police colege", "xinjiang police college"),  # doubled letter written once
        ("rapid interventtion force", "rapid intervention force"),  # doubled where the list has one
    ],
)
def test_retrieval_finds(index, matcher, query, expected):
    assert expected in names_found(index, matcher, query)


def test_a_rare_listed_word_also_retrieves_its_listed_spelling_a_letter_away():
    # "Submicron" is listed as written for one body, and as "Submikron" for the same body
    # on another list: the query's other word alone ("nii") is too little of the query
    m = Matcher([build_index("test", [
        ent("1", ORG, "JSC Scientific Research Institute Submicron"),
        ent("2", ORG, "Scientific Research Institute NII Submikron"),
    ] + [ent(f"n{i}", ORG, f"NII {w}") for i, w in enumerate("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi".split())])])
    hits = m.match(Query("NII Submicron", kind="org")).hits
    assert "Scientific Research Institute NII Submikron" in {h.matched_name for h in hits}


def test_one_edit_finds_listed_words_a_letter_away(matcher):
    # "hikvison" (one letter left out), "hikvisoin" (two swapped), "hkivision"
    for word in ("hikvison", "hikvisoin", "hkivision", "hikvisiion"):
        assert matcher.lexicon.one_edit(word) == ["hikvision"], word
    assert matcher.lexicon.one_edit("hikvision") == []  # the word itself is no variant
    assert matcher.lexicon.one_edit("hkvsion") == []  # two edits away
    # once the typo scan is ready (as in a batch) it answers the same
    from screen.match.lexicon import Lexicon

    lex = Lexicon([build_index("test", ENTITIES)])
    generated = [lex.one_edit(w) for w in ("hikvison", "hikvisoin", "hkivision", "hkvsion")]
    lex.similar("zzzzz")
    assert lex._buckets is not None
    assert [lex.one_edit(w) for w in ("hikvison", "hikvisoin", "hkivision", "hkvsion")] == generated


def test_retrieval_needs_half_the_query_weight(index, matcher):
    # Only "company" (in every filler name) is shared: too little of the query.
    assert names_found(index, matcher, "Zzyzx Qwerty Company") == set()


def test_a_rare_surname_retrieves_its_name_when_the_other_names_are_spelt_otherwise():
    # "andrei" and "anatolevich" are listed words (of other people), so they are looked up
    # as written and not a typo away; "alekhin" alone is under half of the query, yet the
    # listed Alekhin, whose given name and patronymic are spelt "Andrey Anatolyevich",
    # must be scored and found
    # (held by more names than are looked up a letter away, as on the real lists)
    others = [ent(f"p{i}", PER, f"Surname{chr(97 + i)}, Andrei Anatolevich") for i in range(25)]
    fillers = [ent(f"f{i}", ORG, f"Filler{chr(97 + i // 26)}{chr(97 + i % 26)} Works") for i in range(600)]
    m = Matcher([build_index("test", [ent("1", PER, "ALEKHIN, Andrey Anatolyevich"), *others, *fillers])])
    hits = m.match(Query("Andrei Anatolevich Alekhin", kind="person")).hits
    assert hits and hits[0].card.name == "ALEKHIN, Andrey Anatolyevich" and hits[0].level == "match"
    assert "'andrei' ≈ 'andrey' (1 edit" in "\n".join(hits[0].explanation())


def test_a_common_patronymic_retrieves_its_spellings_a_letter_away():
    # "Ivanov" and "Maksim" are common, so the rarest-word rule does not apply; the
    # patronymic, written "Anatolevich" in the query and "Anatolievich" on the list,
    # brings the name to half of the query
    people = [ent(f"p{i}", PER, f"IVANOV, {g}") for i, g in enumerate(
        "Oleg Pavel Igor Petr Ivan Yuri Boris Gleb Lev Roman Denis Artur".split())]
    people += [ent(f"m{i}", PER, f"Surname{chr(97 + i)}, Maksim Anatolevich") for i in range(25)]
    fillers = [ent(f"f{i}", ORG, f"Filler{chr(97 + i // 26)}{chr(97 + i % 26)} Works") for i in range(600)]
    m = Matcher([build_index("test", [ent("1", PER, "IVANOV, Maxim Anatolievich"), *people, *fillers])])
    hits = m.match(Query("Ivanov Maksim Anatolevich", kind="person")).hits
    assert hits and hits[0].card.name == "IVANOV, Maxim Anatolievich"
    # and one written with "ks" where the list writes "x"
    people = [ent(f"q{i}", PER, f"Surname{chr(97 + i)}, Maksim Aleksandrovich") for i in range(25)]
    people += [ent(f"r{i}", PER, f"Surname{chr(97 + i)}, Maxim Petrovich") for i in range(25)]
    people += [ent(f"s{i}", PER, f"IVANOV, Given{chr(97 + i)}") for i in range(25)]
    m = Matcher([build_index("test", [ent("1", PER, "IVANOV, Maxim Alexandrovich"), *people, *fillers])])
    hits = m.match(Query("Ivanov Maksim Aleksandrovich", kind="person")).hits
    assert hits and hits[0].card.name == "IVANOV, Maxim Alexandrovich"


def test_a_word_too_common_to_look_up_does_not_count_against_the_share(monkeypatch):
    # "al" is in more names than are looked up beside a rarer word; were it counted,
    # "qaida" alone would be under half of "Al Qaida Somalia" and nothing retrieved
    import screen.match.candidates as candidates
    from screen.names import analyze

    monkeypatch.setattr(candidates, "COMMON_DF", 100)
    fillers = [ent(f"a{i}", ORG, f"Al Filler{chr(97 + i // 26)}{chr(97 + i % 26)}") for i in range(200)]
    idx = build_index("test", [ent("1", ORG, "Al-Qaida"), ent("2", ORG, "Somalia Water Board"), *fillers])
    m = Matcher([idx])
    found = retrieve(analyze("Al Qaida Somalia").tokens, [idx], m.lexicon, limit=50, min_share=0.5)
    assert "al qaida" in {idx.names[pos] for _, pos in found}


def test_match_reports_the_hit_with_reasons(matcher):
    hits = matcher.match(Query("Hikvision Digital Technology", kind="org")).hits
    assert [h.entity_id for h in hits][0] == "test:1"
    top = hits[0]
    assert top.level == "review" or top.level == "match"
    assert top.card.name == "Hangzhou Hikvision Digital Technology Co., Ltd."
    assert any("'hikvision' = 'hikvision'" in r for r in top.explanation())
    d = top.to_dict()
    for key in ("source", "entity_id", "name", "matched_name", "score", "level", "programs", "explanation"):
        assert key in d


def test_kind_filter(matcher):
    orgs = {h.entity_id for h in matcher.match(Query("Hikvision Smith", kind="org"), threshold=0).hits}
    people = {h.entity_id for h in matcher.match(Query("Hikvision Smith", kind="person"), threshold=0).hits}
    assert "test:7" not in orgs and "test:7" in people
    assert "test:1" in orgs and "test:1" not in people


def test_a_person_query_skips_unknown_kind_names_with_a_legal_form():
    # The Entity List gives no kind; "... Co., Ltd." is still no person's name.
    m = Matcher([build_index("test", [
        ent("u1", EntityKind.UNKNOWN, "Harbin Yun Li Da Technology and Development Co., Ltd."),
        ent("u2", EntityKind.UNKNOWN, "Li Yun"),
        *ENTITIES[7:],
    ])])
    people = [h.card.record_id for h in m.match(Query("Li Yun", kind="person"), threshold=0).hits]
    assert people == ["u2"]
    anyone = {h.card.record_id for h in m.match(Query("Yun Li Da Technology"), threshold=0).hits}
    assert "u1" in anyone


def test_unknown_kind_is_a_usage_error(matcher):
    with pytest.raises(UsageError, match="unknown kind"):
        matcher.match(Query("x", kind="ship"))


def test_country_mismatch_lowers_the_score_and_says_so(matcher):
    plain = matcher.match(Query("CHEN Quanguo")).hits[0]
    other = matcher.match(Query("CHEN Quanguo", country="GB")).hits[0]
    same = matcher.match(Query("CHEN Quanguo", country="CN")).hits[0]
    assert same.score == plain.score == 100
    assert other.score == 90
    assert any("country differs: query GB, listed CN" in r for r in other.explanation())


@pytest.mark.parametrize("given", ["China", "china", "People's Republic of China", "Chinese", "cn"])
def test_a_country_given_by_name_is_the_country_its_code_is(matcher, given):
    # a spreadsheet's "Country: China" must not read as a country other than the listed CN
    hit = matcher.match(Query("CHEN Quanguo", country=given)).hits[0]
    assert hit.score == 100
    assert not any("country differs" in r for r in hit.explanation())
    other = matcher.match(Query("CHEN Quanguo", country="United Kingdom")).hits[0]
    assert any("country differs: query GB, listed CN" in r for r in other.explanation())


def test_a_country_that_names_no_country_is_a_usage_error(matcher):
    with pytest.raises(UsageError, match="'Chna' is not a country"):
        matcher.match(Query("CHEN Quanguo", country="Chna"))


@pytest.fixture(scope="module")
def born():
    people = [
        Entity("test", "k", PER, (Name("KARAMI, Hassan", NameType.PRIMARY),), Provenance("test", "f.csv", "k", "row k"),
               programs=("TEST",), birth_dates=("01 Jan 1961 to 31 Dec 1962",)),
        Entity("test", "c", PER, (Name("CHEN, Quanguo", NameType.PRIMARY),), Provenance("test", "f.csv", "c", "row c"),
               programs=("TEST",), birth_dates=("circa 1955",)),
        Entity("test", "n", PER, (Name("NODATE, Person", NameType.PRIMARY),), Provenance("test", "f.csv", "n", "row n"),
               programs=("TEST",)),
        Entity("test", "o", ORG, (Name("Karami Trading Company", NameType.PRIMARY),), Provenance("test", "f.csv", "o", "row o"),
               programs=("TEST",)),
    ] + [ent(f"f{i}", ORG, f"Filler {w} Company") for i, w in enumerate("alpha beta gamma delta".split())]
    return Matcher([build_index("test", people)])


@pytest.mark.parametrize(
    "query,born_,score,reason",
    [
        ("Hassan Karami", None, 100, None),
        ("Hassan Karami", "1962", 100, "birth year agrees: query 1962, listed 1961–1962"),
        ("Hassan Karami", "1963-05-01", 100, "birth year agrees: query 1963, listed 1961–1962"),  # a year's slack
        ("Hassan Karami", "1985", 80, "born in another year: query 1985, listed 1961–1962 (-20)"),
        ("Hassan Karami", "29/04/1959", 80, "born in another year: query 1959, listed 1961–1962 (-20)"),
        ("Chen Quanguo", "1958", 100, "birth year agrees: query 1958, listed 1953–1957"),  # circa: two years each way
        ("Chen Quanguo", "1959", 80, "born in another year: query 1959, listed 1953–1957 (-20)"),
        ("Person Nodate", "1990", 100, None),  # the list gives no date: nothing to compare
    ],
)
def test_a_birth_year_agrees_or_differs_and_says_so(born, query, born_, score, reason):
    hit = born.match(Query(query, kind="person", born=born_)).hits[0]
    assert hit.score == score
    said = [r for r in hit.explanation() if "born" in r or "birth" in r]
    assert said == ([reason] if reason else [])


def test_a_birth_year_says_nothing_of_a_body(born):
    hit = born.match(Query("Karami Trading Company", born="1985")).hits[0]
    assert hit.score == 100 and not any("birth" in r or "born" in r for r in hit.explanation())


def test_a_near_name_born_in_another_year_is_cleared(born):
    near = born.match(Query("Hassan Karimi", kind="person")).hits
    assert near and near[0].card.record_id == "k" and near[0].score < 100
    assert not born.match(Query("Hassan Karimi", kind="person", born="1985")).hits


def test_a_birth_date_with_no_year_is_a_usage_error(born):
    with pytest.raises(UsageError, match="birth date 'unknown' holds no year"):
        born.match(Query("Hassan Karami", born="unknown"))


def test_weak_alias_is_marked_and_scores_lower(matcher):
    hit = matcher.match("Tiger Squad").hits[0]
    assert hit.matched_name == "Tiger Squad" and hit.score == 95
    assert any("weak" in r for r in hit.explanation())


def test_hard_negative_is_clear(matcher):
    assert matcher.match("Hunan Police Academy").hits == []


def test_han_query_meets_pinyin_listing(matcher):
    hits = matcher.match("陈全国").hits
    assert hits[0].entity_id == "test:3" and hits[0].score == 100
    assert any("pinyin" in r for r in hits[0].explanation())


def test_thresholds_set_levels():
    cfg = MatchConfig(match=95, review=60)
    assert cfg.level(96) == "match" and cfg.level(80) == "review" and cfg.level(10) is None
    with pytest.raises(UsageError):
        MatchConfig(match=50, review=60)


def test_empty_query_gives_no_hits(matcher):
    assert matcher.match("!!!").hits == []


@pytest.fixture(scope="module")
def bodies():
    return Matcher([build_index("test", [
        ent("b1", ORG, "National University of Defense Technology (NUDT)", countries=("China",)),
        ent("b2", ORG, "Federal Security Service", countries=("Russia",)),
        ent("b3", ORG, "Ministry of People's Security", "MPS", countries=("Korea, North",)),
        *ENTITIES[7:],
    ])])


def test_bracketed_acronym_is_a_name_of_its_own(bodies):
    hit = bodies.match("NUDT").hits[0]
    assert hit.card.record_id == "b1" and hit.level == "match"
    assert hit.matched_name == "National University of Defense Technology (NUDT)"
    assert "bracketed part read as a name of its own ('nudt')" in " | ".join(hit.explanation())


def test_country_in_the_query_agrees_or_differs(bodies):
    agree = bodies.match("Federal Security Service of Russia").hits[0]
    assert agree.level == "match" and "naming the listed body's country" in " | ".join(agree.explanation())
    elsewhere = bodies.match("Federal Security Service of Ukraine", threshold=0).hits[0]
    assert "the query names another country (ukraine: UA), listed RU" in " | ".join(elsewhere.explanation())
    assert elsewhere.score < agree.score - 10


def test_an_abbreviation_alone_is_not_read_out(bodies):
    # "MPS" is the listed alias of North Korea's ministry; it does not stand for any
    # "Ministry of Public Security" (China's, Vietnam's).
    assert not bodies.match("Ministry of Public Security of Vietnam").hits
    assert bodies.match("MPS").hits[0].card.record_id == "b3"


def test_a_programme_places_a_body_whose_record_gives_no_country():
    m = Matcher([build_index("test", [
        ent("s1", ORG, "General Intelligence Directorate", programs=("SYRIA",)),
        ent("s2", ORG, "General Intelligence Directorate", programs=("SDGT",)),
        *ENTITIES[7:],
    ])])
    hits = {h.card.record_id: h for h in m.match("General Intelligence Directorate of Jordan", threshold=0).hits}
    assert "listed SY (from its sanctions programme) (-10)" in " | ".join(hits["s1"].explanation())
    assert hits["s1"].score == hits["s2"].score - 10  # SDGT names no country: no penalty
    assert hits["s1"].to_dict()["countries"] == []  # the record's own countries are reported as published


def test_chinese_institution_names_read_in_english_both_ways():
    m = Matcher([build_index("test", [
        ent("c1", ORG, "Xinjiang Police College", countries=("China",)),
        ent("c2", ORG, "Some Bureau", "乌鲁木齐市公安局", countries=("China",)),
        *ENTITIES[7:],
    ])])
    hit = m.match("新疆警察学院").hits[0]  # query in Chinese, list in English
    assert hit.card.record_id == "c1" and hit.level == "match"
    assert "Chinese institutional words read in English" in " | ".join(hit.explanation())
    hit = m.match("Urumqi Municipal Public Security Bureau").hits[0]  # query in English, list in Chinese
    assert hit.card.record_id == "c2" and hit.matched_name == "乌鲁木齐市公安局"
    assert "Chinese institutional words read in English" in " | ".join(hit.explanation())
    assert not m.match("陈全国").hits  # a person's name holds no institutional word


def test_a_chinese_term_with_several_renderings_meets_each():
    m = Matcher([build_index("test", [
        ent("h1", ORG, "Harbin Institute of Technology", countries=("China",)),
        ent("h2", ORG, "Northwestern Polytechnical University", countries=("China",)),
        ent("h3", ORG, "Beijing University of Technology", countries=("China",)),
        *ENTITIES[7:],
    ])])
    for han, rid in [("哈尔滨工业大学", "h1"), ("西北工业大学", "h2"), ("北京工业大学", "h3")]:
        hit = m.match(han).hits[0]
        assert hit.card.record_id == rid and hit.level == "match", (han, hit)
        assert "Chinese institutional words read in English" in " | ".join(hit.explanation())


def test_a_chinese_reading_places_the_query_in_china():
    # "... of China" in the listed name is no word the Chinese query leaves out
    m = Matcher([build_index("test", [
        ent("e1", ORG, "University of Electronic Science and Technology of China", countries=("China",)),
        *ENTITIES[7:],
    ])])
    hit = m.match("电子科技大学").hits[0]
    assert hit.card.record_id == "e1" and hit.score >= 75
    assert "set apart by 'china'" not in " | ".join(hit.explanation())
    english = m.match("Electronic Science and Technology University", threshold=0).hits[0]
    assert "set apart by 'china'" in " | ".join(english.explanation())  # written in English, it is not placed


def test_a_numbered_institute_with_its_group_acronym():
    m = Matcher([build_index("test", [
        ent("n14", ORG, "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)", countries=("China",)),
        ent("n11", ORG, "China Electronic Technology Group Corporation No. 11 Research Institute", countries=("China",)),
        *ENTITIES[7:],
    ])])
    hits = {h.card.record_id: h for h in m.match("CETC 14th Research Institute", threshold=0).hits}
    assert hits["n14"].score == 100
    assert "spells out 'cetc'" in " | ".join(hits["n14"].explanation())
    assert hits["n11"].score == 70  # 11 is not 14
    assert "the numbers differ (14 / 11)" in " | ".join(hits["n11"].explanation())
    assert [h.card.record_id for h in m.match("CETC 14th Research Institute").hits] == ["n14"]
    hit = m.match("CETC No. 11 Research Institute").hits[0]
    assert hit.card.record_id == "n11" and hit.level in ("match", "review")


def test_a_query_with_brackets_is_also_read_without_them(matcher):
    hit = matcher.match("Xinjiang Police College (XPC Training Unit)").hits[0]
    assert hit.card.record_id == "6" and hit.level == "match"
    assert "query's bracketed part read separately" in " | ".join(hit.explanation())


def test_a_bracketed_acronym_of_other_words_is_read_as_a_name_of_its_own():
    # "FIAN" is not the initials of "Lebedev Physical Institute" (it is the Russian ones):
    # a query's bracketed acronym in capitals is read alone all the same
    m = Matcher([build_index("test", [
        ent("f", ORG, "Physical Institute named after P.N. Lebedeva of the Academy of Sciences", "FIAN"),
        ent("i", ORG, "IKCO France"),
        *ENTITIES[7:],
    ])])
    hit = m.match("Lebedev Physical Institute (FIAN)").hits[0]
    assert hit.card.record_id == "f" and hit.level == "match"
    assert "query's bracketed part read separately ('fian')" in " | ".join(hit.explanation())
    assert m.match("Iran Khodro France (IKCO France)").hits[0].card.record_id == "i"
    from screen.names import query_bracket_names

    # a place or a legal form in brackets, in lower-case letters, is no name of its own
    assert query_bracket_names("Corad Technology (Shenzhen) Ltd (Pvt)") == []


def test_a_bracket_holding_more_than_a_country_is_read_apart(prisons):
    # only a bracket of places keeps the query whole ("Ministry of the Interior (Netherlands)")
    hit = prisons.match("Qarchak Women's Prison (Iranian Prisons Organization)").hits[0]
    assert hit.card.record_id == "p1" and hit.level == "match"


@pytest.fixture(scope="module")
def prisons():
    return Matcher([build_index("test", [
        ent("p1", ORG, "Qarchak Women's Prison", countries=("Iran",)),
        ent("p2", ORG, "Ministry of Interior", countries=("Cuba",)),
        ent("p3", PER, "QARCHAK, Ali"),
        *ENTITIES[7:],
    ])])


def test_a_body_is_also_read_without_its_last_part_after_a_comma(prisons):
    whole = prisons.match("Qarchak Women's Prison Varamin", threshold=0).hits[0]
    assert whole.level != "match"  # 'varamin', a city no country table holds, costs in full
    hit = prisons.match("Qarchak Women's Prison, Varamin").hits[0]
    assert hit.card.record_id == "p1" and hit.level == "match" and hit.score > whole.score
    assert "query read without its last part after a comma ('qarchak womens prison')" in " | ".join(hit.explanation())


def test_the_comma_reading_keeps_a_country_and_spares_a_persons_name(prisons):
    # the country after the comma is what says which ministry: no reading without it
    for q in ("Ministry of the Interior, Netherlands", "Ministry of the Interior (Netherlands)"):
        hits = prisons.match(q, threshold=0).hits
        assert hits and hits[0].score < 75, (q, hits[0].score if hits else None)
        assert "read without" not in " | ".join(hits[0].explanation())
        assert "bracketed part read separately" not in " | ".join(hits[0].explanation())
    # "SURNAME, Given" is a person's name, not a body with a qualifier: with no kind given,
    # the part before the comma needs three words to be read alone
    from screen.names import qualifier_variants

    assert qualifier_variants("Hassan Qarchak, Ali") == ["Hassan Qarchak"]
    assert qualifier_variants("Hassan Qarchak, Ali", strict=True) == []
    assert not any("read without" in n for h in prisons.match("Hassan Qarchak, Ali", threshold=0).hits for n in h.query_notes)
    assert not prisons.match("Qarchak, Ali", threshold=0).hits[0].query_notes
    assert not any("read without" in n for h in prisons.match("Qarchak, Mohammad Reza").hits for n in h.query_notes)
    assert not any("read without" in n for h in prisons.match(Query("Qarchak Prison, Varamin", kind="person"), threshold=0).hits
                   for n in h.query_notes)


def test_a_frequent_english_word_no_list_holds_is_known_as_one():
    # "inspire" is in no listed name; the index keeps the frequent English words, so the
    # query's word is told from the listed brand two edits away.
    idx = build_index("test", [ent("1", ORG, "Inspur Group Co., Ltd.", countries=("China",))]
                      + [ent(f"x{i}", ORG, f"Filler {w} Company") for i, w in enumerate("alpha beta gamma".split())])
    assert "inspire" not in idx.postings and "inspire" in idx.frequent.split("\n") and "inspur" not in idx.common
    assert Matcher([idx]).lexicon.common("inspire") and not Matcher([idx]).lexicon.common("inspur")
    m = Matcher([idx])
    assert not m.match(Query("Inspire Group Ltd", kind="org")).hits
    brand = m.match(Query("Inspurr Group Ltd", kind="org"), threshold=30).hits
    assert brand and brand[0].score >= 75


def test_a_person_query_reads_a_record_of_unknown_kind_with_the_family_name_rules():
    # The Entity List does not say whether a record is a person or a body: a person's
    # query meets it with the rules for family names ("Mazurova" / "Mazalova": stems
    # two letters apart beside one ending are two families)
    m = Matcher([build_index("test", [ent("u", EntityKind.UNKNOWN, "Valentina Mazalova")]
                             + [ent(f"v{i}", PER, f"Valentina Filler{chr(97 + i)}") for i in range(5)])])
    assert m.match(Query("Valentina Mazurova", kind="person")).hits == []
    hits = m.match(Query("Valentina Mazalova", kind="person")).hits
    assert [h.entity_id for h in hits] == ["test:u"]


def test_a_pinyin_run_is_cut_into_the_words_the_lists_hold():
    # 哈尔滨创越 is one run of characters, so one pinyin word; the list writes the city
    # ("Harbin", a letter from the pinyin "haerbin") and the brand apart
    # ("technology", in many listed names, is too little of the query to retrieve it alone)
    fillers = [ent(f"f{i}", ORG, f"Filler{chr(97 + i // 26)}{chr(97 + i % 26)} Technology") for i in range(200)]
    m = Matcher([build_index("test", [ent("1", ORG, "Harbin Chuangyue Technology Co., Ltd.", countries=("China",)),
                                      ent("2", PER, "ZHANG, Chenghan"), *fillers])])
    assert m.lexicon.listed_parts("haerbinchuangyue") == ["haerbin", "chuangyue"]
    assert m.lexicon.listed_parts("chuangyue") is None  # nothing to cut
    assert m.lexicon.listed_parts("hikvision") is None  # not pinyin
    hits = m.match(Query("哈尔滨创越科技有限公司", kind="org")).hits
    assert [h.entity_id for h in hits] == ["test:1"]
    assert any("a run of pinyin read as the words the lists hold" in n for n in hits[0].query_notes)
    # a person's given name is one word of pinyin ("Quanguo"): a person's query is never cut
    notes = [n for h in m.match(Query("哈尔滨创越", kind="person"), threshold=0).hits for n in h.query_notes]
    assert not any("a run of pinyin" in n for n in notes)


def _bodies(*entities):
    fill = [ent(f"x{i}", ORG, f"Filler {w} Company") for i, w in enumerate("alpha beta gamma delta".split())]
    return Matcher([build_index("test", [*entities, *fill])])


@pytest.mark.parametrize(
    "query,found,reason",
    [
        # the query spells its acronym out in other words than the listed body's: another body
        ("Philippine Chamber of Commerce and Industry (PCCI)", None,
         "the query spells out 'pcci' as 'philippine chamber commerce industry'; the listed body's 'pcci' is "
         "'Petrochemical Commercial Company International', another name (-40)"),
        # ... and a listed acronym a letter from it, spelt out otherwise as well
        ("Pacific Coast Cement Industries (PCCI)", None, "the listed body's 'pci' is 'Parchin Chemical Industries'"),
        # the same words, or the acronym alone: the listed body
        ("Petrochemical Commercial Co. International (PCCI)", "p", "'petrochemical' = 'petrochemical'"),
        ("PCCI", "p", "'pcci' = 'pcci'"),
        # an acronym that is not the initials of the query's words is not checked so ("FIAN")
        ("Lebedev Physical Institute (FIAN)", "f", "query's bracketed part read separately ('fian')"),
    ],
)
def test_an_acronym_the_query_spells_out_otherwise_names_another_body(query, found, reason):
    m = _bodies(
        ent("p", ORG, "Petrochemical Commercial Company International", "PCCI", countries=("Iran",)),
        ent("c", ORG, "Parchin Chemical Industries", "PCI", countries=("Iran",)),
        ent("f", ORG, "Physical Institute named after P.N. Lebedeva of the Academy of Sciences", "FIAN"),
    )
    hits = m.match(Query(query, kind="org")).hits
    assert (hits[0].card.record_id if hits else None) == found
    below = m.match(Query(query, kind="org"), threshold=0).hits
    shown = found or ("p" if "Petrochemical" in reason else "c")
    assert reason in " | ".join(next(h for h in below if h.card.record_id == shown).explanation())


def test_hongkong_written_as_one_word_is_the_place():
    # "Hongkong Electric": a place and an everyday word do not name "Taihe Electric (Hong Kong)"
    m = _bodies(ent("t", ORG, "Taihe Electric (Hong Kong) Limited", countries=("Hong Kong",)),
                ent("h", ORG, "HONGKONG HIMARK ELECTRON MODEL LIMITED"))
    assert m.lexicon.countries_of("hongkong") == {"HK"}
    assert not m.match(Query("Hongkong Electric Company Ltd", kind="org")).hits
    hit = next(h for h in m.match(Query("Hongkong Electric Company Ltd", kind="org"), threshold=0).hits
               if h.card.record_id == "t")
    assert "the query has only everyday words and places in common" in " | ".join(hit.explanation())
    assert m.match(Query("Taihe Electric Hongkong Ltd", kind="org")).hits[0].card.record_id == "t"


def test_a_persons_name_spelt_another_way_retrieves_its_listing():
    # "lisovsky" is a listed word (another record), so its typos are not looked up; its
    # spelling key retrieves "LISSOVSKI" all the same. A body's words are indexed under
    # their doubled letters only: "group" is not filed under "grup" beside "grupp".
    idx = build_index("test", [
        ent("l1", PER, "LISSOVSKI, Sergey Fodorovich"),
        ent("l2", PER, "Sergey Fyodorovich LISOVSKY"),
        ent("h", PER, "HUSSEIN, Hanan"),
        ent("g", ORG, "Makro Group Ltd"),
        ent("g2", ORG, "Vidis Grupp OOO"),
        *ENTITIES[7:],
    ])
    m = Matcher([idx])
    assert "husayn" in idx.singles and "lisovsky" in idx.singles
    from screen.store.index import positions
    assert all(idx.names[p] != "makro group" for p in positions(idx.singles.get("grup", b"")))
    hits = {h.card.record_id: h for h in m.match(Query("Sergei Lisovsky", kind="person")).hits}
    assert {"l1", "l2"} <= hits.keys()
    assert "'lisovsky' ≈ 'lissovski' (1 edit" in " | ".join(hits["l1"].explanation())
    assert m.match(Query("Hanan Husayn", kind="person")).hits[0].card.record_id == "h"
