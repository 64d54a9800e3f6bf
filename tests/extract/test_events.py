"""Events: dated episodes, named battles and operations, and what is not an episode."""

from __future__ import annotations

import pytest

NARRATIVE = "\n\n".join([
    "أطلق الجيش الحر في حي القدم بدمشق بتاريخ 27 كانون الثاني/يناير عام 2013 معركة "
    "\"نصرة داريا\".",
    "بتاريخ 28 كانون الثاني/يناير، استهدف الجيش الحر مراكز قوات النظام في حي القدم.",
    "بتاريخ 30 كانون الثاني/يناير، اندلعت اشتباكات عنيفة بين الجيش الحر وقوات النظام "
    "في حي العسالي. وتمكن الجيش الحر من إعطاب دبابتين.",
]) + "\n"


def events(extraction) -> list[tuple[str, str | None]]:
    return [(e.kind, e.start) for e in extraction.events]


def test_each_dated_paragraph_of_a_narrative_is_an_episode(extract):
    found = extract(NARRATIVE, published=None, kind="archive-record").events
    named = [e for e in found if e.name]
    episodes = [e for e in found if not e.name]
    assert [(e.name, e.kind, e.start) for e in named] == [("نصرة داريا", "battle", "2013-01-27")]
    # the first sentence launches the named battle: it is that event, not an episode of it
    assert [(e.kind, e.start) for e in episodes] == [("attack", "2013-01-28"),
                                                     ("battle", "2013-01-30")]
    assert {e.parent for e in episodes} == {named[0].key}
    assert episodes[1].places == ["N0097"]  # العسالي; the second sentence keeps its paragraph
    assert {"free-syrian-army", "syrian-government-forces"} <= set(episodes[1].actors)


def test_an_event_key_is_its_evidence_span(extract, run):
    doc = run(NARRATIVE, published=None, kind="archive-record")
    for event in doc.events:
        assert event.key == f"{event.evidence.start}-{event.evidence.end}"
        assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_an_undated_sentence_of_news_happened_on_the_day_of_its_lead(extract):
    text = "قصفت قوات النظام الأحياء السكنية في درعا البلد بقذائف الهاون، اليوم الخميس."
    assert events(extract(text, published="2021-07-29")) == [("shelling", "2021-07-29")]
    text = ("سيطرت الفصائل أمس الأربعاء على بلدة اللطامنة.\n\n"
            "وقصفت قوات النظام حي الوعر بقذائف الهاون.")
    assert events(extract(text, published="2021-07-29")) == [
        ("capture", "2021-07-28"), ("shelling", "2021-07-28")]
    text = ("Rebels seized al-Latamneh on Wednesday.\n\n"
            "Government forces shelled al-Waer with mortars.")
    assert events(extract(text, language="en", published="2021-07-29")) == [
        ("capture", "2021-07-28"), ("shelling", "2021-07-28")]


def test_the_day_a_source_announced_in_the_lead_is_the_lead_s_day(extract):
    text = ("أعلن الجيش الحر ظهر اليوم الخميس انسحاب مقاتليه من بلدة اللطامنة.\n\n"
            "وقصفت قوات النظام حي الوعر بقذائف الهاون.")
    assert events(extract(text, published="2021-07-29"))[-1] == ("shelling", "2021-07-29")


def test_news_with_no_day_in_its_lead_leaves_its_undated_sentences_undated(extract):
    # never the bare publication date
    assert events(extract("قصفت قوات النظام حي الوعر.", published="2017-03-10")) == [
        ("shelling", None)]
    assert events(extract("Government forces shelled al-Waer.", language="en",
                          published="2017-03-10")) == [("shelling", None)]
    # a day the lead gives as a beginning is no lead day
    text = ("قتل 40 عنصرا منذ بدء الهجوم في 3 آذار.\n\n"
            "وقصفت قوات النظام حي الوعر بقذائف الهاون.")
    assert events(extract(text, published="2017-03-10"))[-1] == ("shelling", None)


def test_a_day_after_the_first_two_body_paragraphs_is_no_lead_day(extract):
    text = ("قصفت قوات النظام حي الوعر.\n\nوقصفت قوات النظام بلدة اللطامنة.\n\n"
            "وسيطرت الفصائل اليوم على بلدة كفرزيتا.")
    assert events(extract(text, published="2017-03-10"))[:2] == [
        ("shelling", None), ("shelling", None)]


