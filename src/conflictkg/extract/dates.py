"""Find dates in Arabic and English text and resolve them to ISO values.

Reads what reports write: Levantine and Gregorian month names side by side ("27 كانون
الثاني/يناير عام 2013"), numeric dates, month or year alone ("شهر شباط عام 2013",
"العام 2017"), ranges and lists of days, English dates, and words that only make sense
against the publication date (اليوم، أمس، "فجر الأحد", "الشهر الجاري", "on Monday").

A weekday named alone is the day of that weekday written last before it in the text
("مساء الجمعة 25 أيار ... بعد ظهر الجمعة"), else the last one on or before the reference.
A date without a year takes the latest year written earlier in the text (in news, with
a reference, only in the same sentence: "seized the crossing in April 2015. ... since the
offensive began on June 19" is the June of the report's year), else ``default_year``,
else the reference year (the year before when that would put it after the reference);
"أيار من العام الماضي" is the May of the year before the reference. A relative date
without a reference is not reported. The words are data: ``mappings/lexicon/months.tsv``,
``weekdays.tsv`` and ``dates.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

import ahocorasick

from conflictkg.extract.lexicon import alternation, clitics, form, per_lexicon, read_tsv, read_yaml, word_lists
from conflictkg.extract.model import Span
from conflictkg.extract.normalize import NormalizedText, normalize_text

Precision = Literal["day", "month", "year"]
LANGUAGES = ("ar", "en")
MIN_YEAR, MAX_YEAR = 1900, 2100
REACH = 120  # characters a date reaches on either side of the word it needs
WRITTEN_WEEKDAY_SENTENCES = 1  # sentence ends between a day written out and its weekday named alone
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_NEED_A_YEAR = ("numeric", "year_range", "year")
# the patterns whose needed word follows a space or a boundary, never a joined proclitic
_WORD_ON_ITS_OWN = frozenset({"day_month", "month", "ordinal", "month_day", "same_month",
                              "period", "hours", "recent"})
_WORD_CHAR = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.!?؟](?=\s)|\n")


@dataclass
class DateMention:
    """A date found in text; ``value`` is 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'."""

    span: Span
    value: str
    precision: Precision
    end: str | None = None  # last day of a range
    days: tuple[str, ...] = ()  # every day of a list ("أيام 4، 6، 8 شباط")
    relative: bool = False  # resolved against the reference date


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    english: frozenset[str]  # English month and weekday forms: capitalised in the original
    weekdays: dict[str, int]
    relative: dict[str, int]
    later: dict[str, int]  # "اليوم التالي": days after the date last written
    ordinals: dict[str, int]
    modifiers: dict[str, str]  # form -> current | past | next
    words: dict[str, frozenset[str]]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    needs: ahocorasick.Automaton  # needed word -> (length, pattern names, whether on its own)


