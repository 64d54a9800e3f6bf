"""Control claims read as lists, with passives, expulsions, denials and agents found where
the text puts them; in Arabic and English, with what must not be read as a claim."""

import pytest

from conflictkg.extract.phrases import PhraseReader


def claims(extract, text: str, language: str = "ar") -> list[tuple[str | None, str, str | None, str]]:
    x = extract(text, language=language)
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place), c.stance) for c in x.control_claims]


def places_of(extract, text: str, language: str = "ar") -> list[str | None]:
    return [place for _, _, place, _ in claims(extract, text, language)]


# --- the object is a list ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سيطرت قوات النظام على قرى كفرنبودة والهبيط وكفرزيتا في ريف حماة الشمالي.", "ar",
     ["Kafr Nabutha", "Hbit", "Kafr Zeita"]),                    # a list, then its area
    ("سيطرت هيئة تحرير الشام على عدة بلدات في ريف إدلب، أبرزها سرمدا والدانا.", "ar",
     ["Sarmada", "Dana"]),                                         # a generic noun, then أبرزها
    ("سيطرت الفصائل على مدينة حمص، وعلى قريتي الهبيط وكفرنبودة.", "ar",
     ["Homs", "Hbit", "Kafr Nabutha"]),                            # a coordinated object
    ("تقدمت قوات النظام إلى بلدتي الهبيط وكفرنبودة، وسيطرت عليهما فجر اليوم.", "ar",
     ["Hbit", "Kafr Nabutha"]),                                    # a pronoun for the list before
    ("استعادت القوات الحكومية عدداً من المواقع في ريف حماة، من بينها بلدتي الهبيط وكفرنبودة.",
     "ar", ["Hbit", "Kafr Nabutha"]),
    ("حررت الفصائل قرى قبتان الجبل والشيخ عقيل وحيردركل وكفربسين في ريف حلب الغربي.", "ar",
     ["Qabtan Eljabal", "Sheikh Aqil", None, "Kafr Bssin"]),       # a village the gazetteer lacks
    ("سيطرت الفصائل على بلدة كفرنبودة وقصفت مدينة خان شيخون.", "ar",
     ["Kafr Nabutha"]),                                            # a verb ends the list
    ("Turkish-backed rebels captured Afrin, including the towns of Jandairis and Azaz.", "en",
     ["Afrin", "Jandairis", "Azaz"]),
    ("The SDF took full control of the northern town of Tal Rifaat on Sunday.", "en",
     ["Tall Refaat"]),
    ("Rebels overran the strategic town of Khan Shaykhun and the nearby village of Kafr Zita.",
     "en", ["Khan Shaykun", "Kafr Zeita"]),
])
def test_the_object_of_a_change_is_read_as_a_list(extract, text, language, expected):
    assert places_of(extract, text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سيطرت قوات النظام على مدينة جرابلس بريف حلب الشمالي.", "ar", ["Jarablus"]),
    ("دخلت قوات النظام إلى مدينة سراقب من جهة بلدة النيرب.", "ar", ["Saraqab"]),
    ("سيطرت الفصائل على بلدة كفرنبودة شمالي حماة.", "ar", ["Kafr Nabutha"]),
    ("Government forces captured Saraqib, east of Idlib, on Tuesday.", "en", ["Saraqab"]),
    ("The SDF seized the town of Tadef near al-Bab.", "en", ["Tadaf"]),
])
def test_places_that_say_where_the_object_is_are_no_claims(extract, text, language, expected):
    assert places_of(extract, text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت قوات النظام على أربع قرى في ريف حماة الشمالي.", "ar"),
    ("سيطرت الفصائل على 11 قرية وبلدة في ريف إدلب الجنوبي.", "ar"),
    ("Government forces seized four villages in the Hama countryside.", "en"),
    ("Government forces captured positions near Saraqib.", "en"),
])
def test_an_unnamed_count_is_no_claim_on_the_area_it_is_in(extract, text, language):
    assert claims(extract, text, language) == []


def test_what_was_taken_in_a_place_is_a_claim_on_that_place(extract):
    text = "سيطرت قوات النظام على حواجز عسكرية في ريف درعا."
    assert places_of(extract, text) == ["Dar'a"]
    named = "سيطرت قوات النظام على عدة مواقع في ريف درعا، أبرزها تل الحارة وتل الجابية."
    assert "Dar'a" not in places_of(extract, named)  # its items are named, if not known


def test_the_reader_sorts_items_and_context(pipeline, run):
    text = "سيطرت الفصائل على قرى الهبيط وكفرنبودة في ريف حماة، ومن بينها كفرزيتا، بعد معارك."
    doc = run(text)
    phrase = PhraseReader(pipeline.patterns, "ar").read(doc, text.index("على") + 3, len(text))
    assert [m.text for m in phrase.items] == ["الهبيط", "كفرنبودة", "كفرزيتا"]
    assert [m.text for m in phrase.context] == ["ريف حماة"]
    assert text[phrase.end - len("كفرزيتا"):phrase.end] == "كفرزيتا"  # the list ends at "بعد"


# --- constructions ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("تراجعت الفصائل من حي الشعار في حلب.", "ar",
     [("syrian-opposition-factions", "withdrew", "Sha'aar", "asserted")]),
    ("فر عناصر التنظيم من مدينة الرقة باتجاه دير الزور.", "ar",
     [("islamic-state", "withdrew", "Ar-Raqqa", "asserted")]),
    ("باتت مدينة منبج تحت سيطرة قوات سوريا الديمقراطية.", "ar",
     [("sdf", "captured", "Menbij", "asserted")]),
    ("سقطت مدينة تدمر بيد تنظيم الدولة الإسلامية.", "ar",
     [("islamic-state", "captured", "Tadmor", "asserted")]),
    ("استعادت قوات النظام السيطرة على مدينة خان شيخون.", "ar",
     [("syrian-government-forces", "captured", "Khan Shaykun", "asserted")]),
    ("طردت قوات سوريا الديمقراطية تنظيم الدولة الإسلامية من مدينة منبج.", "ar",
     [("sdf", "captured", "Menbij", "asserted"), ("islamic-state", "withdrew", "Menbij", "asserted")]),
    ("The town of Palmyra fell to Islamic State militants on Thursday.", "en",
     [("islamic-state", "captured", "Tadmor", "asserted")]),
    ("The town of Manbij was captured by the Syrian Democratic Forces last week.", "en",
     [("sdf", "captured", "Menbij", "asserted")]),
    ("The SDF drove Islamic State fighters out of Manbij on Friday.", "en",
     [("sdf", "captured", "Menbij", "asserted"), ("islamic-state", "withdrew", "Menbij", "asserted")]),
    ("Rebels pulled out of Khan Shaykhun overnight.", "en",
     [("syrian-opposition-factions", "withdrew", "Khan Shaykun", "asserted")]),
    ("Under the deal, the SDF pulled its fighters out of Sheikh Maqsoud.", "en",
     [("sdf", "withdrew", "Ash-Sheikh Maqsoud", "asserted")]),
])
def test_constructions_of_a_change(extract, text, language, expected):
    assert claims(extract, text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("انسحبت فصائل المعارضة من بلدة مورك، ثم دخلتها قوات الجيش.",
     [("syrian-opposition-factions", "withdrew", "Murak", "asserted"),
      ("syrian-arab-army", "entered", "Murak", "asserted")]),
    ("تقدمت الفصائل نحو قريتي الهبيط وكفرنبودة وحررتهما بعد معارك عنيفة.",
     [("syrian-opposition-factions", "captured", "Hbit", "asserted"),
      ("syrian-opposition-factions", "captured", "Kafr Nabutha", "asserted")]),
    ("وصلت قوات النظام إلى أطراف مدينة سراقب وحاصرتها من ثلاث جهات.",
     [("syrian-government-forces", "besieged", "Saraqab", "asserted")]),
    # the town, not the governorate named after it as where it is
    ("وتعد معرة النعمان ثاني أكبر مدن محافظة إدلب، وكانت قوات النظام قد اقتحمتها عام 2011.",
     [("syrian-government-forces", "entered", "Ma'arrat An Nu'man", "asserted")]),
])
def test_an_object_pronoun_joined_to_the_verb_stands_for_the_place_before(extract, text, expected):
    assert claims(extract, text) == expected


