"""Casualty and control claims: counts, outcomes, victims, places, stance and who says so."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conflictkg.extract.model import Attribution
from conflictkg.iris import Iris


def casualties(extraction) -> list[tuple[int, str, str]]:
    return [(c.count, c.qualifier, c.outcome) for c in extraction.casualty_claims]


def control(extraction) -> list[tuple[str | None, str, str, str]]:
    return [(c.actor, c.change, c.place, c.stance) for c in extraction.control_claims]


# --- casualties ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وثق المرصد مقتل 36 عنصراً على الأقل من قوات النظام.", [(36, "at_least", "killed")]),
    ("قتل أكثر من 50 عنصراً جاؤوا لمؤازرة القسم.", [(50, "more_than", "killed")]),
    ("عثر الأهالي على ست جثث عليها آثار تعذيب.", [(6, "exact", "killed")]),
    ("وأصيب نحو 30 مدنياً بجروح في القصف.", [(30, "about", "wounded")]),
    ("أفاد ناشطون بأن 150 شخصاً أصبحوا في عداد المفقودين.", [(150, "exact", "missing")]),
    ("وأكثر من 200 قتلوا من عناصر النظام ومقاتلي الفصائل.", [(200, "more_than", "killed")]),
    ("وبذلك يرتفع إلى 1250 عدد الذين قتلوا منذ مطلع العام.", [(1250, "exact", "killed")]),
    ("أسفر القصف عن مقتل أحد المدنيين، فيما تحدث ناشطون عن مقتل شخص آخر.",
     [(1, "exact", "killed"), (1, "exact", "killed")]),
])
def test_counts_of_people_killed_wounded_or_missing(extract, text, expected):
    assert casualties(extract(text)) == expected


@pytest.mark.parametrize("text", [
    "دمر المقاتلون دبابتين وثلاثة حواجز للنظام خلال ثلاثة أيام من المعارك.",
    "أطلقت قوات النظام أكثر من 10 صواريخ على الأحياء السكنية.",
    "قدر عدد المقاتلين الذين دخلوا الحي بنحو 5 آلاف مقاتل.",
    "نُظمت 45 جنازة خلال الأيام التالية، وأفرج عن 3500 سجين.",
    "وضع النظام 9 نقاط عسكرية في المدينة منذ العام 2018.",
])
def test_numbers_that_do_not_count_dead_or_wounded_people_are_no_claim(extract, text):
    assert casualties(extract(text)) == []


def test_whose_dead_and_what_they_were(extract):
    claims = extract("وثق المرصد 82 عنصراً على الأقل من قوات النظام بينهم 9 ضباط، "
                     "في حين قتل 115 مقاتلاً من فيلق الرحمن، وقتل 5 أطفال.").casualty_claims
    assert [(c.count, c.victim_actor, c.victim_category) for c in claims] == [
        (82, "syrian-government-forces", "fighters"), (9, None, "officers"),
        (115, "faylaq-al-rahman", "fighters"), (5, None, "children")]


def test_a_new_toll_supersedes_the_earlier_one(extract):
    text = ("قتل 62 عنصراً من قوات النظام، وفق حصيلة جديدة أوردها المرصد السوري. "
            "وكان المرصد قد أشار في حصيلة سابقة إلى مقتل 36 عنصراً على الأقل.")
    new, old = extract(text).casualty_claims
    assert (new.count, old.count) == (62, 36)
    assert new.supersedes == old.key and old.supersedes is None


def test_an_earlier_toll_told_without_its_event_is_about_the_event_of_the_revision(extract):
    text = ("قتل 40 عنصراً من قوات النظام جراء هجوم للفصائل على بلدة كفرنبودة، وفق حصيلة "
            "جديدة أوردها المرصد السوري.\n\n"
            "وكان المرصد قد أشار في حصيلة سابقة إلى مقتل 25 عنصراً على الأقل.")
    x = extract(text, published="2019-05-20")
    (event,) = x.events
    new, old = x.casualty_claims
    assert new.supersedes == old.key
    assert new.event == old.event == event.key


@pytest.mark.parametrize(("text", "label", "source"), [
    ("وبحسب “لجان التنسيق المحلية”، عُثر على 35 جثماناً.", "لجان التنسيق المحلية",
     "local-coordination-committees"),
    ("قتل 62 عنصراً وفق حصيلة جديدة أوردها المرصد السوري لحقوق الإنسان.",
     "المرصد السوري لحقوق الإنسان", "sohr"),
    ("قال مدير المرصد إن عدد القتلى ارتفع إلى 62.", "المرصد السوري لحقوق الإنسان", "sohr"),
    ("قتل 4 مدنيين في قصف على الحي.", "عنب بلدي", "enab-baladi"),  # the publisher's own
])
def test_who_a_casualty_claim_is_credited_to(extract, text, label, source):
    (claim,) = extract(text).casualty_claims
    assert (claim.attributed_to.label, claim.attributed_to.source) == (label, source)


def test_a_claim_gives_its_known_source_s_names_in_both_languages(extract):
    """A reader of the JSON learns who "المرصد" is without the gazetteer; a source the
    gazetteer does not know is given by its words alone."""
    x = extract("قال المرصد إن 62 عنصراً قتلوا.", publisher="Local page", publisher_ar=None)
    x.casualty_claims.append(replace(x.casualty_claims[0], key="other",
                                     attributed_to=Attribution("صفحة محلية")))
    first, other = (c["attributed_to"] for c in x.to_json(Iris())["claims"])
    assert first["labels"] == {"ar": "المرصد السوري لحقوق الإنسان",
                               "en": "Syrian Observatory for Human Rights"}
    assert "SOHR" in first["aliases"]
    assert other == {"id": None, "label": "صفحة محلية"}


@pytest.mark.parametrize(("text", "language", "source", "label"), [
    ("وقال المتحدث باسم قوات سوريا الديمقراطية فرهاد شامي إن 14 عنصراً من تنظيم الدولة "
     "قتلوا في الاشتباكات.", "ar", None, "قوات سوريا الديمقراطية"),
    ("وأفاد ناشطو المرصد السوري بمقتل 7 مدنيين في قصف جوي على بلدة كفرنبل.", "ar", "sohr",
     "ناشطو المرصد السوري"),
    ("وقال مراسل عنب بلدي في درعا إن 3 أطفال قتلوا بقصف مدفعي.", "ar", "enab-baladi",
     "مراسل عنب بلدي"),
    ("A spokesman for the Syrian Democratic Forces said 14 Islamic State fighters were killed.",
     "en", None, "Syrian Democratic Forces"),
])
def test_a_spokesman_credits_his_group_and_a_monitors_activists_the_monitor(
        extract, text, language, source, label):
    (claim,) = extract(text, language=language).casualty_claims
    assert (claim.attributed_to.source, claim.attributed_to.label) == (source, label)


@pytest.mark.parametrize(("text", "language"), [
    ("وقالت هيئة تحرير الشام إن 20 من عناصر النظام قتلوا، فيما قدّر المرصد السوري الحصيلة "
     "بـ 438 قتيلاً من الطرفين.", "ar"),
    ("Rebels said they killed 20 soldiers, while the Syrian Observatory put the toll at 438 "
     "dead on both sides.", "en"),
])
def test_a_source_credited_later_in_the_sentence_takes_the_toll_after_it(extract, text, language):
    party, monitor = extract(text, language=language).casualty_claims
    assert (party.count, monitor.count) == (20, 438)
    assert party.attributed_to.source != "sohr" and monitor.attributed_to.source == "sohr"


def test_a_credit_carries_to_later_sentences_until_another_source_is_credited(extract):
    text = ("قتل 12 عنصراً من قوات النظام في هجوم على بلدة اللطامنة، بحسب المرصد السوري.\n\n"
            "وفي ريف إدلب قتل 4 مدنيين بقصف جوي على بلدة كفرنبل.\n\n"
            "من جهتها قالت وكالة سانا إن 9 إرهابيين قتلوا. وقتل 3 جنود في كمين.")
    first, carried, sana, sana_carried = extract(text).casualty_claims
    assert [c.attributed_to.source for c in (first, carried)] == ["sohr", "sohr"]
    assert [c.attributed_to.source for c in (sana, sana_carried)] == ["sana", "sana"]


def test_in_a_chronicle_a_credit_stays_in_its_entry(extract):
    text = ("بتاريخ 3 آذار، أعلن لواء شهداء اليرموك مقتل 5 عناصر من قوات النظام.\n\n"
            "بتاريخ 5 آذار، قتل 9 جنود للنظام في اشتباكات على حاجز المخفر.")
    first, second = extract(text, kind="chronicle", publisher="Syrian Memory",
                            publisher_ar="الذاكرة السورية").casualty_claims
    assert first.attributed_to.label == "لواء شهداء اليرموك"
    assert second.attributed_to.label == "الذاكرة السورية"


def test_a_headline_toll_is_the_lead_s_claim_stated_twice(extract):
    text = ("62 قتيلاً من قوات النظام في هجوم على حي القدم\n\n"
            "قتل 62 عنصراً من قوات النظام في هجوم لتنظيم الدولة، وفق المرصد السوري.\n\n"
            "وقال مدير المرصد إن عدد القتلى ارتفع إلى 62.")
    (claim,) = extract(text).casualty_claims
    assert claim.attributed_to.source == "sohr"
    assert claim.evidence.text.startswith("قتل 62 عنصراً")  # the body's statement stands
    assert len(claim.mentions) == 3


def test_the_same_count_of_other_victims_is_another_claim(extract):
    text = "قتل 3 مدنيين في قصف على بلدة كفرنبل، وقتل 3 عناصر من قوات النظام في كمين."
    assert [c.victim_category for c in extract(text).casualty_claims] == ["civilians", "fighters"]


def test_the_same_toll_on_another_day_is_another_claim(extract):
    """A sentence dated to a day the first toll's sentence does not name tells an incident
    of its own: the same count there is no restatement."""
    text = ("In its monthly toll the network counted 5 civilians killed by landmines.\n\n"
            "On March 9, a shell hit a bus near the crossing, killing 5 civilians.\n\n"
            "On March 20, an explosive device killed 5 civilians in the market.")
    claims = extract(text, language="en").casualty_claims
    assert [c.count for c in claims] == [5, 5, 5]


def test_the_same_toll_on_the_same_day_is_one_claim(extract):
    text = ("قُتل 7 مدنيين بقصف على البلدة يوم 4 أيار.\n\n"
            "وكان القصف الذي وقع في 4 أيار قد أسفر عن مقتل 7 مدنيين.")
    assert [c.count for c in extract(text).casualty_claims] == [7]

def test_a_part_of_a_restated_toll_is_a_part_of_the_toll_kept(extract):
    """"at least 43 people had died, among them five children", said again after "killing at
    least 43 people": the two 43s are one claim, and the five children a part of it."""
    text = ("An airstrike hit the market of Atarib in Aleppo province, killing at least 43 people, "
            "the Observatory said.\n\nThe Observatory said at least 43 people had died, among "
            "them five children.")
    claims = {c.key: c for c in extract(text, language="en").casualty_claims}
    (part,) = [c for c in claims.values() if c.count == 5]
    assert part.part_of in claims and claims[part.part_of].count == 43