def test_a_since_date_dates_no_other_sentence_of_its_paragraph(extract):
    text = ("سيطرت الفصائل اليوم على بلدة اللطامنة. وتحاصر الفصائل منذ آذار 2015 مدينة "
            "كفرزيتا. وقصفت قوات النظام حي الوعر.")
    assert events(extract(text, published="2017-03-10"))[-1] == ("shelling", "2017-03-10")


@pytest.mark.parametrize("kind", ["archive-record", "chronicle"])
def test_an_undated_sentence_of_a_record_or_a_chronicle_keeps_an_unknown_date(extract, kind):
    found = extract("قصفت قوات النظام حي الوعر.", published="2017-03-10", kind=kind)
    assert events(found) == [("shelling", None)]
    found = extract("Government forces shelled al-Waer.", language="en",
                    published="2017-03-10", kind=kind)
    assert events(found) == [("shelling", None)]


def test_a_past_the_dates_reader_cannot_place_keeps_an_unknown_date(extract):
    text = "وكانت قوات النظام قد قصفت حي الوعر في وقت سابق."
    assert events(extract(text, published="2017-03-10")) == [("shelling", None)]
    text = "Government forces had previously shelled al-Waer."
    assert events(extract(text, language="en", published="2017-03-10")) == [("shelling", None)]


def test_a_date_before_since_is_not_when_it_happened(extract):
    text = ("استهدفت قوات الأسد الأحياء السكنية في درعا البلد براجمة صواريخ، لأول مرة منذ "
            "عقد اتفاق التسوية عام 2018.")
    assert events(extract(text, published="2021-07-29", kind="chronicle")) == [
        ("shelling", None)]
    text = text.replace("براجمة", "اليوم براجمة")
    assert events(extract(text, published="2021-07-29")) == [("shelling", "2021-07-29")]


def test_retellings_of_one_episode_make_one_event(extract):
    text = ("الفصائل في حمص\n\nسيطرت فصائل المعارضة على مدينة حمص فجر الأحد بعد معارك "
            "استمرت ثلاثة أيام مع قوات النظام في أطرافها الشمالية.\n\n"
            "وأعلن القيادي أن الفصائل سيطرت على مدينة حمص بعد معارك عنيفة.")
    assert events(extract(text, published="2024-12-08")) == [("capture", "2024-12-08")]
    text = ("Rebels in Homs\n\nRebels captured the city of Homs at dawn on Sunday after three "
            "days of fighting with government forces on its northern edge.\n\n"
            "A commander said the fighting centred around Homs before the rebels captured it.")
    assert [(e.kind, e.start) for e in extract(text, language="en", published="2024-12-08")
            .events if e.kind == "capture"] == [("capture", "2024-12-08")]


def test_what_is_foreseen_denied_or_a_headline_is_no_episode(extract):
    text = ("قوات الأسد تحاول اقتحام درعا البلد\n\n"
            "ورجحت صحيفة الوطن أن يتم حسم الأمر بعد الانتهاء من معركة الغوطة الشرقية.\n\n"
            "ونفت الصحيفة سيطرة أبناء المنطقة على حواجز عسكرية في ريف درعا.")
    assert extract(text).events == []


@pytest.mark.parametrize("text", [
    "وتحاول قوات النظام من خلال اتفاقات المصالحة السيطرة على كافة البلدات في ريف حمص.",
    "وتسعى الفصائل إلى استعادة السيطرة على مدينة خان شيخون.",
    "وحشدت قوات النظام تعزيزات بهدف استعادة السيطرة على مدينة خان شيخون.",
])
def test_what_is_attempted_or_intended_is_no_episode(extract, text):
    assert extract(text, published="2019-08-10").events == []


def test_an_attempted_assault_is_an_attack(extract):
    text = "وحاولت قوات النظام اليوم اقتحام بلدة اللطامنة من عدة محاور."
    assert events(extract(text, published="2019-08-10")) == [("attack", "2019-08-10")]


def test_what_goes_on_meanwhile_is_no_episode_of_its_own(extract):
    text = ("وتحاول قوات النظام السيطرة على ريف حمص الشمالي بالتزامن مع شنها عملية عسكرية "
            "في الغوطة الشرقية.")
    assert extract(text, published="2018-03-21").events == []
    text = "قصفت قوات النظام أمس بلدة اللطامنة بالتزامن مع شنها عملية عسكرية في الغوطة الشرقية."
    assert events(extract(text, published="2018-03-21")) == [("shelling", "2018-03-20")]
    assert extract(text, published="2018-03-21").events[0].places == ["C3458"]  # al-Latamneh, not the Ghouta


