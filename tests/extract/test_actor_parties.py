"""Which names make a party of the war: collectives, foreign forces named by nationality,
countries and numbered formations used as places, acronyms, words run together."""

from __future__ import annotations

import pytest


def keys(extraction) -> list[str]:
    return [a.key for a in extraction.actors]


def mentions(extraction, key: str) -> list[str]:
    return [m.text for a in extraction.actors if a.key == key for m in a.mentions]


# --- collective parties --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "key"), [
    ("قصفت قوات النظام مواقع كتائب المعارضة في ريف إدلب.", "ar", "syrian-opposition-factions"),
    ("تقدم المسلحون الموالون للنظام نحو البلدة وسط قصف مدفعي.", "ar", "pro-government-militias"),
    ("وشاركت الميليشيات الإيرانية في الهجوم على أطراف البلدة.", "ar", "iran-backed-militias"),
    ("وأعلنت فلول النظام البائد مسؤوليتها عن الكمين.", "ar", "regime-remnants"),
    ("Rebels shelled the outskirts of the town on Monday.", "en", "syrian-opposition-factions"),
    ("Pro-government militias pushed into the valley at dawn.", "en", "pro-government-militias"),
    ("Assad loyalists ambushed a patrol near the coast.", "en", "regime-remnants"),
])
def test_a_collective_party_named_outright_is_an_actor(extract, text, language, key):
    assert key in keys(extract(text, language=language))


def test_a_collective_word_that_needs_context_is_no_actor_alone(extract):
    text = "وتحدثت المصادر عن وجود عدد من المقاتلين الأجانب في المدينة."
    assert "jihadist-factions" not in keys(extract(text))


@pytest.mark.parametrize(("text", "language"), [
    ("وقال المتحدث باسم الأمم المتحدة إن القوافل لم تدخل المدينة.", "ar"),
    ("وأفاد الدفاع المدني السوري بانتشال جثث من تحت الأنقاض.", "ar"),
    ("A UN spokesman said aid convoys were still waiting at the crossing.", "en"),
])
def test_a_body_that_is_no_party_is_no_actor_without_a_claim(extract, text, language):
    assert keys(extract(text, language=language)) == []


def test_a_body_that_is_no_party_is_an_actor_when_a_claim_is_about_it(extract):
    text = "قتل ثلاثة من متطوعي الدفاع المدني في قصف جوي على البلدة."
    found = extract(text)
    if any(c.victim_actor == "white-helmets" for c in found.casualty_claims):
        assert "white-helmets" in keys(found)


# --- countries as places and as parties ----------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("وقال المرصد السوري لحقوق الإنسان، ومقره بريطانيا، إن الاشتباكات مستمرة.", "ar"),
    ("وفرّ المئات من سكان القرية إلى تركيا خلال الليل.", "ar"),
    ("وسيطرت الفصائل على المعبر الحدودي مع الأردن صباح اليوم.", "ar"),
    ("ونقل الجرحى إلى مشاف بتركيا بعد إغلاق المعبر.", "ar"),
    ("The Britain-based Syrian Observatory for Human Rights reported the clashes.", "en"),
    ("Thousands of families fled into Turkey as the shelling intensified.", "en"),
    ("The town lies close to the border with Jordan.", "en"),
    ("The rebels retook the Jordan border crossing on Friday.", "en"),
    ("an opposition official said in Gaziantep, Turkey, that talks had failed.", "en"),
])
def test_a_country_named_as_a_place_is_no_actor(extract, text, language):
    found = keys(extract(text, language=language))
    assert not {"turkey", "jordan", "united-kingdom"} & set(found)


@pytest.mark.parametrize(("text", "language", "key"), [
    ("وشنّت إسرائيل فجر اليوم غارات على مواقع قرب دمشق.", "ar", "israel"),
    ("وأعلنت تركيا بدء عملية عسكرية شرق الفرات.", "ar", "turkey"),
    ("Turkey launched an offensive against the YPG on Sunday.", "en", "turkey"),
    ("Israel struck a weapons depot near the airport overnight.", "en", "israel"),
])
def test_a_country_that_acts_is_a_party(extract, text, language, key):
    assert key in keys(extract(text, language=language))