def test_english_casualties(extract):
    text = ("At least 23 Syrian soldiers were killed on Tuesday, the Syrian Observatory for "
            "Human Rights said. The death toll later rose to 31, up from an earlier toll of 23.")
    x = extract(text, language="en", published="2020-01-29")
    first, rose = x.casualty_claims  # "an earlier toll of 23" is the first toll again
    assert (first.count, first.qualifier, first.victim_actor) == (23, "at_least",
                                                                  "syrian-government-forces")
    assert first.attributed_to.source == "sohr"
    assert (rose.count, rose.supersedes) == (31, first.key)
    assert [m.text for m in first.mentions] == ["At least 23 Syrian soldiers",
                                                "up from an earlier toll of 23"]


# --- control -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("سيطرت فصائل المعارضة بشكل كامل على مدينة حمص.",
     [("syrian-opposition-factions", "captured", "C2528", "asserted")]),
    ("سيطرت فصائل المعارضة على حماة، ثم سيطرت الفصائل على مدينتي تدمر والقريتين بريف حمص.",
     [("syrian-opposition-factions", "captured", "C2987", "asserted"),
      ("syrian-opposition-factions", "captured", "C2889", "asserted"),
      ("syrian-opposition-factions", "captured", "C2663", "asserted")]),
    ("وأضاف أن قوات النظام “هربت” من مدينة حمص.",
     [("syrian-government-forces", "withdrew", "C2528", "asserted")]),
    ("كما دخلت فصائل المعارضة بلدة المشرفة على تخوم مدينة حمص.",
     [("syrian-opposition-factions", "entered", "C2608", "asserted")]),
    ("حاصرت قوات النظام مدينة داريا منذ أشهر.",
     [("syrian-government-forces", "besieged", "C2498", "asserted")]),
    ("وانسحبت قوات النظام إلى مدينة حماة بعد أن خسرت بلدة كفرزيتا.",
     [("syrian-government-forces", "lost", "C3463", "asserted")]),
])
def test_who_took_or_left_which_place(extract, text, expected):
    assert control(extract(text)) == expected