def test_the_attack_a_sentence_tells_wins_over_the_capture_it_made_possible(extract):
    text = ("قتل 20 عنصراً من قوات النظام اليوم جراء هجوم لتنظيم الدولة الإسلامية مكنه من "
            "السيطرة على حي التضامن في جنوب دمشق.")
    assert events(extract(text, published="2018-03-21")) == [("attack", "2018-03-21")]


def test_english_attempts_are_no_episode(extract):
    text = "Government forces tried to capture Jobar on Monday."
    assert extract(text, language="en", published="2017-03-22").events == []


def test_a_time_the_dates_reader_cannot_place_leaves_the_date_unknown(extract):
    # "قبل أن تسيطر" tells a capture; "قبل أشهر" is no day the reader can place
    text = "وكان للتنظيم وجود في الحي قبل أن تسيطر قوات النظام على حي القدم قبل أشهر."
    assert [(e.kind, e.start) for e in extract(text, published="2018-03-21").events] == [
        ("capture", None)]


def test_a_named_operation_told_with_its_episode_is_one_event(extract):
    text = "أطلق أبناء محافظة درعا “معركة الكرامة”، وهاجموا حواجز لقوات الأسد اليوم."
    (event,) = extract(text, published="2021-07-29").events
    assert (event.name, event.kind, event.start) == ("معركة الكرامة", "attack", "2021-07-29")
    assert event.places == ["SY12"]


def test_english_episodes(extract):
    text = ("Heavy clashes broke out on Monday between rebels and government forces in "
            "Jobar, on the eastern edge of Damascus. Russian warplanes struck Douma on "
            "Tuesday.")
    found = extract(text, language="en", published="2017-03-22").events
    assert [(e.kind, e.start) for e in found] == [("battle", "2017-03-20"),
                                                   ("airstrike", "2017-03-21")]
    assert "A008" in found[0].places and "C2338" in found[1].places


def test_each_action_of_a_sentence_has_its_own_date_and_places(extract):
    text = ("سيطرت قوات النظام مساء أمس الاثنين على بلدة جرجناز، بعد أن كانت قد سيطرت يوم "
            "الأحد على بلدة التح وعلى قرى كفرباسين وبابولين.")
    found = sorted((e.start, e.kind, len(e.places)) for e in extract(
        text, published="2019-12-24").events)
    assert found == [("2019-12-22", "capture", 1)] * 3 + [("2019-12-23", "capture", 1)]


def test_a_reference_point_and_a_setting_are_not_where_it_happened(extract):
    text = "قصفت قوات النظام اليوم بلدة اللطامنة شمال مدينة حماة."
    (event,) = extract(text, published="2019-08-10").events
    assert event.places == ["C3458"]
    text = "قصفت قوات النظام اليوم بلدة اللطامنة في ريف حماة الشمالي."
    (event,) = extract(text, published="2019-08-10").events
    assert event.places == ["C3458"]


def test_an_undated_episode_is_kept_apart_from_the_dated_ones(extract):
    from conflictkg.iris import Iris

    found = extract("قصفت قوات النظام حي الوعر.", published="2017-03-10", kind="chronicle")
    out = found.to_json(Iris())
    assert out["events"] == [] and [e["kind"] for e in out["undated_events"]] == ["shelling"]


@pytest.mark.parametrize(("text", "kind"), [
    ("شنت الطائرات الروسية اليوم الغارتين على بلدة اللطامنة.", "airstrike"),
    ("Government forces ambushed a convoy near al-Latamneh on Saturday.", "attack"),
    ("Rebels stormed al-Latamneh on Saturday.", "capture"),
    ("Artillery pounded al-Latamneh on Saturday.", "shelling"),
    ("اجتاحت قوات النظام اليوم بلدة اللطامنة.", "capture"),
    ("وذلك بعد اجتياح الفصائل اليوم بلدة اللطامنة.", "capture"),
    ("Army units restored security and stability on Saturday to the town of Douma.", "capture"),
    ("Army units restored security to Douma on Saturday.", "capture"),
    ("Government troops assumed full control of Douma on Saturday.", "capture"),
    ("Troops cleansed Douma of the remnants of the terrorists on Saturday.", "capture"),
    ("Rebels said on Saturday they had withdrawn from Douma.", "withdrawal"),
    ("The rebel pullout from Douma began on Saturday.", "withdrawal"),
    ("Army units carried out operations against terrorists in Douma on Saturday.", "attack"),
])
def test_duals_sweeps_restorations_and_english_verbs_are_cues(extract, text, kind):
    language = "ar" if text[0] > "z" else "en"
    found = extract(text, language=language, published="2019-08-10").events
    assert [(e.kind, e.start) for e in found] == [(kind, "2019-08-10")]