def test_the_towns_before_a_passive_are_each_a_claim(extract):
    text = "The towns of Busra al-Harir and Nahta fell to government forces last week."
    assert claims(extract, text, "en") == [
        ("syrian-government-forces", "captured", "Bisr Elharir", "asserted"),
        ("syrian-government-forces", "captured", "Nahta", "asserted")]


def test_a_place_named_before_a_relative_clause_is_its_object(extract):
    text = "قصفت الطائرات بلدة كفرنبودة التي سيطرت عليها قوات النظام في أيار."
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]


# --- denials ----------------------------------------------------------------------------

def test_a_denied_withdrawal_is_credited_to_the_denier(extract):
    x = extract("نفت سانا انسحاب الجيش من مدينة سراقب.")
    (claim,) = x.control_claims
    assert (claim.change, claim.stance, claim.attributed_to.source) == ("withdrew", "denied", "sana")


def test_a_denial_of_what_was_just_said_denies_those_claims(extract):
    text = "وأعلنت وسائل إعلام النظام السيطرة على بلدة تلمنس، ونفت الجبهة الوطنية للتحرير ذلك."
    assert [(c.change, c.stance) for c in extract(text).control_claims] == [
        ("captured", "asserted"), ("captured", "denied")]


def test_an_english_denial(extract):
    assert claims(extract, "The army denied that rebels had entered Saraqib.", "en") == [
        ("syrian-opposition-factions", "entered", "Saraqab", "denied")]


# --- agents -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "actor"), [
    ("سيطر مقاتلون من حزب الله على مدينة القصير.", "ar", "hezbollah"),              # partitive
    ("Fighters from Hezbollah entered al-Qusayr on Wednesday.", "en", "hezbollah"),
    ("أحكمت وحدات الجيش، بمؤازرة مقاتلين من حزب الله، سيطرتها على مدينة يبرود.", "ar",
     "syrian-arab-army"),                                                           # a helper
    ("Free Syrian Army fighters backed by the Turkish army took full control of Jarablus.",
     "en", "free-syrian-army"),
    ("أعلنت القيادة العامة للجيش أن وحداتنا أحكمت سيطرتها على مدينة القصير.", "ar",
     "syrian-arab-army"),                                 # a command announcing its own gain
    ("بدأ خروج المسلحين نحو ريف إدلب، وأعلنت القيادة العامة لوحدات حماية الشعب السيطرة على مدينة منبج.",
     "ar", "ypg"),                           # a command's title before its party, not the party before
    ("According to the SDF, rebels seized the town of Tadef on Monday.", "en",
     "syrian-opposition-factions"),                       # the source before a comma is no subject
    ("State television showed footage of soldiers and police entering the Khalidiyeh district of Homs.",
     "en", "syrian-government-forces"),      # army nouns, with the police coordinated: the state's forces
    ("U.S.-backed fighters overran the village of Hajin on Saturday.", "en", "sdf"),  # the SDF's byname
    ("The Kurdish-led SDF said its fighters had captured Raqqa.", "en", "sdf"),
])
def test_who_makes_the_change(extract, text, language, actor):
    assert [c[0] for c in claims(extract, text, language)] == [actor]


def test_a_demonstrative_subject_is_the_party_named_before(extract):
    text = "سيطرت قوات النظام على مدينة خان شيخون. ودخلت هذه القوات مدينة سراقب."
    assert claims(extract, text)[-1] == ("syrian-government-forces", "entered", "Saraqab", "asserted")


def test_a_coordinated_verb_keeps_the_subject_of_the_first(extract):
    text = ("هاجمت قوات النظام، ومعها مقاتلون من حزب الله، مواقع الفصائل، "
            "وسيطرت على بلدة كفرنبودة.")
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]


# --- what is not a claim ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("وتسيطر قوات النظام نارياً على الطريق الدولي قرب سراقب.", "ar"),    # control by fire
    ("The regime imposed fire control over the road near Saraqib.", "en"),
    ("تنوي قوات النظام السيطرة على مدينة إدلب.", "ar"),                  # an intention
    ("إذا سيطرت قوات النظام على سراقب فستقطع الطريق.", "ar"),            # a condition
    ("If government forces capture Saraqib, the highway will be cut.", "en"),
    ("لم تتمكن قوات النظام من دخول مدينة سراقب.", "ar"),                 # a negation
    ("Government forces tried to retake Khan Shaykhun.", "en"),           # an attempt
    ("Government forces massed troops to capture Saraqib.", "en"),        # a purpose
    ("Did the rebels capture Saraqib?", "en"),                            # a question
    ("هل سيطرت الفصائل على سراقب؟", "ar"),
    ("قتل المقاتلون الذين دخلوا إلى مدينة سراقب أمس.", "ar"),            # said of the fighters
    ("أحرقت قوات النظام منازل في المناطق التي سيطرت عليها مؤخراً.", "ar"),
])
def test_what_was_not_done_is_no_claim(extract, text, language):
    assert claims(extract, text, language) == []


@pytest.mark.parametrize(("text", "language"), [
    ("وقال إن الجيش فقد ارتفع عدد الشهداء في درعا إلى عشرة.", "ar"),    # "فقد": then, not lost
    ("The fighters captured the governor of Raqqa and the head of its council.", "en"),  # people
    ("Rebels shelled government-held districts of Aleppo on Sunday.", "en"),  # an adjective
    ("Whoever holds Qusayr holds the road between Damascus and Homs.", "en"),
    ("وأعلنت الفصائل الاستيلاء على ثلاث دبابات ومدفع ميدان خلال المعارك.", "ar"),  # arms
    ("Rebels seized three tanks and two artillery pieces in the fighting.", "en"),
])
def test_what_is_taken_must_be_a_place(extract, text, language):
    assert claims(extract, text, language) == []