def test_the_subject_is_the_head_of_a_list_before_the_verb(extract):
    text = ("أن الفصائل المؤلفة من هيئة تحرير الشام وفيلق الرحمن وحركة أحرار الشام، "
            "انسحبت من كامل النقاط المتبقية لها في حي جوبر.")
    assert control(extract(text)) == [("hts", "withdrew", "A008", "asserted")]


def test_a_denial_makes_a_denied_claim_credited_to_the_denier(extract):
    text = ("وذكرت صحيفة “الوطن” أن الجيش استهدف مصادر القذائف.\n\nونفت الصحيفة سيطرة "
            "أبناء المنطقة على حواجز عسكرية في ريفي درعا الشرقي والغربي.")
    (claim,) = extract(text).control_claims
    assert (claim.change, claim.stance, claim.place) == ("captured", "denied", "SY12")
    assert claim.attributed_to.source == "al-watan"


@pytest.mark.parametrize("text", [
    "تحاول قوات النظام اقتحام درعا البلد بالدبابات.",                   # an attempt
    "حشدت قوات النظام تعزيزات لاستعادة السيطرة على حي القدم.",         # a purpose
    "حشدت قوات النظام من دون أن تبدأ أي عملية لاستعادة السيطرة على الحي.",
    "تصدى الجيش الحر لمحاولات اقتحام حي القدم.",                        # repelled
    "أحرقت قوات النظام منازل في المناطق التي سيطرت عليها مؤخراً.",      # a relative clause
    "وأكدت المصادر أن الفصائل انسحبت إلى حي جوبر.",                      # where they went
    "قصفت الطائرات الحربية مواقع هيئة تحرير الشام في إدلب.",             # no change of control
])
def test_what_was_not_done_is_no_claim(extract, text):
    assert control(extract(text)) == []


