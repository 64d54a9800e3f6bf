"""The other side of a change of control: the party a place was taken from, the party that
left its positions in the places just named, the party taken out of them; in Arabic and
English, with what must not be read as that side."""

import pytest


def claims(extract, text: str, language: str = "ar") -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language=language)
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


# --- taken from a party: that party lost the place ----------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("انتزعت فصائل المعارضة السيطرة على بلدة كفرنبودة من قوات النظام.", "ar",
     [("syrian-opposition-factions", "captured", "Kafr Nabutha"),
      ("syrian-government-forces", "lost", "Kafr Nabutha")]),
    ("استعادت قوات النظام بلدة الهبيط من أيدي الفصائل فجر اليوم.", "ar",
     [("syrian-government-forces", "captured", "Hbit"),
      ("syrian-opposition-factions", "lost", "Hbit")]),
    ("Syrian rebels seized the border town of Jarablus from the Islamic State on Wednesday.", "en",
     [("syrian-opposition-factions", "captured", "Jarablus"), ("islamic-state", "lost", "Jarablus")]),
    ("Rebels captured the village of Kafr Zita from government forces.", "en",
     [("syrian-opposition-factions", "captured", "Kafr Zeita"),
      ("syrian-government-forces", "lost", "Kafr Zeita")]),
])
def test_a_place_taken_from_a_party_is_lost_by_it(extract, text, language, expected):
    assert claims(extract, text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت الفصائل على بلدة كفرنبودة من جهة الغرب.", "ar"),             # a direction
    ("سيطرت الفصائل على بلدة كفرنبودة من محورها الشمالي.", "ar"),
    ("Rebels captured Kafr Zita from the north on Sunday.", "en"),
    ("Rebels captured Kafr Zita from the direction of Morek.", "en"),
])
def test_a_direction_after_from_is_no_party(extract, text, language):
    assert [c[1] for c in claims(extract, text, language)] == ["captured"]


def test_the_party_a_place_was_taken_from_is_not_the_one_a_later_sentence_goes_on_with(extract):
    text = ("انتزعت فصائل المعارضة السيطرة على بلدة كفرنبودة من قوات النظام. "
            "ثم تقدمت وسيطرت على قرية الهبيط.")
    assert claims(extract, text)[-1] == ("syrian-opposition-factions", "captured", "Hbit")


