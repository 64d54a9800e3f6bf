"""The lexicon files load, and a malformed one is an error naming its file and line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictkg.extract.lexicon import (
    LexiconError,
    alternation,
    clitic_forms,
    clitics,
    current_lexicon,
    form,
    read_tsv,
    read_yaml,
    using,
    word_lists,
)
from conflictkg.extract.model import QUALIFIERS
from conflictkg.reference import load_bundle
from conflictkg.reference.lexicon import Lexicon


@pytest.fixture
def lexicon(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "lexicon"
    folder.mkdir()
    with using(Lexicon(folder)):
        yield folder


def test_repository_lexicon_is_complete() -> None:
    months = read_tsv("months.tsv", ("month", "name", "lang"), integers=("month",))
    for lang in ("ar", "en"):
        assert {int(r["month"]) for r in months if r["lang"] == lang} == set(range(1, 13))
    weekdays = read_tsv("weekdays.tsv", ("weekday", "name", "lang"), integers=("weekday",))
    assert {int(r["weekday"]) for r in weekdays} == set(range(7))
    qualifiers = read_tsv("qualifiers.tsv", ("phrase", "qualifier", "position", "lang"))
    assert {r["qualifier"] for r in qualifiers} == set(QUALIFIERS) - {"exact"}
    assert len(read_yaml("dates.yaml")["ordinal_days"]) == 31
    assert current_lexicon() is load_bundle().lexicon
    assert "README.md" in {p.name for p in current_lexicon().folder.iterdir()}


def test_missing_file_names_the_file(lexicon: Path) -> None:
    with pytest.raises(LexiconError, match=r"lexicon/absent\.tsv: cannot read"):
        read_tsv("absent.tsv", ("a",))


def test_wrong_header_names_the_line(lexicon: Path) -> None:
    (lexicon / "x.tsv").write_text("# comment\nname\tvalue\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x\.tsv:2: expected columns"):
        read_tsv("x.tsv", ("word", "value"))


def test_short_row_names_the_line(lexicon: Path) -> None:
    (lexicon / "x.tsv").write_text("word\tvalue\nواحد\t1\nاثنان\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x\.tsv:3: expected 2 tab-separated fields"):
        read_tsv("x.tsv", ("word", "value"))


def test_bad_integer_and_choice_name_the_line(lexicon: Path) -> None:
    (lexicon / "n.tsv").write_text("word\tvalue\nواحد\tone\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"n\.tsv:2: value must be an integer"):
        read_tsv("n.tsv", ("word", "value"), integers=("value",))
    (lexicon / "c.tsv").write_text("word\trole\nواحد\tunit\nمئة\tbig\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"c\.tsv:3: role must be one of"):
        read_tsv("c.tsv", ("word", "role"), choices={"role": ("unit", "scale")})


def test_invalid_yaml_names_the_line(lexicon: Path) -> None:
    (lexicon / "y.yaml").write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"y\.yaml:\d+: invalid YAML"):
        read_yaml("y.yaml")
    (lexicon / "list.yaml").write_text("- a\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="expected a mapping"):
        read_yaml("list.yaml")


def test_unquoted_yaml_boolean_is_refused(lexicon: Path) -> None:
    (lexicon / "w.yaml").write_text("negators: [لا, no]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"'negators': item False is not a string \(quote it\)"):
        word_lists(read_yaml("w.yaml"), "w.yaml")


def test_forms_are_normalised_and_alternation_prefers_longer_forms() -> None:
    assert form("تِشرين الأوّل") == "تشرين الاول"
    assert form("إلى") == "الي"
    assert alternation(["كانون", "كانون الثاني", "", "-"]) == r"(?:كانون\ الثاني|كانون|\-)"


def test_the_proclitics_and_the_article_are_those_of_clitics_yaml(tmp_path: Path) -> None:
    assert clitics().article == "ال"
    assert clitic_forms("وللجيش") == ("وللجيش", "للجيش", "لجيش", "الجيش")
    lexicon = tmp_path
    (lexicon / "clitics.yaml").write_text(
        "conjunctions: [و]\nprepositions: [ب]\nlam_article: {preposition: ل, article: ال}\n"
        "min_name_length: 3\n", encoding="utf-8")
    with using(Lexicon(lexicon)):
        assert clitics().conjunctions == ("و",) and clitics().prepositions == ("ب",)
        assert clitic_forms("فبالجيش") == ("فبالجيش",)  # ف is no conjunction here
        assert clitic_forms("وبالجيش") == ("وبالجيش", "بالجيش", "الجيش")
        assert clitics().without_article("الجيش") == "جيش"
        assert clitics().with_article_after_preposition("بالجيش")
        assert not clitics().with_article_after_preposition("كالجيش")
    assert clitic_forms("فبالجيش") == ("فبالجيش", "بالجيش", "الجيش")


def test_the_tokens_bearing_a_word_are_read_under_their_proclitics(tmp_path: Path) -> None:
    from conflictkg.extract.doc import Doc
    from conflictkg.extract.model import DocumentInfo

    info = DocumentInfo(file="a.txt", sha256="0", published=None, kind="news-article")
    doc = Doc.create(info, "وعادت القرية إلى الريف وبالريف، ثم عاد الجيش فعادت ريفها")
    heads = frozenset({"الريف", "ريفها"})
    assert doc.tokens_bearing(heads) == [3, 4, 9]
    assert doc.tokens_bearing(heads) == [3, 4, 9]  # the words read once are read the same
    assert [doc.tokens[i].key for i in doc.tokens_bearing(frozenset({"عادت"}))] == ["وعادت", "فعادت"]
    assert doc.tokens_bearing(frozenset({"حمص"})) == []
    (tmp_path / "clitics.yaml").write_text(
        "conjunctions: [و]\nprepositions: [ب]\nlam_article: {preposition: ل, article: ال}\n"
        "min_name_length: 3\n", encoding="utf-8")
    with using(Lexicon(tmp_path)):  # another lexicon's proclitics: ف is none there
        assert [doc.tokens[i].key for i in doc.tokens_bearing(frozenset({"عادت"}))] == ["وعادت"]