@pytest.mark.parametrize(("text", "kinds"), [
    ("The raids hit the main market in Douma on Saturday.", ["attack"]),
    ("Three strikes hit the main market in Douma on Saturday.", ["airstrike"]),
    ("Security forces carried out house raids in Douma on Saturday.", ["arrest"]),
    ("Rescuers evacuated the wounded from Douma on Saturday after shelling hit the town.",
     ["shelling"]),
    ("Rebels evacuated Douma on Saturday.", ["withdrawal"]),
])
def test_raids_are_attacks_unless_they_arrest_and_carrying_out_the_wounded_is_no_withdrawal(
        extract, text, kinds):
    found = extract(text, language="en", published="2019-08-10").events
    assert [e.kind for e in found] == kinds


@pytest.mark.parametrize("text", [
    "هددت تركيا باجتياح بلدة اللطامنة.",  # a threat, not a deed
    "Troops cleared the road to Douma of mines on Saturday.",  # clearing is not a cue
    "Rebels left Douma in ruins on Saturday.",  # nor is leaving
    "The army plans a military operation against Douma.",  # a plan
])
def test_threats_plans_and_clearing_are_no_capture(extract, text):
    language = "ar" if text[0] > "z" else "en"
    found = extract(text, language=language, published="2019-08-10").events
    assert not [e for e in found if e.kind in ("capture", "withdrawal", "attack")]


@pytest.mark.parametrize(("text", "language"), [
    ("ارتفع إلى 62 عدد القتلى في الهجوم الذي شنه تنظيم «داعش» ليل الاثنين على حي القدم.", "ar"),
    ("The toll of the attack that IS launched on Monday night on al-Qadam rose to 62.", "en"),
])
def test_a_referring_word_told_anew_in_a_relative_clause_with_its_place_is_an_event(
        extract, text, language):
    found = extract(text, language=language, published="2018-03-21").events
    assert [(e.kind, e.start, e.places) for e in found] == [("attack", "2018-03-19", ["A015"])]


@pytest.mark.parametrize(("text", "language"), [
    ("وقال المرصد إن الهجوم الذي استمر ساعات أسفر عن مقتل 12 عنصراً.", "ar"),
    ("The attack, which lasted hours, killed 12 fighters, the monitor said.", "en"),
])
def test_a_referring_word_whose_relative_clause_names_no_place_stays_a_reference(
        extract, text, language):
    assert extract(text, language=language, published="2018-03-21").events == []


def test_an_operation_named_with_no_place_is_where_its_first_episode_was(extract):
    text = ("Turkey launched \"Operation Euphrates Shield\" early on Wednesday, sending tanks "
            "across the border. By the afternoon the rebels had taken full control of Jarablus.")
    found = extract(text, language="en", published="2016-08-25").events
    (named,) = [e for e in found if e.name]
    (taken,) = [e for e in found if e.kind == "capture"]
    assert named.places == taken.places != [] and taken.parent == named.key


def test_a_place_an_english_pluperfect_says_a_party_had_taken_is_a_capture(extract):
    text = ("Government forces captured Saraqeb on February 4. The advance came two days "
            "after the army had taken Maarat al-Numan. The rebels had taken prisoner two "
            "soldiers.")
    found = extract(text, language="en", published="2020-02-05")
    captures = sorted((e.start, e.places) for e in found.events if e.kind == "capture")
    assert captures == [("2020-02-02", ["C3985"]), ("2020-02-04", ["C3916"])]


@pytest.mark.parametrize(("text", "language"), [
    ("Rebels captured several villages in southern Idlib late on Sunday, among them Khan "
     "Shaykhun and Saraqib.", "en"),
    ("سيطرت الفصائل على عدة بلدات في ريف إدلب الجنوبي يوم الأحد، ومن بينها خان شيخون وسراقب.",
     "ar"),
])
def test_a_list_of_plural_places_taken_goes_on_past_its_date(extract, text, language):
    found = extract(text, language=language, published="2021-07-29").events
    assert sorted(e.places[0] for e in found) == ["C3916", "C3987"]
    assert {(e.kind, e.start) for e in found} == {("capture", "2021-07-25")}