# --- positions in the places named before --------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سيطرت قوات النظام على بلدتي كفرنبودة والهبيط بعد انسحاب عناصر الفصائل من مواقعهم فيها.", "ar",
     [("syrian-government-forces", "captured", "Kafr Nabutha"),
      ("syrian-government-forces", "captured", "Hbit"),
      ("syrian-opposition-factions", "withdrew", "Kafr Nabutha"),
      ("syrian-opposition-factions", "withdrew", "Hbit")]),
    ("تقدمت الفصائل في قرية الهبيط، وانسحبت قوات النظام من نقاطها فيها باتجاه خان شيخون.", "ar",
     [("syrian-government-forces", "withdrew", "Hbit")]),
    ("Rebels took Kafr Zita on Sunday after government troops pulled out of their positions there.",
     "en", [("syrian-opposition-factions", "captured", "Kafr Zeita"),
            ("syrian-government-forces", "withdrew", "Kafr Zeita")]),
])
def test_positions_there_are_in_the_places_named_before(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_positions_named_in_a_place_are_a_claim_on_it(extract):
    text = "انسحبت الفصائل من مواقعها في بلدة كفرنبودة."
    assert claims(extract, text) == [("syrian-opposition-factions", "withdrew", "Kafr Nabutha")]


@pytest.mark.parametrize("text", [
    "انسحبت الفصائل من مواقعها في ريف حماة.",                  # somewhere in an area: no claim on it
    "انسحبت قوات النظام من نقاطها في محافظة إدلب.",
])
def test_positions_somewhere_in_an_area_are_no_claim_on_it(extract, text):
    assert claims(extract, text) == []


# --- taken out of places ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("بعد أن تم في مطلع أيار إخراج المسلحين من بلدتي يلدا وببيلا، ودخول وحدات الجيش إليهما.",
     [("syrian-opposition-factions", "withdrew", "Yalda"),
      ("syrian-opposition-factions", "withdrew", "Babella"),
      ("syrian-arab-army", "entered", "Yalda"), ("syrian-arab-army", "entered", "Babella")]),
    ("أعلن الجيش إخراج المسلحين من بلدة يلدا.", [("syrian-opposition-factions", "withdrew", "Yalda")]),
    ("وجرى إجلاء عناصر التنظيم من مخيم اليرموك.", [("islamic-state", "withdrew", "Yarmuk")]),
])
def test_a_party_taken_out_of_places_withdrew_from_them(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize("text", [
    "طالبت اللجنة بإخراج المسلحين من بلدة يلدا.",             # a demand
    "دعت الأمم المتحدة إلى إخراج المسلحين من بلدة يلدا.",
    "يقضي الاتفاق بإخراج المسلحين من بلدة يلدا.",               # what a deal provides for
])
def test_a_demand_to_take_a_party_out_is_no_claim(extract, text):
    assert claims(extract, text) == []


# --- a relative clause after a place and where it is ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("تواصل قوات النظام هجماتها على بلدة خان العسل غرب حلب، التي خسرتها الشهر الماضي.",
     [("syrian-government-forces", "lost", "Khan Al-Asal")]),
    ("سيطرت الفصائل على قرية الهبيط في ريف إدلب التي خسرتها قوات النظام أمس.",
     [("syrian-opposition-factions", "captured", "Hbit"), ("syrian-government-forces", "lost", "Hbit")]),
])
def test_a_relative_clause_describes_the_place_before_where_it_is(extract, text, expected):
    assert claims(extract, text) == expected


def test_a_relative_clause_after_a_place_a_noun_is_in_describes_the_noun(extract):
    text = "وقال قائد اللواء العامل في الهبيط، الذي دخل أمس، إن المعارك مستمرة."
    assert claims(extract, text) == []


# --- attempts told with a possessive, and clauses of their own --------------------------------

@pytest.mark.parametrize("text", [
    "تواصل قوات النظام محاولاتها استعادة بلدة خان العسل.",
    "وتتابع الفصائل مساعيها السيطرة على قرية الهبيط.",
])
def test_an_attempt_with_a_possessive_claims_nothing(extract, text):
    assert claims(extract, text) == []


def test_an_attempt_does_not_reach_into_a_relative_clause(extract):
    text = "تواصل قوات النظام محاولاتها استعادة بلدة خان العسل، التي خسرتها الشهر الماضي."
    assert claims(extract, text) == [("syrian-government-forces", "lost", "Khan Al-Asal")]


# --- a date or the subject between a verbal noun and its preposition ----------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("ويأتي ذلك بعد أسابيع على سيطرة جيش الفتح في الـ 28 من آذار / مارس الفائت على مدينة إدلب.",
     [("jaysh-al-fatah", "captured", "Idleb")]),
    ("انسحبت قوات النظام في 3 من آذار من مدينة إدلب.", [("syrian-government-forces", "withdrew", "Idleb")]),
])
def test_a_date_and_the_subject_stand_between_a_change_and_its_preposition(extract, text, expected):
    assert claims(extract, text) == expected


def test_the_from_of_a_date_is_no_preposition_of_the_object(extract):
    assert claims(extract, "انسحبت قوات النظام في 3 من آذار باتجاه مدينة إدلب.") == []


