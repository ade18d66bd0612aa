"""The matcher: a query name in, the listed entities behind it out, best first, each with
its score, level and the reasons for it.

``Matcher`` holds the compiled indexes of the loaded lists and a ``Lexicon`` over them.
``Matcher.match`` normalises the query once (``screen.names.analyze``, the same function
the indexes were built with), retrieves candidates (``candidates.retrieve``), scores each
(``scorer.compare``), keeps the best name per entity, applies what the query says beyond
the name (kind, country, a person's birth year) and sorts. Pure: the indexes are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..births import describe, disagree, query_years
from ..countries import query_country
from ..errors import UsageError
from ..names import NameForm, analyze, initials_of, name_variants, qualifier_variants, query_bracket_names
from ..names.tables import HAN_GLOSSARY_COUNTRY, LEGAL_FORMS
from ..store.index import CompiledIndex, EntityCard
from .candidates import retrieve, retrieve_readings
from .lexicon import Lexicon
from .reading import AbjadReading, read_abjad, spelt_as_listed
from .scorer import NameScore, compare

LEVELS = ("match", "review")
KINDS = ("person", "organisation")
_KIND_ALIASES = {"org": "organisation", "organization": "organisation", "company": "organisation",
                 "entity": "organisation", "individual": "person", "per": "person"}

QUERY_VARIANT_NOTES = {"bracket": "query's bracketed part read separately",
                       "gloss": "Chinese institutional words read in English",
                       "russian": "Russian institutional words read in English",
                       "qualifier": "query read without its last part after a comma",
                       "pinyin": "a run of pinyin read as the words the lists hold"}
LISTED_VARIANT_NOTES = {"bracket": "bracketed part read as a name of its own",
                        "gloss": "Chinese institutional words read in English",
                        "russian": "Russian institutional words read in English"}

COUNTRY_MISMATCH = 0.10
BIRTH_MISMATCH = 0.20  # a person born in another year: an exact name drops to review, a near one is cleared
PINYIN_RUN_MIN = 10  # letters of the shortest pinyin run cut into listed words (a city and a brand)
WEAK_ALIAS = 0.05
ACRONYM_CLASH = 0.40  # an acronym the query spells out in other words than the listed body's
ABJAD_READING = 0.05  # what a query read by its consonants costs (vowels unwritten: other names share them)
READING_NOTE = "the query is read by its consonants: its script does not write short vowels, so other names may share them"


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """Thresholds (0–100) and limits. ``match`` and ``review`` are the two levels."""

    match: int = 90
    review: int = 75
    candidates: int = 60
    min_share: float = 0.5
    limit: int = 25

    def __post_init__(self) -> None:
        if not (0 <= self.review <= self.match <= 100):
            raise UsageError(f"thresholds must satisfy 0 <= review ({self.review}) <= match ({self.match}) <= 100")

    def level(self, score: int) -> str | None:
        if score >= self.match:
            return "match"
        if score >= self.review:
            return "review"
        return None


@dataclass(frozen=True, slots=True)
class Hit:
    """One listed entity found behind a query."""

    card: EntityCard
    matched_name: str
    matched_type: str
    score: int
    level: str
    detail: NameScore
    query_notes: tuple[str, ...] = ()
    listed_notes: tuple[str, ...] = ()
    context: tuple[tuple[str, float], ...] = ()

    @property
    def source(self) -> str:
        return self.card.source

    @property
    def entity_id(self) -> str:
        return self.card.id

    def explanation(self) -> list[str]:
        """The reasons for the score, in words."""
        out = [f"query normalised: {n}" for n in self.query_notes]
        out += [f"listed name normalised: {n}" for n in self.listed_notes]
        out += self.detail.reasons()
        out += [f"{text} ({delta * 100:+.0f})" if delta else text for text, delta in self.context]
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.card.source,
            "entity_id": self.card.id,
            "name": self.card.name,
            "matched_name": self.matched_name,
            "matched_name_type": self.matched_type,
            "score": self.score,
            "level": self.level,
            "kind": self.card.kind,
            "programs": list(self.card.programs),
            "lists": list(self.card.lists),
            "listed_on": self.card.listed_on,
            "countries": list(self.card.countries),
            "born": describe(self.card.birth_years) or None,
            "fingerprint": self.card.fingerprint,
            "explanation": self.explanation(),
        }


@dataclass(frozen=True, slots=True)
class Query:
    """A name to screen, with what else is known about it."""

    name: str
    kind: str | None = None
    country: str | None = None
    born: str | None = None  # a person's birth date or year ("1965", "1965-04-29")


@dataclass(slots=True)
class MatchResult:
    query: Query
    form: NameForm
    hits: list[Hit] = field(default_factory=list)


def canonical_kind(kind: str | None) -> str | None:
    """"person" or "organisation" (accepting org, company, individual...), or None."""
    if kind is None or not kind.strip():
        return None
    k = kind.strip().casefold()
    k = _KIND_ALIASES.get(k, k)
    if k not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; use person or organisation")
    return k


def _spelt(reading: AbjadReading, form: NameForm, listed: list[str] | tuple[str, ...]) -> NameForm | None:
    """The query's form spelt as a listed name spells its words (:func:`.reading.spelt_as_listed`),
    noting the readings; None when no word reads as one of the listed name's."""
    tokens, read = spelt_as_listed(reading, listed)
    if not read:
        return None
    pairs = ", ".join(f"{a} → {b}" for a, b in read)
    legal = form.legal
    if any(reading.english):
        # an institutional word read in English may be a legal form ("company", which Arabic
        # writes first: شركة الكوثر): read at the end, as the index reads listed names
        last = [t for t in tokens if (t,) in LEGAL_FORMS]
        spelt = analyze(" ".join([t for t in tokens if (t,) not in LEGAL_FORMS] + last))
        tokens, legal = list(spelt.tokens or tokens), (*legal, *spelt.legal)
    return NameForm(tuple(tokens), legal, (*form.notes, f"read by its consonants as the lists spell them ({pairs})"))


