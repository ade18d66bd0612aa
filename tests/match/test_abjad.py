"""Names in Arabic script read by their consonants against Latin spellings: the key and
long-vowel rules (table-driven), and the matcher on a small hand-made list."""

from __future__ import annotations

import pytest

from screen.match import Matcher, Query
from screen.model import Entity, EntityKind, Name, NameType, Provenance
from screen.names.abjad import abjad_gloss, abjad_keys, abjad_words, is_abjad, latin_key, vowels_agree
from screen.store.index import build_index


@pytest.mark.parametrize(
    "latin,key",
    [
        ("mohammed", "mhmd"),  # vowels out, a doubled consonant once
        ("muhammad", "mhmd"),
        ("khalid", "xld"),  # "kh" one consonant
        ("chaudhry", "Sdr"),  # "ch" as "sh"; "dh" as "d"
        ("yasir", "Ysr"),  # a first "y" is a consonant
        ("dmitriy", "dmtr"),  # elsewhere a vowel
        ("marwan", "mrwn"),  # "w" a consonant
        ("alavi", "lw"),  # "v" as "w"
        ("abdullah", "bdl"),  # a final "h" out
        ("aziz", "zz"),  # alike consonants with a vowel between stay two
    ],
)
def test_latin_key(latin, key):
    assert latin_key(latin) == key


@pytest.mark.parametrize(
    "arabic,latin",
    [
        ("محمد", "mohammed"),
        ("خالد", "khalid"),
        ("قاسم", "ghassem"),  # ق as "gh"
        ("ثناء", "sana"),  # ث as "s"
        ("نذير", "nazir"),  # ذ as "z"
        ("خامنهای", "khamenei"),  # ه left out
        ("مروان", "marwan"),  # و as a consonant
        ("محمود", "mahmoud"),  # و as a vowel
        ("بلال", "bilal"),  # alif between the l's
        ("العشي", "achi"),  # the article left out; ش as French "ch"
        ("ياسر", "yasir"),
        ("موسى", "musa"),  # a final ى, a long "a"
        ("على", "ali"),  # or, as Egypt writes it, a final "i"
        ("حقانى", "haqqani"),
        ("طه", "taha"),  # a final ه with a vowel written after it
        ("فاطمة", "fatima"),  # or left out
        ("جبهة", "jabhat"),  # ة also as "t", as before another word ("Jabhat al-Nusra")
    ],
)
def test_abjad_word_reads_as_latin(arabic, latin):
    (units,) = abjad_words(arabic)
    assert latin_key(latin) in abjad_keys(units)
    assert vowels_agree(units, latin)


@pytest.mark.parametrize(
    "arabic,latin,why",
    [
        ("محمود", "mohammed", "و, a long vowel, is not in the Latin spelling"),
        ("علي", "allah", "a final ي is a vowel the Latin spelling must end with"),
        ("الله", "ali", "a final 'i' writes ي"),
        ("محمدی", "muhammad", "a final ی (Mohammadi) is a final vowel"),
    ],
)
def test_long_vowels_disagree(arabic, latin, why):
    (units,) = abjad_words(arabic)
    assert latin_key(latin) in abjad_keys(units) and not vowels_agree(units, latin), why


@pytest.mark.parametrize(
    "arabic,latin",
    [("علي", "wali"), ("علي", "alavi"), ("خامنهای", "komnov"),
     ("هادي", "adi")],  # a first ه is written: "Hadi", not "Adi"
)
def test_other_names_have_other_keys(arabic, latin):
    (units,) = abjad_words(arabic)
    assert latin_key(latin) not in abjad_keys(units) or not vowels_agree(units, latin)


def test_is_abjad():
    assert is_abjad("علی خامنه\u200cای")  # a joiner inside a word is not a letter
    assert is_abjad("משה")
    assert not is_abjad("Ali خامنهای")  # mixed: read as written
    assert not is_abjad("Mohammed")
    assert not is_abjad("123")


def ent(rid, *names, kind=EntityKind.PERSON):
    ns = tuple(Name(n, NameType.PRIMARY if i == 0 else NameType.AKA) for i, n in enumerate(names))
    return Entity("test", rid, kind, ns, Provenance("test", "f.csv", rid, f"row {rid}"), programs=("TEST",))