def test_a_pronoun_or_the_neighbourhood_stands_for_the_place_named_before(extract):
    text = ("هاجم تنظيم الدولة الإسلامية حي القدم في جنوب دمشق، وتمكن من السيطرة على الحي "
            "الثلاثاء. واقتحم الجيش الحر حي العسالي وسيطر على أجزاء واسعة منه.")
    first, *rest = extract(text, published="2018-03-21").control_claims
    assert (first.actor, first.place, first.start) == ("islamic-state", "A015", "2018-03-20")
    assert rest and {(c.actor, c.place) for c in rest} == {("free-syrian-army", "N0097")}


def test_the_subject_after_a_verbal_noun_with_a_pronoun_object(extract):
    text = "سيطرت الفصائل على مدينة حلب بعد انسحاب قوات النظام منها."
    assert control(extract(text)) == [
        ("syrian-opposition-factions", "captured", "C1007", "asserted"),
        ("syrian-government-forces", "withdrew", "C1007", "asserted")]


def test_locals_of_a_place_take_what_is_named_after_them(extract):
    text = "أفادت شبكات محلية أن أبناء بلدة أم المياذن، شرقي درعا، سيطروا على حاجزين للأمن العسكري."
    assert [(c.change, c.place) for c in extract(text).control_claims] == [("captured", "C5996")]


def test_a_sentence_that_ends_in_a_clause_of_punctuation_only(extract):
    text = "وأعلنت الفصائل سيطرة على حواجز عسكرية في ريفي درعا، ."
    assert [c.change for c in extract(text).control_claims] == ["captured"]


def test_english_control_claims(extract):
    text = ("Syrian government forces captured the town of Khan Shaykhun on Tuesday, SANA said. "
            "Rebels withdrew from Khan Shaykhun overnight, according to activists.")
    claims = extract(text, language="en", published="2019-08-21").control_claims
    assert [(c.actor, c.change, c.start) for c in claims] == [
        ("syrian-government-forces", "captured", "2019-08-20"),
        ("syrian-opposition-factions", "withdrew", "2019-08-20")]  # the paragraph's day
    assert claims[0].attributed_to.source == "sana"
    assert claims[1].attributed_to.label == "activists"