# --- foreign forces named by nationality ---------------------------------------------------

@pytest.mark.parametrize(("text", "key", "mention"), [
    ("واستهدفت طائرات روسية أطراف البلدة بعدة غارات.", "russia", "طائرات روسية"),
    ("ووصل رتلٌ عسكريٌ تركيٌ إلى النقطة قرب الطريق الدولي.", "turkey", "رتلٌ عسكريٌ تركيٌ"),
    ("وقصف الطيران الحربي الروسي محيط المدينة.", "russian-air-force", "الطيران الحربي الروسي"),
    ("وشوهد رتل أمريكي يعبر المعبر باتجاه الحسكة.", "united-states", "رتل أمريكي"),
    ("واستهدفت مسيرة تركية سيارة قرب القامشلي.", "turkey", "مسيرة تركية"),
    ("وحمّل التقرير النظام وحليفه الروسي مسؤولية المجزرة.", "russia", "حليفه الروسي"),
    ("وتقدمت قوات النظام بإسناد جوي روسي مكثف.", "russia", "إسناد جوي روسي"),
    ("بغطاء من الطيران الحربي السوري والروسي", "russia", "الروسي"),
    ("وأبلغ الجانب التركي الفصائل بوقف إطلاق النار.", "turkey", "الجانب التركي"),
])
def test_arabic_foreign_forces_by_nationality(extract, text, key, mention):
    assert mention in mentions(extract(text), key)


@pytest.mark.parametrize(("text", "key", "mention"), [
    ("Russian helicopters pounded the town overnight.", "russia", "Russian helicopters"),
    ("An American convoy crossed from Iraq on Tuesday.", "united-states", "American convoy"),
    ("Turkish drones struck a car near Qamishli.", "turkey", "Turkish drones"),
    ("U.S. warplanes hit the dam area.", "united-states", "U.S. warplanes"),
    ("US Bradley armoured vehicles were seen near the prison.", "united-states",
     "US Bradley armoured vehicles"),
    ("Israeli aircraft struck a research centre.", "israel", "Israeli aircraft"),
    ("Coalition airstrikes killed at least 18 civilians.", "international-coalition",
     "Coalition airstrikes"),
    ("under cover of intensive Russian and regime airstrikes", "russia", "Russian"),
])
def test_english_foreign_forces_by_nationality(extract, text, key, mention):
    assert mention in mentions(extract(text, language="en"), key)


@pytest.mark.parametrize(("text", "language"), [
    ("وصل النازحون إلى الحدود التركية مساء أمس.", "ar"),
    ("وهنأ الرئيس الروسي نظيره بالسيطرة على المدينة.", "ar"),
    ("وتجمع الأهالي على الجانب التركي من الحدود.", "ar"),
    ("The Turkish president said talks would continue.", "en"),
    ("Refugees waited on the Jordanian side of the border.", "en"),
    ("Turkish-backed factions entered the village.", "en"),
])
def test_a_nationality_without_a_force_noun_names_no_state(extract, text, language):
    found = keys(extract(text, language=language))
    assert not {"turkey", "russia", "jordan"} & set(found)


# --- numbered formations as bases ----------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("ويحاصر مقاتلو الكتائب مقر الفرقة 17 شمال المدينة.", "ar"),
    ("وسيطرت الفصائل على الفوج 46 غرب حلب بعد اشتباكات.", "ar"),
    ("ووصلت القوات المتقدمة إلى مقر الفوج 137 قرب المطار.", "ar"),
    ("Clashes continued around the 17th Division base north of the city.", "en"),
    ("IS fighters overran the 93rd Brigade base near Ain Issa.", "en"),
])
def test_a_numbered_formation_named_as_its_base_is_no_actor(extract, text, language):
    found = extract(text, language=language)
    assert not [a for a in found.actors if any(c.isdigit() for c in a.labels.get(language) or "")
                or a.key in ("division-17", "brigade-93")]


