"""Who says so: the source a sentence attributes its figures to.

`find_attributions(sentence)` lists the sources named in a sentence with the offset of the
cue that names them; `choose_attribution` picks the one for a figure: the nearest source told
before it, else the first told after it. Sources are named by

- `according to X` (`according to the latest data from X`, `according to ONS figures`);
- `X said`, `X told`, `X reported [Friday]`, `X has disclosed`, `X expects` (a name, a short
  title-and-name such as `forecaster Simon Partridge`, or `the statistical agency`);
- `said X`, `reported Friday that` (a name after the verb);
- `X data show`, `X's figures show`, `data from X showed`, `the latest figure from X`,
  `published by X`, `as confirmed by the company`;
- an author-year citation in brackets: `(Federal Bureau of Investigations, 2012)`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimhouse.flows.claims.lexicon import LEXICON, odd_case, phrase_alternation
from claimhouse.flows.claims.text_words import lower_words_of, words_of

_VERBS = phrase_alternation(v for v in LEXICON.attribution_verbs if v != "according")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "which", "who",
                       "its", "their", "his", "her", "our", "my", "your"})
_WHEN = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last\s+week|this\s+week))?"
# words naming a body of figures: "ONS data", "Halifax's figures", "a survey by"
SOURCE_NOUNS = ("data", "figures", "statistics", "numbers", "estimates", "records", "research", "analysis", "survey",
                "report", "reports", "study", "dashboard data", "index", "poll", "calculations", "projections")
_SOURCE_NOUN = phrase_alternation(SOURCE_NOUNS)
_SHOW_VERBS = r"(?:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|found|finds|reveal|reveals|revealed)"
# adjectives that open a source phrase but are not the source: "Official data showed"
_NOT_SOURCES = frozenset({"official", "new", "latest", "provisional", "separate", "preliminary", "fresh", "recent",
                          "the", "a", "an", "other", "further", "more", "such", "some", "this", "that", "these", "those",
                          "government's", "monthly", "weekly", "annual", "quarterly"})
_NAME = r"[A-Z][\w.&'’+-]*(?:\s+(?:of|for|and|the|de|du|on|&)?\s*[A-Z(][\w.&'’()+-]*)*"

_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:()\"“”]{2,90}?)(?=\s*(?:[,.;:()\"“”]|$))", re.IGNORECASE)
_ACCORDING_PREFIX_RE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:(?:latest|new|official|provisional|preliminary|recent|"
                                  r"monthly|weekly|annual|quarterly)\s+)*(?:" + _SOURCE_NOUN + r"|figure|estimate)\s+"
                                  r"(?:from|by|of|published\s+by|released\s+by)\s+", re.IGNORECASE)
_SOURCE_SUFFIX_RE = re.compile(r"(?:['’]s)?\s+(?:" + _SOURCE_NOUN + r")$")
# verbs that name a speaker after "the" + common noun ("the statistical agency said"); "recorded",
# "added", "published" there are mostly participles ("the highest temperature recorded")
# ("added" is left out: "the construction sector added 23,000 jobs" is not a source)
_SPEAKER_VERBS = ("said", "says", "told", "reported", "reports", "announced", "confirmed", "estimated", "estimates",
                  "expects", "expected", "found", "predicted", "predicts", "noted", "disclosed", "warned", "stated",
                  "claimed", "argued", "revealed", "wrote", "writes", "forecast", "forecasts")
# a title before a name: "forecaster Simon Partridge", "finance minister Uhuru Kenyatta"
# (its words are taken whole, `[a-z]++`: a shorter run of letters is followed by a letter, never the space wanted,
# so giving letters back is only wasted work)
_TITLE = r"(?:\b(?!(?:the|from|of|by|at|in|on|to|and|a|an|with|for|that|which|who|as|but|while)\b)[a-z]++(?<!ed)\s+){0,2}"
# verbs that name a source only when an object follows them ("the police has recorded 946 cases",
# "the agency registered 3,135 containers"), not as participles ("the highest temperature recorded in")
_OBJECT_VERBS = (r"(?:recorded|registered|counted|published|estimated|reported|logged)(?=\s+(?!(?:in|at|by|on|"
                 r"during|for|since|as(?!\s+(?:many|much)\b)|from|to|of|with|across|over|under|near|inside|when|while|and|but)\b)[\w£$€])")
_COMMON = r"(?!(?:is|are|was|were|be|been|has|have|had|of|a|an|the|left|made)\b)[a-z]++"
# _NAME with its words taken whole, where only a space or the verb may follow them
_NAME_BEFORE_VERB = r"[A-Z][\w.&'’+-]*+(?:\s+(?:of|for|and|the|de|du|on|&)?\s*[A-Z(][\w.&'’()+-]*+)*"
# what a name with up to two title words before it ("forecaster Simon Partridge") starts with: a capital, or a
# word within two words of one; asked first, where the title's tests would be tried at every word (it only skips work)
_CAPITAL_AHEAD = r"(?=[A-Z]|\b[a-z]+\s+(?:[a-z]+\s+)?[A-Z])"
_SAID_BY_RE = re.compile(
    r"(?P<who>(?:[Tt]he|[Aa]n?)\s+" + _COMMON + r"(?:\s+" + _COMMON + r"){0,2}(?=\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:(?:"
    + "|".join(_SPEAKER_VERBS) + r")\b|" + _OBJECT_VERBS + r"))|[A-Z][\w.&+-]*['’]s\s+[a-z]+|" + _CAPITAL_AHEAD + r"(?:" + _TITLE + r"(?=[A-Z]))?" + _NAME_BEFORE_VERB + r")"
    r"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?P<verb>" + _VERBS + r")\b")
_WHEN_SUFFIX_RE = re.compile(r"\s+(?:on|last|this|in)\s+[A-Za-z]+$")  # "the Election Commission on Saturday"
_NOT_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())
_SAID_AFTER_RE = re.compile(r"\b(?:said|says|told|reported|added|according)" + _WHEN + r"\s+(?:that\s+)?"
                            r"(?P<who>(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                            r"[A-Z][\w.&'’-]*(?:\s+(?:[a-z]+\s+){0,3}?[A-Z][\w.&'’-]*|\s+(?:of|de|the)\s+[A-Z][\w.&'’-]*)*)")
# bodies named in lower case before their figures: "customs data showed", "police figures show"
SOURCE_BODIES = ("customs", "government", "police", "census", "industry", "ministry", "treasury", "central bank",
                 "company", "council", "court", "trade", "tax office", "statistics office", "statistics agency")
_DATA_SHOW_RE = re.compile(r"(?P<who>" + _NAME + r"(?:\s+[a-z]+)?|(?<![\w-])(?:[a-z]+\s+)?(?:" + phrase_alternation(SOURCE_BODIES) +
                           r"))(?:['’]s?)?\s+(?:" + _SOURCE_NOUN + r")\s+(?:also\s+)?" + _SHOW_VERBS + r"\b")
_DATA_FROM_RE = re.compile(r"\b(?i:" + _SOURCE_NOUN + r"|figure|estimate)\s+(?:from|by|published\s+by|released\s+by)\s+"
                           r"(?:the\s+)?(?P<who>" + _NAME + r")")
_BY_RE = re.compile(r"\b(?:published|released|compiled|confirmed|announced|issued|reported|estimated|recorded)"
                    r"(?:\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?\s+by\s+"
                    r"(?P<who>(?:the\s+)?(?:" + _NAME + r"|[a-z]+))")
# a speaker in lower case opening a clause, or "the"/a possessive and a name with common nouns, before a verb of
# speaking: ", officials said", ", aid agencies said", "its director said", "the UN refugee agency said", "Spain's
# interior ministry said", "unions put the figure at 3.5 million" ("Officials said" opening a sentence is a name)
_CLAUSE_VERBS = ("said", "say", "says", "told", "warned", "warn", "warns", "reported", "report", "found", "predicted",
                 "predict", "claimed", "claim", "believe", "believes")
# words no speaker is made of ("caused an estimated", ", to claim the", ", while unions": the speaker is "unions")
_FUNCTION = (r"(?:the|a|an|it|he|she|they|we|i|you|which|who|this|that|there|these|those|as|so|not|also|and|or|but|while|"
             r"though|although|to|of|in|on|at|by|for|from|with|into|than|then|is|are|was|were|be|been|has|have|had|will|"
             r"would|could|can|may|might|should|must|do|does|did|what|when|where|how|if|after|before|since|until|"
             r"its|their|his|her|our|my|your)\b")
# (each look-behind of its first branch ends in a space: that one test first, where six would be tried at every position)
_SPACE_BEFORE = r"(?<=\s)"
_CLAUSE_SPEAKER_RE = re.compile(
    r"(?:" + _SPACE_BEFORE + r"(?:(?<=[,;:]\s)|(?<=\bwhile\s)|(?<=\bthough\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=\bwhich\s))"
    r"(?:(?:its|their|his|her|our)\s+)?(?P<who>(?:(?!" + _FUNCTION + r")[a-z]+\s+){0,2}?(?!" + _FUNCTION + r")[a-z]+)"
    r"|(?:\b[Tt]he\s+)(?P<who2>[A-Z][\w/&.-]*(?:\s+[a-z]+){1,2}?)"
    r"|(?P<who3>\b[A-Z][\w.&-]*['’]s\s+[a-z]+\s+[a-z]+))"
    r"\s+(?:also\s+|have\s+|has\s+)?(?P<verb>" + "|".join(_CLAUSE_VERBS) + r"|put\s+(?:the|its|their)\s+"
    r"(?:[a-z]+\s+)?(?:figure|number|crowd|toll|total|count|cost|turnout|tally)\s+at)\b")
# a name, its apposition between commas, then the verb: "Ravinder Kumar, a wheat farmer from Sidpur village, says",
# "Jane Smith, chief economist at ING, said"
_APPOSED_RE = re.compile(r"(?<![\w,])(?P<who>" + _NAME_BEFORE_VERB + r"),\s+(?:an?\s+|the\s+)?[a-z][^,;:()\"“”]{2,100},\s+"
                         r"(?:has\s+|also\s+)?(?P<verb>said|says|told|reports|reported|added|warned|estimates|estimated)\b")
# "in the latest YouGov poll", "in a new Reuters/Ipsos survey": the poll's maker is a source (of the figures
# before it when no other source is named before them)
_IN_POLL_RE = re.compile(r"\bin\s+(?:the|a|an)\s+(?:(?:latest|new|recent|monthly|weekly)\s+)?(?P<who>[A-Z][\w/&.-]*"
                         r"(?:\s+[A-Z][\w/&.-]*)*)\s+(?:poll|survey|opinion\s+poll)\b")
_CITATION_RE = re.compile(r"\((?P<who>[A-Z][^(),;]{2,80}?),\s*(?:19|20)\d\d[a-z]?\)")

_CUE_WORDS = frozenset(v.lower() for v in LEXICON.attribution_verbs) | {
    "according", "said", "says", "told", "reported", "added", "data", "figures", "figure", "statistics", "show", "shows",
    "showed", "suggest", "suggests", "found", "released", "compiled", "issued", "estimate", "warn", "believe",
    "believes", "put", "poll", "survey"}
_WORD_RE = re.compile(r"\w+")  # (the tests split texts into words with it)


def _first_words(phrases) -> frozenset[str] | None:
    """The first word of each phrase (None when a phrase does not open with a plain word)."""
    firsts = set()
    for p in phrases:
        m = re.match(r"\w+", p)
        if m is None or not re.fullmatch(r"\w+(?:[\s-]\S*)*", p):
            return None
        firsts.add(m.group(0))
    return frozenset(firsts)


# Words (as written) a match of each rule holds, one of them at least: a sentence holding none of them
# skips the rule's search, which then changes nothing (None: always searched). _ACCORDING_RE ignores
# case and is asked of the lower-cased words.
_RULE_WORDS: dict[re.Pattern, frozenset[str] | None] = {
    _CITATION_RE: None,
    _DATA_FROM_RE: frozenset({"from", "by"}),
    _DATA_SHOW_RE: _first_words(_SHOW_VERBS[3:-1].split("|")) if _SHOW_VERBS.startswith("(?:") else None,
    _SAID_AFTER_RE: frozenset({"said", "says", "told", "reported", "added", "according"}),
    _BY_RE: frozenset({"by"}),
    _SAID_BY_RE: _first_words(v for v in LEXICON.attribution_verbs if v != "according"),
}
# (a rule whose words are listed by hand here, _DATA_FROM_RE, _SAID_AFTER_RE and _BY_RE, keeps its list in step with it)


@dataclass(frozen=True, slots=True)
class AttributionMention:
    start: int  # offset of the cue in the sentence
    who: str
    whole_sentence: bool = False  # "according to X", "(X, 2012)": the source of every figure in the sentence


_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten half third thirds quarter quarters
dozen dozens hundreds thousands millions""".split())


