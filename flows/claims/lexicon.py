"""The rule data in `flows/claims/data/*.json`, loaded once into an immutable Lexicon.

Code elsewhere puts these words together; it does not hold them."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Mapping


def _load(name: str) -> dict:
    return json.loads(resources.files("claimhouse.flows.claims").joinpath("data", name).read_text(encoding="utf-8"))


def phrase_alternation(phrases, *, escape: bool = True) -> str:
    """A regex alternation of phrases, longest first, whitespace-tolerant."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        q = re.escape(p) if escape else p
        parts.append(q.replace(r"\ ", r"\s+"))
    return "|".join(parts)


_ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def odd_case(text: str) -> bool:
    """The text holds one of the four letters that match an ASCII letter under IGNORECASE without
    lower-casing to it ("İ", "ı", "ſ", "K"). A cheap test that skips a case-insensitive regex when the
    lower-cased text lacks a word or substring the regex needs is exact only for the other texts."""
    return not text.isascii() and _ODD_CASE_RE.search(text) is not None


@dataclass(frozen=True)
class Lexicon:
    units: Mapping[str, Mapping]
    unit_forms_ci: Mapping[str, str]  # lower-case surface form -> canonical unit
    unit_forms_cs: Mapping[str, str]  # case-sensitive surface form -> canonical unit
    currency_prefix: Mapping[str, str]
    currency_suffix: Mapping[str, str]
    currency_subunit: Mapping[str, str]  # "p", "cents" -> the currency they are hundredths of
    scales: Mapping[str, float]
    person_nouns: frozenset
    counted_events: frozenset
    demonyms: frozenset  # plural words for people by nationality, region, ethnicity or faith
    population_nouns: frozenset
    qualifier_before: Mapping[str, tuple]
    qualifier_after: Mapping[str, tuple]
    vague_plurals: Mapping[str, float]
    increase_verbs: frozenset
    decrease_verbs: frozenset
    increase_nouns: frozenset
    decrease_nouns: frozenset
    modality: Mapping[str, tuple]
    attribution_verbs: frozenset
    ad_cues: tuple
    ad_labels: tuple
    furniture_cues: tuple
    furniture_notices: tuple
    place_aliases: Mapping[str, str]
    nationality_adjectives: Mapping[str, str]  # "Chinese" -> CN
    nationality_nouns: Mapping[str, str]  # "Americans" -> US
    not_places: frozenset
    origin_prepositions: tuple
    topic_prepositions: tuple
    named_periods: Mapping[str, tuple]
    months: Mapping[str, int]

    def unit_family(self, unit: str | None) -> str | None:
        if unit is None:
            return None
        base = unit.split("/")[0]
        if base in self.units:
            fam = self.units[base]["family"]
        elif base.isupper() and len(base) == 3:
            fam = "currency:" + base
        else:
            fam = base
        return fam if "/" not in unit else fam + "/" + unit.split("/", 1)[1]


def _build() -> Lexicon:
    u = _load("units.json")
    c = _load("cues.json")
    p = _load("places.json")
    t = _load("periods.json")
    n = _load("nationalities.json")
    forms_ci, forms_cs = {}, {}
    for name, spec in u["units"].items():
        for f in spec.get("forms", ()):
            forms_ci[f.lower()] = name
        for f in spec.get("forms_cs", ()):
            forms_cs[f] = name
    freeze = MappingProxyType
    return Lexicon(
        units=freeze(u["units"]),
        unit_forms_ci=freeze(forms_ci),
        unit_forms_cs=freeze(forms_cs),
        currency_prefix=freeze(u["currencies"]["prefix"]),
        currency_suffix=freeze(u["currencies"]["suffix"]),
        currency_subunit=freeze({k: v for k, v in u["currencies"]["subunit"].items() if not k.startswith("_")}),
        scales=freeze(u["scales"]),
        person_nouns=frozenset(u["person_nouns"]),
        counted_events=frozenset(u["person_not_persons"]),
        demonyms=frozenset(n["plural_nouns"]) | frozenset(n["people_plurals"]),
        population_nouns=frozenset(u["population_nouns"]),
        qualifier_before=freeze({k: tuple(v) for k, v in c["qualifier_before"].items()}),
        qualifier_after=freeze({k: tuple(v) for k, v in c["qualifier_after"].items()}),
        vague_plurals=freeze(c["vague_plurals"]),
        increase_verbs=frozenset(c["direction_verbs_increase"]),
        decrease_verbs=frozenset(c["direction_verbs_decrease"]),
        increase_nouns=frozenset(c["direction_nouns_increase"]),
        decrease_nouns=frozenset(c["direction_nouns_decrease"]),
        modality=freeze({k: tuple(v) for k, v in c["modality"].items()}),
        attribution_verbs=frozenset(c["attribution_verbs"]),
        ad_cues=tuple(c["ad_cues"]),
        ad_labels=tuple(c["ad_labels"]),
        furniture_cues=tuple(c["furniture_cues"]),
        furniture_notices=tuple(c["furniture_notices"]),
        place_aliases=freeze(p["aliases"]),
        nationality_adjectives=freeze(n["adjectives"]),
        nationality_nouns=freeze(n["plural_nouns"]),
        not_places=frozenset(p["not_places"]),
        origin_prepositions=tuple(p["origin_prepositions"]),
        topic_prepositions=tuple(p["topic_prepositions"]),
        named_periods=freeze({k: tuple(v) for k, v in t["named"].items()}),
        months=freeze(t["months"]),
    )


LEXICON = _build()
