"""The subject of a change where no name stands in its place: a demonstrative and a noun
of forces, "the latter", a collective followed by the object of its own verb, an
English subject behind an article or an aside, a helper never carried forward;
sentences written for these tests."""

import pytest


def claims(extract, text: str, language: str = "ar") -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language=language)
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


# --- a demonstrative and a noun of forces, with no name ----------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    # another party stands between the units named and "these units"
    ("دخلت وحدات من الجيش العربي السوري مدينة جسر الشغور صباح اليوم، تلبية لنداءات الأهالي "
     "الذين عانوا من ترويع التنظيمات المسلحة، وذلك بعد أن أعادت هذه الوحدات أمس الأمن "
     "والاستقرار إلى بلدة اشتبرق.", "ar", ("syrian-arab-army", "captured", "Eshtabraq")),
    ("تقدمت قوات من الجيش نحو مورك تحت غطاء من قصف الطيران الروسي على مواقع الفصائل، "
     "وسيطرت هذه القوات على بلدة اللطامنة.", "ar", ("syrian-arab-army", "captured", "Latmana")),
    ("Units of the Syrian army entered Saraqib after rebels fled, and these units then took "
     "the village of Jobas.", "en", ("syrian-government-forces", "captured", "Jobas")),
])
def test_a_demonstrative_noun_of_forces_stands_for_the_party_named_with_it(extract, text, language, expected):
    assert claims(extract, text, language)[-1] == expected


def test_a_demonstrative_before_a_place_noun_names_no_party(extract):
    text = "أعلنت فصائل المعارضة أن هذه المدينة سقطت، وسيطرت قوات النظام على بلدة اللطامنة."
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Latmana")]


def test_the_latter_is_the_last_party_named_not_the_one_it_belongs_to(extract):
    text = ("شاركت هيئة تحرير الشام وحركة أحرار الشام التابعة للجبهة الوطنية في الهجوم، "
            "إذ سيطرت الأخيرة مساء أمس على بلدة سرمدا.")
    assert claims(extract, text) == [("ahrar-al-sham", "captured", "Sarmada")]


# --- a collective, then the object of its own verb ----------------------------------------

def test_a_collective_subject_is_not_replaced_by_the_party_it_attacked(extract):
    text = ("هاجمت الفصائل مواقع قوات النظام في منطقة المرج من ثلاثة محاور، "
            "وسيطرت على قرى حزرما والنشابية.")
    assert {actor for actor, _, _ in claims(extract, text)} == {"syrian-opposition-factions"}


def test_a_collective_made_of_named_groups_is_those_groups(extract):
    text = ("أن الفصائل المكونة من هيئة تحرير الشام وفيلق الرحمن انسحبت من كامل النقاط "
            "المتبقية لها في حي جوبر.")
    assert [actor for actor, _, _ in claims(extract, text)] == ["hts"]


# --- English subjects ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "actor"), [
    # an article before the subject, helpers in an aside between commas
    ("The regime forces, with the participation of Hezbollah and Iraqi militiamen, and under "
     "cover of intensive Russian airstrikes, took control of the Sukkari district.",
     "syrian-government-forces"),
    # the party right before the verb, after another clause's parties
    ("Fighting went on between the SDF and Turkish-backed factions after the SNA captured "
     "Manbij in December.", "syrian-national-army"),
    ("Government forces pushed north as IS militants withdrew from Palmyra on Sunday.",
     "islamic-state"),
    # a helper in parentheses or after "under the" is not the subject
    ("Free Syrian Army fighters backed by the Turkish army (TSK) took full control of al-Bab "
     "on Thursday.", "free-syrian-army"),
    ("HTS-led forces under the Military Operations Command took control of Homs on Saturday.",
     "hts"),
])
def test_the_english_subject_stands_before_its_verb(extract, text, actor):
    assert claims(extract, text, "en")[-1][0] == actor


def test_a_helper_is_not_the_party_a_later_sentence_goes_on_with(extract):
    text = ("Units of the Syrian army, with the support of the Russian Aerospace Forces, "
            "restored security to Deir ez-Zor. Troops later cleared the Hamidiyah district.")
    assert [actor for actor, _, _ in claims(extract, text, "en")] == ["syrian-government-forces"] * 2


@pytest.mark.parametrize(("text", "expected"), [
    ("The regime collapsed in the face of an offensive led by Hayat Tahrir al-Sham (HTS), "
     "which captured Aleppo city on November 30.", ("hts", "captured", "Aleppo")),
    ("The SDF, which captured Raqqa in 2017, said it would not leave the area.",
     ("sdf", "captured", "Ar-Raqqa")),
])
def test_an_english_relative_pronoun_stands_for_the_party_before_it(extract, text, expected):
    assert claims(extract, text, "en") == [expected]