def _clean_who(who: str) -> str | None:
    who = " ".join(who.split()).strip(" -–")
    m = _ACCORDING_PREFIX_RE.match(who)
    if m:
        who = who[m.end():]
    who = _WHEN_SUFFIX_RE.sub("", who)
    bare = _SOURCE_SUFFIX_RE.sub("", who)
    if any(ch.isupper() for w in bare.split() if w.lower() not in _NOT_SOURCES for ch in w):
        who = bare  # "ONS figures" -> "ONS", but "the survey" stays
    words = who.split()
    while words and words[0].lower() in _NOT_SOURCES | {"of", "and", "for", "on", "de"}:
        words = words[1:]
    while words and words[-1].lower() in ("of", "and", "the", "for", "on", "de"):
        words = words[:-1]
    if words and (words[0].split("-")[0].lower() in _NUMBER_WORDS or any(ch.isdigit() for ch in words[0])):
        return None  # "Two-thirds of Americans say": the figure's own noun phrase, not a source
    if not words or (words[0].lower() in _PRONOUNS and not (len(words[0]) > 1 and words[0].isupper())) or \
            words[0][0].isdigit() or words[-1].lower() in _NOT_NAMES:  # ("WHO" is the World Health Organization)
        return None
    if " ".join(words).lower() in ("data", "figures", "statistics", "numbers", "estimates", "records"):
        return None  # "according to preliminary figures": no source named
    return " ".join(words)[:120]


