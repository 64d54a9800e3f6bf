"""The words and runs of words a rule looks for among a few tokens (attempts, helpers,
first persons) are found without listing every run: the answer is that of the full list."""

import pytest

from conflictkg.extract.agents import has_phrase, phrases_of
from conflictkg.extract.doc import Token


def tokens(text: str) -> list[Token]:
    out, at = [], 0
    for word in text.split():
        out.append(Token(at, at + len(word), word))
        at += len(word) + 1
    return out


PHRASES = frozenset({"تحاول", "بهدف", "في محاولة", "with the support of", "backed by",
                     "a b c d e", "we"})


@pytest.mark.parametrize("text, found", [
    ("وتحاول قوات النظام اقتحام", True),  # a word under its conjunction
    ("قامت القوات في محاولة لاقتحام", True),  # two words
    ("advanced with the support of the air force", True),  # four words
    ("with the support the air force", False),  # the run broken
    ("backed", False),  # the first word of a run alone
    ("a b c d e", False),  # five words: longer than any run read
    ("x y backed by", True),  # a run at the end
    ("", False),
    ("we took the town", True),
])
def test_a_phrase_is_found_as_in_the_full_list(text, found):
    words = tokens(text)
    assert has_phrase(PHRASES, words) is found
    assert has_phrase(PHRASES, words) == (not PHRASES.isdisjoint(phrases_of(words)))


def test_phrases_of_one_word_only_are_read_as_words():
    assert has_phrase(frozenset({"بهدف"}), tokens("وبهدف السيطرة"))
    assert not has_phrase(frozenset({"بهدف"}), tokens("هدف السيطرة"))
