"""Arabic: "الجيش", a weak name that stands alone for the army, denotes the state's forces
where the report names them outright ("قوات النظام"): one party, not two; alone it is still
the army; sentences written for these tests."""

from .test_control import claims


def test_the_army_in_a_report_that_names_the_states_forces_is_them(extract):
    text = ("وقصفت قوات النظام أحياء المدينة طوال الأسبوع. فيما أعلن التلفزيون الرسمي سيطرة "
            "الجيش على كامل بلدة كفرنبودة.")
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]
    assert "syrian-arab-army" not in {a.key for a in extract(text).actors}


def test_the_army_alone_is_the_army(extract):
    text = "وأعلن التلفزيون الرسمي سيطرة الجيش على كامل بلدة كفرنبودة."
    assert claims(extract, text) == [("syrian-arab-army", "captured", "Kafr Nabutha", "asserted")]