def test_a_numbered_formation_that_acts_is_an_actor(extract):
    found = extract("وصلت تعزيزات من الفوج 46 إلى المنطقة.")
    assert [a.labels["ar"] for a in found.actors] == ["الفوج 46"]
    english = extract("The 17th Division shelled the villages east of Raqqa.", language="en")
    assert "division-17" in keys(english)


@pytest.mark.parametrize(("text", "language"), [
    ("وسيطر الثوار على مقر فرع الأمن العسكري في المدينة.", "ar"),
    ("The rebels stormed the Military Security branch in the city.", "en"),
])
def test_a_security_branch_named_as_its_building_is_no_actor(extract, text, language):
    assert "military-intelligence" not in keys(extract(text, language=language))


@pytest.mark.parametrize("text", [
    "وسيطر الثوار على كتيبة الدفاع الجوي قرب البلدة.",
    "واقتحم المقاتلون سرية الرادار في محيط المطار.",
])
def test_a_unit_word_naming_a_kind_of_base_is_no_group(extract, text):
    assert [a for a in extract(text).actors if not a.curated] == []


# --- names written otherwise -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The town is now under government control, the official said.",
    "Is the ceasefire holding? Residents say it is.",
    "A spokesman said the mom of one victim was among the wounded.",
])
def test_an_acronym_is_read_only_in_capitals(extract, text):
    assert keys(extract(text, language="en")) in ([], ["syrian-government-forces"])


def test_an_acronym_in_capitals_names_its_group(extract):
    found = extract("IS fighters attacked the UN convoy and SDF positions.", language="en")
    assert {"islamic-state", "sdf"} <= set(keys(found))


@pytest.mark.parametrize("text", [
    "Kurdish fighters are defending the southern front of the town.",
    "The army sent special forces to the area.",
    "IS has taken over the military intelligence branch.",
])
def test_a_proper_name_in_small_letters_is_a_common_phrase(extract, text):
    found = keys(extract(text, language="en"))
    assert not {"southern-front", "syrian-special-forces", "military-intelligence"} & set(found)


@pytest.mark.parametrize(("text", "key"), [
    ("ونفذت طائرات التحالف الدولي بقيادة الولاياتالمتحدة غارات على المدينة.",
     "international-coalition"),
    ("وتقدمت قواتالنظام نحو البلدة من الجهة الشرقية.", "syrian-government-forces"),
    ("وأقامت القواتالإسرائيلية نقطة جديدة قرب البلدة.", "israel"),
])
def test_a_name_written_with_a_space_lost_is_found(extract, text, key):
    assert key in keys(extract(text))


def test_a_glued_word_that_is_no_name_is_not_read(extract):
    assert keys(extract("وقال الأهالي إن الطريقالعام مغلق منذ الصباح.")) == []


# --- names several groups share, weak names --------------------------------------------------

def test_a_shared_name_goes_to_the_group_active_in_the_year_of_the_report(extract):
    before = extract("واشتبكت القوات الحكومية مع الفصائل قرب البلدة.", published="2019-05-01")
    after = extract("واشتبكت القوات الحكومية مع الفصائل قرب البلدة.", published="2025-03-08")
    assert "syrian-government-forces" in keys(before)
    assert "syrian-ministry-of-defence-forces" in keys(after)


def test_a_weak_name_of_one_group_needs_the_group_named(run):
    alone = run("ولفت المراسل إلى أن الوحدات العاملة على المحور تقدمت نحو البلدة.")
    assert "ypg" not in [m.key for m in alone.actor_mentions]
    named = run("وهاجمت وحدات حماية الشعب القرية، وقالت الوحدات إنها سيطرت عليها.")
    assert [m.key for m in named.actor_mentions] == ["ypg", "ypg"]


def test_a_unit_word_with_a_pronoun_is_no_unit(extract):
    text = "وقال مدير الدفاع المدني إن فرقه أخلت مشفى في البلدة بعد القصف."
    assert [a for a in extract(text).actors if not a.curated] == []


def test_a_quote_after_a_unit_word_that_is_speech_is_no_name(extract):
    text = 'وأكد المتحدث أن الفيلق "يحصّن مواقعه فيها ويستقدم تعزيزات من البلدات المجاورة".'
    assert [a for a in extract(text).actors if not a.curated] == []


