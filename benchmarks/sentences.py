"""A deterministic, offline corpus of English news-like sentences for benchmarks.

Nothing here is copied from anywhere: sentences are built from our own templates and
small vocabularies, with numbers written in many of the forms news text uses
("1,500", "$1.2bn", "about 40,000 migrants", "rose 2.5%", "between 5 and 10 km",
dates, years, times, number words, fractions, rates, scores) and about 30% plain
sentences with no number at all. A seeded `random.Random` drives every choice, so the
same (n, seed) always gives exactly the same text on every machine and Python >= 3.11
(only `Random.random/choice/randint/uniform` are used, whose output is stable).

    make_sentences(3000)            -> list[str]          (what bench_extract times)
    make_labelled_sentences(3000)   -> list[(str, has_number)]  (same sentences, with their label)
    make_documents(200_000)         -> iterator of {"id", "text"} (JSONL stream input)
    corpus_digest(sentences)        -> sha256 hex, to check two runs timed the same text

`python -m benchmarks.sentences [N]` prints a sample.
"""
from __future__ import annotations

import hashlib
import random
import sys
from collections.abc import Callable, Iterator

DEFAULT_N = 3000
DEFAULT_SEED = 20240611
NO_NUMBER_SHARE = 0.30

# --------------------------------------------------------------------------- vocabulary
# Words chosen so the number-free templates really hold no digit and no number word.