def test_a_withdrawal_with_no_place_is_from_the_place_just_named_only_when_it_says_no_more(extract):
    text = "After rebels captured Jisr al-Shughur, residents pulled down a statue in the main square."
    assert places_of(extract, text, "en") == ["Jisr-Ash-Shugur"]
    text = "سيطرت الفصائل على بلدة بسيدا، فيما فرت عناصر النظام باتجاه مدينة خان شيخون."
    assert places_of(extract, text) == ["Bsida", "Bsida"]


# --- lists interrupted, announced, or of names the gazetteer lacks -----------------------

@pytest.mark.parametrize(("text", "expected"), [
    # names of two words, each a quarter of the old city
    ("دخلت وحدات من الجيش أحياء الحميدية وبستان الديوان وباب هود ووادي السايح وباب تدمر في حمص.",
     ["Hameidiyyeh", "Bustan al-Diwan", "Bab Houd", "Wadi al-Sayeh", "Bab Tadmor"]),
    # a clause that interrupts the list, then the list goes on after the same preposition
    ("استعادت قوات النظام السيطرة على حرستا بعد خروج مقاتلي الفصائل منها في آذار، وعلى بلدتي "
     "عربين وزملكا.", ["Harasta", "Arbin", "Zamalka"]),
    # the items a generic noun announced, after a clause that interrupts them
    ("دخلت قوات النظام بلدات عدة بموجب اتفاقات محلية، أبرزها الحراك وصيدا.", ["Hrak", "Sayda"]),
    ("باتت الفصائل تسيطر على معظم القرى الممتدة على ضفة النهر الشرقية، أبرزها ذيبان والطيانة "
     "في ريف دير الزور.", ["Thiban", "Tayyana"]),
])
def test_a_list_goes_on_past_what_interrupts_it(extract, text, expected):
    x = extract(text)
    places = {p.key: p.labels.get("en") for p in x.places}
    assert [places[c.place] for c in x.control_claims if c.change == "captured" or
            c.change == "entered"] == expected


@pytest.mark.parametrize("text", [
    "فقد تم خلال اليوم تطهير قرى الحلوانية وزوغرة في ريف حلب.",              # a passive auxiliary
    "تمكنت وحداتنا، خلال الأيام الماضية، من تحرير قريتي الحلوانية وزوغرة.",  # success, then من
])
def test_a_verbal_noun_said_to_be_done_needs_no_party_before_it(extract, text):
    assert places_of(extract, text) == ["Halawaniyeh", "Zoghra"]


@pytest.mark.parametrize(("text", "language"), [
    ('أعلن الجانب الروسي التوصل إلى اتفاق يقضي بخروج مقاتلي "جيش الإسلام" من دوما.', "ar"),
    ("Russia announced a deal that provides for the withdrawal of Jaysh al-Islam from Douma.", "en"),
])
def test_a_change_a_deal_provides_for_is_not_done(extract, text, language):
    assert claims(extract, text, language) == []


def test_fighters_of_a_party_named_before_are_that_party(extract):
    text = 'وأكد "جيش الإسلام" بخروج مقاتليه من بلدة حرستا مساء أمس.'
    assert [c[:2] for c in claims(extract, text)] == [("jaysh-al-islam", "withdrew")]


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل على بلدة كفرنبودة وقصف الطيران الحربي خان شيخون.",
    "سيطرت الفصائل على بلدة كفرنبودة وشن الطيران الحربي غارات على خان شيخون.",
])
def test_a_clause_after_the_list_with_an_object_of_its_own_ends_it(extract, text):
    assert places_of(extract, text) == ["Kafr Nabutha"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The fall of Palmyra to Islamic State fighters came after a week of fighting.", "en",
     [("islamic-state", "captured", "Tadmor", "asserted")]),
    ("The capture of Manbij by the SDF in August ended a two-month battle.", "en",
     [("sdf", "captured", "Menbij", "asserted")]),
    ("وجاء سقوط مدينة تدمر بيد تنظيم الدولة الإسلامية بعد أيام من المعارك.", "ar",
     [("islamic-state", "captured", "Tadmor", "asserted")]),
    ("Russian military police deployed in Manbij on Sunday.", "en",
     [("russian-military-police", "entered", "Menbij", "asserted")]),
    ("تمركزت الشرطة العسكرية الروسية في بلدة تل رفعت.", "ar",
     [("russian-military-police", "entered", "Tall Refaat", "asserted")]),
])
def test_a_fall_to_a_party_and_a_deployment(extract, text, language, expected):
    assert claims(extract, text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("The fall of Aleppo was a turning point in the war.", "en"),    # a fall to no one named
    ("انتشرت الأخبار في مدينة منبج بسرعة.", "ar"),                    # spread, said of no party
])
def test_a_fall_or_a_spread_of_no_party_is_no_claim(extract, text, language):
    assert claims(extract, text, language) == []


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Government forces captured Khan Shaykhun on Tuesday, and then the neighbouring town of "
     "Kafr Zita.", "en", ["Khan Shaykun", "Kafr Zeita"]),
    ("Government forces captured Khan Shaykhun on Tuesday and later the town of Kafr Zita.", "en",
     ["Khan Shaykun", "Kafr Zeita"]),
    ("سيطرت قوات النظام على مدينة خان شيخون صباح اليوم، ثم على بلدة كفرزيتا.", "ar",
     ["Khan Shaykun", "Kafr Zeita"]),
    ("اقتحمت قوات النظام مدينة خان شيخون صباح اليوم، وبلدة كفرزيتا مساء.", "ar",
     ["Khan Shaykun", "Kafr Zeita"]),
    # a clause of its own after the comma: not the same object
    ("Government forces captured Khan Shaykhun on Tuesday, and rebels shelled the town of "
     "Kafr Zita.", "en", ["Khan Shaykun"]),
    ("سيطرت قوات النظام على مدينة خان شيخون صباح اليوم، وقصفت بلدة كفرزيتا.", "ar", ["Khan Shaykun"]),
])
def test_a_list_goes_on_after_a_time_phrase(extract, text, language, expected):
    assert places_of(extract, text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled Saraqib for a week. Government forces recaptured the town on Tuesday.",
     [("syrian-government-forces", "captured", "Saraqab", "asserted")]),
    ("Rebels shelled Saraqib and Jobas for a week. Government forces recaptured both towns on "
     "Tuesday.", [("syrian-government-forces", "captured", "Saraqab", "asserted"),
                  ("syrian-government-forces", "captured", "Jobas", "asserted")]),
    ("Government forces entered Saraqib on Monday. The town had been held by rebels since 2012.",
     [("syrian-government-forces", "entered", "Saraqab", "asserted"),
      ("syrian-opposition-factions", "captured", "Saraqab", "asserted")]),
    # "the town of X": a head noun before a name, not an anaphor
    ("Rebels shelled Saraqib for a week. Government forces captured the town of Kafr Nabl.",
     [("syrian-government-forces", "captured", "Kafr Nobol", "asserted")]),
])
def test_an_english_anaphor_stands_for_the_place_named_last(extract, text, expected):
    assert claims(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "language"), [
    ("آلاف العائلات تعبر النهر الكبير هرباً من تلكلخ باتجاه لبنان.", "ar"),
    ("فر المدنيون من مدينة سراقب بعد القصف.", "ar"),
    ("More than 100,000 people have fled the Kobane region since Tuesday.", "en"),
])
def test_people_fleeing_are_no_party(extract, text, language):
    assert claims(extract, text, language) == []


