"""Where a name in the text is no mention of a party, or is one only by its context.

A country's own name used as a place ("فرّ إلى تركيا", "the Britain-based monitor", "Gaziantep,
Turkey"); a numbered formation or a security branch named as the base or building it holds
("مقر الفرقة 17", "the 93rd Brigade base"); a name hyphenated to a participle that makes it
an attribute of another group ("the al-Qaida-linked HTS"); countries in a list of countries
(sponsors, guarantors). And the other way: a member word before a weak name ("مقاتلي
النصرة") makes it name its group; a collective word ("الفصائل الإسلامية", "jihadists") may
stand for groups named in the text. Each reads the few words around a name; the words are
the actors patterns' (``place_role_before``, ``base_after``, ``member_words``...).
"""

from __future__ import annotations

from conflictkg.extract.doc import Doc, Mention, clitic_forms
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Section

LIST_JOINS = frozenset({"", "و", "and", "or", "او", "أو"})  # between names of a list, punctuation gone


class RoleRules:
    def __init__(self, s: Section) -> None:
        self.place_before = s.keys("place_role_before")
        self.place_after = s.keys("place_role_after")
        self.attribute_after = s.keys("attribute_after")
        self.base_before = s.keys("base_before")
        self.base_after = s.keys("base_after")
        self.post_words = s.keys("post_words")
        self.anaphors = s.keys("collective_anaphors")
        self.members = s.keys("member_words")
        self.standalone = s.keys("standalone_weak_names")


def after_member_word(doc: Doc, start: int, rules: RoleRules) -> bool:
    """Whether the name at ``start`` follows a member word ("مقاتلي", "عناصر", "fighters of")."""
    before, _, _ = neighbours(doc, start, start)
    if len(before) == 2 and before[-1] in ("of", "from"):
        before = before[:1]
    return preceded(before, rules.members)


def anaphoric(text: str, rules: RoleRules) -> bool:
    """A collective anaphor, alone or after a member word ("مقاتلي الفصائل")."""
    words = normalize_key(text).split(" ")
    if len(words) > 1 and words[0] in rules.members:
        words = words[1:]
    return " ".join(words) in rules.anaphors


def in_quotes(doc: Doc, offset: int) -> bool:
    """Whether a quotation opened earlier in the sentence is still open at ``offset``."""
    sentence = doc.sentence_at(offset)
    before = doc.text[sentence.start if sentence else max(0, offset - 200):offset]
    return before.count("“") > before.count("”") or before.count("«") > before.count("»") \
        or before.count('"') % 2 == 1


def neighbours(doc: Doc, start: int, end: int) -> tuple[list[str], list[str], str]:
    """The keys of up to two words before ``start`` (nearest last) and after ``end``
    (nearest first), each side only up to punctuation, and the proclitics joined to the
    name (the letters of its word before ``start``)."""
    i = doc.token_at(start)
    own = doc.tokens[i] if doc.tokens else None
    prefix = normalize_key(doc.text[own.start:start]) if own and own.start < start else ""
    before: list[str] = []
    at = own.start if own and own.start < start else start
    for token in reversed(doc.tokens[max(0, i - 2):i] if own and own.start <= start else []):
        if doc.text[token.end:at].strip():
            break
        before.insert(0, token.key)
        at = token.start
    after: list[str] = []
    at = end
    for token in doc.tokens_after(end, 2):
        if doc.text[at:token.start].strip(" -'’"):
            break
        after.append(token.key)
        at = token.end
    return before, after, prefix


def preceded(before: list[str], words: frozenset[str]) -> bool:
    if not before:
        return False
    if any(form in words for form in clitic_forms(before[-1])):
        return True
    return len(before) == 2 and " ".join(before) in words


def followed(after: list[str], words: frozenset[str]) -> bool:
    return bool(after) and (after[0] in words or " ".join(after[:2]) in words)


def place_role(doc: Doc, start: int, end: int, rules: RoleRules) -> bool:
    """A country's own name used as a place: after a locative word or with ب/ل joined to
    it ("إلى تركيا", "بتركيا"), before "-based" or "border", or after a town and a comma
    in English ("Gaziantep, Turkey")."""
    before, after, prefix = neighbours(doc, start, end)
    if set(prefix) & {"ب", "ل"} or preceded(before, rules.place_before) \
            or followed(after, rules.place_after):
        return True
    if doc.language == "en":
        head = doc.text[max(0, start - 40):start].rstrip()
        if head.endswith(","):
            word = head[:-1].split()[-1:] or [""]
            return word[0][:1].isupper()
    return False


def attribute(doc: Doc, end: int, rules: RoleRules) -> bool:
    """A name joined by a hyphen to "linked", "backed"...: "the al-Qaida-linked HTS"."""
    if not rules.attribute_after or not doc.text.startswith("-", end):
        return False
    following = doc.tokens_after(end, 1)
    return bool(following) and following[0].key in rules.attribute_after


def base(doc: Doc, m: Mention, rules: RoleRules) -> bool:
    """A formation or an office named as the place it holds: a numbered one after a base
    or locative word ("مقر الفرقة 17", "سيطروا على الفوج 46"), a security branch after
    one ("مقر فرع الأمن العسكري"), any before a base word ("the 93rd Brigade base", "the
    Military Security branch")."""
    before, after, _ = neighbours(doc, m.start, m.end)
    if followed(after, rules.base_after):
        return True
    numbered = any(c.isdigit() for c in m.text)
    office = normalize_key(m.text).split(" ")[0] in rules.post_words
    return (numbered or office) and preceded(before, rules.base_before)