@per_lexicon
def _lexicon() -> _Lexicon:
    y = read_yaml("dates.yaml")
    month_rows = read_tsv("months.tsv", ("month", "name", "lang"), integers=("month",),
                          choices={"lang": LANGUAGES})
    weekday_rows = read_tsv("weekdays.tsv", ("weekday", "name", "lang"), integers=("weekday",),
                            choices={"lang": LANGUAGES})
    months = {form(r["name"]): int(r["month"]) for r in month_rows}
    weekdays = {form(r["name"]): int(r["weekday"]) for r in weekday_rows}
    english = frozenset(form(r["name"]) for r in (*month_rows, *weekday_rows) if r["lang"] == "en")
    modifiers = {form(w): kind for kind, ws in y["modifiers"].items() for w in ws}
    lists = {**word_lists(y, "dates.yaml"), "day_articles": [clitics().article]}
    words = {k: frozenset(form(w) for w in v) for k, v in lists.items()}
    a = {k: alternation(v) for k, v in lists.items()}
    B, E = r"(?<!\w)", r"(?!\w)"
    D = rf"(?:{a['day_articles']} ?)?\d{{1,2}}(?!\d)(?:st|nd|rd|th)?"
    month, mod, wd = alternation(months), alternation(modifiers), alternation(weekdays)
    current = alternation(y["modifiers"]["current"])
    era = rf"(?: ?{alternation(y['era_suffixes'])}(?!\w))?"  # 2013م
    months2 = rf"(?P<m1>{month})(?:\s*[/(،,-]\s*(?P<m2>{month})\s*\)?)?"
    sep = rf"\s*(?:{a['range_joiners']}|{a['list_joiners']})\s*"
    year_tail = (rf"(?:\s*[,،]?\s*(?:{a['year_joiners']}\s+)?(?:{a['year_words']}\s+)?"
                 rf"(?:{current}\s+)?(?P<year>\d{{4}})(?!\d){era}"
                 rf"|\s+(?:{a['year_joiners']}\s+)?{a['year_words']}\s+(?P<ycur>{mod}))")
    weekday_head = rf"(?:(?:{a['day_words']}\s+)?(?P<wd>{wd})\s*[,،]?\s*)?"
    patterns = {
        "day_month": rf"{B}{weekday_head}(?:(?P<opener>{a['range_openers']})\s+)?"
                     rf"(?:(?P<dw>{a['day_words']})\s+)?(?P<days>{D}(?:{sep}{D})*)"
                     rf"(?:\s+{a['day_month_joiners']})?\s+{months2}"
                     rf"(?:\s+(?P<mod>{mod}))?(?:{year_tail})?{E}",
        "ordinal": rf"{B}{weekday_head}(?:{a['day_words']}\s+)?(?P<ordinal>{alternation(y['ordinal_days'])})"
                   rf"\s+{a['day_month_joiners']}\s+{months2}(?:\s+(?P<mod>{mod}))?(?:{year_tail})?{E}",
        "month_day": rf"{B}{weekday_head}(?P<m1>{alternation(english & months.keys())})\.?\s+(?P<days>{D}(?:{sep}{D})*)"
                     rf"(?:\s*,?\s*(?P<year>\d{{4}})(?!\d){era})?{E}",
        "month": rf"{B}(?:(?P<pmod>{mod})\s+)?(?:(?P<mw>{a['month_words']})\s+)?{months2}"
                 rf"(?:\s+(?P<mod>{mod}))?(?:{year_tail})?{E}",
        "numeric": r"(?<![\w/.-])(?:(?P<y1>\d{4})[/.-](?P<mo1>\d{1,2})[/.-](?P<d1>\d{1,2})"
                   r"|(?P<d2>\d{1,2})[/.-](?P<mo2>\d{1,2})[/.-](?P<y2>\d{4}))(?![\w/]|[.-]\d)",
        "year_range": rf"{B}(?:(?:{a['range_openers']})\s+)?(?:{a['year_range_words']}\s+)?"
                      rf"(?P<year>\d{{4}})\s*(?:{sep})\s*(?P<year2>\d{{4}})(?!\d)",
        "year": rf"{B}(?:{a['year_words']}|{a['year_prepositions']})\s+"
                rf"(?:{current}\s+)?(?P<year>\d{{4}})(?!\d){era}",
        "same_month": rf"{B}(?:{a['day_words']}\s+)?(?:(?P<days>{D})|(?P<ordinal>"
                      rf"{alternation(y['ordinal_days'])}))\s+{a['day_month_joiners']}\s+"
                      rf"{a['month_nouns']}(?:\s+(?P<which>{a['same_month']}|{mod}))?{E}",
        "period": rf"{B}(?:(?P<pre>{mod})\s+)?(?P<unit>{a['month_nouns']}|{a['year_nouns']}"
                  rf"|{a['week_nouns']})"
                  rf"(?:\s+(?P<mod>{mod}))?{E}",
        "hours": rf"{B}(?:(?P<pre>{mod})\s+)?(?:{a['day_articles']} ?)?(?P<hours>\d{{1,3}}\s*)?"
                 rf"(?P<unit>{a['hour_nouns']})(?:\s+(?P<mod>{mod}))?{E}",
        "weekday": rf"{B}(?:{a['proclitics']})?(?P<body>(?:{a['day_words']}\s+)?"
                   rf"(?:(?P<pre>{mod})\s+)?(?P<wd>{wd})(?:\s+(?P<mod>{mod}))?){E}",
        "relative": rf"{B}(?:{a['proclitics']})?(?P<body>(?:{a['day_words']}\s+)?"
                    rf"(?P<rel>{alternation(y['relative_days'])})){E}",
        "later": rf"{B}(?:(?:{a['later_prepositions']})\s+)?(?:{a['proclitics']})?"
                 rf"(?P<later>{alternation(y['later_days'])}){E}",
        "recent": rf"{B}(?P<recent>{a['recent_days']}){E}",
        # "on the 8th," with no month: a day of the month last named
        "lone_day": rf"{B}(?:{a['lone_day_openers']})\s+(?P<days>\d{{1,2}})(?:st|nd|rd|th)"
                    rf"(?=\s*[,.;:)]|\s*$|\s+(?:{a['lone_day_followers']}){E})",
    }
    needs: dict[str, set[str]] = {}
    for words_needed, kinds in (
            (months, ("day_month", "month")),
            (map(form, y["ordinal_days"]), ("ordinal", "same_month")),  # "الأول من شباط"
            (english & months.keys(), ("month_day",)),  # "March 5": an English name only
            (weekdays, ("weekday",)), (map(form, y["relative_days"]), ("relative",)),
            ([*words["month_nouns"], *words["year_nouns"], *words["week_nouns"]],
             ("same_month", "period")), (words["hour_nouns"], ("hours",)),
            (map(form, y["later_days"]), ("later",)), (words["recent_days"], ("recent",)),
            (words["lone_day_openers"], ("lone_day",))):
        for word in words_needed:
            needs.setdefault(word, set()).update(kinds)
    automaton = ahocorasick.Automaton()
    for word, kinds in needs.items():
        # does every pattern that needs the word want it as a word of its own? ("آب" is
        # the end of many a word: "الشباب", "كتاب")
        alone = kinds <= _WORD_ON_ITS_OWN
        automaton.add_word(word, (len(word), tuple(sorted(kinds)), alone))
    automaton.make_automaton()
    return _Lexicon(
        needs=automaton, months=months, english=english, weekdays=weekdays,
        relative={form(k): int(v) for k, v in y["relative_days"].items()},
        later={form(k): int(v) for k, v in y["later_days"].items()},
        ordinals={form(k): int(v) for k, v in y["ordinal_days"].items()},
        modifiers=modifiers, words=words,
        patterns=tuple((name, re.compile(p)) for name, p in patterns.items()),
    )