@dataclass(frozen=True, slots=True)
class _Said:
    """What a query says beyond the name, read: kind, ISO country, birth years."""

    kind: str | None
    country: str | None
    born: tuple[int, ...]
    spelled: dict[str, tuple[str, ...]] = field(default_factory=dict)  # acronym → the query's words for it


def _kind_allows(query_kind: str | None, listed_kind: str) -> bool:
    if query_kind is None or listed_kind == "unknown":
        return True
    if query_kind == "person":
        return listed_kind == "person"
    return listed_kind != "person"


class Matcher:
    """Match names against a set of compiled list indexes."""

    def __init__(self, indexes: Sequence[CompiledIndex], config: MatchConfig | None = None) -> None:
        self.indexes = list(indexes)
        self.config = config or MatchConfig()
        self.lexicon = Lexicon(self.indexes)

    def compare(self, query: str, listed: str, organisation: bool = False) -> NameScore:
        """Score two names against each other with this matcher's word weights
        (``organisation``: the listed name is a body's, not a person's)."""
        q, c = analyze(query), analyze(listed)
        scored = compare(q.tokens, c.tokens, self.lexicon.weight, q.legal, c.legal, self.lexicon,
                         organisation=organisation)
        reading = read_abjad(query, self.lexicon)
        spelt_form = _spelt(reading, q, c.tokens) if reading is not None else None
        if spelt_form is not None:
            spelt = compare(spelt_form.tokens, c.tokens, self.lexicon.weight, q.legal, c.legal, self.lexicon,
                            organisation=organisation)
            if spelt.score - ABJAD_READING > scored.score:
                scored = replace(spelt, score=spelt.score - ABJAD_READING,
                                 adjustments=(*spelt.adjustments, (READING_NOTE, -ABJAD_READING)))
        return scored

    @property
    def sources(self) -> list[str]:
        return [idx.source for idx in self.indexes]

    def match(self, query: Query | str, threshold: int | None = None) -> MatchResult:
        """Every listed entity scoring at least the review threshold (or ``threshold``)."""
        if isinstance(query, str):
            query = Query(query)
        kind = canonical_kind(query.kind)
        try:
            country, born = query_country(query.country), query_years(query.born)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        form = analyze(query.name)
        result = MatchResult(query, form)
        if not form.tokens:
            return result
        # The query is also read as the index reads listed names: "Rapid Action Battalion
        # (RAB)" without its brackets, 新疆警察学院 as "Xinjiang Police College"; a body's
        # name also without a last part after a comma ("Qarchak Prison, Varamin"), which
        # most often says where it is.
        # A reading through the Chinese glossary places the query where the glossary
        # belongs (``HAN_GLOSSARY_COUNTRY``): the listed "... of China" adds nothing it leaves out.
        forms: list[tuple[NameForm, frozenset[str]]] = [(form, frozenset())]
        # An acronym the query spells out itself ("Philippine Chamber of Commerce and
        # Industry (PCCI)"): its words, against which a listed body's own spelling-out of
        # the same letters is checked (:meth:`_acronym_clash`).
        spelled: dict[str, tuple[str, ...]] = {}
        variants = name_variants(query.name)
        if kind != "person":
            variants += [(q, "qualifier") for q in qualifier_variants(query.name, kind is None)]
            variants += [(q, "bracket") for q in query_bracket_names(query.name)]
        for variant, why in variants:
            v = analyze(variant)
            dropped = set(form.tokens) - set(v.tokens)
            if why != "gloss" and dropped & self.lexicon.country_words and all(
                self.lexicon.is_place(t) for t in dropped
            ):
                # "Ministry of the Interior (Netherlands)": the country left out is what
                # says which ministry; the query is read whole, with the country rules.
                # (Not when more than places is left out: "Makhtab al-Khidamat (Afghan
                # Services Bureau)" is also read without its bracket.)
                continue
            if why == "bracket" and v.tokens and all(self.lexicon.is_place(t) for t in v.tokens):
                continue  # "(PRC)", "(USA)": where the body is, not a name of its own
            if why == "bracket" and len(v.tokens) == 1 and v.tokens[0] in form.tokens:
                words = tuple(t for t in form.tokens if t != v.tokens[0])
                if len(words) >= 2 and initials_of(v.tokens[0], words):
                    spelled[v.tokens[0]] = words
            if v.tokens and v.tokens != form.tokens:
                forms.append((
                    NameForm(v.tokens, v.legal, (*v.notes, f"{QUERY_VARIANT_NOTES[why]} ({v.text!r})")),
                    frozenset({HAN_GLOSSARY_COUNTRY}) if why == "gloss" else frozenset(),
                ))
        if kind != "person":
            # a body's name in characters, read as one pinyin run that the lists write as
            # words (哈尔滨创越 → "haerbinchuangyue" → "haerbin chuangyue"); not a person's,
            # whose given name is one word ("Quanguo")
            for f, placed in list(forms):
                cut = self._listed_parts(f.tokens)
                if cut is not None:
                    forms.append((NameForm(cut, f.legal, (*f.notes, f"{QUERY_VARIANT_NOTES['pinyin']} ({' '.join(cut)!r})")), placed))
        said = _Said(kind, country, born, spelled)
        cutoff = self.config.review if threshold is None else threshold
        best: dict[tuple[int, int], tuple[float, int, NameScore, list[tuple[str, float]], int, NameForm]] = {}
        for f, placed in forms:
            self._score_form(f, said, best, placed)
        reading = read_abjad(query.name, self.lexicon)
        if reading is not None:
            self._score_reading(reading, form, said, best)
        hits: list[Hit] = []
        for (ii, ci), (total, ni, scored, context, pos, f) in best.items():
            score = round(total * 100)
            if score < cutoff:
                continue
            card = self.indexes[ii].card(ci)
            level = self.config.level(score) or "review"
            value, ntype, _ = card.names[ni]
            listed = analyze(value)
            notes = listed.notes
            compared = self.indexes[ii].names[pos]
            if compared != listed.text:  # the hit is on another reading of the listed name
                why = next((k for v, k in name_variants(value) if analyze(v).text == compared), "bracket")
                notes += (f"{LISTED_VARIANT_NOTES[why]} ({compared!r})",)
            hits.append(Hit(card, value, ntype, score, level, scored, f.notes, notes, tuple(context)))
        rank = {idx.source: i for i, idx in enumerate(self.indexes)}  # equal scores: in the order the lists were given
        hits.sort(key=lambda h: (-h.score, rank.get(h.card.source, len(rank)), h.card.record_id))
        result.hits = hits[: self.config.limit]
        return result

    def _listed_parts(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """The tokens with each long pinyin word no list holds cut into the listed words it
        holds (:meth:`Lexicon.listed_parts`), or None when none is cut."""
        out: list[str] = []
        for t in tokens:
            parts = None
            if len(t) >= PINYIN_RUN_MIN and t.isalpha() and not self.lexicon.df(t):
                parts = self.lexicon.listed_parts(t)
            out.extend(parts or (t,))
        return tuple(out) if len(out) > len(tokens) else None

    def _score_form(
        self, form: NameForm, said: _Said,
        best: dict[tuple[int, int], tuple[float, int, NameScore, list[tuple[str, float]], int, NameForm]],
        placed: frozenset[str] = frozenset(),
    ) -> None:
        """Score the candidates of one comparable form of the query, keeping in ``best``
        each entity's best name."""
        for ii, pos in retrieve(form.tokens, self.indexes, self.lexicon, self.config.candidates, self.config.min_share):
            self._score_candidate(form, ii, pos, said, best, placed)

    def _score_reading(
        self, reading: AbjadReading, form: NameForm, said: _Said,
        best: dict[tuple[int, int], tuple[float, int, NameScore, list[tuple[str, float]], int, NameForm]],
    ) -> None:
        """Score the candidates of an abjad-script query's readings (:mod:`.reading`), each
        with the query spelt as the candidate spells it."""
        for ii, pos in retrieve_readings(reading.groups(), self.indexes, self.lexicon, self.config.candidates):
            spelt = _spelt(reading, form, self.indexes[ii].names[pos].split())
            if spelt is not None:
                self._score_candidate(spelt, ii, pos, said, best, frozenset(), (READING_NOTE, -ABJAD_READING))

    def _score_candidate(
        self, form: NameForm, ii: int, pos: int, said: _Said,
        best: dict[tuple[int, int], tuple[float, int, NameScore, list[tuple[str, float]], int, NameForm]],
        placed: frozenset[str] = frozenset(), extra: tuple[str, float] | None = None,
    ) -> None:
        """Score one candidate name against the query's form, keeping it in ``best`` when it
        is its entity's best name so far; ``extra`` is a reason and its cost the form
        carries (a query read by its consonants)."""
        kind, country = said.kind, said.country
        weight = self.lexicon.weight
        countries_of = self.lexicon.countries_of
        idx = self.indexes[ii]
        ci, ni = idx.name_card[pos], idx.name_index[pos]
        card = idx.card(ci)
        if not _kind_allows(kind, card.kind):
            return
        legal = idx.legal[pos]
        if kind == "person" and card.kind == "unknown" and legal:
            return  # a name with a legal form ("... Co., Ltd.") is not a person's

        # Where the list places the body: its record's countries or, failing those, the
        # country its sanctions programme names. (Not for people: a person's name may
        # hold "Jordan", and a programme says nothing of a person's nationality.)
        listed_in = card.countries or card.program_countries
        located = card.kind != "person" and bool(listed_in)
        scored = compare(
            form.tokens, idx.names[pos].split(), weight, form.legal, legal.split() if legal else (),
            self.lexicon, frozenset(listed_in) if located else frozenset(), card.kind != "person", placed,
            person_query=kind == "person",
        )
        if scored.score <= 0:
            return
        context: list[tuple[str, float]] = [extra] if extra else []
        if card.names[ni][2]:
            context.append(("the publisher marks this alias as weak", -WEAK_ALIAS))
        if country and card.countries and country not in card.countries:
            context.append(
                (f"country differs: query {country}, listed {', '.join(card.countries)}", -COUNTRY_MISMATCH)
            )
        elif not country and located:
            named = [t for t, _ in scored.query_only if t in self.lexicon.country_words]
            if named:
                codes = sorted(set().union(*(countries_of(t) for t in named)))
                where = ", ".join(listed_in) + ("" if card.countries else " (from its sanctions programme)")
                context.append((
                    f"the query names another country ({', '.join(named)}: {', '.join(codes)}), listed {where}",
                    -COUNTRY_MISMATCH,
                ))
        if said.born and card.kind == "person" and card.birth_years:
            years = ", ".join(map(str, said.born))
            if disagree(said.born, card.birth_years):
                context.append((f"born in another year: query {years}, listed {describe(card.birth_years)}",
                                -BIRTH_MISMATCH))
            else:
                context.append((f"birth year agrees: query {years}, listed {describe(card.birth_years)}", 0.0))
        if len(form.tokens) == 1 and form.tokens[0] in said.spelled:
            letters = {form.tokens[0], *(p.listed for p in scored.pairs if " " not in p.listed)}
            clash = self._acronym_clash(form.tokens[0], letters, said.spelled[form.tokens[0]], card)
            if clash:
                context.append((clash, -ACRONYM_CLASH))
        total = max(0.0, scored.score + sum(d for _, d in context))
        key = (ii, ci)
        if key not in best or total > best[key][0]:
            best[key] = (total, ni, scored, context, pos, form)

    def _acronym_clash(self, acronym: str, letters: set[str], words: tuple[str, ...], card: EntityCard) -> str | None:
        """Why the query's acronym, spelt out by the query as ``words``, names another body
        than the listed one it met (``letters``: the acronym and the listed word it aligned
        with): the listed body's name spells those letters out in other words ("PCCI":
        "Philippine Chamber of Commerce and Industry" / the listed "Petrochemical Commercial
        Company International"; "PCI", "Parchin Chemical Industries"). None when a listed
        name spelling them out agrees with the query's words, or none spells them out."""
        other: tuple[str, str] | None = None  # (the letters a listed name spells out, that name)
        for value, _, _ in card.names:
            listed = analyze(value).tokens
            met = next((a for a in sorted(letters) if initials_of(a, listed)), None) if len(listed) >= 2 else None
            if met is None:
                continue
            agreed = compare(words, listed, self.lexicon.weight, (), (), self.lexicon, organisation=True)
            if agreed.score * 100 >= self.config.review:
                return None
            other = other or (met, value)
        if other is None:
            return None
        met, value = other
        return (f"the query spells out {acronym!r} as {' '.join(words)!r}; the listed body's "
                f"{met!r} is {value!r}, another name")