def find_attributions(sentence: str) -> list[AttributionMention]:
    """Every source named in `sentence`, in text order of its cue."""
    low_words = lower_words_of(sentence)
    if _CUE_WORDS.isdisjoint(low_words):
        # no attribution cue: only a citation in brackets can name a source
        if "(" not in sentence:
            return []
        return [AttributionMention(m.start(), w, True) for m in _CITATION_RE.finditer(sentence)
                if (w := _clean_who(m.group("who")))]
    words = words_of(sentence)
    found: list[AttributionMention] = []
    said_by = list(_SAID_BY_RE.finditer(sentence) if _RULE_WORDS[_SAID_BY_RE] is None
                   or not words.isdisjoint(_RULE_WORDS[_SAID_BY_RE]) else ())
    named_verbs = {m.start("verb") for m in said_by}
    for rx in (_ACCORDING_RE, _CITATION_RE, _DATA_FROM_RE, _DATA_SHOW_RE, _SAID_AFTER_RE, _BY_RE):
        if rx is _ACCORDING_RE:
            if "according" not in low_words and not odd_case(sentence):
                continue
        elif _RULE_WORDS[rx] is not None and words.isdisjoint(_RULE_WORDS[rx]):
            continue
        for m in rx.finditer(sentence):
            if rx is _SAID_AFTER_RE and m.start() in named_verbs and m.start() > 0 and \
                    sentence[:m.start()].rstrip()[-1:].isalnum():
                continue  # "OpenAI said ChatGPT now has ...": the name before the verb speaks, not the clause after
            who = _clean_who(m.group("who"))
            if who:
                found.append(AttributionMention(m.start(), who, rx in (_ACCORDING_RE, _CITATION_RE)))
    if "poll" in words or "survey" in words:
        found.extend(AttributionMention(m.start(), w) for m in _IN_POLL_RE.finditer(sentence)
                     if (w := _clean_who(m.group("who"))))
    taken = [(a.start, a.start + len(a.who)) for a in found]
    reported: set[int] = set()  # cues inside what another speaker said
    for m in said_by:
        who = _clean_who(m.group("who"))
        if who and not any(s <= m.start("verb") < e + 40 and m.start() <= s for s, e in taken):
            found.append(AttributionMention(m.start("verb"), who))
            if _REPORTED_BEFORE_RE.search(sentence, max(0, m.start() - 24), m.start()):
                reported.add(m.start("verb"))
    if "," in sentence and not words.isdisjoint(_APPOSED_VERB_WORDS):
        seen = {a.start for a in found}
        found.extend(AttributionMention(m.start("verb"), w) for m in _APPOSED_RE.finditer(sentence)
                     if m.start("verb") not in seen and (w := _clean_who(m.group("who"))))
    if ", and " in sentence or ", but " in sentence:
        seen = {a.start for a in found}
        for m in _AND_SAID_RE.finditer(sentence):
            opening = _OPENING_NAME_RE.match(sentence)
            if m.start("verb") not in seen and opening and opening.end() < m.start() and \
                    opening.group("name").split()[0].lower() not in _PRONOUNS | _NOT_NAMES and \
                    (w := _clean_who(opening.group("name"))):
                found.append(AttributionMention(m.start("verb"), w))  # "Taylor Wimpey declared ..., and said it had sold"
    if not words.isdisjoint(_CLAUSE_VERB_WORDS):
        seen = {a.start for a in found}
        for m in _CLAUSE_SPEAKER_RE.finditer(sentence):
            if m.start("verb") in seen:
                continue
            who = _clean_who(m.group("who") or m.group("who2") or m.group("who3"))
            if who:
                found.append(AttributionMention(m.start("verb"), who))
    found.sort(key=lambda a: a.start)
    if reported and len(found) > 1:
        # "Jes Staley, group chief executive of Barclays, said the bank expects ...": the bank's expectation is
        # what Staley said; he is the source
        found = [a for a in found if a.start not in reported or not any(b.start < a.start for b in found)]
    return [_antecedent(a, sentence) for a in found]