# --- breakdowns, chains and whose dead -----------------------------------------------

@pytest.mark.parametrize(("text", "language", "total", "parts"), [
    ("وقتل 47 شخصاً، بينهم 29 من قوات النظام و18 من هيئة تحرير الشام.", "ar", 47, [29, 18]),
    ("قتل 35 مدنياً، 20 منهم أطفال، في قصف على دوما.", "ar", 35, [20]),
    ("وأسفر القصف عن مقتل 12 شخصاً بينهم خمسة أطفال وثلاث نساء.", "ar", 12, [5, 3]),
    ("At least 47 people were killed, 29 of them regime fighters and 18 from Hayat Tahrir "
     "al-Sham.", "en", 47, [29, 18]),
    ("The strikes killed 35 civilians, 20 of whom were children.", "en", 35, [20]),
])
def test_a_breakdown_s_counts_are_parts_of_its_total(extract, text, language, total, parts):
    first, *rest = extract(text, language=language).casualty_claims
    assert first.count == total and first.part_of is None
    assert [(c.count, c.part_of) for c in rest] == [(n, first.key) for n in parts]


def test_two_tolls_of_one_sentence_without_a_breakdown_word_are_not_parts(extract):
    text = "قتل 12 عنصراً من قوات النظام و7 من فصائل المعارضة في الاشتباكات."
    assert [(c.count, c.part_of) for c in extract(text).casualty_claims] == [(12, None), (7, None)]


@pytest.mark.parametrize(("text", "language"), [
    ("وارتفع عدد القتلى إلى 40 ثم إلى 57 بحسب المرصد السوري.", "ar"),
    ("The toll rose to 40, then to 57, the Observatory said.", "en"),
])
def test_each_step_of_a_chain_supersedes_the_one_before(extract, text, language):
    earlier, later = extract(text, language=language).casualty_claims
    assert (earlier.count, later.count, later.supersedes) == (40, 57, earlier.key)


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل سبعة قناصين وأكثر من 50 عنصراً من قوات النظام.", [(7, "exact"), (50, "more_than")]),
    ("قتل 5 عناصر أو أكثر في الكمين.", [(5, "at_least")]),
    ("وقُتلن ثلاث نساء في القصف.", [(3, "exact")]),
    ("وقال أحد القادة الميدانيين إن الهجوم فشل.", []),
])
def test_counts_and_their_qualifiers(extract, text, expected):
    assert [(c.count, c.qualifier) for c in extract(text).casualty_claims] == expected


@pytest.mark.parametrize(("text", "victim"), [
    ("وقتل 25 من مقاتلي المعارضة في هجوم لقوات النظام على بلدة اللطامنة.",
     "syrian-opposition-factions"),
    ("وثق المرصد 82 عنصراً على الأقل من قوات النظام في الاشتباكات.", "syrian-government-forces"),
    ("قتل 14 عنصراً في هجوم لقوات النظام على بلدة اللطامنة.", None),
])
def test_whose_dead_is_named_in_the_phrase_after_the_victims(extract, text, victim):
    (claim,) = extract(text).casualty_claims
    assert claim.victim_actor == victim


@pytest.mark.parametrize(("text", "language", "counts"), [
    ("According to the report, the death toll was distributed among the parties as follows:\n"
     "Russian forces: 6 civilians, including 3 children.\nISIS: 3 civilians.\n\n"
     "The report documents five massacres in July.\n3 villages were hit.", "en", [6, 3, 3]),
    ("وتوزعت حصيلة الضحايا على النحو التالي:\n- قوات النظام: 57 مدنياً بينهم 21 طفلاً.\n"
     "- القوات الروسية: 6 مدنيين.\n\nوشهدت المنطقة نزوح 12 عائلة.", "ar", [57, 21, 6]),
])
def test_the_items_of_a_list_take_the_outcome_of_the_line_that_opens_it(
        extract, text, language, counts):
    claims = extract(text, language=language).casualty_claims
    assert [c.count for c in claims] == counts
    assert {c.outcome for c in claims} == {"killed"}