@dataclass
class _Context:
    reference: date | None
    default_year: int | None
    text: str | None = None  # the original text
    starts: Sequence[int] | None = None  # the original offset of each normalised character
    year: int | None = None  # latest year written in the text so far
    month: tuple[int, int] | None = None  # latest (year, month) named in the text so far
    year_hint: tuple[int, int] | None = None  # (year, month) of the date this one runs to
    day: date | None = None  # the day last named in the text
    weekdays: dict[int, date] = field(default_factory=dict)  # weekday -> the day last written with it
    written: tuple[date, int] | None = None  # the single day last written out, and where it ends


@dataclass
class _Found:
    """A resolved mention with what range merging and context need to know."""

    mention: DateMention
    start: int  # normalised offsets
    end: int
    explicit_year: bool
    opener: bool


def find_dates(text: str, *, reference: date | None = None,
               default_year: int | None = None) -> list[DateMention]:
    """Dates in ``text`` in text order; ``reference`` is the publication date."""
    if isinstance(reference, datetime):
        reference = reference.date()
    if reference is not None and not isinstance(reference, date):
        raise TypeError(f"reference must be a datetime.date, got {type(reference).__name__}")
    if default_year is not None and not (isinstance(default_year, int)
                                         and MIN_YEAR <= default_year <= MAX_YEAR):
        raise ValueError(f"default_year must be a year from {MIN_YEAR} to {MAX_YEAR}, "
                         f"got {default_year!r}")
    lex = _lexicon()
    nt = normalize_text(text, keep_punctuation=True)
    regions = _regions(nt.text, lex)
    candidates = sorted(
        (m.start(), -m.end(), rank, kind, m)
        for rank, (kind, pattern) in enumerate(lex.patterns)
        for start, end in regions.get(kind, ())
        for m in pattern.finditer(nt.text, start, end)
    )
    chosen: list[tuple[str, re.Match[str]]] = []
    last_end = -1
    for start, _, _, kind, m in candidates:
        if start >= last_end and _plausible(kind, m, nt, lex):
            chosen.append((kind, m))
            last_end = m.end()
    ctx = _Context(reference, default_year, text=text, starts=nt.starts)
    found: list[_Found] = []
    year_end = 0  # where the year last written ends (original offsets)
    for i, (kind, m) in enumerate(chosen):
        ctx.year_hint = _next_year(chosen, i, nt.text, lex)
        if reference is not None and ctx.year is not None and _SENTENCE_END.search(
                text, year_end, nt.starts[m.start()]):
            ctx.year = None  # news: a year written in another sentence is a background's
        f = _resolve(kind, m, ctx, lex)
        if f is None:
            continue
        if f.explicit_year and not _since(nt.text, m, lex):
            ctx.year = int(f.mention.value[:4])
            year_end = nt.starts[m.end() - 1] + 1
        if f.mention.precision != "year":
            ctx.month = (int(f.mention.value[:4]), int(f.mention.value[5:7]))
        if f.mention.precision == "day":
            ctx.day = date.fromisoformat(f.mention.end or f.mention.value)
            ctx.written = (ctx.day, m.end()) if not f.mention.relative and not f.mention.end \
                and not f.mention.days else ctx.written
            if not f.mention.relative and not f.mention.end and not f.mention.days \
                    and m.groupdict().get("wd"):
                # only a day written with its weekday names it ("took Idlib on March 28
                # ... fell on Saturday": the Saturday before the report)
                ctx.weekdays[ctx.day.weekday()] = ctx.day
        found.append(f)
    out = []
    for f in _merge_ranges(found, nt.text, lex):
        s, e = nt.original_span(f.start, f.end)
        f.mention.span = Span(s, e, text[s:e])
        out.append(f.mention)
    return out


