"""Normalisation rules, one table row per rule: input, expected comparable words, and the
note that explains the change (or none)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screen.names import analyze, normalize

RULES = [
    # (rule, input, expected words, expected legal forms, a note fragment or None)
    ("case and diacritics", "Société Générale", ("societe", "generale"), (), None),
    ("NFKC full-width", "ＨＩＫＶＩＳＩＯＮ", ("hikvision",), (), None),
    ("zero-width space", "Hik\u200bvision", ("hikvision",), (), "invisible characters removed"),
    ("bidi control", "\u202eHikvision\u202c", ("hikvision",), (), "invisible characters removed"),
    ("Irish designated activity company", "GTLK Europe Designated Activity Company", ("gtlk", "europe"), ("LLC",),
     "legal form"),
    ("Irish DAC", "GTLK Europe DAC", ("gtlk", "europe"), ("LLC",), "legal form"),
    ("Turkish Ltd. Şti.", "Smart Trading Taşımacılık Ltd. Şti.", ("smart", "trading", "tasimacilik"), ("LLC",), "legal form"),
    ("Turkish limited şirketi", "SMART TRADING TASIMACILIK LIMITED SIRKETI", ("smart", "trading", "tasimacilik"), ("LLC",),
     "legal form"),
    ("Turkish anonim şirketi", "BASLAM PETROL ANONİM ŞİRKETİ", ("baslam", "petrol"), ("JSC",), "legal form"),
    ("a listing's scope words", "Asia-Invest LLC and any successor, sub-unit, or subsidiary thereof", ("asia", "invest"),
     ("LLC",), "the listing's scope words dropped (and any successor, sub-unit, or subsidiary thereof)"),
    ("a listing's scope words, another wording", "Poly Technologies Incorporated (PTI), and its sub-units and successors",
     ("poly", "technology", "incorporated", "pti"), (), "the listing's scope words dropped (, and its sub-units and successors)"),
    ("an alias labelled a sub-unit's name", "ANSAR AL-MUJAHIDEEN NETWORK - SUB-UNIT NAME", ("ansar", "al", "mujahideen", "network"),
     (), "the listing's scope words dropped (- SUB-UNIT NAME)"),
    ("scope words alone are kept as the name", "and any successor", ("any", "successor"), (), None),
    ("Cyrillic look-alikes", "Ηikvisiоn", ("hikvision",), (), "look-alike letters"),
    ("a soft sign before e is written ye", "Сергей Юрьевич ГЛАЗЬЕВ", ("sergei", "yuryevich", "glazyev"), (),
     "Cyrillic script transliterated"),
    ("a soft sign before o is written yo, then read as e", "АКСЬОНОВ", ("aksenov",), (), "transliterated ё 'aksyonov'"),
    ("a Latin letter typed in a Cyrillic word", "Михаил Aлександрович БАБАКОВ", ("mikhail", "aleksandrovich", "babakov"),
     (), "Latin letters typed in a Cyrillic word read as Cyrillic"),
    ("a Latin ë and I in Cyrillic words", "Пëтр БАСУРIН", ("petr", "basurin"), (), "read as Cyrillic"),
    ("look-alikes of both scripts in a Cyrillic name are Cyrillic", "Андрій АНАНЕНКA", ("andry", "ananenka"), (),
     "read as Cyrillic"),
    ("a Latin I before Cyrillic look-alikes in a Cyrillic name", "Iван Мiхайлавiч", ("ivan", "mikhailavich"), (),
     "read as Cyrillic"),
    ("a Belarusian given name transliterated from Cyrillic", "Аляксандр Лукашэнка", ("aleksandr", "lukashenka"), (),
     "given-name form 'alyaksandr' read as 'aleksandr'"),
    ("the Volga is no Olga", "Volga-Dnepr Airlines", ("volga", "dnepr", "airlines"), (), None),
    ("a Cyrillic word beside a Latin one is transliterated", "Hikvision Хиквижн", ("hikvision", "khikvizhn"), (),
     "Cyrillic script transliterated"),
    ("Han person name", "陈全国", ("chen", "quanguo"), (), "pinyin"),
    ("Han compound surname", "欧阳修", ("ouyang", "xiu"), (), "pinyin"),
    ("a pinyin syllable is no function word", "大华", ("dahua",), (), "大华 → dahua"),
    ("Chinese ordinal", "第十四研究所", ("14", "yanjiusuo"), (), "Chinese ordinal 第十四 read as 14"),
    ("Chinese ordinal of digits", "第六一三九八部队", ("61398", "budui"), (), "Chinese ordinal 第六一三九八 read as 61398"),
    ("malformed Chinese numeral stays pinyin", "第十十所", ("dishishisuo",), (), "pinyin"),
    ("Han legal form", "海康威视有限公司", ("haikangweishi",), ("LLC",), "legal form 有限公司"),
    ("Cyrillic transliterated", "Владимир Путин", ("vladimir", "putin"), (), "Cyrillic script transliterated"),
    ("LAST, First", "CHEN, Quanguo", ("chen", "quanguo"), (), None),
    ("CSL ? placeholder", "People?s Government", ("peoples", "government"), (), None),
    ("apostrophe", "People's Government", ("peoples", "government"), (), None),
    ("dotted acronym", "X.P.C.C.", ("xpcc",), (), "spaced letters joined"),
    ("spaced-out letters", "H i k v i s i o n", ("hikvision",), (), "spaced letters joined"),
    ("abbreviation Dept", "Dept. of Police", ("department", "police"), (), "abbreviation 'dept'"),
    ("abbreviation PSB", "Urumqi Municipal PSB", ("urumqi", "municipal", "public", "security", "bureau"), (), "'psb'"),
    ("abbreviation Univ", "Tsinghua Univ.", ("tsinghua", "university"), (), "'univ'"),
    ("abbreviation TV", "Al-Manar TV", ("al", "manar", "television"), (), "abbreviation 'tv'"),
    ("abbreviation Labs", "RSK Labs", ("rsk", "laboratories"), (), "abbreviation 'labs'"),
    ("abbreviation MoD", "48th Central Research Institute of the Russian MoD",
     ("48", "central", "research", "institute", "russian", "ministry", "defense"), (), "abbreviation 'mod'"),
    ("academy initials after a branch's", "Rzhanov Institute of Semiconductor Physics SB RAS",
     ("rzhanov", "institute", "semiconductor", "physics", "siberian", "branch", "russian", "academy", "sciences"), (),
     "initials 'sb ras' expanded to 'siberian branch russian academy sciences'"),
    ("academy initials in transliteration", "Institute of Laser Physics SO RAN",
     ("institute", "laser", "physics", "siberian", "branch", "russian", "academy", "sciences"), (), "initials 'so ran'"),
    ("academy initials ending an institute's name", "Lebedev Physical Inst. RAS",
     ("lebedev", "physical", "institute", "russian", "academy", "sciences"), (), "initials 'ras' expanded"),
    ("the Arabic word ras is no initials", "Ras Al Khaimah Free Trade Zone",
     ("ras", "al", "khaimah", "free", "trade", "zone"), (), None),
    ("ras ending a name without an institution word", "Hotel Abu Ras", ("hotel", "abu", "ras"), (), None),
    ("place spelling", "Kashi Prefecture", ("kashgar", "prefecture"), (), "place-name spelling 'kashi'"),
    ("legal form Co., Ltd.", "Dahua Technology Co., Ltd.", ("dahua", "technology"), ("LLC",), "legal form"),
    ("legal form OOO prefix", "OOO Romashka", ("romashka",), ("LLC",), "legal form 'ooo'"),
    ("legal form SRL prefix", "SRL Pro Traffic", ("pro", "traffic"), ("LLC",), "legal form 'srl'"),
    ("Spanish S.L.", "Blue-Star Seccion Hosteleria S.L.", ("blue", "star", "seccion", "hosteleria"), ("LLC",), "legal form 's l'"),
    ("S.A.S.", "Avanti Global Group S.A.S.", ("avanti", "global", "group"), ("JSC",), "legal form 'sas'"),
    ("GmbH & Co. KG", "Pyramaxia Immoprojekt GmbH & Co. KG", ("pyramaxia", "immoprojekt"), ("LLC",), "legal form 'gmbh company kg'"),
    ("a name that is only a legal form's letters stays", "SL", ("sl",), (), None),
    ("Turkic patronymic marker", "EFENDIEV, Nazim Tofik Ogly", ("efendiev", "nazim", "tofik"), (), None),
    ("a Russian ending romanised as -ij", "PERFILEV, Vitalij", ("perfilev", "vitaly"), (), "transliterated ending 'vitalij'"),
    ("a Russian ending romanised as -ii", "Vitalii PERFILEV", ("vitaly", "perfilev"), (), "transliterated ending 'vitalii'"),
    ("a Russian adjective ending -iy", "Lebedinskiy GOK", ("lebedinsky", "gok"), (), "transliterated ending 'lebedinskiy'"),
    ("the Russian letter yo in a family name", "Yevgeny Zhuravlyov", ("yevgeny", "zhuravlev"), (),
     "transliterated ё 'zhuravlyov' read as 'zhuravlev'"),
    ("yo inside the stem", "Semyonov", ("semenov",), (), "transliterated ё 'semyonov'"),
    ("yo in a patronymic", "Sergey Fyodorovich", ("sergey", "fedorovich"), (), "transliterated ё 'fyodorovich'"),
    ("yo written io in the ending", "Zhuravliova", ("zhuravleva",), (), "transliterated ё 'zhuravliova'"),
    ("yo kept outside East Slavic family names", "Ri Ryong Nam", ("ri", "ryong", "nam"), (), None),
    ("yo in a given name", "Artyom Stepanov", ("artem", "stepanov"), (), "given-name form 'artyom' read as 'artem'"),
    ("a Ukrainian given name before the ending rule", "Serhii Zdriliuk", ("sergey", "zdriliuk"), (), "given-name form 'serhii'"),
    ("named in someone's honour", "Radio Engineering Institute named after Academician A.I. Berg",
     ("radio", "engineering", "institute", "a", "i", "berg"), (), None),
    ("Ukrainian form of a given name", "STREMOUSOV, Kyrylo", ("stremousov", "kirill"), (),
     "given-name form 'kyrylo' read as 'kirill'"),
    ("Belarusian form of a given name", "Aleh Charnyshou", ("oleg", "charnyshou"), (), "given-name form 'aleh' read as 'oleg'"),
    ("Ukrainian form of a given name, Nikita", "SAMOILENKO, Mykyta", ("samoilenko", "nikita"), (),
     "given-name form 'mykyta' read as 'nikita'"),
    ("another romanisation of a given name", "Evgenii Yuryevich AGUREEV", ("yevgeny", "yuryevich", "agureev"), (),
     "given-name form 'evgenii' read as 'yevgeny'"),
    ("legal form long prefix", "Open Joint Stock Company Gazprom", ("gazprom",), ("JSC",), "legal form"),
    ("legal form GmbH", "Volkswagen GmbH", ("volkswagen",), ("LLC",), "legal form 'gmbh'"),
    ("Russian legal form written out", "Aktsionernoe Obshchestvo Tekhnodinamika", ("tekhnodinamika",), ("JSC",),
     "legal form 'aktsionernoe obshchestvo'"),
    ("Russian open joint-stock form", "OTKRYTOYE AKTSIONERNOE OBSCHESTVO KONTSERN SIRIUS", ("kontsern", "sirius"),
     ("JSC",), "legal form 'otkrytoye aktsionernoe obschestvo'"),
    ("Russian form at the end", "Tekhnodinamika Aktsionernoe Obshchestvo", ("tekhnodinamika",), ("JSC",), "legal form"),
    ("Russian limited liability form", "Obshchestvo s Ogranichennoi Otvetstvennostyu Alfa", ("alfa",), ("LLC",),
     "legal form 'obshchestvo s ogranichennoi otvetstvennostyu'"),
    ("Ukrainian joint-stock form", "Pryvatne Aktsionerne Tovarystvo Motor Sich", ("motor", "sich"), ("JSC",),
     "legal form 'pryvatne aktsionerne tovarystvo'"),
    ("legal form PJSC", "Rosneft PJSC", ("rosneft",), ("JSC",), "legal form 'pjsc'"),
    ("legal form Sp. z o.o.", "Faberlic Sp. z o.o.", ("faberlic",), ("LLC",), "legal form"),
    ("function words", "Ministry of the Interior", ("ministry", "interior"), (), None),
    ("titles", "Dr. Rami Makhlouf", ("rami", "makhlouf"), (), None),
    ("particles", "Usama ibn Laden", ("usama", "bin", "laden"), (), None),
    ("legal form alone kept", "Company Limited", ("company",), ("LLC",), "legal form"),
    ("only punctuation", "---", (), (), None),
    ("British spelling", "National University of Defence Technology", ("national", "university", "defense", "technology"), (), None),
    ("ordinal", "CETC 14th Research Institute", ("cetc", "14", "research", "institute"), (), "ordinal '14th' read as '14'"),
    ("ordinal written out", "CASIC Second Academy", ("casic", "2", "academy"), (), "ordinal 'second' read as '2'"),
    ("numbered", "No. 11 Research Institute", ("11", "research", "institute"), (), "'no' before a number dropped"),
    ("numbered inside a name", "CETC No. 11 Research Institute", ("cetc", "11", "research", "institute"), (), "'no' before a number dropped"),
    ("no before a word kept", "No Limit Trading", ("no", "limit", "trading"), (), None),
    ("British spelling organisation", "Iran Prisons Organisation", ("iran", "prisons", "organization"), (), None),
    ("British spelling organised", "Combating Organised Crime", ("combating", "organized", "crime"), (), None),
]


BRACKETS = [
    # (case, listed name, extra names it is indexed under)
    ("acronym of the words before", "National University of Defense Technology (NUDT)",
     ["National University of Defense Technology", "NUDT"]),
    ("acronym with legal form", "China Shipbuilding Industry Corporation (CSIC)",
     ["China Shipbuilding Industry Corporation", "CSIC"]),
    ("acronym skipping function words", "Xinjiang Production and Construction Corps (XPCC)",
     ["Xinjiang Production and Construction Corps", "XPCC"]),
    ("foreign acronym is not the initials", "Federal Security Service (FSB)", ["Federal Security Service"]),
    ("place in brackets is not a name", "Huawei Technologies Co., Ltd. (Shenzhen)", ["Huawei Technologies Co., Ltd."]),
    ("legal form in brackets", "Foo Trading (Pvt) Ltd", ["Foo Trading Ltd"]),
    ("square brackets", "Beijing University of Aeronautics and Astronautics [BUAA]",
     ["Beijing University of Aeronautics and Astronautics", "BUAA"]),
    ("no brackets", "Hikvision", []),
    ("only a bracket", "(IRGC)", []),
]


@pytest.mark.parametrize("case,name,extra", BRACKETS, ids=[b[0] for b in BRACKETS])
def test_bracket_variants(case, name, extra):
    from screen.names import bracket_variants

    assert bracket_variants(name) == extra


@pytest.mark.parametrize("rule,text,words,legal,note", RULES, ids=[r[0] for r in RULES])
def test_rule(rule, text, words, legal, note):
    form = analyze(text)
    assert form.tokens == words
    assert form.legal == legal
    if note is None:
        assert not form.notes
    else:
        assert any(note in n for n in form.notes), form.notes


def test_query_and_index_share_one_function():
    # The index builder imports the same analyze(); a change there changes both sides.
    from screen.store import index

    assert index.analyze is analyze


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalisation_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_gives_ascii_words(text):
    for word in analyze(text).tokens:
        assert word.isascii() and word == word.lower() and " " not in word


GLOSSES = [
    ("police college", "新疆警察学院", "xinjiang police college"),
    ("city public security bureau", "乌鲁木齐市公安局", "urumqi municipal public security bureau"),
    ("corps, longest term first", "新疆生产建设兵团公安局", "xinjiang production construction corps public security bureau"),
    ("university", "中国人民公安大学", "china peoples public security university"),
    ("prefecture", "喀什地区公安局", "kashgar prefecture public security bureau"),
    ("a people naming a prefecture", "伊犁哈萨克自治州公安局", "ili kazakh autonomous prefecture public security bureau"),
    ("group corporation and a Chinese ordinal", "中国电子科技集团公司第三十八研究所",
     "china electronics technology group corporation 38 research institute"),
    ("an ordinal academy, as the lists write it out", "中国航天科工集团第二研究院",
     "china aerospace science industry group 2 research institute"),
    ("technical words", "中国联合网络通信集团有限公司", "china united network communications group"),
    ("semiconductor", "河北半导体研究所", "hebei semiconductor research institute"),
    ("remote sensing", "北京遥感设备研究所", "beijing remote sensing equipment research institute"),
    ("quantum", "安徽量子通信技术有限公司", "anhui quantum communications technology"),
    ("mechano-electronic, research and design", "中国长峰机电技术研究设计院",
     "china zhangfeng mechano electronic technology research design institute"),
    ("applied physics and computational mathematics", "北京应用物理与计算数学研究所",
     "beijing applied physics computational mathematics research institute"),
    ("a group's own name", "中国船舶集团第七一一研究所",
     "china state shipbuilding corporation 711 research institute"),
    ("a group's trade read as the lists write it", "中国船舶重工集团公司第七二二研究所",
     "china shipbuilding industry group corporation 722 research institute"),
    ("a prefecture as pypinyin reads it", "克孜勒苏柯尔克孜自治州公安局",
     "kizilsu kyrgyz autonomous prefecture public security bureau"),
    ("a prefecture's pinyin and its Mongolian name", "巴音郭楞蒙古自治州", "bayingolin mongolian autonomous prefecture"),
    ("communications, as the lists write this group's name", "中国交通建设股份有限公司", "china communications construction"),
    ("gene", "北京六合华大基因科技有限公司", "beijing liuhehuada gene technology"),  # a run of pinyin meets the listed words joined
    ("a province before a brand is a word of its own", "新疆协鑫新能源材料科技有限公司",
     "xinjiang xiexin new energy materials technology"),
    ("a region the lists write in English", "西藏自治区公安厅", "tibet autonomous region public security department"),
]


def test_han_provinces_come_from_iso_3166():
    from screen.names import han_provinces

    provinces = han_provinces()
    assert provinces["新疆"] == "Xinjiang" and provinces["广东"] == "Guangdong" and provinces["陕西"] == "Shaanxi"
    assert len(provinces) >= 30 and all(len(han) >= 2 for han in provinces)


@pytest.mark.parametrize("case,han,english", GLOSSES, ids=[g[0] for g in GLOSSES])
def test_han_gloss(case, han, english):
    from screen.names import han_glosses

    assert analyze(han_glosses(han)[0]).text == english


GLOSS_RENDERINGS = [
    # (case, Han name, every English reading expected, in order)
    ("one term, three renderings", "哈尔滨工业大学",
     ["harbin university technology", "harbin polytechnical university", "harbin institute technology"]),
    ("two terms with renderings, capped at four", "西北工业大学",
     ["northwestern university technology", "northwestern polytechnical university",
      "northwestern institute technology", "northwest university technology"]),
    ("academy or research institute; China or Chinese", "中国工程物理研究院",
     ["china engineering physics research institute", "china engineering physics academy",
      "chinese engineering physics research institute", "chinese engineering physics academy"]),
    ("one rendering only", "新疆警察学院", ["xinjiang police college"]),
    ("research institute or institute", "高能物理研究所",
     ["high energy physics research institute", "high energy physics institute"]),
]


@pytest.mark.parametrize("case,han,readings", GLOSS_RENDERINGS, ids=[g[0] for g in GLOSS_RENDERINGS])
def test_han_glosses_give_each_rendering(case, han, readings):
    from screen.names import han_glosses, name_variants

    assert [analyze(g).text for g in han_glosses(han)] == readings
    assert [analyze(v).text for v, kind in name_variants(han) if kind == "gloss"] == readings


@pytest.mark.parametrize("text", ["陈全国", "海康威视", "Xinjiang Police College", ""])
def test_han_gloss_leaves_names_without_institutional_words(text):
    from screen.names import han_glosses

    assert han_glosses(text) == []
