"""Arabic: a place named in a quotation longer than a name, a statement quoted ("أن "المدينة
باتت خالية من المسلحين، باستثناء بلدة X التي لا تزال تحت سيطرتهم""), is read as any place
told, though it opens the quotation; one in a quotation as short as a name (a slogan, the name
of a battle) is not; sentences written for these tests."""

from .test_control import claims


def test_a_place_in_a_statement_quoted_at_length_is_read(extract):
    text = ('وقال محافظ حماة إن "الريف الشمالي بات آمنا بشكل كامل بعد انتهاء العمليات، باستثناء '
            'بلدة كفرنبودة التي لا تزال تحت سيطرة هيئة تحرير الشام".')
    assert ("hts", "captured", "Kafr Nabutha", "asserted") in claims(extract, text)


def test_a_place_a_few_words_into_a_quote_is_not_read(extract):
    text = 'وأطلقت هيئة تحرير الشام معركة "بلدة كفرنبودة تحت سيطرة الثوار" صباح اليوم.'
    assert [c for c in claims(extract, text) if c[2] == "Kafr Nabutha"] == []


def test_a_place_that_opens_a_statement_quoted_at_length_is_read(extract):
    text = ('وقال قيادي في الهيئة إن "بلدة كفرنبودة باتت تحت سيطرة هيئة تحرير الشام بالكامل بعد '
            'معارك استمرت ثلاثة أيام مع قوات النظام".')
    assert ("hts", "captured", "Kafr Nabutha", "asserted") in claims(extract, text)