# a second verb of the sentence's opening name: "Taylor Wimpey declared a dividend of £340M, and said it had sold"
_AND_SAID_RE = re.compile(r",\s+(?:and|but)\s+(?:also\s+)?(?P<verb>said|says|reported|added|announced|told\s+\w+)\b")
# a reporting verb right before a speaker: that speaker's words are reported by someone else
_REPORTED_BEFORE_RE = re.compile(r"\b(?:said|says|told\s+\w+|added|stated|announced)\s+(?:that\s+)?$")
# a source told as "the agency", "the company": the name before it in the sentence that it stands for
_BODY_ANAPHORS = {
    "agency": "public", "department": "public", "ministry": "public", "office": "public", "bureau": "public",
    "authority": "public", "commission": "public", "regulator": "public", "service": "public",
    "company": "firm", "firm": "firm", "group": "firm", "lender": "firm", "bank": "firm", "airline": "firm",
    "carrier": "firm", "retailer": "firm", "insurer": "firm", "operator": "firm", "housebuilder": "firm",
}
_PUBLIC_NAME_RE = re.compile(r"\b(?:[A-Z][\w.&'’-]*\s+)*(?:Department|Agency|Ministry|Office|Bureau|Authority|Commission|"
                             r"Service|Administration|Institute|Board|Council)(?:\s+(?:of|for|and|on)\s+(?:the\s+)?"
                             r"[A-Z][\w.&'’-]*(?:\s+(?:and\s+)?[A-Z][\w.&'’-]*)*)?")