def test_a_news_outlet_shaped_like_a_unit_is_a_source(extract):
    text = 'ووثق "تجمع أحرار حوران" مقتل 7 من مقاتلي الفصائل خلال الاشتباكات.'
    assert [a for a in extract(text).actors if not a.curated] == []


def test_a_numbered_list_of_paragraphs_is_the_report_not_related_links(run):
    items = [f"{n}. September {n}: Government forces shelled the village of Tadif and rebels "
             f"answered with mortar fire on positions held by the army near the town, a "
             f"monitor said." for n in range(1, 5)]
    doc = run("Situation report\n\n" + "\n\n".join(items), language="en")
    assert not any(s.boilerplate for s in doc.sentences)
    links = run("Clashes in the south.\n\n1. Rebels advance\n2. Army shells town\n"
                "3. Talks stall\n", language="en")
    assert any(s.boilerplate for s in links.sentences)


@pytest.mark.parametrize(("text", "key"), [
    ("وقتل خمسة من مقاتلي النصرة في كمين قرب البلدة.", "jabhat-al-nusra"),
    ("واعتقلت دورية عناصر الهيئة عدداً من الشبان في المدينة.", "hts"),
    ("واشتبك مقاتلو الوحدات مع عناصر التنظيم شرق المدينة.", "ypg"),
])
def test_a_weak_name_after_a_member_word_names_the_group(extract, text, key):
    assert key in keys(extract(text, published="2016-05-01"))


def test_a_weak_name_without_support_names_no_group(extract):
    text = "وخرج الأهالي في جمعة النصرة للمطالبة بالإفراج عن المعتقلين."
    assert "jabhat-al-nusra" not in keys(extract(text, published="2012-05-01"))


def test_a_former_name_supports_a_weak_name(run):
    doc = run("وسيطرت هيئة تحرير الشام على البلدة، وكانت النصرة قد حاولت اقتحامها عام 2015.")
    assert [m.key for m in doc.actor_mentions] == ["hts", "jabhat-al-nusra"]


@pytest.mark.parametrize(("text", "language", "key", "mention"), [
    ("وقصف جيش الاحتلال التركي ومرتزقته قرى ناحية شيراوا.", "ar", "turkey",
     "جيش الاحتلال التركي"),
    ("Turkish F-16 fighter jets carried out airstrikes on the town.", "en", "turkey",
     "Turkish F-16 fighter jets"),
    ("The US occupation forces moved a convoy towards Hasaka.", "en", "united-states",
     "US occupation forces"),
])
def test_a_force_phrase_holding_another_name_is_the_nationalitys(extract, text, language, key,
                                                                  mention):
    found = extract(text, language=language)
    assert mention in mentions(found, key)
    assert "israel" not in keys(found)


def test_a_hyphenated_participle_is_no_part_of_a_units_name(extract):
    found = extract("The army struck Jabhat al-Nusra-linked groups near Daraa.", language="en")
    assert [a.key for a in found.actors if not a.curated] == []
    assert "jabhat-al-nusra" in keys(found)


@pytest.mark.parametrize(("text", "language", "key"), [
    ("وتقدمت الفصائل المدعومة تركياً نحو القرية بعد قصف مدفعي.", "ar", "syrian-national-army"),
    ("Turkish-backed rebels entered the town center on Saturday.", "en", "syrian-national-army"),
    ("واشتبك مسلحون دروز مع مسلحين من العشائر البدوية غرب المدينة.", "ar",
     "druze-armed-factions"),
    ("Clashes between Druze militants and Bedouin tribesmen killed dozens.", "en",
     "bedouin-tribal-fighters"),
    ("وشنّت قوات حكومة دمشق قصفاً على أطراف الحي.", "ar", "syrian-government-forces"),
    ("Kurdish peshmerga fighters crossed into Kobani through Turkey.", "en",
     "kurdistan-peshmerga"),
])
def test_more_parties_by_their_usual_names(extract, text, language, key):
    assert key in keys(extract(text, language=language, published="2019-10-12"))


