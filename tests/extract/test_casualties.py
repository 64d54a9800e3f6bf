"""Casualty counts on constructions of real reports that the general readers must hold."""

from __future__ import annotations

import pytest


def counts(extraction) -> list[tuple[int, str]]:
    return [(c.count, c.qualifier) for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("The toll of the offensive has risen to 2,418, including 760 civilians.",
     [(2418, "exact"), (760, "exact")]),
    ("Government shelling has killed at least 1,205, among them 300 children.",
     [(1205, "at_least"), (300, "exact")]),
])
def test_a_count_with_thousands_separators_followed_by_a_comma(extract, text, expected):
    assert counts(extract(text, language="en")) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a count whose noun is left out, far from the verb and the first count's noun
    ("قُتل في المواجهات الأخيرة بريف حلب 17 عنصراً من قوات النظام، و26 من الفصائل.", "ar",
     [(17, "killed"), (26, "killed")]),
    # the verb, its subject, then "على" and the count
    ("قضت وحدات الجيش على 35 إرهابياً في محيط البلدة.", "ar", [(35, "killed")]),
    ("أصابت شظايا القذيفة خمسة مدنيين في السوق.", "ar", [(5, "wounded")]),
    ("A ministry statement said 19 militants were neutralised in the operation.", "en",
     [(19, "killed")]),
])
def test_outcomes_and_partitive_counts(extract, text, language, expected):
    claims = extract(text, language=language).casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


def test_a_count_then_who_and_its_verb_is_a_toll(extract):
    text = ("Fifty soldiers have died in the offensive, most of them near the dam, including "
            "12 who were killed in an ambush.")
    assert counts(extract(text, language="en")) == [(50, "exact"), (12, "exact")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # "فقد ... حياتهم": the verb and its object around the victims
    ("فقد 9 عناصر من قوات النظام حياتهم في هجوم على نقطة عسكرية قرب البلدة.", "ar",
     [(9, "killed")]),
    ("وفقدت 3 نساء حياتهن إثر سقوط قذيفة على السوق.", "ar", [(3, "killed")]),
    # a commander's escorts are fighters
    ("قتل ستة من مرافقي القائد وأصيب 4 مرافقين آخرين في الكمين.", "ar",
     [(6, "killed"), (4, "wounded")]),
    # "martyrs" is a dead noun: it needs no verb
    ("The group's statement named 25 martyrs from its ranks.", "en",
     [(25, "killed")]),
])
def test_victim_nouns_and_outcomes_of_the_lexicon(extract, text, language, expected):
    claims = extract(text, language=language).casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


def test_a_toll_that_rose_from_one_count_to_another_keeps_both_steps(extract):
    """"ارتفعت من 35 إلى 48 قتيلاً": the first step has the second's noun and is revised."""
    text = "وكانت حصيلة الهجوم على المفرزة قد ارتفعت من 35 إلى 48 قتيلاً من عناصر الشرطة."
    first, second = extract(text).casualty_claims
    assert (first.count, second.count, second.supersedes) == (35, 48, first.key)


def test_a_toll_from_one_count_to_another_in_english(extract):
    text = "The toll of the bombing rose from 12 to 19 civilians, the ministry said."
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.victim_category) for c in claims] == [(12, "civilians"), (19, "civilians")]


def test_who_they_were_after_hum_is_a_breakdown(extract):
    """"ستة مدنيين، هم أربعة رجال وامرأتان": the counts after "هم" are parts of the toll."""
    claims = extract("قتل ستة مدنيين، هم أربعة رجال وامرأتان، بقصف على القرية.").casualty_claims
    total, *parts = claims
    assert total.count == 6 and [c.count for c in parts] == [4, 2]
    assert all(c.part_of == total.key for c in parts)


@pytest.mark.parametrize(("text", "expected"), [
    ("قُتل ثلاثة أطفال دفعة واحدة وجرح آخرون في القصف.", [(3, "killed")]),
    ("قتل رجلان من عائلة واحدة، وأصيب آخرون بجروح.", [(2, "killed")]),
    ("قتل واحد منهم وأصيب اثنان في الاشتباك.", [(1, "killed"), (2, "wounded")]),
])
def test_one_after_the_noun_it_qualifies_is_no_count(extract, text, expected):
    claims = extract(text).casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("أدى القصف إلى مقتل طفلين وسيدة في الحي الغربي.", [(2, "children"), (1, "women")]),
    ("قتل ثلاثة رجال وطفل في الغارة على السوق.", [(3, "civilians"), (1, "children")]),
    ("قتل 4 مدنيين وجرح آخرون في الغارة.", [(4, "civilians")]),
])
def test_a_singular_victim_joined_to_a_count_is_one_more(extract, text, expected):
    claims = extract(text).casualty_claims
    assert [(c.count, c.victim_category) for c in claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A roadside bomb hit the patrol, wounding four of its members.", [(4, "wounded")]),
    ("The shell struck a school, injuring 14 children.", [(14, "wounded")]),
    ("Two soldiers died of their wounds in hospital.", [(2, "killed")]),
])
def test_english_participles_of_wounding(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The shelling killed 3 and wounded 10.", [(3, "killed"), (10, "wounded")]),
    ("The explosion claimed the lives of nine people.", [(9, "killed")]),
])
def test_a_count_takes_the_outcome_word_nearest_to_it(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a passive after the count and an aside is the count's verb, not the earlier clause's
    ("The monitor documented the death of 3 civilians in the shelling of the market, while "
     "7 other people, including two children, were wounded.",
     [(3, "killed"), (7, "wounded"), (2, "wounded")]),
    # an active verb after a breakdown is the next count's: the breakdown keeps the first
    ("Airstrikes killed 5 civilians, 3 of them children, and wounded 12.",
     [(5, "killed"), (3, "killed"), (12, "wounded")]),
])
def test_a_passive_after_an_aside_is_the_verb_of_the_count_before_it(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


def test_words_read_once_are_read_the_same_in_the_next_report(extract):
    # whether a word is a number and which side a word names are remembered from one
    # report to the next: the second report reads its counts and sides as the first did
    first = "قتل 12 عنصراً من المعارضة وثلاثة من قوات النظام في اشتباكات قرب البلدة."
    second = "قتل 7 عناصر من المعارضة واثنان من قوات النظام في قصف على القرية."
    read = [[(c.count, c.victim_actor) for c in extract(text).casualty_claims]
            for text in (first, second, first)]
    assert read[0] == read[2]
    assert [count for count, _ in read[1]] == [7, 2]
    assert read[0][0][1] is not None and read[1][0][1] == read[0][0][1]