def test_an_operation_named_after_its_launcher_is_not_the_subject(extract):
    text = ('وأطلق "الجيش الوطني" عملية "فجر الحرية" أواخر تشرين الثاني، وتمكن خلال أيامها الأولى '
            "من السيطرة على مدينة السفيرة.")
    assert [c[:2] for c in claims(extract, text)] == [("syrian-national-army", "captured")]


# --- where a party went, rivers, falls of no party ----------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    # where a party went is no place it left or took
    ("The ousted president fled to Russia on Sunday.", "en", []),
    ("Hundreds of fighters fled Raqqa for Deir ez-Zor.", "en", ["Ar-Raqqa"]),
    ("Rebels fled into Turkey after the battle.", "en", []),
    # a road that leads to a place is not that place, and the list goes on after it
    ("Government forces seized the road to Aleppo and the village of Tronba.", "en", ["Tronba"]),
    # the place before the destination is still what they left
    ("Government troops pulled out of Palmyra, retreating to Homs.", "en", ["Tadmor"]),
])
def test_where_a_party_went_is_no_object(extract, text, language, expected):
    assert places_of(extract, text, language) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("The army already controls the villages along the Orontes river.", "en"),
    ("The SDF raced government forces for control of the Euphrates river valley.", "en"),
    ("سيطرت قوات النظام على قرى على ضفة نهر العاصي.", "ar"),
    ("باتت ضفة نهر الفرات الشرقية تحت سيطرة قسد.", "ar"),
])
def test_a_river_is_held_by_no_one(extract, text, language):
    assert places_of(extract, text, language) == []




def test_people_from_a_place_fleeing_are_no_party(extract):
    assert claims(extract, "Some 30,000 people from the Afrin region have fled to Tal Rifaat.", "en") == []
    assert claims(extract, "Residents of Kobani said IS fighters fled the town of Kobani.", "en") == [
        ("islamic-state", "withdrew", "Ain Al Arab", "asserted")]


@pytest.mark.parametrize(("text", "expected"), [
    ("State media denied that Saraqib had fallen.", [(None, "captured", "Saraqab", "denied")]),
    ("Rebel commanders denied the village of Jobas had fallen.", [(None, "captured", "Jobas", "denied")]),
    ("Rebels took the village of Jobas on Monday, but army officers denied the village had fallen.",
     [("syrian-opposition-factions", "captured", "Jobas", "asserted"),
      (None, "captured", "Jobas", "denied")]),
    ("SDF officials denied that Dhiban had been lost.", [(None, "lost", "Thiban", "denied")]),
    ("Saraqib fell on Monday after a week of fighting.", [(None, "captured", "Saraqab", "asserted")]),
    # no place fell
    ("Shells fell on Idlib overnight.", []),
    ("In Idlib, bread prices fell sharply.", []),
    ("Rebels shelled Idlib and the prices fell.", []),
])
def test_a_fall_of_no_party_named_is_a_capture_of_the_place_before_it(extract, text, expected):
    got = claims(extract, text, "en")
    assert [(a if e[0] else None, c, p, s) for (a, c, p, s), e in zip(got, expected, strict=False)] == expected
    assert len(got) == len(expected)


def test_a_fall_of_no_party_named_is_one_to_the_party_told_first_taking_the_place(extract):
    text = ("Government troops seized the town of Saraqib on Monday after a week of fighting.\n\n"
            "Saraqib, which rebels had held since 2012, lies on the M5 highway.\n\n"
            "A rebel spokesman denied the town had fallen, saying fighting went on.")
    assert [(a, c, s) for a, c, p, s in claims(extract, text, "en") if s == "denied"] == [
        ("syrian-government-forces", "captured", "denied")]
    text = "A rebel spokesman denied the town of Saraqib had fallen, saying fighting went on."
    assert [(a, s) for a, _, _, s in claims(extract, text, "en")] == [(None, "denied")]  # no taker told


@pytest.mark.parametrize(("text", "expected"), [
    ("The opposition had retaken Saraqib by Tuesday evening.",
     [("syrian-opposition-factions", "captured", "Saraqab", "asserted")]),
    ("Rebel commanders said their men had pulled out of Saraqib overnight.",
     [("syrian-opposition-factions", "withdrew", "Saraqab", "asserted")]),
    ("Kafr Nabl was abandoned by its rebel defenders on Sunday.",
     [("syrian-opposition-factions", "lost", "Kafr Nobol", "asserted")]),
])
def test_the_opposition_and_its_commanders_and_defenders_are_the_rebels(extract, text, expected):
    assert claims(extract, text, "en") == expected