# (two capitalised words or more, or an acronym: a lone capitalised word may only open the sentence, "Profits rose")
_OPENING_NAME_RE = re.compile(r"(?:The\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){1,3}|[A-Z]{2,}[a-z]?)"
                              r"(?=\s+(?:has\s+|have\s+|had\s+)?[a-z])")


def _antecedent(a: AttributionMention, sentence: str) -> AttributionMention:
    """`the agency` after `The California Department of Forestry and Fire Protection has responded to ...`
    is that department; `the company` after `Taylor Wimpey declared ...` is Taylor Wimpey. With no such name
    before it, the noun stays."""
    kind = _BODY_ANAPHORS.get(a.who.lower())
    if kind is None:
        return a
    if kind == "public":
        names = [m for m in _PUBLIC_NAME_RE.finditer(sentence, 0, a.start)]
        if names:
            return AttributionMention(a.start, names[-1].group(0).removeprefix("The ").strip(), a.whole_sentence)
        return a
    m = _OPENING_NAME_RE.match(sentence)
    if m and m.end() <= a.start and m.group("name").split()[0].lower() not in _PRONOUNS | _NOT_NAMES and \
            (w := _clean_who(m.group("name"))):
        return AttributionMention(a.start, w, a.whole_sentence)
    return a


_CLAUSE_VERB_WORDS = frozenset(_CLAUSE_VERBS) | {"put"}
_APPOSED_VERB_WORDS = frozenset({"said", "says", "told", "reports", "reported", "added", "warned", "estimates", "estimated"})


def choose_attribution(mentions: list[AttributionMention], pos: int) -> str | None:
    """The source of a figure at offset `pos` of the sentence: the nearest one named before it,
    else the first named after it; `according to X` and citations in brackets speak for the whole
    sentence ("Economists had estimated ..., according to Refinitiv")."""
    if not mentions:
        return None
    whole = [a for a in mentions if a.whole_sentence]
    if whole:
        near = [a for a in mentions if a.start <= pos]
        if near and not near[-1].whole_sentence and any(a.start < near[-1].start for a in whole):
            return near[-1].who  # "according to the interior ministry, while unions put the figure at 3.5 million"
        mentions = whole
    before = [a for a in mentions if a.start <= pos]
    return (before[-1] if before else mentions[0]).who


def attribution_of(sentence: str) -> str | None:
    """The first source named in a sentence (what a whole sentence is attributed to)."""
    found = find_attributions(sentence)
    return found[0].who if found else None
