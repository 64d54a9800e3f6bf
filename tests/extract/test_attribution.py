"""Who a toll is credited to, on the ways real reports name and credit their sources."""

from __future__ import annotations

import pytest

from conflictkg.iris import Iris


def credited(extraction) -> list[tuple[int, str | None, str]]:
    return [(c.count, c.attributed_to.source, c.attributed_to.label)
            for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "language", "source"), [
    ("According to the London-based monitor, 30 soldiers were killed near Maarat.", "en", "sohr"),
    ("Nine fighters died in the ambush, the Britain-based war monitor said.", "en", "sohr"),
    ("Syria's Health Ministry said 12 people were killed in the blast.", "en",
     "syrian-ministry-of-health"),
    ("The Turkish General Staff said 8 soldiers were killed in the operation.", "en",
     "turkish-general-staff"),
    ("وأعلنت هيئة الأركان التركية مقتل 3 جنود أتراك في هجوم بعبوة ناسفة.", "ar",
     "turkish-general-staff"),
    ("وقالت تنسيقية المدينة إن 6 متظاهرين قتلوا برصاص الأمن.", "ar",
     "local-coordination-committees"),
    ("وأعلن مكتب حقوق الإنسان التابع للأمم المتحدة أن 40 مدنياً قتلوا في القصف.", "ar", "ohchr"),
    ("The International Committee of the Red Cross said 5 of its volunteers were wounded.", "en",
     "icrc"),
    ("وقتل 7 مدنيين في قصف على البلدة، بحسب الدفاع المدني المحلي.", "ar", "local-civil-defence"),
    ("وقتل 7 مدنيين في قصف على البلدة، بحسب الدفاع المدني.", "ar", "white-helmets"),
])
def test_sources_real_reports_credit(extract, text, language, source):
    ((_, key, _),) = credited(extract(text, language=language))
    assert key == source


def test_the_word_who_is_no_source(extract):
    """Names match regardless of case: the WHO is known by its full name only."""
    text = "Rebels who attacked the checkpoint killed 4 soldiers, activists said."
    ((_, key, _),) = credited(extract(text, language="en"))
    assert key == "activists"


@pytest.mark.parametrize(("text", "source"), [
    ("The Local Coordination Committees, a network of activists on the ground, said 10 men "
     "were executed near the orchards.", "local-coordination-committees"),
    ("The Syrian Observatory for Human Rights, which relies on sources across the country, "
     "said on Friday that 16 civilians were killed.", "sohr"),
    ("The Syrian Observatory for Human Rights, which relies on doctors, lawyers and "
     "activists, said 5 civilians were killed.", "sohr"),
    ("The Local Coordination Committees, which gather activists, medics, and residents, "
     "said 8 people were killed.", "local-coordination-committees"),
])
def test_the_source_before_an_apposition_speaks_not_a_word_inside_it(extract, text, source):
    ((_, key, _),) = credited(extract(text, language="en"))
    assert key == source


def test_a_headline_toll_is_the_named_source_s_not_that_of_residents_quoted_in_passing(extract):
    text = ("حمص: حصيلة اليوم 18 شهيداً\n\n"
            "دخلت قوات الأمن الحي صباحاً بعربات قال الأهالي إنها جاءت من المطار.\n\n"
            "وبحسب ما وثقته لجان التنسيق المحلية، ارتفع عدد الشهداء إلى 18 شهيداً.")
    (claim,) = extract(text).casualty_claims
    assert claim.attributed_to.source == "local-coordination-committees"


def test_a_known_source_is_given_with_its_acronym(extract):
    """Wire copy names Hawar by its acronym only; the JSON gives it beside the names."""
    x = extract("قالت وكالة هاوار إن 6 مقاتلين قتلوا في الاشتباكات.")
    (claim,) = [c for c in x.to_json(Iris())["claims"] if c["kind"] == "casualties"]
    assert claim["attributed_to"]["short"] == "ANHA"
    assert claim["attributed_to"]["labels"]["en"] == "Hawar News Agency"


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Lebanese security sources said 70 Hezbollah fighters were killed.", "en",
     "Lebanese security sources"),
    ("وقالت مصادر أمنية عراقية إن 12 مقاتلاً قتلوا في الغارة.", "ar", "مصادر أمنية عراقية"),
    ("وقال مراسل بلدي نيوز إن 4 مدنيين قتلوا بالقصف.", "ar", "مراسل بلدي نيوز"),
])
def test_unnamed_sources_keep_the_nationality_that_says_whose_they_are(
        extract, text, language, label):
    ((_, _, credited_label),) = credited(extract(text, language=language))
    assert credited_label == label


@pytest.mark.parametrize(("text", "language", "source"), [
    ("Rebel fire killed 6 soldiers near the airport on Monday, state television said.", "en",
     "syrian-tv"),
    ("The state news agency said 3 people were killed by a rocket in the old city.", "en", "sana"),
    ("وذكرت وكالة الأنباء الرسمية أن 4 مدنيين قتلوا بقذائف صاروخية.", "ar", "sana"),
    ("Turkish state broadcaster TRT said 15 militants were neutralised near the border.", "en",
     "trt"),
    ("وقالت وكالة فرات للأنباء إن 5 مقاتلين قتلوا في القصف التركي.", "ar", "anf"),
])
def test_state_media_and_kurdish_and_turkish_outlets(extract, text, language, source):
    ((_, key, _),) = credited(extract(text, language=language))
    assert key == source