# --- the place of a pronoun ---------------------------------------------------------------

def test_a_pronoun_object_followed_by_where_they_went_is_the_place_they_left(extract):
    text = ("Government forces took the districts of al-Shaar and al-Farafra after rebel factions "
            "withdrew from them today towards the districts of Sheikh Saeed and al-Kalasa.")
    withdrawn = {place for _, change, place in claims(extract, text, "en") if change == "withdrew"}
    assert "Sheikh Said" not in withdrawn


def test_a_verbal_noun_its_subject_then_a_pronoun_of_the_places(extract):
    text = ("أعلن الجيش السوري إخراج المسلحين من بلدات يلدا وببيلا وبيت سحم إلى الشمال، "
            "ودخول وحدات الجيش إليها.")
    assert [c for c in claims(extract, text) if c[1] == "entered"] == [
        ("syrian-arab-army", "entered", place) for place in ("Yalda", "Babella", "Beit Sahm")]


# --- an acronym the text defines ----------------------------------------------------------

def test_an_acronym_defined_in_parentheses_names_its_group_later(extract):
    text = ("The Southern Operations Room (SOR) was formed by former rebels of the south. "
            "On Friday the SOR seized the town of Busra al-Harir.")
    assert claims(extract, text, "en")[-1] == ("southern-operations-room", "captured", "Bisr Elharir")


def test_an_acronym_in_small_letters_is_no_definition(extract):
    text = ("The Southern Operations Room (sor) was formed by former rebels. "
            "On Friday the SOR seized the town of Busra al-Harir.")
    assert all(actor != "southern-operations-room" for actor, _, _ in claims(extract, text, "en"))


def test_a_count_before_a_party_leaves_it_in_the_subjects_place(extract):
    text = ("وقال مراسلنا إن الجيش دخل مدينة القصير فجر اليوم، وإن عشرات المسلحين فروا "
            "من مدينة القصير باتجاه الشمال.")
    assert claims(extract, text)[-1] == ("syrian-opposition-factions", "withdrew", "Al-Qusayr")


# --- first-person words of a speaker the text names ---------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("تجددت الاشتباكات بين هيئة تحرير الشام وحركة أحرار الشام. ونفى الناطق باسم أحرار الشام "
     "خسارة أي موقع. في المقابل، قال قيادي ميداني في الهيئة إن \"قواتنا دخلت بلدة سرمدا\".",
     "ar", ("hts", "entered", "Sarmada")),
    ("Fighting went on between Hayat Tahrir al-Sham and Ahrar al-Sham. A spokesman for Ahrar "
     "al-Sham denied any loss. A field commander of Hayat Tahrir al-Sham said our forces captured "
     "the town of Sarmada on Friday.", "en", ("hts", "captured", "Sarmada")),
])
def test_first_person_words_are_the_party_of_the_speaker_named(extract, text, language, expected):
    assert claims(extract, text, language)[-1] == expected


# --- locals in arms -----------------------------------------------------------------------

def test_armed_men_of_the_locals_are_the_local_fighters(extract):
    text = "سيطر مقاتلون من أبناء ريف درعا الغربي، صباح اليوم، على بلدة المزيريب."
    assert claims(extract, text) == [("local-armed-groups", "captured", "Mzeireb")]


def test_the_locals_themselves_are_no_group(extract):
    text = "وأعلن ناشطون سيطرة أبناء البلدة على بلدة المزيريب بعد اشتباكات قصيرة."
    assert claims(extract, text) == [(None, "captured", "Mzeireb")]


# --- "the fighters" with no name -----------------------------------------------------------

def test_the_fighters_unnamed_are_the_opposition_not_the_last_group_named(extract):
    text = ("اشتبكت جبهة النصرة مع قوات النظام قرب البلدة. وأفاد نشطاء المرصد أن المقاتلين "
            "سيطروا خلال الساعات الماضية على بلدة المزيريب.")
    assert claims(extract, text)[-1] == ("syrian-opposition-factions", "captured", "Mzeireb")


def test_the_fighters_with_a_qualifier_keep_their_own_group(extract):
    text = "وقال المرصد إن المقاتلين الأكراد سيطروا على بلدة المزيريب."
    assert claims(extract, text)[-1][0] != "syrian-opposition-factions"