def test_a_list_after_the_date_of_one_place_taken_is_not_resumed(extract):
    text = "Rebels captured Maarat al-Numan on Sunday, including Khan Shaykhun and Saraqib."
    assert [e.places for e in extract(text, language="en", published="2021-07-29").events] == [
        ["C3985"]]


@pytest.mark.parametrize(("text", "language"), [
    ("Rebels take Afrin\n\nRebels captured Afrin late on Wednesday.\n\n"
     "The town had been held by Kurdish forces since 2012.", "en"),
    ("Rebels capture Afrin\n\nRebels captured Afrin late on Wednesday.\n\n"
     "Government forces shelled al-Waer with mortars.", "en"),
    ("الفصائل تسيطر على عفرين\n\nسيطرت الفصائل على عفرين مساء الأربعاء.\n\n"
     "وكانت القوات الكردية تسيطر على المدينة منذ عام 2012.", "ar"),
])
def test_a_lead_that_repeats_the_headline_keeps_its_dated_event(extract, text, language):
    found = extract(text, language=language, published="2021-07-29").events
    assert [(e.kind, e.start, e.places) for e in found if e.kind == "capture"] == [
        ("capture", "2021-07-28", ["C1366"])]


def test_a_clause_of_what_came_after_dates_nothing_told_before_it(extract):
    text = ("الفصائل تسيطر على اللطامنة\n\n"
            "سيطرت فصائل المعارضة المسلحة مساء أمس الأربعاء على بلدة اللطامنة في ريف حماة "
            "الشمالي بعد معارك عنيفة مع قوات النظام استمرت عدة ساعات.\n\n"
            "وبالتزامن مع ذلك، هاجمت الفصائل نقاط قوات النظام في محيط بلدة كفرزيتا، وتقدمت "
            "إلى نقطتين، قبل أن تستعيد قوات النظام السيطرة عليهما فجر اليوم بعد اشتباكات عنيفة.")
    found = [(e.kind, e.start, e.places) for e in extract(text, published="2021-07-29").events]
    # the attack happened on the day its paragraph goes on from; the taking back, at the
    # place attacked, on the day its own clause tells
    assert ("attack", "2021-07-28", ["C3463"]) in found
    assert ("capture", "2021-07-29", ["C3463"]) in found


def test_the_fighting_an_action_came_days_after_is_at_its_place_on_its_own_day(extract):
    text = ("Troops enter al-Latamneh\n\nGovernment troops entered the town of al-Latamneh in "
            "northern Hama on Tuesday, two days after clashes erupted between rival militias "
            "in the countryside, saying they had come to restore order.\n")
    found = [(e.kind, e.start, e.places) for e in extract(
        text, language="en", published="2021-07-29").events]
    assert found == [("capture", "2021-07-27", ["SY05-village-al-latamneh"]),
                     ("battle", "2021-07-25", ["SY05-village-al-latamneh"])]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Three civilians were killed in artillery shelling on the market of Kafr Nabl on Sunday, "
     "and the toll is expected to rise.", ["shelling"]),
    ("Government forces could storm Kafr Nabl on Sunday.", []),
    ("An offensive on Kafr Nabl would begin on Sunday, the army said.", []),
    ("يتوقع أن تقتحم قوات النظام بلدة كفرنبل يوم الأحد.", []),
])
def test_a_modal_governs_what_follows_it_and_its_subject_not_what_the_sentence_told_first(
        extract, text, kinds):
    language = "ar" if text[0] > "z" else "en"
    found = extract(text, language=language, published="2019-09-09").events
    assert [e.kind for e in found] == kinds


@pytest.mark.parametrize(("text", "name", "places"), [
    ("Turkey on Wednesday launched Operation Peace Spring against Kurdish fighters in Tal Abyad.",
     "Operation Peace Spring", ["Tell Abiad"]),
    ("The army and its allies launched Operation Dawn of Freedom on Wednesday.",
     "Operation Dawn of Freedom", []),
    ("Turkish forces launched Operation Claw-Sword on Wednesday.", "Operation Claw-Sword", []),
])
def test_an_english_operation_is_named_by_its_capitalised_words(extract, text, name, places):
    found = extract(text, language="en", published="2019-10-10")
    labels = {p.key: p.labels["en"] for p in found.places}
    assert [(e.kind, e.name, e.start, [labels[k] for k in e.places]) for e in found.events] == [
        ("offensive", name, "2019-10-09", places)]


def test_a_headline_in_title_case_names_no_operation(extract):
    text = "Turkey Launches Operation Against Kurds\n\nKurdish fighters said they held their lines."
    assert extract(text, language="en", published="2019-10-10").events == []