def test_kurdish_fighters_are_the_ypg_before_the_sdf_existed(extract):
    text = "Kurdish fighters recaptured a strategic hill west of the town."
    assert "ypg" in keys(extract(text, language="en", published="2014-10-15"))
    assert "sdf" in keys(extract(text, language="en", published="2019-10-15"))


@pytest.mark.parametrize(("text", "language"), [
    ("The attack came as Russia, Turkey and Iran prepared to sign a de-escalation deal.", "en"),
    ("وجرى الاتفاق في أستانة بضمانة تركيا وروسيا وإيران.", "ar"),
    ("It calls on the guarantors, Russia, Turkey and Iran, to act.", "en"),
])
def test_countries_named_in_a_list_of_countries_are_no_parties(extract, text, language):
    assert not {"russia", "turkey", "iran"} & set(keys(extract(text, language=language)))


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Insurgents led by the al-Qaida-linked Hayat Tahrir al-Sham withdrew.", "al-qaeda", "hts"),
    ("The Iran-backed Fatemiyoun Brigade lost two fighters.", "iran", "fatemiyoun"),
    ("The IDF deployed into the UN-patrolled buffer zone near Quneitra.", "united-nations",
     "israel"),
])
def test_a_name_joined_to_linked_or_backed_describes_another_group(extract, text, absent,
                                                                  present):
    found = keys(extract(text, language="en"))
    assert absent not in found and present in found


@pytest.mark.parametrize("text", [
    "Daesh terrorists attacked the checkpoint at dawn.",
    "Nusra terrorists shelled the town, the army said.",
])
def test_a_collective_word_right_after_a_group_is_that_group(run, text):
    doc = run(text, language="en")
    assert "syrian-opposition-factions" not in [m.key for m in doc.actor_mentions]


@pytest.mark.parametrize(("text", "published", "key"), [
    ("Syrian troops advanced on the town from the south.", "2016-05-01",
     "syrian-government-forces"),
    ("Syrian troops advanced on the town from the south.", "2025-05-01",
     "syrian-ministry-of-defence-forces"),
    ("واستهدفت طائرات حربية سورية البلدة بعدة غارات.", "2016-05-01", "syrian-government-forces"),
])
def test_syrian_forces_by_nationality_are_those_of_the_government_of_the_year(
        extract, text, published, key):
    language = "en" if text.isascii() else "ar"
    assert key in keys(extract(text, language=language, published=published))


def test_state_media_of_a_country_is_no_force(extract):
    found = extract("Syrian state media said the army had advanced.", language="en")
    assert "syrian-government-forces" not in keys(found)


@pytest.mark.parametrize(("text", "label"), [
    ("Fighters of the Muhajireen battalion stormed the base.", "Muhajireen battalion"),
    ("The Ansar al-Khilafa brigade claimed the attack.", "Ansar al-Khilafa brigade"),
])
def test_an_english_unit_word_in_small_letters_after_a_name(extract, text, label):
    found = [a.labels.get("en") for a in extract(text, language="en").actors if not a.curated]
    assert found == [label]


def test_a_rebel_brigade_is_no_named_unit(extract):
    found = extract("A rebel brigade attacked the checkpoint at night.", language="en")
    assert [a for a in found.actors if not a.curated] == []


def test_government_troops_are_those_of_the_year(extract):
    text = "Government troops shelled the village on Monday."
    assert "syrian-government-forces" in keys(extract(text, language="en", published="2012-12-10"))
    assert "syrian-ministry-of-defence-forces" in keys(
        extract(text, language="en", published="2025-07-15"))


def test_two_nationalities_side_by_side_share_their_noun(extract):
    text = "وقصف الطيران الحربي السوري الروسي المشترك تجمعات المسلحين."
    assert "الروسي" in mentions(extract(text), "russia")


def test_numbered_units_of_one_number_are_two_units(extract):
    found = extract("وصلت تعزيزات من الفوج 52 ومن اللواء 52 إلى المنطقة.")
    units = [a for a in found.actors if not a.curated]
    assert len({a.key for a in units}) == 2


# --- groups credited as sources -------------------------------------------------------------

def tolls(extraction) -> list[tuple[int, str]]:
    return [(c.count, c.attributed_to.label) for c in extraction.casualty_claims]


