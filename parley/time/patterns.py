"""The patterns that find time expressions, built once from the lexicon.

Each rule is a named, compiled regular expression; the tagger runs them all, keeps the
leftmost-longest matches that do not overlap, and hands each to the resolver of its rule.
A rule is tried only where its matches can start (``prefilter`` reads that off the pattern;
the result is the same as a full scan). Start a new rule with ``\\b`` and a word: a rule
that may start inside a word gets a slower letter probe, one that may start with any
character a full scan.
Spans follow TimeML conventions: determiners and modifiers that are part of the expression
("the past two years", "early next year", "last Friday") are inside, prepositions ("in",
"for", "on") are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.time.lexicon import Lexicon
from parley.time.prefilter import ANYWHERE, Starts, starts_of


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    # Where a match can start (see ``prefilter``); by default anywhere.
    starts: Starts = ANYWHERE


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """An alternation, longest first so "sept" wins over "sep"; spaces match any space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _proper(words: list[str]) -> str:
    """Names that must be written with a capital (news always does; "may" is a verb)."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "(?-i:" + _alt(forms) + ")"


def build_rules(lex: Lexicon) -> tuple[Rule, ...]:
    """Every rule, compiled from the lexicon's words (once per ``TimeResources``)."""
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    short_months = [m for m in lex.months if m not in full_months]
    month = rf"(?:{_proper(full_months)}|{_proper(short_months)}\.?)"
    month_full = rf"(?:{_proper(full_months)}|{_proper(short_months)}\.)"
    full_days = [d for d in lex.weekdays if len(d) > 4]
    weekday = rf"(?:{_proper(full_days)})"
    units_ = [w for w in lex.units if w.isalpha()]
    unit = rf"(?:{_alt(units_)})"
    tens = [w for w, v in lex.numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    ones = [w for w, v in lex.numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    centuries = [w for w, v in lex.numbers.items() if v in (18, 19)]
    words = [w for w, v in lex.numbers.items() if w not in ("a", "an", "couple", "half", "dozen")]
    number = (
        rf"(?:(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_alt(tens)})(?:[\s-](?:{_alt(ones)}))?|{_alt(words)}"
        r"|a\s+couple\s+of|couple\s+of|a\s+dozen|a\s+half|an?)(?:\s+and\s+a\s+half)?)"
    )
    vague = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous|dozens\s+of)"
    # Comparatives are part of a TimeML span ("more than four decades ago", "at least 72
    # hours"); hedges such as "about", "nearly", "only" mostly are not, so they stay outside.
    approx = r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|well\s+over)"
    ordinal = rf"(?:{_alt(list(lex.ordinals))})"
    pod = rf"(?:{_alt([p for p, v in lex.parts_of_day.items() if ':' not in v])})"
    season = rf"(?:{_alt(list(lex.seasons))})"
    mod = (
        r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|the\s+(?:first|second|last|latter)\s+half\s+of|"
        r"the\s+rest\s+of|the\s+remainder\s+of|the\s+close\s+of|the\s+turn\s+of)"
    )
    year = r"(?:1[0-9]\d\d|20\d\d)"
    # The DPRK's Juche calendar counts from 1912 (Juche 1); its press writes the Gregorian year
    # beside it: "Juche 113 (2024)", "April 15, Juche 1 (1912)".
    juche = rf"(?-i:Juche)\s+(?P<juche>\d{{1,3}})\b(?:\s*\((?P<jyear>{year})\))?"
    day_word = r"(?:today|yesterday|tomorrow|tonight)"
    holidays = "(?-i:" + _alt([h.title().replace("'S", "'s") for h in lex.holidays]) + ")"
    refs = rf"(?:{_alt(list(lex.references))})"
    sets = rf"(?:{_alt(list(lex.sets))})"
    ampm = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    # Between the two ends of a range: "23-24", "Monday and Tuesday", "Friday to Sunday".
    range_sep = r"(?P<sep>\s*[-\u2013]\s*|\s+(?:and|to|through|or|&)\s+)"

    rules = {
        "iso": rf"\b{year}-\d\d-\d\d(?:[T\s]\d\d:\d\d(?::\d\d)?)?\b",
        "numeric": r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
        # Ranges first: each end becomes a timex of its own (``resolve_ranges``).
        "month_days": (
            rf"\b(?:(?P<wd>{weekday}),?\s+)?(?P<mon>{month})\s+"
            rf"(?P<d1x>(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?){range_sep}"
            rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{year})\b|,\s+{juche})?"
        ),
        "days_month": (
            rf"(?<![\d.,/:-])\b(?:the\s+)?(?P<d1x>(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?)"
            rf"{range_sep}(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{month})(?:,?\s+(?P<year>{year})\b|,\s+{juche})?"
        ),
        "weekdays": (
            r"\b(?:(?P<rel>last|next|this|coming|past|previous)\s+)?"
            rf"(?P<wd1>{weekday}){range_sep}(?P<wd2>{weekday})(?:\s+(?P<pod>{pod})s?\b)?"
        ),
        "years": (
            rf"(?<![$\d.,/-])\b(?P<y1>{year})\s*[-\u2013/]\s*(?P<y2>\d{{4}}|\d{{2}})\b"
            r"(?![\d%]|[,.]\d|\s*%|[-/]\d)"
        ),
        "century": (
            rf"\b(?:(?P<mod>{mod})[\s-]+)?(?:the\s+)?(?:(?P<mod2>early|late|mid)[\s-]+)?"
            rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-]+century\b"
            r"(?![\s-]+(?:long|old)\b)"
        ),
        "mdy": (
            rf"\b(?:(?P<wd>{weekday}),?\s+)?(?P<mon>{month})\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{year})\b|,\s+{juche})?"
        ),
        # "the week of March 6": the week that holds the day, not the day.
        "week_of": (
            rf"\bthe\s+week\s+of\s+(?P<mon>{month})\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{year})\b)?"
        ),
        "mdy_word": (
            rf"\b(?:(?P<wd>{weekday}),?\s+)?(?P<mon>{month})\s+(?P<day>{ordinal})\b"
            rf"(?:,?\s+(?P<year>{year})\b)?"
        ),
        "dmy": (
            rf"\b(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<mon>{month})(?:,?\s+(?P<year>{year})\b|,\s+{juche})?"
        ),
        "month_year": (
            rf"\b(?:(?P<mod>{mod})[\s-]+)?(?P<mon>{month})(?:\s+of)?,?\s+"
            r"(?:(?P<year>" + year + r")\b|(?P<yrel>last|this|next)\s+year\b(?!'s)|" + juche + ")"
        ),
        "month": (
            rf"\b(?:(?P<mod>{mod})[\s-]+)?(?:(?P<rel>last|next|this|coming|past|that)\s+)?"
            # "May I ...": the modal verb at the start of a question, not the month.
            # (?!\w): a month name is a whole word ("May", not the "May" of "Mayor").
            rf"(?P<mon>{month_full})(?!\w)(?!\s*\d)(?!\s+(?-i:I|we|you|he|she|it|they|not)\b)"
        ),
        "time": (
            rf"\b(?P<h>\d{{1,2}})(?::(?P<m>\d\d))?\s*(?P<ampm>{ampm})"
            rf"(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})))?"
            rf"(?:,?\s+(?:on\s+)?(?P<wd>{weekday}|{day_word}))?"
            rf"(?:,?\s+(?P<mon>{month})\s+(?P<day>\d{{1,2}})\b)?"
        ),
        # "at 4 in the morning", "10 in the evening": a clock time told by its part of the day.
        "clock_pod": (
            r"\b(?<=at\s)(?P<h>\d{1,2})(?::(?P<m>\d\d))?(?:\s+o'clock)?\s+in\s+the\s+"
            r"(?P<pod>morning|afternoon|evening)\b"
        ),
        # A whole word: "as clear as noonday" names no hour.
        "clock": (rf"\b(?P<word>noon|midnight|midday)\b(?:\s+(?P<wd>{weekday}|{day_word}))?"),
        "decade": (
            rf"\b(?:the\s+(?=(?:early|late|mid)\b))?(?:(?P<mod>{mod})[\s-]+)?(?:the\s+)?"
            r"(?P<dec>(?:1[0-9]|20)\d0)'?s\b"
        ),
        # "the '80s", "the mid-'70s", "the last half of the '80s": the century left out.
        "decade_short": (
            rf"\b(?:(?P<mod>{mod})\s+)?the\s+(?:(?P<mod2>early|late|mid)[\s-]+)?"
            r"'(?P<short>[1-9]0)s\b"
        ),
        # Years as broadcast transcripts spell them: "nineteen ninety-seven", "January
        # nineteen ninety-seven", "the winter of nineteen ninety-four", "the year two
        # thousand". Not before a unit or an amount ("nineteen ninety-year-olds" is no year).
        "spoken_year": (
            rf"\b(?:(?P<mon>{month_full})\s+(?:of\s+)?|(?:the\s+)?(?P<sea>{season})\s+(?:of\s+)?)?"
            r"(?:the\s+year\s+)?"
            rf"(?P<hi>{_alt(centuries)})[\s-]+(?P<lo>(?:{_alt(tens)})(?:[\s-](?:{_alt(ones)}))?)\b"
            rf"(?![\s-]+(?:{_alt(units_)}|{_alt(ones)}|percent|per|people|times|of)\b)"
            rf"|\b(?:(?P<mon2>{month_full})\s+(?:of\s+)?)?the\s+year\s+two\s+thousand"
            rf"(?:\s+(?:and\s+)?(?P<lo2>{_alt(ones)}))?\b"
        ),
        "juche_year": rf"\b{juche}",
        "year": (
            rf"(?<![$\d.,/-])\b(?:(?P<mod>{mod})[\s-]+)?(?P<fiscal>fiscal\s+(?:year\s+)?)?"
            # "post-1959 politics", "pre-war" is no year but "pre-2008 levels" is.
            rf"(?:(?P<prefix>post|pre)-)?(?P<year>{year})\b(?![\d%,.]\d|\s*%|-\d|\s+(?:percent|per\s+cent))"
        ),
        "quarter": (
            rf"\b(?P<the>the\s+)?(?:(?P<rel>latest|last|past|current|previous|next|same|"
            r"year-earlier|year-ago|comparable)\s+)?"
            rf"(?:(?P<year0>{year})\s+|(?P<yrel0>this|last|next)\s+year's\s+)?(?P<fisc1>fiscal\s+)?"
            rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+"
            r"(?P<fisc2>fiscal[\s-]+)?(?P<unit>quarter|half)\b"
            rf"(?:\s+of\s+(?:(?P<year>{year})|(?P<yrel>this|last|next)\s+year)\b)?"
        ),
        # A report's figures set against the same quarter a year back: "the corresponding
        # period last year", "the quarter a year ago", "last year's quarter".
        "quarter_year_ago": (
            r"\b(?:the\s+(?:(?:corresponding|comparable|same)\s+)?(?P<unit>quarter|period)"
            r"\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)"
            r"|last\s+year's\s+(?P<unit2>quarter|period))\b(?!'s)"
        ),
        # "the 1988 quarter", "the 1988 period": the quarter in view, of that year.
        "quarter_of_year": rf"\bthe\s+(?P<year>{year})\s+(?P<unit>quarter|period)\b",
        "quarter_ref": (
            r"\b(?:the|(?P<this>this))\s+(?:(?P<rel>latest|last|past|current|previous|same|"
            r"year-earlier|year-ago|comparable|fiscal)\s+)?(?P<unit>quarter|period)\b"
            r"(?!\s*(?:of\s+(?:a|the|an|one|all|its|their|his|her|every)\b|-?point|percent|%))"
        ),
        "year_earlier": (
            r"\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<noun>quarter|period|nine\s+months|"
            r"six\s+months|level|results))?\b"
        ),
        "day_rel": (
            r"\b(?P<phrase>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            r"today|yesterday|tomorrow|tonight|last\s+night)"
            rf"(?:\s+(?P<pod>{pod}))?\b"
        ),
        "pod": (
            rf"\b(?:(?P<mod>early|late|mid|later|earlier)[\s-]+)?"
            rf"(?P<rel>this|that|the\s+next|the\s+following|the\s+previous)\s+(?P<pod>{pod})\b"
        ),
        # "mid-afternoon yesterday", "late morning Friday", "by mid afternoon": a part of a day
        # told with its modifier, of the day named or else of the day in view. Not "night"
        # ("late-night shows" are a kind of thing), nor before "of" ("the early morning of June
        # 11" is that day's).
        "pod_mod": (
            r"\b(?P<mod>early|late|mid)[\s-]?(?P<pod>morning|afternoon|evening)"
            rf"(?:\s+(?P<day>yesterday|today|tomorrow|{weekday}))?\b(?!\s+of\b)"
        ),
        "weekday": (
            r"\b(?:(?P<rel>last|next|this\s+coming|this|coming|past|previous|the\s+following|"
            rf"the\s+previous)\s+)?(?P<wd>{weekday})(?:\s+(?P<pod>{pod}))?"
            rf"(?:,?\s+(?P<mon>{month})\s+(?P<day>\d{{1,2}}|{ordinal})\b)?"
        ),
        "holiday": (
            # Not "the lunar New Year's Day": a day of another calendar, not the holiday's.
            rf"(?<!lunar\s)\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<name>{holidays})"
            rf"(?:\s+(?P<year>{year}))?\b"
        ),
        "season": (
            rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>this|last|next|past|coming|that)\s+)"
            rf"(?P<season>{season})(?:\s+(?:of\s+)?(?P<year>{year}))?\b"
            rf"|\b(?:(?P<mod2>early|late|mid)[\s-]+)?(?:the\s+)?(?P<season2>{season})"
            rf"\s+(?:of\s+)?(?P<year2>{year})\b"
            # "since the summer.", "in the early summer, ...": a season of its own at a clause's
            # end, not one naming a kind of thing ("the autumn campaign", "the spring water",
            # "the winter solstice"); lower case only (not "the Summer Olympics"), and not
            # "fall", mostly a noun of its own ("the fall in prices").
            rf"|\bthe\s+(?:(?P<mod3>early|late|mid)[\s-]+)?(?P<season3>(?-i:summer|winter|spring|"
            r"autumn))(?=\s*(?:[.,;:!?)]|$)|\s+(?:when|as)\b)"
        ),
        "unit_rel": (
            r"\b(?:(?P<mod>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|"
            r"the\s+start\s+of|the\s+rest\s+of|the\s+middle\s+of|sometime|until)[\s-]+)?"
            r"(?P<rel>last|next|this|that|the\s+past|the\s+last|the\s+coming|the\s+current|"
            r"the\s+previous|the\s+following|the\s+same|the\s+next|past|coming|current|"
            r"previous|following)\s+(?:fiscal\s+(?=year))?"
            r"(?P<unit>week|month|year|weekend|decade|century)\b"
            r"(?!\s*(?:-|\s)(?:long|old)\b)"
        ),
        "weekend": r"\b(?:the\s+)?weekend\b",
        "ago": (
            # The same amounts as a duration ("a full month", "a month and a half"), so that
            # the duration rule never takes the amount without the word that anchors it.
            rf"\b(?:(?P<approx>{approx})\s+)?(?P<num>{number}|{vague})[\s-]+"
            r"(?:full\s+|more\s+|additional\s+|long\s+)?"
            rf"(?P<unit>{unit})(?P<half>\s+and\s+a\s+half)?"
            r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|before|after|"
            r"previously|back|prior)\b"
        ),
        "ago_vague": r"\b(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)\b",
        "previous_day": (
            r"\b(?:the\s+(?P<which>previous|next|following|same)\s+(?P<unit>day|week|month|"
            r"year|morning|evening|night|afternoon))|(?:the\s+(?P<unit2>day|week|month|year)"
            r"\s+(?P<which2>before|after))|(?P<that>that\s+day|earlier\s+that\s+day|"
            r"later\s+that\s+day|that\s+same\s+day)\b"
        ),
        "duration": (
            r"\b(?:(?P<pre>(?:each\s+of\s+)?(?:at\s+least\s+)?(?:the\s+)?(?:past|last|next|first|"
            r"previous|following|coming|final|latest|remaining|recent|initial|same)|the"
            rf"|another|an\s+additional|an\s+extra)\s+)?(?:(?P<approx>{approx})\s+)?"
            rf"(?P<num>{number}|{vague})(?:\s+to\s+(?P<num2>{number}))?[\s-]+"
            # "eight trading days", "three business days": days counted on a calendar of work.
            rf"(?P<more>more[\s-]+|additional\s+|full\s+|straight\s+|consecutive\s+)?"
            r"(?:(?:trading|business|working)\s+(?=days?\b))?"
            rf"(?P<unit>{unit})(?:s)?(?P<long>[\s-]long|[\s-]old)?\b"
            # "a year-earlier loss": the article of "year-earlier", no amount of a year.
            r"(?!-(?:earlier|ago)\b)"
            r"(?:\s+or\s+so|\s+and\s+a\s+half)?"
        ),
        "duration_bare": (
            r"\b(?:for|over|within|took|takes|last|lasted|lasting)\s+"
            r"(?P<span>(?P<unit>years|months|weeks|days|hours|minutes|decades))\b"
        ),
        "duration_recent": (
            r"\b(?:(?P<pre>the\s+)?(?P<rel>recent|coming|past|next|last)\s+)"
            r"(?P<unit>years|months|weeks|days|decades|quarters)\b"
        ),
        # "by the end of the month", "at the start of the week", "by month's end": a part of the
        # running month, week or year (TimeML: its value with a modifier).
        "unit_end": (
            r"\bthe\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?P<unit>month|week)\b"
            r"(?!\s+(?:of|before|after|in|ended|ending)\b|'s)"
            r"|\b(?P<unit2>month|year|week)'s\s+end\b"
        ),
        "the_unit": (
            r"\bthe\s+(?:full\s+)?(?P<unit>year|month|week|fiscal\s+year)\b"
            r"(?!\s*(?:-|\s)(?:long|old))"
        ),
        "set_every": (
            rf"\b(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{number})\s+)?"
            rf"(?P<unit>{unit}|{weekday}|{month_full}|{pod}|{season})\b"
        ),
        "set_times": (
            rf"\b(?P<times>once|twice|thrice|(?:{number})\s+times)\s+(?:a|an|per|each|every)\s+"
            rf"(?P<unit>{unit})\b"
        ),
        "set_word": rf"\b(?P<word>{sets})\b",
        "ref": rf"\b(?P<word>{refs})\b",
        "earlier_this": (
            r"\b(?P<dir>earlier|later)\s+(?P<rel>this|last|next)\s+(?P<unit>week|month|year)\b"
        ),
    }
    compiled = [(name, re.compile(pattern, re.I)) for name, pattern in rules.items()]
    return tuple(Rule(name, regex, starts_of(regex)) for name, regex in compiled)