def _regions(text: str, lex: _Lexicon) -> dict[str, list[tuple[int, int]]]:
    """Where each pattern can match: around the words it needs (a month name, a weekday,
    "اليوم", "الشهر"...) or a four-digit number. A pattern reads only there, which keeps
    the slowest part of the reader off most of a long text."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for last, (length, kinds, alone) in lex.needs.iter(text):
        start = last + 1 - length
        if alone and start and _WORD_CHAR.match(text, start - 1):
            continue  # inside a word
        for kind in kinds:
            hits.setdefault(kind, []).append((start, last + 1))
    years = [m.span() for m in _FOUR_DIGITS.finditer(text)]
    for kind in _NEED_A_YEAR:
        hits[kind] = years
    regions: dict[str, list[tuple[int, int]]] = {}
    for kind, spans in hits.items():
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            start, end = max(0, start - REACH), min(len(text), end + REACH)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        regions[kind] = merged
    return regions


def _plausible(kind: str, m: re.Match[str], nt: NormalizedText, lex: _Lexicon) -> bool:
    """Shape checks that need no context; a refused candidate leaves room for others."""
    g = m.groupdict()
    for group in ("m1", "wd"):
        word = g.get(group)
        if word in lex.english and not nt.original[nt.starts[m.start(group)]].isupper():
            return False  # "may", "march" and "sun" in lower case are words, not dates
    if kind == "month" and not (g["mw"] or g["mod"] or g["pmod"] or g["year"] or g["ycur"]):
        # "mid-January": the part word joined by a hyphen
        before = nt.text[: m.start()].replace("-", " ").rsplit(maxsplit=1)  # its last word
        return bool(before) and before[-1] in lex.words["month_alone_after"] and (
            g["m1"] not in lex.words["ambiguous_alone"]
            or before[-1] in lex.words["month_part_words"])  # "مطلع آب": early August
    if kind in ("period", "hours", "later"):
        after = nt.text[m.end():].split(maxsplit=1)
        if after and after[0] in lex.words["day_month_joiners"]:
            return False  # "الساعات الأخيرة من الحصار", "بعد يومين من التشييع": of something else
        before = nt.text[: m.start()].rsplit(maxsplit=1)[-1:]
        # "مطلع الأسبوع", "أواخر الشهر": a part of the report's week or month
        parted = kind == "period" and bool(before) and before[-1] in lex.words["month_part_words"]
        return kind == "later" or bool(g["mod"] or g["pre"]) or parted
    if kind == "relative" and lex.relative[g["rel"]] == 0 and " " not in g["rel"]:
        # "اليوم 5 آذار" is no today; a phrase of several words ("منذ ساعات الصباح
        # الأولى 23 غارة") is today whatever follows
        after = nt.text[m.end():].split(maxsplit=1)
        return not after or not (after[0] in lex.words["not_today_before"]
                                  or re.match(r"(?:ال)?\d", after[0]))
    return True


def _next_year(chosen: list[tuple[str, re.Match[str]]], i: int, text: str,
               lex: _Lexicon) -> tuple[int, int] | None:
    """(year, month) written in the date that mention ``i`` runs or is listed to."""
    if i + 1 >= len(chosen):
        return None
    following = chosen[i + 1][1].groupdict()
    gap = text[chosen[i][1].end(): chosen[i + 1][1].start()].strip()
    if gap not in lex.words["range_joiners"] | lex.words["list_joiners"]:
        return None
    year = following.get("year") or following.get("y1") or following.get("y2")
    month = lex.months.get(following.get("m1") or "", 12)
    return (int(year), month) if year else None


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """ISO value, or None when the parts make no date."""
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    return f"{y:04d}"


def _infer_year(month: int, day: int | None, ctx: _Context) -> int | None:
    if ctx.year_hint:
        year, until = ctx.year_hint
        return year - 1 if month > until else year  # "من 20 كانون الأول إلى 5 كانون الثاني 2013"
    for year in (ctx.year, ctx.default_year):
        if year:
            return year
    if ctx.reference is None:
        return None
    year = ctx.reference.year
    try:
        after = date(year, month, day or 1) > ctx.reference
    except ValueError:
        return year
    return year - 1 if after else year


def _month_year(month: int, day: int | None, g: dict[str, str | None], ctx: _Context,
                lex: _Lexicon) -> tuple[int | None, bool, bool]:
    """(year, written in the text, resolved against the reference) of a month mention."""
    if g.get("year"):
        return int(g["year"]), True, False  # type: ignore[arg-type]
    ref = ctx.reference
    if ref is not None and g.get("ycur"):  # "أيار من العام الماضي": in the year before
        step = {"past": -1, "next": 1}.get(lex.modifiers[g["ycur"]], 0)  # type: ignore[index]
        return ref.year + step, False, True
    modifier = lex.modifiers.get(g.get("mod") or g.get("pmod") or "")  # "أيار الماضي", "last May"
    if ref is not None and modifier == "current":
        return ref.year, False, True
    if ref is not None and modifier == "past":
        return (ref.year if month < ref.month else ref.year - 1), False, True
    if ref is not None and modifier == "next":
        return (ref.year if month > ref.month else ref.year + 1), False, True
    return _infer_year(month, day, ctx), False, False


def _days(days: str, opener: str | None, lex: _Lexicon) -> tuple[list[int], bool]:
    """Day numbers of '04، 06، 08' or '4 إلى 8', and whether they form a range."""
    numbers = [int(n) for n in re.findall(r"\d{1,2}", days)]
    joiners = [" ".join(w for w in j.split() if w not in lex.words["day_articles"])
               for j in re.split(r"\d{1,2}(?:st|nd|rd|th)?", days)[1:-1]]
    ranged = len(numbers) == 2 and numbers[0] < numbers[1] and (
        joiners[0] in lex.words["range_joiners"]
        or (opener in lex.words["pair_openers"] and joiners[0] in lex.words["list_joiners"]))
    return numbers, ranged


def _resolve(kind: str, m: re.Match[str], ctx: _Context, lex: _Lexicon) -> _Found | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    ref = ctx.reference
    if kind in ("day_month", "ordinal", "month_day"):
        month = lex.months[g["m1"]]
        if kind == "ordinal":
            numbers, ranged = [lex.ordinals[g["ordinal"]]], False
        else:
            numbers, ranged = _days(g["days"], g.get("opener"), lex)
            if g.get("opener") and not ranged and not g.get("wd"):
                start = m.start("dw") if g.get("dw") else m.start("days")
        year, explicit, relative = _month_year(month, numbers[0], g, ctx, lex)
        if year is None:
            return None
        values = [_iso(year, month, d) for d in numbers]
        if None in values:
            return None
        mention = DateMention(Span(0, 0, ""), values[0], "day", relative=relative)  # type: ignore[arg-type]
        if ranged:
            mention.end = values[1]
        elif len(values) > 1:
            mention.days = tuple(dict.fromkeys(values))  # type: ignore[arg-type]
        return _Found(mention, start, end, explicit, bool(g.get("opener")))
    if kind == "month":
        month = lex.months[g["m1"]]
        year, explicit, relative = _month_year(month, None, g, ctx, lex)
        value = _iso(year, month) if year else None
        return value and _Found(DateMention(Span(0, 0, ""), value, "month", relative=relative),
                                start, end, explicit, False)
    if kind == "numeric":
        y, mo, d = (int(g["y1"]), int(g["mo1"]), int(g["d1"])) if g["y1"] else (
            int(g["y2"]), int(g["mo2"]), int(g["d2"]))
        if mo > 12 >= d:
            mo, d = d, mo
        value = _iso(y, mo, d)
        return value and _Found(DateMention(Span(0, 0, ""), value, "day"), start, end, True, False)
    if kind in ("year", "year_range"):
        value = _iso(int(g["year"]))
        last = _iso(int(g["year2"])) if g.get("year2") else None
        if value is None or (kind == "year_range" and (last is None or last <= value)):
            return None
        return _Found(DateMention(Span(0, 0, ""), value, "year", end=last), start, end, True,
                      kind == "year_range")
    if kind == "later":  # "في اليوم التالي": the day after the one last named
        if ctx.day is None:
            return None
        day = ctx.day + timedelta(days=lex.later[g["later"]])
        return _Found(DateMention(Span(0, 0, ""), day.isoformat(), "day"), start, end, False,
                      False)
    if kind == "lone_day":  # "on the 8th": the month last named, else the report's
        y, mo = ctx.month or ((ref.year, ref.month) if ref is not None else (0, 0))
        if ctx.month is None and ref is not None and int(g["days"]) > ref.day:
            y, mo = _shift_month(ref, -1)  # "on the 30th" in a report of the 29th: last month's
        value = _iso(y, mo, int(g["days"])) if y else None
        return value and _Found(DateMention(Span(0, 0, ""), value, "day", relative=ctx.month is None),
                                start, end, False, False)
    if ref is None:
        return None
    if kind == "recent":  # "خلال الأيام الماضية": the month the report's last days are in
        value = ref.isoformat()[:7]
        return _Found(DateMention(Span(0, 0, ""), value, "month", relative=True), start, end,
                      False, False)
    if kind == "same_month":  # "الـ 25 من الشهر ذاته", "في السادس من الشهر", "الثالث من الشهر الجاري"
        which = lex.modifiers.get(g["which"]) if g["which"] else None
        y, mo = (ref.year, ref.month) if which == "current" or (
            not g["which"] and ctx.month is None) else (
            _shift_month(ref, -1) if which == "past" else (
                _shift_month(ref, 1) if which == "next" else ctx.month or (0, 0)))
        number = lex.ordinals[g["ordinal"]] if g["ordinal"] else int(re.sub(r"\D", "", g["days"]))
        value = _iso(y, mo, number) if y else None
        return value and _Found(DateMention(Span(0, 0, ""), value, "day", relative=which is not None),
                                start, end, False, False)
    modifier = lex.modifiers.get(g.get("mod") or g.get("pre") or "")
    if kind == "hours":
        if modifier != "past":
            return None
        days = -(-int(g["hours"]) // 24) if g["hours"] else 1
        mention = DateMention(Span(0, 0, ""), (ref - timedelta(days=days)).isoformat(), "day",
                              end=ref.isoformat(), relative=True)
        return _Found(mention, start, end, False, False)
    if kind == "period":
        step = {"past": -1, "next": 1}.get(modifier or "", 0)
        if g["unit"] in lex.words["week_nouns"]:
            monday = ref - timedelta(days=ref.weekday() - 7 * step)
            last = min(monday + timedelta(days=6), ref) if step == 0 else monday + timedelta(days=6)
            mention = DateMention(Span(0, 0, ""), monday.isoformat(), "day",
                                  end=last.isoformat() if last > monday else None, relative=True)
            return _Found(mention, start, end, False, False)
        if g["unit"] in lex.words["year_nouns"]:
            value = _iso(ref.year + step if modifier or ctx.year is None else ctx.year)
            precision: Precision = "year"
        else:  # "مطلع الشهر" with no modifier: of the month last named, as "في السادس من الشهر"
            value = _iso(*(_shift_month(ref, step) if modifier or ctx.month is None else ctx.month))
            precision = "month"
        return value and _Found(DateMention(Span(0, 0, ""), value, precision, relative=True),
                                start, end, False, False)
    if kind == "weekday" and modifier is None and (day := _written_weekday(
            lex.weekdays[g["wd"]], start, ctx)) is not None:
        # "27 تشرين الثاني: إطلاق المعركة / بدأت الفصائل فجر الأربعاء": the Wednesday just written
        return _Found(DateMention(Span(0, 0, ""), day.isoformat(), "day", relative=True),
                      m.start("body"), m.end("body"), False, False)
    if kind == "weekday" and modifier is None and lex.weekdays[g["wd"]] in ctx.weekdays \
            and ctx.weekdays[lex.weekdays[g["wd"]]] <= ref:
        # "مساء الجمعة 25 أيار ... بدأت القوات بعد ظهر الجمعة": the Friday the text named
        day = ctx.weekdays[lex.weekdays[g["wd"]]]
        return _Found(DateMention(Span(0, 0, ""), day.isoformat(), "day", relative=True),
                      m.start("body"), m.end("body"), False, False)
    if kind == "weekday":
        back = (ref.weekday() - lex.weekdays[g["wd"]]) % 7
        if modifier == "past" and back == 0:
            back = 7
        day = ref - timedelta(days=back) if modifier != "next" else (
            ref + timedelta(days=(lex.weekdays[g["wd"]] - ref.weekday() - 1) % 7 + 1))
    else:
        day = ref + timedelta(days=lex.relative[g["rel"]])
    return _Found(DateMention(Span(0, 0, ""), day.isoformat(), "day", relative=True),
                  m.start("body"), m.end("body"), False, False)


def _written_weekday(weekday: int, start: int, ctx: _Context) -> date | None:
    """The day written out last before a weekday named alone, when it falls on that weekday
    and stands in the sentence or line just before it ("27 تشرين الثاني: إطلاق المعركة /
    بدأت الفصائل فجر الأربعاء", "On March 5 the army shelled Douma. On Tuesday it stormed
    it"): that day, whatever day the report was published. In its own sentence a weekday
    is another day than the date it does not go with ("Since the offensive began on May
    13, ... up from 195 reported on Wednesday": the Wednesday before the report)."""
    if ctx.written is None or ctx.text is None or ctx.starts is None:
        return None
    day, end = ctx.written
    end, start = ctx.starts[end - 1] + 1, ctx.starts[start]
    if day.weekday() != weekday or (ctx.reference is not None and day > ctx.reference):
        return None
    if len(_SENTENCE_END.findall(ctx.text, end, start)) != WRITTEN_WEEKDAY_SENTENCES:
        return None
    return day


MONTH_PARTS = {"first": (1, 10), "middle": (11, 20), "last": (21, 31)}  # days of a part


def month_part_days(word: str, value: str) -> tuple[str, str] | None:
    """The first and last day of the part of the month ``value`` ('YYYY-MM') a part word
    names ("early" February 2020: 2020-02-01 to 2020-02-10), or None for another word."""
    parts = read_yaml("dates.yaml")["month_part_days"]
    part = next((p for p, words in parts.items() if form(word) in map(form, words)), None)
    if part is None or not re.fullmatch(r"\d{4}-\d{2}", value):
        return None
    first, last = MONTH_PARTS[part]
    y, mo = int(value[:4]), int(value[5:7])
    end = min(last, ((date(y + mo // 12, mo % 12 + 1, 1)) - timedelta(days=1)).day)
    return _iso(y, mo, first) or "", _iso(y, mo, end) or ""


def _since(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    """Whether a date follows a since-word ("منذ تشرين الثاني 2012"), or opens with one."""
    opened = text[m.start():m.end()].split()[:1]
    before = text[max(0, m.start() - 20):m.start()].split()[-1:]
    return any(w in lex.words["since_words"] for w in (*opened, *before))


def _shift_month(d: date, step: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + step
    return index // 12, index % 12 + 1


def _merge_ranges(found: list[_Found], text: str, lex: _Lexicon) -> list[_Found]:
    """Join "من 27 كانون الثاني إلى 25 شباط" and "بين العامين 2012 و2014" into ranges."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, f, text, lex):
            night = _night(prev, f, text, lex)
            if night is not None:  # "ليل السبت-الأحد": one night, told by its day
                prev.mention.value = night
            else:
                prev.mention.end = f.mention.value
            prev.end = f.end
            continue
        out.append(f)
    return out


def _night(a: _Found, b: _Found, text: str, lex: _Lexicon) -> str | None:
    """The day of a night named by the two days it joins ("ليل السبت-الأحد", "the night
    of Saturday to Sunday"): the first, whose evening it began on, or the second when it
    is told from midnight ("منتصف ليل السبت – الأحد"); None when the two days are no
    night's."""
    if a.mention.precision != "day" or not a.mention.relative:
        return None
    try:
        first, second = date.fromisoformat(a.mention.value), date.fromisoformat(b.mention.value)
    except ValueError:
        return None
    before = text[: a.start].rsplit(maxsplit=3)[-3:]
    nights = lex.words["night_words"] | lex.words["midnight_words"]
    if (second - first).days != 1 or nights.isdisjoint(before[-2:]):
        return None
    return b.mention.value if not lex.words["midnight_words"].isdisjoint(before) else a.mention.value


def _joins(a: _Found, b: _Found, text: str, lex: _Lexicon) -> bool:
    ma, mb = a.mention, b.mention
    if ma.end or ma.days or mb.end or mb.days or ma.precision != mb.precision:
        return False
    if mb.value <= ma.value:
        return False
    gap = text[a.end: b.start].strip()
    before = text[: a.start].rsplit(maxsplit=1)  # its last word
    opened = a.opener or (bool(before) and before[-1] in lex.words["range_openers"])
    return gap in lex.words["range_joiners"] or (opened and gap in lex.words["list_joiners"])