def test_according_to_an_armed_group_credits_the_group(extract):
    text = "According to the Manbij Military Council, 264 of its fighters were killed."
    assert tolls(extract(text, language="en")) == [(264, "Manbij Military Council")]


def test_a_group_in_apposition_is_no_speaker(extract):
    text = ("The Jarabulus Military Council, an SDF-allied group of local fighters, said "
            "Turkish shelling killed 3 of its members.")
    assert tolls(extract(text, language="en")) == [(3, "Jarabulus Military Council")]


def test_a_group_before_and_said_is_no_speaker(extract):
    text = ("On Thursday the SDF retook the village after clashes that killed three tribal "
            "gunmen, and said it had arrested 16 others.")
    labels = {label for _, label in tolls(extract(text, language="en"))}
    assert not any("tribal" in label for label in labels)


def test_what_follows_said_that_is_what_was_told_not_who_told_it(extract):
    text = ("وقال المتحدث باسم لواء شهداء سوريا إن مقاتلي اللواء سيطروا على الحاجز. "
            "وأضاف أن قوات النظام فرت من الحاجز، وأن الاشتباكات أسفرت عن مقتل 44 عنصراً من قوات النظام.")
    labels = {label for _, label in tolls(extract(text))}
    assert labels and not any("قوات النظام" in label for label in labels)


def test_a_ministry_is_not_another_ministry_named_before_it(extract):
    text = ("The Defense Ministry said its forces had entered the city. "
            "Syria's Health Ministry said three people were killed and 34 wounded.")
    assert tolls(extract(text, language="en")) == [(3, "Syria's Health Ministry"), (34, "Syria's Health Ministry")]
    text = ("The Martyrs Documentation Office in Daraa said 12 people were killed. "
            "The Documentation Office added that 3 were children.")
    assert {label for _, label in tolls(extract(text, language="en"))} == {"The Martyrs Documentation Office in Daraa"}


@pytest.mark.parametrize(("text", "language", "label"), [
    ("أصدرت القيادة العامة لوحدات حماية الشعب بياناً حول المعارك. وجاء في البيان أن الاشتباكات "
     "أسفرت عن مقتل 67 مرتزقاً. وأضاف البيان أن تسعة من مقاتلي الوحدات قتلوا.", "ar", "وحدات حماية الشعب"),
    ("The SDF said in a statement that its fighters took the village. According to the statement, "
     "12 IS militants were killed.", "en", "SDF"),
])
def test_a_statement_is_its_issuers(extract, text, language, label):
    assert {source for _, source in tolls(extract(text, language=language))} == {label}


def test_a_statement_no_one_was_credited_with_before_stays_as_written(extract):
    text = "وجاء في البيان أن الاشتباكات أسفرت عن مقتل 67 مرتزقاً."
    assert tolls(extract(text)) == [(67, "البيان")]


def test_a_title_ending_in_li_reaches_the_group_written_on_it(extract):
    text = "قال المركز الإعلامي لوحدات حماية الشعب إن 67 مرتزقاً قتلوا في الاشتباكات."
    assert tolls(extract(text)) == [(67, "وحدات حماية الشعب")]


@pytest.mark.parametrize(("text", "language", "label"), [
    ("قصفت المدفعية التركية مواقع قسد، ما أدى بحسب أنقرة إلى مقتل 3 مدنيين.", "ar", "أنقرة"),
    ("Turkish shelling killed 3 civilians in the village, Ankara said.", "en", "Ankara"),
    ("وقالت موسكو إن 12 مسلحاً قتلوا في الغارات.", "ar", "موسكو"),
])
def test_a_capital_credited_speaks_for_its_government(extract, text, language, label):
    assert {source for _, source in tolls(extract(text, language=language))} == {label}


def test_a_capital_named_as_a_place_is_still_a_place(extract):
    x = extract("قتل 3 مدنيين في قصف على بلدة قرب أنقرة، بحسب المرصد السوري لحقوق الإنسان.")
    assert {source for _, source in tolls(x)} == {"المرصد السوري لحقوق الإنسان"}