def test_officials_of_a_nation_are_credited_where_named(extract):
    text = "Kurdish officials said 18 fighters died in the clashes."
    ((_, _, label),) = credited(extract(text, language="en"))
    assert label == "Kurdish officials"


def test_the_outlet_s_background_is_its_own_and_the_source_reaches_past_it(extract):
    text = ("وقال محافظ حماة إن 6 مدنيين قتلوا بقذائف على حي المحطة.\n\n"
            "وكانت المدينة قد شهدت الشهر الماضي تفجيراً قتل فيه 20 شخصاً.\n\n"
            "وأصيب 9 آخرون في القصف نفسه.")
    governor, background, carried = extract(text).casualty_claims
    assert governor.attributed_to.label == "محافظ حماة"
    assert background.attributed_to.source == "enab-baladi"
    assert carried.attributed_to.label == "محافظ حماة"


def test_a_background_sentence_that_opens_on_a_credit_is_that_speaker_s(extract):
    text = ("وقال والي كلس إن 4 جنود قتلوا في القصف.\n\n"
            "وكان الوالي أعلن في بيان أول مقتل جنديين.")
    _, earlier = extract(text).casualty_claims
    assert earlier.attributed_to.source != "enab-baladi"


@pytest.mark.parametrize(("text", "source"), [
    ("Syria's state news agency SANA reported clashes near Hama on Monday. "
     "Activists said 3 rebels were killed. The agency said 4 soldiers were killed in the attack.", "sana"),
    ("The Syrian Observatory for Human Rights reported shelling on Monday. "
     "Local activists said 2 people died. The group said 7 civilians were killed in the town.", "sohr"),
])
def test_english_anaphor_of_several_words_credits_the_source_named_before(extract, text, source):
    """"The agency", "the group": a phrase that stands for the last source of its kind,
    not for the source credited in between."""
    ((_, first, _), (_, key, _)) = credited(extract(text, language="en"))
    assert (first, key) == ("activists", source)


def test_a_source_set_against_the_report_s_credits_its_clause_only(extract):
    """"في حين تقدر X": a second source set against the first credits its own count; the
    first goes on crediting the sentences after."""
    text = ("وقال المرصد السوري لحقوق الإنسان إن 12 مدنياً قتلوا في قصف على البلدة، "
            "في حين قدرت الشبكة السورية لحقوق الإنسان عدد القتلى بأكثر من 15.\n"
            "وأصيب 30 شخصاً آخرون في القصف نفسه.")
    assert [key for _, key, _ in credited(extract(text))] == ["sohr", "snhr", "sohr"]


def test_a_source_opening_its_sentence_with_while_still_carries(extract):
    text = ("بينما قال المرصد السوري لحقوق الإنسان إن 5 عناصر قتلوا في الكمين.\n"
            "وأصيب 8 آخرون في الكمين نفسه.")
    assert [key for _, key, _ in credited(extract(text))] == ["sohr", "sohr"]


def test_the_publisher_set_against_another_source_carries_on(extract):
    text = ("ونفت الشبكة السورية لحقوق الإنسان الرواية، في حين وثق المرصد السوري لحقوق الإنسان "
            "مقتل 9 مدنيين في الغارة.\nوأصيب 14 آخرون بجروح.")
    claims = credited(extract(text, publisher="SOHR", publisher_ar="المرصد السوري لحقوق الإنسان"))
    assert [key for _, key, _ in claims] == ["sohr", "sohr"]


def test_while_a_monitor_put_the_toll_and_it_had_earlier_reported(extract):
    """English "while X put the toll at": an aside; "It had earlier reported": a pronoun,
    auxiliaries, then a reporting verb, continuing the last source."""
    text = ("The Syrian Network for Human Rights said 6 civilians died in the shelling of the "
            "market, while the Syrian Observatory for Human Rights put the toll at 9. "
            "It had earlier reported 4 dead.")
    assert [key for _, key, _ in credited(extract(text, language="en"))] == ["snhr", "sohr", "sohr"]


def test_a_name_after_said_and_a_comma_is_not_its_subject(extract):
    """"…, the rescuers said, while the Observatory put the toll at 15": the name after the
    comma opens another clause; it is not the subject of "said" ("said the Observatory")."""
    text = ("Eleven civilians died in the shelling of the market, the White Helmets rescue group "
            "said, while the Observatory put the toll at 15.")
    assert [key for _, key, _ in credited(extract(text, language="en"))] == ["white-helmets", "sohr"]


@pytest.mark.parametrize(("text", "language"), [
    ("Eleven civilians died in the shelling of the market, said the Syrian Observatory.", "en"),
    ("وقتل 11 مدنياً في قصف على السوق، قال المرصد السوري لحقوق الإنسان.", "ar"),
])
def test_a_verb_and_its_subject_closing_a_sentence_credit_what_came_before(extract, text, language):
    assert [key for _, key, _ in credited(extract(text, language=language))] == ["sohr"]