@pytest.mark.parametrize(("text", "language", "label"), [
    ("وقال والي هطاي رحمي دوغان، في تصريح للصحفيين، إن الهجوم أسفر عن استشهاد 33 جندياً.",
     "ar", "والي هطاي رحمي دوغان"),
    ("وأعلنت وزارة الصحة اللبنانية أن الغارات على الهرمل أسفرت عن مقتل 3 أشخاص.", "ar",
     "وزارة الصحة اللبنانية"),
    ("واستشهد مدنيان، وفق ما أفاد مصدر في قيادة شرطة حلب لمراسل سانا.", "ar",
     "مصدر في قيادة شرطة حلب"),
    ("The Turkish Red Crescent said a woman was killed by shelling in Akcakale.", "en",
     "The Turkish Red Crescent"),
    ("The health ministry said 12 people were killed in the strike.", "en", "The health ministry"),
])
def test_an_institution_no_gazetteer_lists_is_the_source_of_its_toll(extract, text, language, label):
    (claim,) = extract(text, language=language).casualty_claims
    assert (claim.attributed_to.label, claim.attributed_to.source) == (label, None)


def test_a_group_s_name_is_no_institution(extract):
    text = "وقالت هيئة تحرير الشام إن 20 من عناصر النظام قتلوا في الهجوم."
    (claim,) = extract(text).casualty_claims
    assert claim.attributed_to.label == "هيئة تحرير الشام"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The Kurdish Red Crescent said a woman was killed by sniper fire.", "en", [(1, "women")]),
    ("Shelling hit the market, killing a civilian and wounding two children.", "en",
     [(1, "civilians"), (2, "children")]),
    ("A Russian officer was reportedly killed near the base.", "en", [(1, "officers")]),
    ("واستشهد مدنيان جراء القصف على البلدة.", "ar", [(2, "civilians")]),
    ("وقتل مقاتلان من الفصائل في الاشتباكات.", "ar", [(2, "fighters")]),
    ("وقال أحد المقاتلين لعنب بلدي إن الهجوم فشل.", "ar", []),
    ("A spokesman said the attack had failed.", "en", []),
])
def test_one_or_two_victims_without_a_number(extract, text, language, expected):
    claims = extract(text, language=language).casualty_claims
    assert [(c.count, c.victim_category) for c in claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 14 civilians, eight of whom were children, were killed by mines in the past "
     "week, local sources said.", [(14, "at_least"), (8, "exact")]),
    ("Forty-six Turkish soldiers have been martyred since the operation began.", [(46, "exact")]),
    ("Forty-six hills were captured since the operation began.", []),
])
def test_an_english_count_takes_the_passive_verb_after_its_phrase(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.qualifier) for c in claims] == expected


@pytest.mark.parametrize(("text", "language"), [
    ("وقال مراسلنا في درعا إن 5 مدنيين قتلوا في القصف.", "ar"),
    ("وبحسب المصادر فقد قتل أكثر من 160 مقاتلاً من الفصائل.", "ar"),
    ("Our correspondent said five civilians were killed in the shelling.", "en"),
])
def test_the_outlet_s_own_correspondent_or_unnamed_sources_are_the_publisher(extract, text, language):
    (claim,) = extract(text, language=language).casualty_claims
    assert claim.attributed_to.source == "enab-baladi"


def test_activists_are_credited_where_named_and_not_beyond(extract):
    text = ("وقال ناشطون إن 4 مدنيين قتلوا في قصف على البلدة.\n\n"
            "وفي ريف إدلب قتل 3 عناصر من قوات النظام في كمين.")
    activists, own = extract(text).casualty_claims
    assert activists.attributed_to.label == "ناشطون"
    assert own.attributed_to.source == "enab-baladi"


def test_english_put_credits_the_source_before_it_and_a_pronoun_speaker_is_not_a_group(extract):
    text = ("The YPG commander spoke to reporters on Monday. He said 30 ISIS militants were killed. "
            "The Syrian Observatory for Human Rights put the IS death toll at 41.")
    said, put = extract(text, language="en").casualty_claims
    assert said.attributed_to.label != "ISIS"
    assert (put.count, put.attributed_to.source) == (41, "sohr")