COUNTRIES = [
    "France", "Germany", "Italy", "Spain", "Poland", "Greece", "Turkey", "Egypt", "Kenya",
    "Nigeria", "Brazil", "Mexico", "Colombia", "Peru", "Chile", "Canada", "Japan", "India",
    "Indonesia", "Vietnam", "Australia", "Norway", "Sweden", "Ireland", "Portugal", "Morocco",
    "the United States", "the United Kingdom", "China", "South Africa", "Argentina", "Pakistan",
]
CITIES = [
    "Lyon", "Hamburg", "Naples", "Valencia", "Gdansk", "Thessaloniki", "Izmir", "Alexandria",
    "Mombasa", "Lagos", "Recife", "Monterrey", "Medellin", "Arequipa", "Valparaiso", "Calgary",
    "Osaka", "Pune", "Surabaya", "Da Nang", "Perth", "Bergen", "Gothenburg", "Cork", "Porto",
]
ORGS = [
    "the central bank", "the health ministry", "the statistics office", "the interior ministry",
    "the transport authority", "the city council", "the energy regulator", "the finance ministry",
    "the port authority", "the coast guard", "the border agency", "the electoral commission",
    "the national weather service", "the teachers' union", "the chamber of commerce",
    "the housing agency", "the police", "the fire service", "a local charity", "the UN refugee agency",
]
COMPANIES = [
    "Northwind Logistics", "Harbor Foods", "Meridian Steel", "Bluepeak Energy", "Coastal Rail",
    "Vantara Pharma", "Kestrel Motors", "Silverline Telecom", "Orchard Retail", "Granite Mining",
    "Lumen Airlines", "Tidewater Shipping", "Helix Software", "Redwood Insurance", "Atlas Cement",
]
PEOPLE = [
    "the minister", "the mayor", "a spokesperson", "the chief executive", "an economist",
    "the governor", "a senior official", "the prime minister", "an analyst", "the police chief",
    "the head of the agency", "a government adviser", "the opposition leader", "the coach",
]
GROUPS = [
    "migrants", "asylum seekers", "workers", "patients", "students", "residents", "passengers",
    "voters", "tourists", "households", "farmers", "nurses", "teachers", "children", "pensioners",
    "refugees", "employees", "visitors", "drivers", "customers",
]
THINGS = [
    "homes", "cars", "jobs", "flights", "trees", "beds", "vaccines", "tickets", "schools",
    "shops", "licences", "containers", "trucks", "applications", "complaints", "arrests",
]
MEASURES = [
    "inflation", "unemployment", "the jobless rate", "the poverty rate", "turnout",
    "the budget deficit", "exports", "imports", "house prices", "rents", "electricity prices",
    "wages", "tax revenue", "crime", "retail sales", "industrial output", "fuel prices",
]
UP = ["rose", "increased", "climbed", "jumped", "grew", "surged", "went up", "edged up"]
DOWN = ["fell", "dropped", "declined", "slipped", "decreased", "plunged", "went down", "eased"]
SAY = ["said", "told reporters", "said on Tuesday", "said in a statement", "told a news conference",
       "wrote in a report", "said on Friday", "told parliament"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_ABBR = ["Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
APPROX = ["about", "around", "roughly", "nearly", "almost", "some", "an estimated", "approximately"]
LOWER = ["more than", "over", "at least", "upwards of"]
UPPER = ["up to", "fewer than", "less than", "no more than", "as many as"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "twelve", "fifteen", "twenty", "thirty", "fifty"]
LENGTH_UNITS = ["km", "kilometres", "miles", "metres", "m", "cm", "feet"]
MASS_UNITS = ["tonnes", "kg", "kilograms", "tons", "pounds"]
VOLUME_UNITS = ["litres", "barrels", "gallons", "cubic metres"]
ENERGY_UNITS = ["MW", "megawatts", "GW", "kWh", "gigawatt hours"]
AREA_UNITS = ["hectares", "acres", "square kilometres", "km2"]
CURRENCY_SYMBOLS = ["$", "£", "€", "US$"]
CURRENCY_WORDS = ["dollars", "euros", "pounds", "yen", "rupees", "yuan", "francs"]
SCALE_SUFFIX = ["bn", "m", "mn", "k", "tn"]
SCALE_WORDS = ["million", "billion", "thousand", "trillion"]
TOPICS = ["the budget", "the new law", "the reform", "the merger", "the strike", "the election",
          "the flood defences", "the vaccine programme", "the trade deal", "the pension plan",
          "the bridge project", "the ceasefire", "the tax cut", "the rail link"]
ADJ = ["cautious", "optimistic", "worried", "divided", "angry", "hopeful", "sceptical", "relieved"]


# --------------------------------------------------------------------------- number forms

def _int_plain(r: random.Random) -> str:
    return str(r.choice([r.randint(2, 99), r.randint(100, 999)]))


def _int_comma(r: random.Random) -> str:
    v = r.choice([r.randint(1_000, 99_999), r.randint(100_000, 9_999_999), r.randint(10, 99) * 1000])
    return f"{v:,}"


def _decimal(r: random.Random) -> str:
    return f"{r.uniform(0.1, 20):.{r.choice([1, 1, 2])}f}"


def _count(r: random.Random) -> str:
    """A count of things: 1,500 / 340 / 12 / two / 1.5 million / 20k / a dozen / thousands of."""
    k = r.randint(0, 9)
    if k <= 2:
        return _int_comma(r)
    if k <= 4:
        return _int_plain(r)
    if k == 5:
        return r.choice(NUMBER_WORDS)
    if k == 6:
        return f"{_decimal(r)} {r.choice(['million', 'million', 'billion', 'thousand'])}"
    if k == 7:
        return f"{r.randint(2, 90)}k"
    if k == 8:
        return r.choice(["a dozen", "dozens of", "hundreds of", "thousands of", "tens of thousands of",
                         "half a million", "a quarter of a million", "a few hundred"])
    return f"{r.choice(NUMBER_WORDS)} {r.choice(['hundred', 'thousand', 'million'])}"


def _count_q(r: random.Random) -> str:
    """A count with an optional qualifier cue."""
    c = _count(r)
    if c.endswith(" of") or c.startswith(("a ", "half")):
        return c
    x = r.random()
    if x < 0.25:
        return f"{r.choice(APPROX)} {c}"
    if x < 0.38:
        return f"{r.choice(LOWER)} {c}"
    if x < 0.48:
        return f"{r.choice(UPPER)} {c}"
    return c


def _pct(r: random.Random) -> str:
    v = _decimal(r) if r.random() < 0.6 else str(r.randint(1, 95))
    return v + r.choice(["%", "%", "%", " percent", " per cent", " pct"])


def _money(r: random.Random) -> str:
    k = r.randint(0, 6)
    if k <= 1:  # $1.2bn / £300m / €45k
        return f"{r.choice(CURRENCY_SYMBOLS)}{_decimal(r) if r.random() < 0.5 else r.randint(2, 900)}{r.choice(SCALE_SUFFIX)}"
    if k == 2:  # €4.5 billion
        return f"{r.choice(CURRENCY_SYMBOLS)}{_decimal(r)} {r.choice(SCALE_WORDS)}"
    if k == 3:  # $3.50 / £1,250
        return f"{r.choice(CURRENCY_SYMBOLS)}{r.choice([f'{r.uniform(1, 99):.2f}', f'{r.randint(1000, 99999):,}'])}"
    if k == 4:  # 250 million euros
        return f"{_int_plain(r)} {r.choice(['', 'million ', 'billion '])}{r.choice(CURRENCY_WORDS)}"
    if k == 5:  # 1.2 trillion yen / USD 40 million
        return f"{r.choice(['USD', 'EUR', 'GBP', 'CHF', 'INR'])} {r.randint(2, 900)} {r.choice(SCALE_WORDS)}"
    return f"{r.choice(APPROX + LOWER)} {r.choice(CURRENCY_SYMBOLS)}{r.randint(2, 99)}{r.choice(SCALE_SUFFIX)}"


def _quantity(r: random.Random) -> str:
    units = r.choice([LENGTH_UNITS, MASS_UNITS, VOLUME_UNITS, ENERGY_UNITS, AREA_UNITS])
    num = r.choice([_int_plain, _int_comma, _decimal])(r)
    unit = r.choice(units)
    sep = "" if unit in ("km", "m", "cm", "kg", "MW", "GW", "kWh", "km2") and r.random() < 0.3 else " "
    return f"{num}{sep}{unit}"


def _length(r: random.Random) -> str:
    return f"{r.choice([_int_plain, _decimal])(r)} {r.choice(['metres', 'm', 'feet', 'cm', 'inches'])}"


def _wage(r: random.Random) -> str:
    return f"{r.choice(CURRENCY_SYMBOLS)}{r.uniform(5, 30):.2f} {r.choice(['an hour', 'per hour', 'a day', 'a month'])}"


def _range(r: random.Random) -> str:
    a = r.randint(2, 60)
    b = a + r.randint(1, 40)
    unit = r.choice(["km", "miles", "%", " percent", " people", " years", " tonnes", " days", " degrees"])
    unit = unit if unit in ("%",) else (" " + unit.strip())
    k = r.randint(0, 4)
    if k == 0:
        return f"between {a} and {b}{unit}"
    if k == 1:
        return f"from {a}{unit} to {b}{unit}"
    if k == 2:
        return f"{a}-{b}{unit}"
    if k == 3:
        return f"{a} to {b}{unit}"
    return f"{a}–{b}{unit}"


def _date(r: random.Random) -> str:
    d, m, y = r.randint(1, 28), r.choice(MONTHS), r.randint(1990, 2025)
    return r.choice([
        f"{d} {m} {y}", f"{m} {d}, {y}", f"{m} {d}", f"{d} {m}", f"{r.choice(MONTHS_ABBR)}. {d}",
        f"{y}-{r.randint(1, 12):02d}-{d:02d}", f"{d}/{r.randint(1, 12)}/{y}", f"{r.choice(WEEKDAYS)}, {m} {d}",
        f"the {d}{_ord_suffix(d)} of {m}",
    ])


def _ord_suffix(d: int) -> str:
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def _year(r: random.Random) -> str:
    y = r.randint(1975, 2030)
    return r.choice([str(y), str(y), f"{y}-{(y + 1) % 100:02d}", f"the {y // 10 * 10}s", f"{r.choice(MONTHS)} {y}"])


def _time(r: random.Random) -> str:
    h = r.randint(1, 12)
    return r.choice([f"{h}am", f"{h}pm", f"{h}.{r.choice(['15', '30', '45'])}pm", f"{r.randint(0, 23):02d}:{r.choice(['00', '30'])}",
                     f"{h} o'clock"])


def _rate(r: random.Random) -> str:
    return r.choice([
        f"{r.randint(20, 130)} km/h", f"{r.randint(15, 90)} mph", f"{r.randint(2, 600)} {r.choice(GROUPS)} a day",
        f"{r.randint(2, 40)} per 100,000 people", f"{r.choice(CURRENCY_SYMBOLS)}{r.randint(8, 40)} an hour",
        f"{_decimal(r)} per 1,000 {r.choice(['births', 'residents', 'inhabitants'])}",
        f"{r.randint(100, 5000):,} {r.choice(THINGS)} per week",
    ])


def _frac(r: random.Random) -> str:
    return r.choice(["a third", "two-thirds", "half", "a quarter", "three-quarters", "one in five",
                     "one in ten", "nine out of ten", "a fifth", "2 1/2"])


def _ordinal(r: random.Random) -> str:
    return r.choice(["first", "second", "third", "fourth", "fifth", "tenth"] + [f"{n}{_ord_suffix(n)}" for n in (2, 3, 4, 11, 21, 50, 100)])


def _mult(r: random.Random) -> str:
    return r.choice(["doubled", "tripled", "halved", "quadrupled"])


def _times(r: random.Random) -> str:
    return r.choice(["threefold", "tenfold", "twofold", "three times", "twice", "five times", "1.5 times"])


def _score(r: random.Random) -> str:
    return f"{r.randint(0, 5)}-{r.randint(0, 5)}"


def _age(r: random.Random) -> str:
    return f"{r.randint(18, 95)}-year-old"


# --------------------------------------------------------------------------- templates

_FILL: dict[str, Callable[[random.Random], str]] = {
    "country": lambda r: r.choice(COUNTRIES),
    "city": lambda r: r.choice(CITIES),
    "org": lambda r: r.choice(ORGS),
    "company": lambda r: r.choice(COMPANIES),
    "person": lambda r: r.choice(PEOPLE),
    "group": lambda r: r.choice(GROUPS),
    "thing": lambda r: r.choice(THINGS),
    "measure": lambda r: r.choice(MEASURES),
    "up": lambda r: r.choice(UP),
    "down": lambda r: r.choice(DOWN),
    "updown": lambda r: r.choice(UP + DOWN),
    "say": lambda r: r.choice(SAY),
    "month": lambda r: r.choice(MONTHS),
    "weekday": lambda r: r.choice(WEEKDAYS),
    "topic": lambda r: r.choice(TOPICS),
    "adj": lambda r: r.choice(ADJ),
    "count": _count_q,
    "pct": _pct,
    "money": _money,
    "qty": _quantity,
    "range": _range,
    "len": _length,
    "wage": _wage,
    "date": _date,
    "year": _year,
    "time": _time,
    "rate": _rate,
    "frac": _frac,
    "ord": _ordinal,
    "mult": _mult,
    "times": _times,
    "score": _score,
    "age": _age,
    "int": _int_plain,
    "big": _int_comma,
}

NUMERIC_TEMPLATES = [
    "{Org} said {count} {group} had crossed into {country} since {year}.",
    "{Measure} {updown} {pct} in {month}, {org} said.",
    "{Measure} {up} to {pct} in {year}, the highest level since {year}.",
    "{Company} reported a net profit of {money} for the quarter, up {pct} from a year earlier.",
    "The project will cost {money} and create {count} {thing}, according to {org}.",
    "Police in {city} arrested {count} people on {weekday} after clashes near the stadium.",
    "The storm left {count} {group} without power and damaged {count} {thing} across {country}.",
    "{Person} {say} that the government would spend {money} on {topic} over {int} years.",
    "Temperatures reached {int} degrees Celsius in {city} on {date}.",
    "The new pipeline, which stretches {qty}, will carry {qty} a day.",
    "Exports to {country} {down} by {pct} to {money} in the {ord} quarter.",
    "The plant produces {qty} of electricity, enough to power {count} homes.",
    "Officials expect {range} of rain over the weekend in parts of {country}.",
    "Between {date} and {date}, {count} {group} applied for asylum in {country}.",
    "The ceasefire took effect at {time} on {date}, {person} {say}.",
    "Unemployment in {country} stood at {pct} in {month} {year}, down from {pct} a year earlier.",
    "{Company} shares {updown} {pct} to {money} in early trading.",
    "The number of {group} has {mult} since {year}, {org} said.",
    "{Group} now make up {frac} of the workforce in {city}.",
    "Traffic on the motorway was limited to {rate} after the accident.",
    "Nearly {frac} of {group} said they were {adj} about {topic}, a survey of {big} adults found.",
    "A {age} man was arrested in {city} on {date}, police said.",
    "{Country} won the match {score} in front of {big} fans on {weekday}.",
    "The {ord} round of talks is due to begin on {date} in {city}.",
    "The agency registered {rate} during the peak of the crisis.",
    "Rents in {city} are {times} higher than they were in {year}.",
    "Its market value {up} {times} in {year} to {money}.",
    "{Org} cut its growth forecast for {year} to {pct} from {pct}.",
    "The fire burned {qty} of forest near {city} before it was contained on {date}.",
    "The bill, passed by {int} votes to {int}, raises the minimum wage to {wage}.",
    "Imports of {thing} {down} to {count} units in the {int} months to {month}.",
    "In {year}, {count} {group} visited {city}, spending {money} in total.",
    "{Company} said it would cut {count} jobs by {year} to save {money} a year.",
    "About {pct} of eligible {group} voted, compared with {pct} in {year}.",
    "The debt reached {pct} of GDP, or {money}, at the end of {year}.",
    "At {time} on {weekday}, the river was {len} above its normal level.",
    "{Org} estimates that {count} {group} live within {qty} of the border.",
    "The trial, which enrolled {big} {group} aged {range}, ran for {int} weeks.",
    "Ticket prices {up} from {money} to {money} between {year} and {year}.",
    "Since {date}, {org} has recorded {count} cases, of which {count} were serious.",
]

PLAIN_TEMPLATES = [
    "{Person} {say} that the talks on {topic} had been constructive.",
    "{Org} declined to comment on the report.",
    "Residents of {city} were urged to stay indoors as the storm approached.",
    "{Company} denied any wrongdoing and said it would appeal the ruling.",
    "The opposition called the plan a betrayal of voters in {country}.",
    "Critics say {topic} will hurt {group} most.",
    "{Person} was {adj} about the outlook for {country}, according to people familiar with the matter.",
    "Talks between {org} and the unions broke down late on {weekday}.",
    "The decision was welcomed by {group} in {city}.",
    "{Org} said it was monitoring the situation closely.",
    "It was not immediately clear who was responsible for the attack.",
    "Markets in {country} were closed for a public holiday.",
    "{Company} is expected to announce its results next week.",
    "Several roads around {city} remained closed after the flooding.",
    "The minister resigned after weeks of pressure over {topic}.",
    "{Group} gathered outside parliament to protest against {topic}.",
    "Officials in {country} said the investigation was continuing.",
    "The court rejected the appeal and upheld the original ruling.",
    "{Person} {say} that the government had no plans to raise taxes.",
    "Analysts remain {adj} about whether {topic} will pass.",
    "The museum in {city} reopened to visitors after a long renovation.",
    "Negotiators from {country} and {country} met behind closed doors.",
]


def _fill(template: str, r: random.Random) -> str:
    out = []
    i = 0
    while True:
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            break
        k = template.index("}", j)
        out.append(template[i:j])
        key = template[j + 1:k]
        text = _FILL[key.lower()](r)
        if key[0].isupper():
            text = text[0].upper() + text[1:]
        out.append(text)
        i = k + 1
    return "".join(out)


def make_labelled_sentences(n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[tuple[str, bool]]:
    """`n` pairs (sentence, has_number); about 30% have no number. Same output for one (n, seed)."""
    r = random.Random(seed)
    out = []
    for _ in range(n):
        plain = r.random() < NO_NUMBER_SHARE
        out.append((_fill(r.choice(PLAIN_TEMPLATES if plain else NUMERIC_TEMPLATES), r), not plain))
    return out


def make_sentences(n: int = DEFAULT_N, seed: int = DEFAULT_SEED) -> list[str]:
    """`n` sentences, about 30% of them with no number, always the same for one (n, seed)."""
    return [s for s, _ in make_labelled_sentences(n, seed)]


def make_documents(n: int, seed: int = DEFAULT_SEED + 1, max_sentences: int = 4) -> Iterator[dict]:
    """`n` JSONL records {"id": "doc-000001", "text": <1..max_sentences sentences>}, streamed."""
    r = random.Random(seed)
    for i in range(n):
        k = r.randint(1, max_sentences)
        text = " ".join(_fill(r.choice(PLAIN_TEMPLATES if r.random() < NO_NUMBER_SHARE else NUMERIC_TEMPLATES), r)
                        for _ in range(k))
        yield {"id": f"doc-{i + 1:06d}", "text": text}


def corpus_digest(sentences: list[str]) -> str:
    return hashlib.sha256("\n".join(sentences).encode("utf-8")).hexdigest()


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    for s in make_sentences(n):
        print(s)