def test_our_forces_in_a_statement_a_party_publishes_are_that_party(extract):
    text = "After two days of fighting, our forces took full control of the town of Tal Tamr."
    x = extract(text, language="en", publisher="Syrian Democratic Forces", publisher_ar=None,
                kind="statement")
    assert [(c.actor, c.change) for c in x.control_claims] == [("sdf", "captured")]
    x = extract(text, language="en", publisher="Enab Baladi", kind="statement")
    assert [(c.actor, c.change) for c in x.control_claims] == [(None, "captured")]  # no party speaks


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled al-Khalidiyeh, a central district of the city of Homs, before troops stormed "
     "it on Monday.", ["Al Khalidiyeh"]),                        # the name the noun is apposed to
    ("Government forces shelled Saraqib, the largest town of Idlib province, until rebels "
     "pulled out of it.", ["Saraqab"]),
    ("Rebels shelled the outskirts of Homs before troops stormed it on Monday.", ["Homs"]),  # no apposition
])
def test_a_pronoun_stands_for_the_name_a_noun_of_places_is_apposed_to_not_what_it_is_part_of(
        extract, text, expected):
    assert places_of(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The town of Saraqib fell into the hands of the rebels on Monday.",
     [("syrian-opposition-factions", "captured", "Saraqab", "asserted")]),
    ("Rebels attacked Ghwayran prison in Hasakeh. The SDF denied that the prison had fallen into "
     "IS hands.", [("islamic-state", "captured", "Ghwayran prison", "denied")]),
    ("Saraqib fell into chaos after the shelling.", []),          # no party's hands: no claim
])
def test_a_place_fallen_into_a_partys_hands_is_taken_by_it(extract, text, expected):
    assert claims(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The number of villages the rebels have captured since March has risen to 40, including "
     "Kafr Nabl and Hish.", ["Kafr Nobol", "Heish"]),               # the noun before the subject
    ("The list of areas the SDF has taken this year now runs to 60, among them the town centres "
     "of Tal Tamr and Tell Abiad.", ["Tal Tamer", "Tell Abiad"]),
    ("The areas the rebels shelled on Monday, including Kafr Nabl, were hit again.", []),  # no change
    ("The rebels have captured many villages since March, and the army shelled areas including "
     "Kafr Nabl.", []),                                            # no noun of places before the subject
])
def test_a_noun_of_places_before_the_subject_of_a_change_is_its_object_and_its_list_the_places(
        extract, text, expected):
    assert places_of(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels seized an army post atop Mount Hermon on Monday.", ["Mount Hermon"]),
    ("The army took a hilltop position on the summit of Mount Hermon.", ["Mount Hermon"]),
])
def test_a_post_taken_on_the_summit_of_a_place_is_a_claim_on_that_place(extract, text, expected):
    assert places_of(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In the south, the Wadi al-Deif and Hamidiyeh bases near Maarat al-Numan remain in army hands.",
     ["Wadi al-Deif camp", "Hamidiyeh camp"]),                    # the bases, not what they are near
    ("Two hills near Saraqib remain in army hands.", []),          # nothing named but the landmark
    ("Maarat al-Numan remains in army hands.", ["Ma'arrat An Nu'man"]),
])
def test_what_is_near_a_place_in_a_partys_hands_is_no_claim_on_the_place(extract, text, expected):
    assert places_of(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday, young men from Jasim seized the town of Jasim.", "local-armed-groups"),  # its men
    ("On Monday, men from Jasim seized the town of Jasim.", None),  # men, not said to be its fighters
])
def test_young_men_of_a_place_who_take_it_are_its_local_fighters(extract, text, expected):
    assert [a for a, _, _, _ in claims(extract, text, "en")] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Government forces entered Saraqib on Tuesday morning, accompanied by Russian military police.",
     [("syrian-government-forces", "entered"), ("russian-military-police", "entered")]),
    ("Government forces entered Saraqib as residents, accompanied by journalists, watched.",
     [("syrian-government-forces", "entered")]),                  # no party went with them
])
def test_a_party_that_accompanies_an_entry_enters_too(extract, text, expected):
    assert [(a, c) for a, c, _, _ in claims(extract, text, "en")] == expected


@pytest.mark.parametrize("text", [
    'IS fighters stormed Ghwayran prison in Hasakeh on Thursday. SDF spokesman Aram Sheikho denied '
    'that the prison had fallen. "Our forces have surrounded the entire complex," he said.',
    "IS fighters stormed Ghwayran prison in Hasakeh on Thursday. SDF spokesman Aram Sheikho said "
    "our forces had surrounded the prison.",
])
def test_our_forces_in_a_quote_are_the_party_of_the_spokesman_named_before_it(extract, text):
    assert [a for a, c, _, _ in claims(extract, text, "en") if c == "besieged"] == ["sdf"]


# --- changes told as past, states of a place named where something happened --------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    # a purpose does not reach a change told in a clause of time of its own
    ("أطلقت الفصائل معركة بهدف فك الحصار المفروض على المدينة منذ سيطرة قوات النظام على بلدة "
     "العتيبة.", "ar", [("syrian-government-forces", "captured", "Otayba", "asserted")]),
    ("Rebels launched an offensive aimed at breaking the siege imposed since government forces "
     "captured Saraqib.", "en", [("syrian-government-forces", "captured", "Saraqab", "asserted")]),
    # a verbal noun after "بعد" / "after" is told as done
    ("وأعادت قوات النظام فتح الطريق الدولي بعد استعادة بلدة سراقب.", "ar",
     [("syrian-government-forces", "captured", "Saraqab", "asserted")]),
    ("The SDF advanced on Raqqa after the capture of Tabqa last month.", "en",
     [("sdf", "captured", "Al-Thawrah", "asserted")]),
    # but the purpose itself, or a noun with no clause of time, claims nothing
    ("أطلقت الفصائل معركة بهدف السيطرة على بلدة العتيبة.", "ar", []),
    ("Rebels launched an offensive aimed at retaking Saraqib.", "en", []),
    ("The fall of Aleppo was a turning point in the war.", "en", []),
])
def test_a_change_told_as_past_in_a_clause_of_time(extract, text, language, expected):
    assert claims(extract, text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # the place right before a state is its subject, though it says where something happened
    ("قصفت قوات النظام بلدات في محافظة إدلب، الخاضعة لسيطرة هيئة تحرير الشام.", "ar",
     [("hts", "captured", "Idleb", "asserted")]),
    ("Two civilians were killed in Sarmin, which is held by rebels.", "en",
     [("syrian-opposition-factions", "captured", "Sarmin", "asserted")]),
    # a list named before "وهي مناطق خاضعة لسيطرة"
    ("توفي عشرات الأشخاص في مدينتي جنديرس وحارم، وهي مناطق خاضعة لسيطرة فصائل المعارضة.", "ar",
     [("syrian-opposition-factions", "captured", "Jandairis", "asserted"),
      ("syrian-opposition-factions", "captured", "Harim", "asserted")]),
    # a besieged place told with an adjective
    ("وقال ناشطون إن حي بابا عمرو لا يزال محاصراً منذ أسبوع.", "ar",
     [(None, "besieged", "Baba Amr", "asserted")]),
    ("وباتت معسكرات وادي الضيف والحامدية محاصرة من جميع الجهات.", "ar",
     [(None, "besieged", "Wadi al-Deif camp", "asserted"), (None, "besieged", "Al-Hamidiah", "asserted")]),
    # a relative area is not its governorate; people besieged somewhere are no besieged place
    ("وقتل مدنيان في ريف إدلب الخاضع لسيطرة الفصائل.", "ar", []),
    ("وقتل ثلاثة مدنيين محاصرين في الغوطة.", "ar", []),
])
def test_a_state_of_the_place_before_it(extract, text, language, expected):
    assert claims(extract, text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an adverb between the auxiliary and the verb
    ("Jaish al-Fatah had already taken the provincial capital Idlib in March.",
     [("jaish-al-fatah", "captured", "Idleb", "asserted")]),
    ("The SDF has now captured Tabqa.", [("sdf", "captured", "Al-Thawrah", "asserted")]),
    ("Palmyra has already fallen to IS.", [("islamic-state", "captured", "Tadmor", "asserted")]),
    ("Saraqib was briefly captured by rebels.",
     [("syrian-opposition-factions", "captured", "Saraqab", "asserted")]),
    ("In Idlib, bread prices have already fallen.", []),
    # the date between a verbal noun's object and its party
    ("The fall of Jisr al-Shughur on April 25 to Jaish al-Fatah left the regime exposed.",
     [("jaish-al-fatah", "captured", "Jisr-Ash-Shugur", "asserted")]),
    ("The capture of Tabqa last month by the SDF opened the road to Raqqa.",
     [("sdf", "captured", "Al-Thawrah", "asserted")]),
    ("The fall of Aleppo in December was a turning point in the war.", []),
])
def test_words_inside_a_construction_in_english(extract, text, expected):
    assert claims(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a withdrawal told with where the party went: the place it was in, before that
    ("وأسر المقاتلون عشرات العناصر، فيما فرّ عناصر حواجز أخرى في محيط بلدة جلين باتجاه مدينة "
     "درعا.", "ar", ["Jlein"]),
    # not a road it took, nor where it went
    ("وأضاف المراسل أن رتلاً من الآليات العسكرية انسحب عبر طريق تدمر – حمص باتجاه مطار التيفور.",
     "ar", []),
    ("The jihadists overran the northern districts on Wednesday, as troops withdrew towards Homs, "
     "some 150 kilometres to the west.", "en", []),
    # people after the verb are its subject, whatever party was named before
    ("ولم يصدر أي تعليق من الجانب التركي، في وقت خرج فيه مئات المحتجين في اعزاز رافضين دخول "
     "الهيئة إلى منطقتهم.", "ar", []),
    ("انسحبت قوات النظام من داريا وخرج معها آلاف المدنيين.", "ar", ["Darayya"]),
])
def test_where_a_withdrawal_was_from(extract, text, language, expected):
    assert places_of(extract, text, language) == expected


