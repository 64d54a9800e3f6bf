"""Credits real reports give outside the reporting verbs: "وفقاً لـ" with the "ل" written
on the source's name, and a line of its own that names the source of the whole text."""

from __future__ import annotations

import pytest


def credited(extraction) -> list[tuple[int, str | None]]:
    return [(c.count, c.attributed_to.source) for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("سقطت قذائف على أطراف الدرباسية فقتل رجل وجرح 6 آخرون، وفقاً لوكالة هاوار.",
     [(1, "hawar"), (6, "hawar")]),
    ("وفقاً للمرصد السوري لحقوق الإنسان، قتل 9 عناصر من قوات النظام في كمين بالبادية.",
     [(9, "sohr")]),
    ("قضى 4 مدنيين بانفجار لغم قرب معرة مصرين طبقاً للدفاع المدني.",
     [(4, "white-helmets")]),
])
def test_according_to_with_the_lam_on_the_source_s_name(extract, text, expected):
    assert credited(extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")) == expected


def test_according_to_an_agreement_credits_no_one(extract):
    text = "انسحبت المجموعات من الحي وفقاً للتسوية، وقتل شاب برصاص مجهولين في المساء."
    assert credited(extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")) == [(1, None)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سقطت قذائف على حي الوعر فقتل 5 مدنيين وأصيب 11 آخرون بجروح.\n\n"
     "المصدر: المرصد السوري لحقوق الإنسان", "ar", [(5, "sohr"), (11, "sohr")]),
    ("قتل 3 عناصر من قوات النظام بهجوم على حاجز قرب نوى.\n(المصدر: سانا)", "ar",
     [(3, "sana")]),
    ("Seven rebels died in an ambush outside Tafas.\n\nSource: Horan Free League", "en",
     [(7, "horan-free-league")]),
])
def test_a_source_line_credits_the_whole_text(extract, text, language, expected):
    x = extract(text, language=language, publisher="Syrian Memory", publisher_ar="الذاكرة السورية")
    assert credited(x) == expected


def test_a_source_line_does_not_override_a_credit_in_the_text(extract):
    text = ("قال المرصد السوري إن 8 مدنيين قتلوا بغارة على سرمين. وقتل 2 من عناصر الفصائل "
            "في اشتباكات قرب البلدة.\n\nالمصدر: الجزيرة + وكالات")
    x = extract(text, publisher="Al Jazeera", publisher_ar="الجزيرة نت")
    assert credited(x) == [(8, "sohr"), (2, "sohr")]


def test_a_colon_after_the_word_source_inside_a_sentence_is_no_source_line(extract):
    text = "قتل 6 عناصر من قوات النظام في درعا. وقال المصدر: إن الهجوم بدأ فجراً."
    x = extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [label for _, label in credited(x)] == [None]


def labelled(extraction) -> list[tuple[int, str]]:
    return [(c.count, c.attributed_to.label) for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "label"), [
    # a monitor nobody names, then another source: the first credited is the monitor
    ("Gunmen killed 11 soldiers near Khanasser on Sunday, a war monitor and state media said.",
     "war monitor"),
    ("Two car bombs killed 17 people in Azaz, a monitoring group said.", "monitoring group"),
])
def test_an_unnamed_monitor_is_a_source_of_its_own(extract, text, label):
    assert labelled(extract(text, language="en", publisher="Local Weekly")) == [(int(
        next(w for w in text.split() if w.isdigit())), label)]


def test_a_monitor_named_later_is_that_monitor(extract):
    text = ("Two car bombs killed 17 people in Azaz, a monitoring group said. The Syrian "
            "Observatory for Human Rights said 6 of the dead were fighters.")
    x = extract(text, language="en", publisher="Local Weekly")
    assert [s for _, s in credited(x)] == ["sohr", "sohr"]