ENTITIES = [
    ent("1", "SOLEIMANI, Qasem"),
    ent("2", "NASRALLAH, Hasan"),
    ent("3", "MOHAMMED, Ali"),
    ent("4", "KHAMENEI, Mojtaba"),
    ent("5", "WALI, Mahmoud"),
    ent("6", "ABDURRAHMAN, Yusuf"),
    ent("7", "MOSTAFA KAMEL MOSTAFA IBRAHIM"),
    ent("8", "RASHID, Haya", "RASHID"),
    ent("9", "ABDUL RAHMAN AGHA"),
    ent("10", "AL KAWTHAR COMPANY", kind=EntityKind.ORGANISATION),
    ent("11", "AEROSPACE INDUSTRIES ORGANIZATION", kind=EntityKind.ORGANISATION),
] + [ent(f"x{i}", f"Filler {w}") for i, w in enumerate("alpha beta gamma delta epsilon zeta eta theta".split())]


@pytest.fixture(scope="module")
def matcher():
    return Matcher([build_index("test", ENTITIES)])


@pytest.mark.parametrize(
    "query,record,read",
    [
        ("قاسم سلیمانی", "1", "qasm → qasem"),
        ("حسن نصر الله", "2", "nsr allh → nasrallah"),  # two words written as one
        ("محمد علي", "3", "mhmd → mohammed"),
        ("مجتبی خامنه\u200cای", "4", "khamnhay → khamenei"),
        ("يوسف عبد الرحمن", "6", "bd alrhmn → abdurrahman"),
    ],
)
def test_arabic_script_query_finds_latin_listing(matcher, query, record, read):
    hits = matcher.match(Query(query, kind="person")).hits
    assert hits and hits[0].card.record_id == record
    top = hits[0]
    assert any(read in note for note in top.query_notes), top.query_notes
    assert any("read by its consonants" in why for why, _ in top.context)
    assert top.score <= 95  # the reading costs: the script does not write short vowels


def test_other_names_sharing_consonants_are_not_hits(matcher):
    # محمد علي shares its consonants with "Mahmoud Wali" only if و were read in both
    hits = matcher.match(Query("محمد علي", kind="person")).hits
    assert [h.card.record_id for h in hits] == ["3"]


def test_compare_reads_arabic_script(matcher):
    assert matcher.compare("قاسم سلیمانی", "Qasem SOLEIMANI").score >= 0.9
    assert matcher.compare("قاسم سلیمانی", "Hasan NASRALLAH").score < 0.5


def test_a_listed_word_is_read_as_often_as_the_name_holds_it(matcher):
    hit = matcher.match(Query("مصطفى كمال مصطفى ابراهيم", kind="person")).hits[0]
    assert hit.card.record_id == "7" and hit.score == 95
    assert any("mstfy → mostafa, kmal → kamel, mstfy → mostafa" in n for n in hit.query_notes), hit.query_notes


def test_a_word_does_not_vanish_into_the_next_one_it_is_joined_with(matcher):
    # هيا الراشد is not read as the one word "Rashid": joined, هيا's h and y could be left
    # out, but a compound keeps its first word's consonants
    from screen.match.reading import read_abjad

    reading = read_abjad("هيا الراشد", matcher.lexicon)
    assert "rashid" not in reading.joined[0]
    hits = {h.card.record_id: h for h in matcher.match(Query("هيا الراشد", kind="person")).hits}
    assert hits["8"].matched_name == "RASHID, Haya"


def test_a_word_written_joined_is_read_as_the_two_listed_names(matcher):
    from screen.match.reading import read_abjad

    # each name retrieves the listing on its own, as the listed words do
    groups = read_abjad("عبدالرحمان آغا", matcher.lexicon).groups()
    assert any("rahman" in g for g in groups) and any("abdul" in g for g in groups)
    hit = matcher.match(Query("عبدالرحمان آغا", kind="person")).hits[0]
    assert hit.card.record_id == "9" and hit.level == "match"
    assert any("bdalrhman → abdul rahman" in n for n in hit.query_notes), hit.query_notes


@pytest.mark.parametrize(
    "word,english",
    [("شركة", ("company",)), ("شرکت", ("company",)), ("الشركة", ("company",)), ("للصرافة", ("exchange",)),
     ("سازمان", ("organization",)), ("صنایع", ("industries",)), ("المحدودة", ("limited",)),
     ("محمد", None), ("الكوثر", None)],
)
def test_institutional_words_in_arabic_script(word, english):
    assert abjad_gloss(word) == english


def test_a_body_in_arabic_script_is_read_with_its_institutional_words_in_english(matcher):
    hit = matcher.match(Query("شركة الكوثر")).hits[0]
    assert hit.card.record_id == "10" and hit.score >= 80  # "company" read as the legal form
    assert not any("'company'" in r for r in hit.explanation() if "only in the query" in r)
    assert any("shrkt → company" in n for n in hit.query_notes), hit.query_notes
    hit = matcher.match(Query("سازمان صنایع هوافضا")).hits[0]
    assert hit.card.record_id == "11" and hit.level == "match"