def test_a_change_told_again_with_no_party_by_the_same_source_is_one_claim(run):
    from conflictkg.extract.control import _merged
    from conflictkg.extract.model import Attribution, ControlClaim

    text = "Kurdish fighters left Ras al-Ain on Sunday. A convoy of fifty vehicles left the town at dawn."
    doc = run(text, language="en")
    source, other = Attribution("Anadolu", "anadolu"), Attribution("SOHR", "sohr")
    first = ControlClaim("a", "ras-al-ain", "withdrew", source, doc.span(0, 42), actor="ypg")
    again = ControlClaim("b", "ras-al-ain", "withdrew", source, doc.span(44, 90), actor=None)
    assert [c.key for c in _merged(doc, [first, again], set())] == ["a"]
    # another source's telling, or another change, stays a claim of its own
    elsewhere = ControlClaim("c", "ras-al-ain", "withdrew", other, doc.span(44, 90), actor=None)
    taken = ControlClaim("d", "ras-al-ain", "captured", source, doc.span(44, 90), actor=None)
    assert [c.key for c in _merged(doc, [first, elsewhere, taken], set())] == ["a", "c", "d"]


@pytest.mark.parametrize(("text", "expected"), [
    # a clause after the party named, with a subject of its own that names no party
    ("The SDF captured Manbij on Saturday after the last fighters left the city.",
     [("sdf", "captured", "Menbij", "asserted"), (None, "withdrew", "Menbij", "asserted")]),
    # the party's own fighters, and a verb coordinated with the party's, are the party's
    ("HTS launched an attack and its fighters captured Saraqib.", [("hts", "captured", "Saraqab", "asserted")]),
    ("The SDF besieged Raqqa and captured the town of Tabqa.",
     [("sdf", "besieged", "Ar-Raqqa", "asserted"), ("sdf", "captured", "Al-Thawrah", "asserted")]),
    ("The SDF captured Manbij after the last IS fighters left Manbij.",
     [("sdf", "captured", "Menbij", "asserted"), ("islamic-state", "withdrew", "Menbij", "asserted")]),
])
def test_a_clause_with_an_unnamed_subject_of_its_own(extract, text, expected):
    assert claims(extract, text, "en") == expected


def test_an_unqualified_noun_of_the_army_is_the_state_forces_of_the_time(run):
    from conflictkg.extract.pipeline import assemble

    def got(text: str, published: str) -> list[tuple[str | None, str]]:
        x = assemble(run(text, language="en", published=published))
        return [(c.actor, c.change) for c in x.control_claims]

    assert got("Troops took the village of Saida on Friday.", "2018-07-07") == [
        ("syrian-government-forces", "captured")]
    assert got("Army units on Monday restored security and stability to Saraqib.", "2020-03-02") == [
        ("syrian-government-forces", "captured")]
    # the state's forces of the year told
    assert got("Troops entered Saraqib on Monday.", "2025-03-10") == [
        ("syrian-ministry-of-defence-forces", "entered")]
    # a noun of forces qualified by another party, or owned by one, is that party's
    assert got("Turkish troops entered Afrin on Sunday.", "2018-03-18") == [("turkey", "entered")]
    assert got("Rebels said their units captured Saraqib.", "2020-02-01") == [
        ("syrian-opposition-factions", "captured")]
    # an intention is no claim, whoever the troops are
    assert got("The army will restore security and stability to Saraqib.", "2020-02-01") == []


@pytest.mark.parametrize(("text", "expected"), [
    # control a party lost: the verbal noun is the object of a verb of loss
    ("فقدت قوات النظام السيطرة على بلدة كفرنبودة.",
     [("syrian-government-forces", "lost", "Kafr Nabutha", "asserted")]),
    ("وخسرت قوات النظام صباح اليوم السيطرة على بلدة كفرنبودة.",
     [("syrian-government-forces", "lost", "Kafr Nabutha", "asserted")]),
    ("سيطرت قوات النظام على بلدة كفرنبودة وفقدت السيطرة على بلدة الهبيط.",
     [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted"),
      ("syrian-government-forces", "lost", "Hbit", "asserted")]),
    ("استعادت قوات النظام السيطرة على بلدة كفرنبودة.",
     [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]),
    # "فقد" before a verb is a particle, not a loss
    ("فقد استهدفت طائرة مسيرة تركية سيارة على طريق القامشلي بريف محافظة الحسكة.", []),
    ("فقد سيطرت قوات النظام على بلدة كفرنبودة.",
     [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]),
])
def test_control_lost_and_the_particle_fqd(extract, text, expected):
    assert claims(extract, text) == expected