@pytest.mark.parametrize(("text", "expected"), [
    ("وكانت حصيلة الهجوم قد ارتفعت من 80 إلى 120 شهيداً من قوى الأمن.",
     [(80, "killed", None), (120, "killed", 80)]),
    ("واستشهدت امرأتان وأصيب آخران بقصف على البلدة.", [(2, "killed", None), (2, "wounded", None)]),
    ("إلى ذلك، ارتقى شهيدان وأصيب 7 مدنيين صباح أمس.", [(2, "killed", None), (7, "wounded", None)]),
])
def test_a_noun_after_another_count_is_that_count_s_and_a_dual_victim_counts_two(extract, text, expected):
    claims = extract(text).casualty_claims
    counts = {c.key: c.count for c in claims}
    assert [(c.count, c.outcome, counts.get(c.supersedes)) for c in claims] == expected


def test_a_hospital_that_receives_the_wounded_is_not_their_source(extract):
    (claim,) = extract("ونقل 5 جرحى إلى المشفى الوطني في المدينة.").casualty_claims
    assert claim.attributed_to.source == "enab-baladi"


@pytest.mark.parametrize(("text", "language", "counts"), [
    ("The Syrian Observatory for Human Rights said that the number of soldiers and pro-regime "
     "militiamen killed in the offensive rose to 60 on Saturday and later to 73.", "en", [60, 73]),
    ("وقال مدير الأمن العام إن حصيلة الشهداء من قوى الأمن منذ الخميس ارتفعت إلى 72.", "ar", [72]),
    ("The number of displaced people rose to 5,000 and the fighting killed 3 civilians.", "en", [3]),
    ("وارتفع عدد النازحين إلى 5000 شخص في المخيم.", "ar", []),
])
def test_a_count_after_a_word_of_rising_is_a_toll_said_before_it(extract, text, language, counts):
    assert [c.count for c in extract(text, language=language).casualty_claims] == counts


@pytest.mark.parametrize(("text", "expected"), [
    ("Israeli forces advanced into the town, where local sources reported that one resident was "
     "killed.", [(1, "civilians")]),
    ("Army units targeted terrorist gatherings, killing 11 terrorists including three Lebanese and "
     "two Saudis.", [(11, "fighters"), (3, None), (2, None)]),
])
def test_english_victims_named_by_a_singular_or_a_nationality(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.victim_category) for c in claims] == expected


@pytest.mark.parametrize(("text", "label"), [
    ('"Daesh left its dead behind," YPG spokesman Azad Sino said by phone. He said 30 ISIS '
     "militants were killed in the battle for the hill.", "YPG"),
    ('"The town is liberated," Col. Mahmoud Bakkour, a commander of the Sultan Murad Division, '
     "told Anadolu Agency. He said three FSA fighters were killed.", "Sultan Murad Division"),
    ("Toll rises to 84 in prison attack, a war monitor says. The Syrian Observatory for Human "
     "Rights said fighting went on.", "Syrian Observatory for Human Rights"),
    ("Pro-regime sources reported that a car bomb killed at least 15 regime fighters.",
     "Pro-regime sources"),
    ("Rebels took the town, according to the Martyrs Documentation Office in Daraa, a local "
     "group. The Documentation Office said the shelling killed 11 civilians.",
     "the Martyrs Documentation Office in Daraa"),
])
def test_who_speaks_in_english_reports(extract, text, label):
    claims = extract(text, language="en").casualty_claims
    assert claims and claims[0].attributed_to.label == label


def parts(extraction) -> list[tuple[int, str | None, bool]]:
    """(count, victims, whether a part of a toll) of each casualty claim, in order."""
    return [(c.count, c.victim_category, c.part_of is not None) for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("أسفر القصف عن مقتل ستة مدنيين بينهم امرأة.", "ar",
     [(6, "civilians", False), (1, "women", True)]),
    ("قتل 9 مدنيين، بينهم امرأة وطفل، في الغارة.", "ar",
     [(9, "civilians", False), (1, "women", True), (1, "children", True)]),
    ("قتل 15 مقاتلاً من الفصائل بينهم قائد كتيبة.", "ar", [(15, "fighters", False), (1, "fighters", True)]),
    ("At least 9 civilians were killed, among them a rescue volunteer.", "en",
     [(9, "civilians", False), (1, "civilians", True)]),
    ("Twelve people were killed, including a child and a woman.", "en",
     [(12, "civilians", False), (1, "children", True), (1, "women", True)]),
])
def test_a_breakdown_names_single_victims_one_each(extract, text, language, expected):
    assert parts(extract(text, language=language)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 11 مدنياً، بينهم 4 أطفال وامرأتان.", [(11, "civilians", False), (4, "children", True),
                                             (2, "women", True)]),
    ("كما قُتل مواطنان في بلدة كفرزيتا خلال مداهمات.", [(2, "civilians", False)]),
    ("قتل 11 مدنياً بينهم سيدتان.", [(11, "civilians", False), (2, "women", True)]),
])
def test_a_dual_counts_two_after_its_proclitic_and_for_every_victim_noun(extract, text, expected):
    assert parts(extract(text)) == expected