@pytest.mark.parametrize(("text", "language", "label"), [
    ("وقال الجيش إن 6 من جنوده قتلوا بهجوم على نقطة قرب كباني.", "ar", "الجيش"),
    ("وأعلن النظام مقتل 20 مسلحاً في ريف درعا الغربي.", "ar", "النظام"),
    ("The regime said 20 terrorists were killed near Morek.", "en", "regime"),
])
def test_a_party_known_only_in_context_that_speaks(extract, text, language, label):
    x = extract(text, language=language, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [lab for _, lab in labelled(x)] == [label]



@pytest.mark.parametrize(("text", "label"), [
    ("Turkish drone strikes killed 3 fighters near Amuda on Sunday, the SDF media center said.",
     "SDF"),
    ("The SDF's press office said 5 civilians died in the shelling of Ain Issa.", "SDF"),
    ("The YPG general command said 14 militants were killed near Tal Tamr.", "YPG"),
])
def test_a_group_s_office_named_by_its_words_is_the_group(extract, text, label):
    x = extract(text, language="en", publisher="Local Weekly")
    assert [lab for _, lab in labelled(x)] == [label]


def test_our_units_in_a_statement_of_a_group_s_office_are_that_group(extract):
    text = ('"Our units have captured the village of Qara Qozak," the YPG general command '
            "said in a statement.")
    x = extract(text, language="en", publisher="Local Weekly")
    assert [c.actor for c in x.control_claims] == ["ypg"]


@pytest.mark.parametrize(("text", "language", "source"), [
    ("BEIRUT (Reuters) - Shelling killed 6 people in the town of Ariha on Monday.", "en",
     "reuters"),
    ("Toll rises in Idlib\n\nAMMAN, Jordan (AP) — Air strikes killed 13 civilians in Sarmin.",
     "en", "ap"),
    ("حماة-سانا\n\nاستشهد 4 مدنيين جراء سقوط قذائف صاروخية على بلدة محردة.", "ar", "sana"),
])
def test_a_dateline_s_agency_credits_a_copy_published_by_another(extract, text, language, source):
    x = extract(text, language=language, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [s for _, s in credited(x)] == [source]


def test_a_dateline_without_an_agency_leaves_the_publisher(extract):
    text = "أورينت نت – خاص\n\nقتل 7 مدنيين في قصف على كفرنبل."
    x = extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [lab for _, lab in labelled(x)] == ["الأسبوعية المحلية"]


@pytest.mark.parametrize(("text", "label"), [
    ("Siamand Ali, head of the YPG media office, said 5 fighters were killed near Tal Abyad.",
     "YPG"),
    ("The director of the SDF media center said 3 fighters died in the drone strike.", "SDF"),
])
def test_the_head_of_a_group_s_office_speaks_for_the_group(extract, text, label):
    x = extract(text, language="en", publisher="Local Weekly")
    assert [lab for _, lab in labelled(x)] == [label]


@pytest.mark.parametrize(("text", "expected"), [
    ("A military source told SANA that 12 gunmen were killed near Morek.",
     (12, "sana", "A military source")),
    ("Five soldiers were killed in the ambush, a security source told Anadolu Agency.",
     (5, "anadolu", "a security source")),
])
def test_a_source_of_a_kind_that_told_an_outlet_is_credited_with_the_outlet(extract, text, expected):
    (claim,) = extract(text, language="en", publisher="Local Weekly").casualty_claims
    assert (claim.count, claim.attributed_to.source, claim.attributed_to.label) == expected


@pytest.mark.parametrize(("text", "source"), [
    # the "ل" of the outlet that heard it is written on its name
    ("وقال مصدر عسكري لوكالة سانا إن 8 مسلحين قتلوا بكمين قرب خان طومان.", "sana"),
    ("قتل 6 عناصر من قوات النظام بهجوم في البادية، بحسب ما أكده مصدر عسكري لوكالة سبوتنيك.",
     "sputnik"),
    # "على حد قول" credits as "بحسب" does
    ("قتل 8 عناصر من قوات النظام بقصف على مواقعهم، على حد قول المرصد السوري.", "sohr"),
])
def test_an_outlet_told_with_its_lam_and_as_said_by(extract, text, source):
    x = extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [s for _, s in credited(x)] == [source]


@pytest.mark.parametrize(("text", "label"), [
    ("قتل 9 عناصر من قوات النظام بهجوم على محور كبانة، وفق ما أعلنته هيئة تحرير الشام.",
     "هيئة تحرير الشام"),
    ("قتل 4 مقاتلين من الفصائل بقصف على جبل الزاوية، بحسب ما ذكرته قوات سوريا الديمقراطية.",
     "قوات سوريا الديمقراطية"),
])
def test_according_to_what_a_group_announced(extract, text, label):
    x = extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [lab for _, lab in labelled(x)] == [label]


@pytest.mark.parametrize(("text", "language", "source"), [
    ("المرصد: مقتل 14 عنصراً من قوات النظام بريف حماة\n\nتدور اشتباكات عنيفة على محور كفرنبودة.",
     "ar", "sohr"),
    ("سانا: استشهاد 3 مدنيين بقذائف على حي الحمدانية\n\nسقطت قذائف صاروخية على أحياء حلب.",
     "ar", "sana"),
    ("Syria: 12 killed in Idlib strikes - SOHR\n\nWarplanes hit the outskirts of Binnish.", "en",
     "sohr"),
])
def test_a_headline_s_source_before_or_after_a_colon(extract, text, language, source):
    x = extract(text, language=language, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [s for _, s in credited(x)][:1] == [source]


def test_a_place_before_a_headline_s_colon_is_no_source(extract):
    text = "حلب: استشهاد 3 مدنيين بقذائف\n\nسقطت قذائف صاروخية على أحياء حلب."
    x = extract(text, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [lab for _, lab in labelled(x)] == ["الأسبوعية المحلية"]


@pytest.mark.parametrize(("text", "language", "source"), [
    ("Rami Abdel Rahman, who heads the monitor, said 11 civilians died in Sarmin.", "en", "sohr"),
    ("The Syrian American Medical Society (SAMS) said 11 people died of suffocation.", "en",
     "sams"),
    ("Doctors Without Borders said 6 people died at a hospital it supports in Idlib.", "en", "msf"),
    ("وقالت منظمة أطباء بلا حدود إن 9 أشخاص قتلوا في الغارة على المستشفى.", "ar", "msf"),
])
def test_medical_groups_and_the_monitor_s_director_are_known_sources(extract, text, language, source):
    x = extract(text, language=language, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [s for _, s in credited(x)] == [source]


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Government media said 3 soldiers were wounded by a mine near Palmyra.", "en",
     "Government media"),
    ("وقالت وسائل إعلام رسمية إن 3 جنود أصيبوا بانفجار لغم قرب تدمر.", "ar", "وسائل إعلام رسمية"),
    ("وذكر الإعلام الرسمي أن 5 مدنيين قتلوا بقذائف على حي جمعية الزهراء.", "ar", "الإعلام الرسمي"),
])
def test_official_media_unnamed_are_a_source_of_a_kind(extract, text, language, label):
    x = extract(text, language=language, publisher="Local Weekly", publisher_ar="الأسبوعية المحلية")
    assert [lab for _, lab in labelled(x)] == [label]