@pytest.mark.parametrize(("text", "language", "expected"), [
    # a withdrawal or an entry around a place is about that place
    ("وجاء في البيان أن مرتزقة داعش تراجعوا من محيط حي الصناعة شرق المدينة.", "ar", ["Al-Sinaha"]),
    ("انسحبت قوات النظام من محيط بلدة كفرنبودة.", "ar", ["Kafr Nabutha"]),
    ("IS fighters withdrew from the outskirts of Kafr Nabudah.", "en", ["Kafr Nabutha"]),
    ("Rebels entered the southern outskirts of Kafr Nabudah.", "en", ["Kafr Nabutha"]),
    # not a capture of its outskirts, where a party went, near it, or a deployment around it
    ("سيطرت قوات النظام على محيط بلدة كفرنبودة.", "ar", []),
    ("انسحبت قوات النظام باتجاه بلدة كفرنبودة.", "ar", []),
    ("انسحبت قوات النظام من قرب بلدة كفرنبودة.", "ar", []),
    ("The troops withdrew towards Kafr Nabudah.", "en", []),
    ("بينما انتشرت عناصر الهيئة على دوار نوروز وفي محيط مبنى السرايا في عفرين.", "ar", []),
    ("انسحبت الفصائل من مواقع تقدمها في أطراف مدينة حماة.", "ar", []),  # positions around it
])
def test_a_change_around_a_place(extract, text, language, expected):
    assert places_of(extract, text, language) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('The ministry also dismissed as "fake" reports that Islamic State fighters had regained '
     "control of the town of al-Mayadin.", [("islamic-state", "captured", "Al Mayadin", "denied")]),
    ("The SDF rejected as baseless claims that IS fighters had entered Hasakah.",
     [("islamic-state", "entered", "Al-Hasakeh", "denied")]),
    ("The army captured al-Mayadin on Saturday.", [("syrian-government-forces", "captured", "Al Mayadin", "asserted")]),
])
def test_an_english_denial_told_as_a_dismissal(extract, text, expected):
    assert claims(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a relative clause after a comma is said by the denier, not denied
    ('The ministry dismissed as "fake" reports that Islamic State fighters had regained control of '
     "the town of al-Mayadin, which Syrian troops liberated in October.", "en",
     [("islamic-state", "captured", "Al Mayadin", "denied"),
      ("syrian-government-forces", "captured", "Al Mayadin", "asserted")]),
    ("ونفت الوكالة سيطرة الفصائل على بلدة كفرنبودة، التي استعادتها قوات النظام أمس.", "ar",
     [("syrian-opposition-factions", "captured", "Kafr Nabutha", "denied"),
      ("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]),
])
def test_a_relative_clause_after_a_denial_is_not_denied(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_an_aside_closed_before_the_change_keeps_it_denied(extract):
    text = ("A military source denied reports circulated by some channels, which are hostile to "
            "Syria, that armed groups had taken control of Saraqib.")
    assert [(c, s) for _, c, _, s in claims(extract, text, "en")] == [("captured", "denied")]


@pytest.mark.parametrize(("text", "expected"), [
    # reports a sentence opens with, said after the change to be false
    ("Reports in Arab media claiming that IDF forces had entered the town of Qatana are false.",
     [("israel", "entered", "Qatana", "asserted"), ("israel", "entered", "Qatana", "denied")]),
    # not a change told before the reports, nor other claims said to be false
    ("IDF forces entered the town of Qatana, officials said, and the reports are false.",
     [("israel", "entered", "Qatana", "asserted")]),
    ("Government forces entered Saraqib; rebel claims of a victory are false.",
     [("syrian-government-forces", "entered", "Saraqab", "asserted")]),
])
def test_reports_said_after_the_change_to_be_false(extract, text, expected):
    assert claims(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("حاصر الجيش بلدة مورك ففر عناصر التنظيم منها باتجاه الشمال.",
     [("syrian-arab-army", "besieged", "Murak", "asserted"),
      ("islamic-state", "withdrew", "Murak", "asserted")]),
])
def test_a_short_verb_after_a_conjunction_is_a_cue(extract, text, expected):
    assert claims(extract, text) == expected


def test_provided_written_like_and_fled_is_no_withdrawal(extract):
    assert claims(extract, "وفر الجيش الغطاء الناري للمقاتلين في بلدة مورك.") == []


# --- men who leave a place named by no party of their own ---------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سيطرت فصائل المعارضة على بلدة كفرنبودة بعد فرار عناصر الحاجز منها.", "ar",
     ("syrian-opposition-factions", "syrian-government-forces")),   # the taker's adversary
    ("سيطرت هيئة تحرير الشام على بلدة كفرنبودة بعد فرار عناصر العدو منها.", "ar",
     ("hts", "syrian-government-forces")),                          # "the enemy" is no party
    ("سيطرت الفصائل على مطار أبو الظهور العسكري بعد انسحاب الحامية منه.", "ar",
     ("syrian-opposition-factions", "syrian-government-forces")),   # a garrison
    ("سيطرت فصائل المعارضة على بلدة كفرنبودة، بينما فرّ آخرون باتجاه خان شيخون.", "ar",
     ("syrian-opposition-factions", "syrian-government-forces")),   # "others", a destination
    ("Rebels seized the Abu al-Duhur airbase after its defenders withdrew.", "en",
     ("syrian-opposition-factions", "syrian-government-forces")),
])
def test_men_of_no_party_who_leave_a_place_taken_are_of_the_side_it_was_taken_from(
        extract, text, language, expected):
    found = claims(extract, text, language)
    assert [(actor, change) for actor, change, _, _ in found] == [
        (expected[0], "captured"), (expected[1], "withdrew")]


@pytest.mark.parametrize(("text", "expected"), [
    ("سيطر تنظيم الدولة على مدينة تدمر إثر انسحاب قوات الأسد من أحيائها، في حين فرّ عشرات "
     "العناصر من سجن تدمر العسكري.", "syrian-government-forces"),  # after a withdrawal: its party
    ("سيطرت فصائل المعارضة على بلدة كفرنبودة بعد فرار عناصر من تنظيم الدولة منها.",
     "islamic-state"),                                              # a party named after "من"
])
def test_men_who_leave_keep_the_party_the_text_gives_them(extract, text, expected):
    assert [a for a, change, _, _ in claims(extract, text) if change == "withdrew"][-1] == expected


@pytest.mark.parametrize(("text", "owner"), [
    ('سيطر مقاتلو العشائر على مقرين لـ"قسد" في بلدة الطيانة.', "sdf"),
    ("سيطرت فصائل المعارضة صباح اليوم على مواقع لقوات النظام في بلدة كفرنبودة.",
     "syrian-government-forces"),
])
def test_a_party_after_l_in_the_object_owns_it_and_takes_nothing(extract, text, owner):
    found = claims(extract, text)
    assert found and owner not in [a for a, _, _, _ in found]


def test_the_owner_after_l_is_not_the_subject_of_a_plural_verb(extract):
    text = 'قال مقاتلو العشائر إنهم سيطروا على قرية ذيبان. وأضاف أن المقاتلين سيطروا على مقرين لـ"قسد" في بلدة الشحيل.'
    assert "sdf" not in [a for a, _, _, _ in claims(extract, text)]


def test_a_collective_inside_a_state_is_the_party_named_before_with_that_noun(extract):
    text = ("حررت قوات سوريا الديمقراطية حي البدو في الرقة.\n\nوتتواصل الاشتباكات في المدينة.\n\n"
            "وقال الناطق: \"لم يبق لمرتزقة داعش أي "
            "موقع داخل الرقة\". وأشار إلى أن المدينة باتت بالكامل تحت سيطرة القوات، وأن الإعلان سيصدر لاحقاً.")
    assert ("sdf", "captured", "Ar-Raqqa", "asserted") in claims(extract, text)
    assert "islamic-state" not in [a for a, _, _, _ in claims(extract, text)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The regime-backed militias which had entered Afrin on Monday withdrew from the town on Thursday.",
     "en", ("pro-government-militias", "withdrew", "Afrin", "asserted")),
    ("نفى المسؤول ما تداولته حسابات عن انسحاب قوى الأمن العام من مدينة بانياس.", "ar",
     ("general-security", "withdrew", "Banyas", "denied")),
])
def test_names_of_militias_and_of_the_general_security_are_their_parties(extract, text, language, expected):
    assert expected in claims(extract, text, language)