# --- verbal nouns of entry; a possibility -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("دخلت أرتال هيئة تحرير الشام مدينة عفرين، بعد يوم من اجتياح الهيئة بلدة جنديرس.",
     [("hts", "entered", "Afrin"), ("hts", "entered", "Jandairis")]),
    ("وأعلنت هيئة تحرير الشام اجتياح قرية دير بلوط فجر اليوم.", [("hts", "entered", "Deir Ballut")]),
])
def test_a_verbal_noun_of_entry_with_its_subject_is_a_claim(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize("text", [
    "حاولت قوات النظام اقتحام بلدة كفرنبودة.",
    "صدت الفصائل محاولة اقتحام قوات النظام لبلدة كفرنبودة.",
    "وعاودت الكتيبة اقتحام مخفر الشرطة في بلدة كفرنبودة.",             # storming, an assault
    "وقد تسيطر الفصائل على بلدة كفرنبودة خلال ساعات.",                 # may
    "وقال إن الرقة قد تصبح خلال ساعات أول مدينة تخرج عن سيطرة النظام.",
])
def test_an_attempt_or_a_possibility_of_entry_is_no_claim(extract, text):
    assert claims(extract, text) == []


@pytest.mark.parametrize("text", [
    "وكانت قوات النظام قد سيطرت على بلدة كفرنبودة.",                    # already
    "وقد سيطرت قوات النظام على بلدة كفرنبودة.",
])
def test_qad_before_a_past_verb_is_no_possibility(extract, text):
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nabutha")]


def test_a_short_name_of_a_party_not_named_before_does_not_hide_the_change(extract):
    assert claims(extract, "وأعلنت الهيئة سيطرتها على قرية كفرنبودة.") == [(None, "captured", "Kafr Nabutha")]


# --- the place of a passive before an aside between commas --------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("On Wednesday, the town of al-Busayrah, at the confluence of the Khabur and Euphrates rivers, "
     "fell to tribal fighters after the SDF pulled out of its positions there.", "en",
     [("tribal-forces", "captured", "Basira"), ("sdf", "withdrew", "Basira")]),
    ("The Dabaa military airport, just north of Qusair, fell to government forces at the weekend.", "en",
     [("syrian-government-forces", "captured", "Dabaa Military Airport")]),
    ("وكانت بلدة كفرنبودة، الواقعة شمال مدينة حماة، قد سقطت بيد الفصائل.", "ar",
     [("syrian-opposition-factions", "captured", "Kafr Nabutha")]),
])
def test_the_place_of_a_passive_stands_before_an_aside(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_a_name_in_parentheses_does_not_end_the_list_of_a_passive(extract):
    text = "Al-Tabqa airbase (the military airport) and the Euphrates dam fell to rebel fighters."
    assert {place for _, _, place in claims(extract, text, "en")} >= {"Tabqa Dam"}


# --- the agent of a passive after its object; verbs in the present ----------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("عاود جيش الإسلام الهجوم على بلدة كفرنبودة، قبل أن تتم السيطرة عليها مجدداً من قبل قوات النظام.",
     "ar", [("syrian-government-forces", "captured", "Kafr Nabutha")]),
    ("وتمت السيطرة على بلدة كفرنبودة من قبل قوات النظام.", "ar",
     [("syrian-government-forces", "captured", "Kafr Nabutha")]),
    ("وجرى تحرير قرية الهبيط على يد فصائل المعارضة.", "ar", [("syrian-opposition-factions", "captured", "Hbit")]),
    ("Kafr Zita was retaken by government forces on Sunday.", "en",
     [("syrian-government-forces", "captured", "Kafr Zeita")]),
])
def test_the_agent_of_a_passive_follows_its_object(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_a_passive_with_no_agent_after_it_borrows_none_from_a_later_phrase(extract):
    text = "وتمت السيطرة على بلدة كفرنبودة بعد معارك عنيفة من قبل أن تصل قوات النظام."
    assert [actor for actor, _, _ in claims(extract, text)] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    ("سيطرت قوات النظام على بلدة كفرنبودة، قبل أن تستعيدها الفصائل في هجوم معاكس.",
     [("syrian-government-forces", "captured", "Kafr Nabutha"),
      ("syrian-opposition-factions", "captured", "Kafr Nabutha")]),
    ("وتستعيد قوات النظام قرية الهبيط بعد معارك عنيفة.", [("syrian-government-forces", "captured", "Hbit")]),
])
def test_a_verb_of_capture_in_the_present_is_a_claim(extract, text, expected):
    assert claims(extract, text) == expected