@pytest.mark.parametrize("text", [
    "قتل 5 مدنيين بينهم أطفال.",  # a plural with no number counts no one
    "قتل 5 مدنيين، بينما قال قائد الفصيل إن الهجوم فشل.",  # no breakdown marker
    "Five civilians were killed, including in the town of Binnish.",
])
def test_a_breakdown_without_a_single_victim_adds_no_claim(extract, text):
    language = "en" if text.isascii() else "ar"
    assert len(extract(text, language=language).casualty_claims) == 1


@pytest.mark.parametrize(("text", "language", "count"), [
    ("وقدّر المرصد عدد قتلى داعش في معارك تل أبيض وريفها منذ الـ 11 من حزيران بأكثر من 60.", "ar", 60),
    ("وقدرت مصادر محلية حصيلة القتلى في الغارات على المدينة بنحو 40.", "ar", 40),
    ("The Observatory put the number of ISIS fighters killed in and around Kobane at 32.", "en", 32),
])
def test_a_toll_estimated_at_a_count_far_after_it(extract, text, language, count):
    assert [c.count for c in extract(text, language=language).casualty_claims] == [count]


@pytest.mark.parametrize(("text", "counts"), [
    ("قتل 5 مدنيين في قصف على المدينة بـ 3 صواريخ.", [5]),
    ("وقدر المرصد نسبة الدمار في الحي بنحو 60 بالمئة.", []),
])
def test_a_count_put_at_that_is_no_toll_is_no_claim(extract, text, counts):
    assert [c.count for c in extract(text).casualty_claims] == counts


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Activists said 12 people were wounded in the raid on Monday. "
     "The number later reached 20, they said.", "en",
     [(12, "exact", "wounded"), (20, "exact", "wounded")]),
    ("وأفاد ناشطون بمقتل 9 مدنيين في القصف على البلدة. "
     "وارتفع العدد إلى 15 في وقت لاحق.", "ar",
     [(9, "exact", "killed"), (15, "exact", "killed")]),
])
def test_a_rise_revises_the_toll_of_the_sentence_before(extract, text, language, expected):
    """A count that only rises ("later reached 20", "ارتفع العدد إلى 15") counts the
    victims of the toll told just before it, with its outcome."""
    assert casualties(extract(text, language=language)) == expected


def test_a_rise_with_no_toll_before_it_counts_no_one(extract):
    text = "Prices of bread rose sharply in the city. The price later reached 20 pounds."
    assert casualties(extract(text, language="en")) == []


def test_a_list_of_counts_reaches_the_passive_verb_after_its_last_count(extract):
    """Each count of a long English subject list is killed by the verb after the list."""
    text = ("Activists said that at least 14 members of the local police and of the border "
            "guards, 22 rebels and three civilians had been killed.")
    assert casualties(extract(text, language="en")) == [
        (14, "at_least", "killed"), (22, "exact", "killed"), (3, "exact", "killed")]


def test_a_count_far_from_a_passive_verb_with_no_list_between_is_not_its_victims(extract):
    text = ("Activists said that 14 members of the local police left their posts in the old "
            "market of the northern district after the fighting, and were killed.")
    assert casualties(extract(text, language="en")) == []


def test_a_death_word_with_a_pronoun_of_its_victims_is_an_outcome(extract):
    """"مقتلهم", "استشهاده": the death noun with its victims' pronoun names the outcome."""
    text = "وتمكن ناشطون من توثيق مقتلهم، وهم أسرة من ستة أفراد في الحي الشرقي."
    assert (6, "exact", "killed") in casualties(extract(text))
