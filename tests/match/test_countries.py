"""Country look-ups used by the matcher's country rules: place words, country names,
and the country a sanctions programme names."""

from __future__ import annotations

import pytest

from screen.countries import country_words, place_countries, program_country, query_country


@pytest.mark.parametrize(
    "program,code",
    [("IRAN", "IR"), ("IRAN-EO13846", "IR"), ("IRGC", "IR"), ("SYRIA-CAESAR", "SY"), ("RUSSIA-EO14024", "RU"),
     ("Russia", "RU"), ("DPRK4", "KP"), ("Democratic People's Republic of Korea", "KP"), ("SOUTH SUDAN", "SS"),
     ("SUDAN-EO14098", "SD"), ("HK-EO13936", "HK"), ("BURMA-EO14014", "MM"),
     ("SDGT", None), ("NPWMD", None), ("GLOMAG", None), ("CARIBBEAN", None), ("UKRAINE-EO13660", None)],
)
def test_programme_country(program, code):
    assert program_country(program) == code


def test_place_words_know_their_countries():
    places = place_countries()
    assert places["russian"] == {"RU"} and places["hunan"] == {"CN"} and places["kashgar"] == {"CN"}
    assert places["sri"] == {"LK"}  # three letters, kept for Sri Lanka only
    assert "jan" not in places and "lao" not in places  # names, not places
    assert len(places["central"]) > 5  # in the names of places in many countries


def test_nationality_adjectives_name_their_country():
    places, words = place_countries(), country_words()
    assert places["cuban"] == {"CU"} and places["chinese"] == {"CN"} and places["korean"] == {"KP", "KR"}
    assert {"cuban", "iranian", "belarusian", "nicaraguan"} <= words


def test_country_words_name_a_country_alone():
    words = country_words()
    assert {"vietnam", "russia", "jordan", "scotland", "china"} <= words
    assert "central" not in words and "national" not in words and "federation" not in words
    assert "russian" in words  # an adjective of nationality, as "iranian" is


@pytest.mark.parametrize(
    "given,code",
    [("CN", "CN"), ("cn", "CN"), (" China ", "CN"), ("People's Republic of China", "CN"), ("Chinese", "CN"),
     ("Sri Lanka", "LK"), ("United Kingdom", "GB"), ("UK", "GB"), ("British", "GB"), ("Iran, Islamic Republic of", "IR"),
     ("Russian Federation", "RU"), ("Russian", "RU"), ("XK", "XK"), ("xk", "XK"), ("Kosovo", "XK"),
     ("Kosovar", "XK"), ("", None), ("  ", None), (None, None)],
)
def test_a_query_country_is_read_as_its_code(given, code):
    assert query_country(given) == code


@pytest.mark.parametrize(
    "given,reason",
    [("Narnia", "'Narnia' is not a country name or ISO code"), ("Korean", "more than one country (KP, KR)"),
     ("XX", "'XX' is not a country")],
)
def test_a_query_country_that_names_no_one_country_says_why(given, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        query_country(given)
