"""Find counts in Arabic and English text: digits, number words, duals, and qualifiers.

A count is what a casualty or damage claim needs: "أكثر من 200" (200, more than),
"82 عنصراً على الأقل" (82, at least), "نحو 5 آلاف" (5000, about), "اثنان وثمانون",
"twenty-three", "دبابتين" (a dual: 2). Numbers that are not counts are left out: dates
and years, codes (SMI/A900/243), times, shares ("80 في المئة") and numbers that name
a unit ("الفرقة 25"). The words are data: ``mappings/lexicon/numbers.tsv``,
``qualifiers.tsv`` and ``numbers.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from conflictkg.extract.dates import LANGUAGES, find_dates
from conflictkg.extract.lexicon import alternation, clitics, form, per_lexicon, read_tsv, read_yaml, word_lists
from conflictkg.extract.model import QUALIFIERS, Qualifier, Span
from conflictkg.extract.normalize import NormalizedText, normalize_text

# a thousands separator is followed by three digits; a comma after the last group ends
# the number ("rose to 3,164, including")
_TOKEN = re.compile(r"(?P<num>\d{1,3}(?:[,٬]\d{3})+(?!\d|[,٬]\d)|\d+(?:[.٫]\d+)?)"
                    r"|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])")
ROLES = ("unit", "ten", "tens", "value", "scale", "scale_plural")
_COUNTING_ROLES = ("unit", "ten", "tens", "value")
_ANY_DAY = date(2000, 6, 15)


@dataclass
class NumberMention:
    """A count; the span covers the number and its qualifier words."""

    span: Span
    value: int
    qualifier: Qualifier = "exact"


class _Token(NamedTuple):
    kind: str  # num | word | punct
    text: str
    start: int  # normalised offsets
    end: int


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[int, str]]  # form -> (value, role)
    proclitics: frozenset[str]  # one or two joined letters: و، ب، وب، فل...
    lists: dict[str, frozenset[str]]
    duals: frozenset[str]
    may_be_number: frozenset[str]  # every word that is a number word under its proclitics
    may_be_dual: frozenset[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    qualifiers: dict[tuple[str, str], str]  # (position, phrase) -> qualifier
    article: str  # digits after it are an ordinal or a day ("القرار الـ 2254")


@per_lexicon
def _lexicon() -> _Lexicon:
    y = read_yaml("numbers.yaml")
    rows = read_tsv("numbers.tsv", ("word", "value", "role", "lang"), integers=("value",),
                    choices={"role": ROLES, "lang": LANGUAGES})
    words = {form(r["word"]): (int(r["value"]), r["role"]) for r in rows}
    joined = clitics()
    letters = [*joined.conjunctions, *joined.prepositions]  # joined to a number word ("وثمانون")
    proclitics = frozenset({a + b for a in ["", *letters] for b in ["", *letters]} - {""})
    rows = read_tsv("qualifiers.tsv", ("phrase", "qualifier", "position", "lang"),
                    choices={"qualifier": QUALIFIERS, "position": ("before", "after"),
                             "lang": LANGUAGES})
    qualifiers = {(r["position"], form(r["phrase"])): r["qualifier"] for r in rows}
    before = alternation(p for pos, p in qualifiers if pos == "before")
    after = alternation(p for pos, p in qualifiers if pos == "after")
    duals = set()
    for noun in (form(n) for n in y["dual_nouns"]):
        stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
        duals.update({stem + "ين", stem + "ان"})
    for noun in (form(n) for n in y["nominative_dual_nouns"]):
        duals.add((noun[:-1] + "ت" if noun.endswith("ه") else noun) + "ان")
    return _Lexicon(
        may_be_number=_with_proclitics(words, proclitics),
        may_be_dual=_with_proclitics(duals, proclitics),
        words=words, proclitics=proclitics,
        lists={k: frozenset(form(w) for w in v) for k, v in word_lists(y, "numbers.yaml").items()},
        duals=frozenset(duals),
        before=re.compile(rf"(?<!\w)(?:{alternation(letters)})?(?P<q>{before})\s*$"),
        after=re.compile(rf"(?:\s+(?!{after}(?!\w))[^\W\d_]+){{0,3}}?\s*(?P<q>{after})(?!\w)"),
        qualifiers=qualifiers, article=joined.article,
    )


def _with_proclitics(known: Iterable[str], proclitics: frozenset[str]) -> frozenset[str]:
    """The words :func:`_strip` finds in ``known``: a set to look words up in at once."""
    known = set(known)
    return frozenset(known | {p + w for p in proclitics if len(p) <= 2
                              for w in known if len(w) >= 3})


def _strip(word: str, known: Container[str], lex: _Lexicon) -> tuple[str, int] | None:
    """``word`` as a ``known`` form, possibly after joined proclitics, and their length."""
    if word in known:
        return word, 0
    for cut in (1, 2):
        rest = word[cut:]
        if word[:cut] in lex.proclitics and len(rest) >= 3 and rest in known:
            return rest, cut
    return None


def _dual(word: str, lex: _Lexicon) -> int | None:
    """Length of the proclitics before a dual count noun, or None when it is not one.

    Forms with the article are left out: they are mostly names (القريتين، البحرين).
    """
    found = _strip(word, lex.duals, lex)
    return found[1] if found else None


def dual_value(word: str) -> int | None:
    """2 when ``word`` is the dual of a count noun ("دبابتين", "الجنديين"), else None."""
    return 2 if _dual(form(word), _lexicon()) is not None else None


def find_numbers(text: str, *, duals: bool = True,
                 dates: Iterable[tuple[int, int]] | None = None) -> list[NumberMention]:
    """Counts in ``text``, in text order.

    ``dates`` are the (start, end) offsets in ``text`` of the dates it holds, when the
    caller has read them already (a document's dates, shifted); else they are read here.
    """
    lex = _lexicon()
    nt = normalize_text(text, keep_punctuation=True)
    new = tuple.__new__  # a _Token made in C: a window has dozens
    tokens = [new(_Token, (m.lastgroup or "", m.group(), m.start(), m.end()))
              for m in _TOKEN.finditer(nt.text)]
    # any reference will do: only the spans matter, so that day numbers are not counts
    spans = list(dates) if dates is not None else [
        (d.span.start, d.span.end) for d in find_dates(text, reference=_ANY_DAY)]
    out: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        parsed = _parse(tokens, i, lex) if tok.kind == "num" or tok.text in lex.may_be_number \
            else None
        if parsed is None:
            cut = _dual(tok.text, lex) if duals and tok.text in lex.may_be_dual else None
            if cut is not None:
                out.append(_mention(nt, tokens[i].start + cut, tokens[i].end, 2, "exact"))
            i += 1
            continue
        value, start, j = parsed
        end = tokens[j - 1].end
        if value and _is_count(tokens, i, j, nt, spans, lex):
            qualifier, start, end = _qualify(nt.text, start, end, lex)
            out.append(_mention(nt, start, end, value, qualifier))  # type: ignore[arg-type]
        i = j
    return out


def is_quantity(text: str, start: int, end: int) -> bool:
    """Whether :func:`find_numbers` reads ``text[start:end]`` as (part of) a count."""
    return any(m.span.start <= start and end <= m.span.end for m in find_numbers(text))


def _mention(nt: NormalizedText, start: int, end: int, value: int,
             qualifier: Qualifier) -> NumberMention:
    s, e = nt.original_span(start, end)
    return NumberMention(Span(s, e, nt.original[s:e]), value, qualifier)


def _word(token: _Token, lex: _Lexicon) -> tuple[int, str, int] | None:
    """(value, role, proclitic length) of a number word, else None."""
    if token.kind != "word":
        return None
    found = _strip(token.text, lex.words, lex)
    if found is None:
        return None
    value, role = lex.words[found[0]]
    return value, role, found[1]


def _parse(tokens: list[_Token], i: int, lex: _Lexicon) -> tuple[int, int, int] | None:
    """(value, normalised start, index after) of the number starting at token ``i``."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    scale = _word(nxt, lex) if nxt and nxt.kind == "word" else None
    if tok.kind == "num":
        digits = re.sub(r"[,٬]", "", tok.text).replace("٫", ".")
        if scale and scale[2] == 0 and scale[1] in ("scale", "scale_plural") and scale[0] >= 1000:
            return round(float(digits) * scale[0]), tok.start, i + 2
        return (int(digits), tok.start, i + 1) if digits.isdigit() else None
    first = _word(tok, lex)
    if first is None or first[1] == "scale_plural":
        return None
    previous = tokens[i - 1].text if i else ""
    if previous in lex.lists["negators"]:
        return None
    if tok.text[first[2]:] in lex.lists["needs_following_word"] and not (nxt and nxt.kind == "word"):
        return None
    total, current, level = 0, 0, 10**9
    j, end = i, i + 1
    while j < len(tokens):
        part = _word(tokens[j], lex)
        joiner = ""
        joins = j > i and j + 1 < len(tokens) and tokens[j].text in lex.lists["compound_joiners"]
        if part is None and joins:
            joiner, part = tokens[j].text, _word(tokens[j + 1], lex)  # "خمسة و عشرون", "twenty-three"
            j += 1
        if part is None:
            break
        value, role, cut = part
        if cut and j > i:
            joiner = tokens[j].text[:cut]  # "وعشرون"; "بعشرين" starts another phrase
            if joiner not in lex.lists["compound_joiners"]:
                break
        if j == i:
            current = value if role != "scale" or value < 1000 else 0
            total = value if role == "scale" and value >= 1000 else 0
            level = value if role in ("scale", "value") else 10**9
        elif not joiner and role == "ten" and 0 < current < 10:
            current += 10  # ثلاثة عشر
        elif not joiner and role in ("scale", "scale_plural"):
            if role == "scale_plural" and not 3 <= current <= 10:
                break
            if value < 1000:
                current, level = (current or 1) * value, value
            else:
                total, current, level = total + (current or 1) * value, 0, value
        elif (joiner in lex.lists["tens_unit_joiners"] and role == "unit"
              and current % 100 >= 20 and current % 10 == 0):
            current += value  # twenty three, twenty-three
        elif joiner and role in _COUNTING_ROLES and value < level and (
            current % 100 == 0 or (current % 100 < 10 and role == "tens")
        ):
            current += value  # مئة وخمسون، خمسة وعشرون، hundred and five
            level = min(level, value) if value >= 100 else level
        else:
            break
        j += 1
        end = j
    j = end
    return total + current, tok.start + first[2], j


def _is_count(tokens: list[_Token], i: int, j: int, nt: NormalizedText,
              dates: list[tuple[int, int]], lex: _Lexicon) -> bool:
    """Not a date, year, code, time, share or unit name."""
    first, last = tokens[i], tokens[j - 1]
    s, e = nt.original_span(first.start, last.end)
    if any(ds < e and s < de for ds, de in dates):
        return False
    line_start = nt.original.rfind("\n", 0, s) + 1
    if not nt.original[line_start:s].strip() and nt.original[e:e + 1] in (".", ")"):
        return False  # a list item's number: "1. ..."
    before = tokens[i - 1] if i else None
    after = tokens[j] if j < len(tokens) else None
    if first.kind == "num" and before and before.end == first.start and (
            before.kind == "punct" or before.text not in lex.proclitics):
        return False  # A900, /243, 10:30, ال25
    if first.kind == "num" and before and before.text == lex.article:
        return False  # "القرار الـ 2254", "في الـ 19": an ordinal or a day
    if after and after.start == last.end and (after.kind == "word" or after.text in "/:%٪"):
        return False
    if before and before.text == "." and i > 1:
        before = tokens[i - 2]  # "No. 5"
    if before and before.kind == "word" and _strip(before.text, lex.lists["label_nouns"], lex):
        return False
    rest = nt.text[last.end: last.end + 20].split()
    following = " ".join(rest[:2])
    if rest and _strip(rest[0], lex.lists["measure_words"], lex):
        return False
    return not rest or not (rest[0] in lex.lists["time_words"] or any(
        following == p or following.startswith(p + " ") or rest[0] == p
        for p in lex.lists["percent_words"]))


def _qualify(text: str, start: int, end: int, lex: _Lexicon) -> tuple[str, int, int]:
    """The qualifier of the number at ``text[start:end]`` and the span that includes it."""
    m = lex.before.search(text, max(0, start - 40), start)
    if m:
        return lex.qualifiers[("before", m.group("q"))], m.start("q"), end
    m = lex.after.match(text, end)
    if m and not _opens_a_count(text, m.end("q"), lex):
        return lex.qualifiers[("after", m.group("q"))], start, m.end("q")
    return "exact", start, end


def _opens_a_count(text: str, at: int, lex: _Lexicon) -> bool:
    """Whether a count follows ``at`` (after a preposition at most): then the qualifier
    there is that count's ("سبعة قناصين وأكثر من 50": 7 is exact, 50 more than)."""
    words = text[at:at + 40].split()[:3]
    if words and words[0] in lex.lists["qualifier_links"]:
        words = words[1:]
    return bool(words) and (words[0][:1].isdigit() or words[0] in lex.may_be_number)