@pytest.mark.parametrize("text", [
    "Fighters loyal to the al-Bakkara tribe seized the town of Tadaf on Monday.",
    "Fighters from the Shaitat clan captured the town of Tadaf.",
])
def test_men_of_a_tribe_as_the_subject_are_the_tribal_fighters(extract, text):
    assert [a for a, _, _, _ in claims(extract, text, "en")] == ["tribal-forces"]


def test_men_loyal_to_a_party_that_is_no_tribe_are_not_tribal_fighters(extract):
    text = "Fighters loyal to the SDF seized the town of Tadaf on Monday."
    assert "tribal-forces" not in [a for a, _, _, _ in claims(extract, text, "en")]


# --- sieges ended or imposed ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("هاجمت مجموعات من الفلول مدينة بانياس. وقالت الوزارة إن قوات الأمن العام تمكنت من فك "
     "الحصار عن مدينة بانياس.", "ar", [("regime-remnants", "besieged", "Banyas", "asserted")]),
    ("أطلقت الفصائل هجوماً بهدف كسر الحصار المفروض على مدينة داريا.", "ar",
     [(None, "besieged", "Darayya", "asserted")]),            # an attempt to end it: besieged still
    ("تمكن الجيش من فك الحصار عن مدينة حلب.", "ar", []),         # the besieger named nowhere
    ("Islamic State fighters attacked Deir ez-Zor in 2014. In September, the Syrian army broke "
     "the siege of Deir ez-Zor.", "en", [("islamic-state", "besieged", "Deir-ez-Zor", "asserted")]),
    ("Government troops broke the siege of Deir ez-Zor on Tuesday.", "en", []),  # not the lifter's
])
def test_a_siege_ended_is_the_other_sides(extract, text, language, expected):
    assert [c for c in claims(extract, text, language) if c[1] == "besieged"] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("After the advance, regime troops sealed off the area, where the towns of Kafr Zita, "
     "Al-Lataminah and Morek and the villages of Latmin and Lahaya are now surrounded.", "en",
     ["Kafr Zeita", "Latmana", "Murak", "Latmin", "Lahaya"]),   # two lists, one subject
    ("Shelling hit Kafr Zita on Monday while civilians fled north from the area towards the "
     "border, and the villages of Latmin and Lahaya are now surrounded.", "en",
     ["Latmin", "Lahaya"]),                                       # a place where, not listed
])
def test_a_passive_subject_is_the_whole_list_before_it(extract, text, language, expected):
    assert [p for _, c, p, _ in claims(extract, text, language) if c == "besieged"] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Aid reached Nubl and Zahraa, two towns north of Aleppo that rebels have besieged for years.",
     "en", ["Nabul", "Zahraa"]),                                  # the apposition's list
    ("Aid reached the towns north of Aleppo that rebels have besieged for years.", "en", []),
])
def test_a_relative_after_a_place_of_direction_stands_for_the_list_apposed(extract, text, language, expected):
    assert [p for _, c, p, _ in claims(extract, text, language) if c == "besieged"] == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("وتفرض قوات النظام حصاراً خانقاً على نحو ثمانية آلاف عائلة في درعا البلد منذ أسابيع.", "ar",
     ["Daraa al-Balad"]),                                          # the people, then where they are
    ("Government forces have besieged thousands of civilians in Daraya since 2012.", "en", ["Darayya"]),
    ("Government forces have besieged the convoy sent to Daraya since Monday.", "en", []),  # no people
])
def test_a_siege_of_people_is_one_of_the_place_they_are_in(extract, text, language, expected):
    assert [p for _, c, p, _ in claims(extract, text, language) if c == "besieged"] == expected


# --- a site named again by its noun alone ------------------------------------------------

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("حاصرت فصائل المعارضة مطار كويرس العسكري شرق حلب منذ أشهر. وفي صباح اليوم اقتحمت "
     "الفصائل المطار بعد معارك عنيفة.", "ar",
     [("besieged", "Kweires Military Airport"), ("entered", "Kweires Military Airport")]),    # "المطار": its noun
    ("شن الجيش هجوما واسعا على مطار كويرس العسكري شرق حلب. وقال مصدر عسكري إن المطار الذي "
     "دخله الجيش أمس بات آمنا.", "ar", [("entered", "Kweires Military Airport")]),  # a relative clause
    ("Islamic State fighters attacked Ghwayran prison in Hasakeh on Thursday. By Friday the "
     "jihadists had stormed the facility.", "en", [("entered", "Ghwayran prison")]),  # any site
    ("Rebels shelled the Kweires airbase east of Aleppo for weeks. Activists said rebels had "
     "stormed the airbase, which the army had held since 2012.", "en",
     [("entered", "Kweires airbase, Aleppo"), ("captured", "Kweires airbase, Aleppo")]),
    ("Government troops held out inside the Military Security branch in Raqqa for a week. On "
     "Tuesday opposition fighters besieged the branch from three sides.", "en",
     [("besieged", "Military Security branch, Ar-Raqqa")]),       # "the branch": a security branch
])
def test_a_site_named_by_its_noun_alone_is_the_site_last_named_with_it(extract, text, language, expected):
    x = extract(text, language=language)
    places = {p.key: p.labels.get("en") for p in x.places}
    assert [(c.change, places.get(c.place)) for c in x.control_claims] == expected


@pytest.mark.parametrize(("text", "language"), [
    ("Islamic State fighters attacked a hospital in Hasakeh on Thursday. By Friday the "
     "jihadists had stormed the facility.", "en"),           # no site named before: no claim
    ("Clashes broke out near Raqqa on Monday. Rebels besieged the branch at dawn.", "en"),  # no branch
    ("قصفت قوات النظام مدينة حلب. وفي صباح اليوم اقتحمت الفصائل المطار.", "ar"),  # no airport named
])
def test_a_site_noun_with_no_site_named_before_stands_for_no_place(extract, text, language):
    assert [c for c in extract(text, language=language).control_claims if c.change in ("entered", "besieged")] == []


def test_a_relative_clause_whose_subject_is_a_collective_noun_is_a_claim_of_its_own(extract):
    # "the terror group": an adjective, then a collective noun, between "which" and its verb
    text = ("The PKK/YPG terror group shelled Azaz on Monday. On Friday the SNA took full control "
            "of the town of Tadef, which the terror group had occupied since 2016.")
    x = extract(text, language="en")
    assert sorted((c.actor, c.change) for c in x.control_claims) == [
        ("syrian-national-army", "captured"), ("ypg", "captured")]
