"""Sources no gazetteer lists, found by their shape: an institution or an office and its name.

"وزارة الصحة السورية", "والي هطاي رحمي دوغان", "قيادة شرطة حلب", "مكتب توثيق الشهداء في
درعا", "the Kurdish Red Crescent", "Syria's health minister", "the Martyrs Documentation
Office in Daraa". Ministries, governors, police and health authorities, hospitals,
rescuers and UN agencies give tolls as often as monitors do; a report names them once and
the claim is theirs. A phrase opens on a head word (data: ``speaker_heads`` in
attribution.yaml) and runs, in Arabic, over the words after it until a stop word,
punctuation or a verb's particle; in English, over the capitalised or listed words
before it and an "of X" / "in X" after it.
"""

from __future__ import annotations

from conflictkg.extract.doc import Doc, Mention, Token
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns

MAX_WORDS = 5  # words of a name after its head (Arabic) or before it (English)
PUNCTUATION = frozenset("،,.:؛;!?؟()\"“”«»\n")


class SpeakerRules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("attribution", language)
        self.language = language
        self.heads: Matcher[str] = s.matcher(head=s.words("speaker_heads"))
        self.stops = s.keys("speaker_stops")
        self.modifiers = s.keys("speaker_modifiers")


def find_speakers(doc: Doc, rules: SpeakerRules) -> list[Mention]:
    """Institutions and offices named in the text, as source mentions with no key; a
    later short reference ("the Documentation Office") is labelled with the full name
    it refers back to ("the Martyrs Documentation Office in Daraa")."""
    out: list[Mention] = []
    for head in rules.heads.find(doc.norm):
        if doc.in_boilerplate(head.start):
            continue
        first = doc.token_index(head.start)
        last = doc.token_at(head.end - 1)
        if rules.language == "en":
            start, end = _english(doc, first, last, rules)
        else:
            start, end = head.start, _arabic_end(doc, last, rules)
        out.append(Mention(start, end, doc.text[start:end], ""))
    return [_referred(m, out[:n]) for n, m in enumerate(out)]


def _referred(mention: Mention, earlier: list[Mention]) -> Mention:
    """The mention with the text of the fuller, earlier name whose words it repeats."""
    words = _content_words(mention.text)
    for full in reversed(earlier):
        if len(full.text) > len(mention.text) and words and words <= _content_words(full.text):
            return Mention(mention.start, mention.end, mention.text, "", label=full.label or full.text)
    return mention


def _content_words(text: str) -> set[str]:
    """The words of a name but its articles: a modifier ("health", "defense") tells one
    ministry from another, so the short name must repeat it."""
    return {normalize_key(w) for w in text.split()} - {"the", "a", "an", "ال"}


def _arabic_end(doc: Doc, last: int, rules: SpeakerRules) -> int:
    """The end of a name that runs after its head ("وزارة" + "الصحة السورية")."""
    tokens = doc.tokens
    end = tokens[last].end
    for t in tokens[last + 1:last + 1 + MAX_WORDS]:
        if _broken(doc, end, t) or t.key in rules.stops or t.key[:1].isdigit():
            break
        end = t.end
    return end


def _english(doc: Doc, first: int, last: int, rules: SpeakerRules) -> tuple[int, int]:
    """The capitalised or listed words before an English head, and "of X" after it."""
    tokens = doc.tokens
    start = tokens[first].start
    for i in range(first - 1, max(-1, first - 1 - MAX_WORDS), -1):
        t = tokens[i]
        word = doc.text[t.start:t.end]
        if _broken(doc, t.end, tokens[i + 1]) or not (
                word[:1].isupper() or t.key in rules.modifiers or word.endswith(("'s", "’s"))):
            break
        start = t.start
    end = tokens[last].end
    following = tokens[last + 1:last + 1 + MAX_WORDS]
    if following and following[0].key in ("of", "in", "for") and not _broken(doc, end, following[0]):
        named = _capitalised(doc, following[1:])
        if named:
            end = named[-1].end
    return start, end


def _capitalised(doc: Doc, tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        word = doc.text[t.start:t.end]
        if not word[:1].isupper() or (out and _broken(doc, out[-1].end, t)):
            break
        out.append(t)
    return out


def _broken(doc: Doc, end: int, token: Token) -> bool:
    """Whether punctuation stands between ``end`` and ``token``."""
    return any(c in PUNCTUATION for c in doc.text[end:token.start])