@pytest.mark.parametrize(("text", "source"), [
    ("Turkey's defence ministry said 2 Turkish soldiers were killed in the shelling.",
     "turkish-ministry-of-defence"),
    ("The Turkish Defense Ministry said 2 Turkish soldiers were killed in the shelling.",
     "turkish-ministry-of-defence"),
    ("Russia's defense ministry said its aircraft had killed 60 militants near the town.",
     "russian-ministry-of-defence"),
])
def test_a_ministry_named_by_its_country_or_in_american_spelling(extract, text, source):
    ((_, key, _),) = credited(extract(text, language="en"))
    assert key == source


@pytest.mark.parametrize(("text", "source"), [
    ("Observatory director Rami Abdel Rahman said 20 fighters were killed in the clashes.", "sohr"),
    ("Iran's Tasnim news agency said 4 Iranian advisers were killed near Aleppo.", "tasnim"),
    ("Israel's military said its jets killed 5 soldiers at the air defence site.", "idf-spokesperson"),
    ("Another 5 civilians died in the shelling, according to the Syrian Civil Defence.", "white-helmets"),
])
def test_wire_names_of_sources(extract, text, source):
    ((_, key, _),) = credited(extract(text, language="en"))
    assert key == source


@pytest.mark.parametrize("speakers", ["Rescue workers", "Paramedics", "Eyewitnesses"])
def test_rescuers_and_witnesses_are_credited_where_named(extract, speakers):
    """Sources of a kind the outlet heard: their words are theirs, not the outlet's."""
    text = ("Air strikes on the market killed 12 civilians on Tuesday.\n\n"
            f"{speakers} said four children were among the dead.")
    claims = credited(extract(text, language="en", publisher="Agence France-Presse"))
    assert [(count, label) for count, _, label in claims] == [
        (12, "Agence France-Presse"), (4, speakers)]


@pytest.mark.parametrize(("text", "language"), [
    ("وقتل 8 عناصر من قوات النظام في القصف، بحسب ما أفادت به مصادر ميدانية لمراسلنا في المنطقة.", "ar"),
    ("Local sources told our correspondent that 6 civilians were killed in the shelling.", "en"),
])
def test_sources_of_a_kind_that_told_the_outlet_are_its_own_reporting(extract, text, language):
    ((_, key, _),) = credited(extract(text, language=language))
    assert key == "enab-baladi"


def test_sources_that_told_another_outlet_stay_sources(extract):
    text = "وقتل 8 عناصر من قوات النظام في القصف، بحسب ما أفادت به مصادر ميدانية لوكالة رويترز."
    ((_, key, _),) = credited(extract(text))
    assert key != "enab-baladi"


@pytest.mark.parametrize(("text", "source"), [
    ("SOHR activists said 8 civilians died in the shelling.", "sohr"),
    ("The toll rose to 40 dead, a Reuters correspondent in the town reported.", "reuters"),
])
def test_a_named_source_s_own_people_credit_it(extract, text, source):
    """"SOHR activists", "a Reuters correspondent": the people of a named source are it."""
    keys = {key for _, key, _ in credited(extract(text, language="en"))}
    assert keys == {source}


def test_a_source_after_when_is_no_aside(extract):
    """"حين" is "when", not "while": the source it opens credits what follows as any other."""
    text = ("وساد الهدوء البلدة صباحاً حين أعلن المرصد السوري لحقوق الإنسان مقتل 4 مدنيين بالقصف.\n"
            "وأصيب 6 آخرون بجروح.")
    assert [key for _, key, _ in credited(extract(text))] == ["sohr", "sohr"]


def test_an_institution_s_name_ends_at_a_preposition_and_leaves_the_places_after_it(extract):
    """"أرتال من وزارة الدفاع قادمة من حماة وحمص": the ministry's name ends before "قادمة
    من"; the cities after it are places, not words of a source's name."""
    text = "ووصلت أرتال من وزارة الدفاع قادمة من حماة وحمص إلى مدينة جبلة يوم الخميس."
    names = {p.labels["en"] for p in extract(text, published="2025-03-07").places}
    assert {"Hama", "Homs"} <= names


@pytest.mark.parametrize(("text", "label"), [
    # a verb after "and" has the sentence's subject
    ("The SDF captured the village on Monday and said it had killed 20 IS fighters.", "SDF"),
    # "It said" with no source named before: the one group the paragraph named
    ("The Syrian Democratic Forces pushed into the village on Monday. It said 20 IS fighters "
     "were killed.", "Syrian Democratic Forces"),
    # two groups before "They said": no telling which speaks, the outlet's own
    ("Clashes erupted in the village on Monday between the SDF and IS. They said 20 were killed.",
     "Agence France-Presse"),
])
def test_a_group_that_speaks_through_and_or_a_pronoun(extract, text, label):
    ((_, _, credited_to),) = credited(extract(text, language="en", publisher="Agence France-Presse"))
    assert credited_to == label
