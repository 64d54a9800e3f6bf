"""A denial of the change just told ("نفت الجبهة ذلك") denies it though the denier's own
statement after it tells a change of its own ("مؤكدة أن العدو لم يدخلها"); a change told after
the denial's words with no such statement is the one denied; sentences written for these tests."""

from .test_control import claims


def test_a_denial_of_that_reaches_the_change_before_past_the_deniers_ground(extract):
    text = ('أعلنت قوات النظام السيطرة على بلدة كفرنبودة، ونفت الجبهة الوطنية للتحرير ذلك، '
            'مؤكدة أن "الاشتباكات مستمرة في محيط البلدة ولم يدخلها العدو".')
    assert ("syrian-government-forces", "captured", "Kafr Nabutha", "denied") in claims(extract, text)


def test_a_change_after_the_denied_reports_is_the_one_denied(extract):
    text = ('سيطرت قوات النظام على بلدة كفرنبودة. ونفى مصدر عسكري الأنباء التي نشرتها وسائل إعلام '
            'عن انسحاب الجيش من بلدة الهبيط.')
    assert ("syrian-government-forces", "captured", "Kafr Nabutha", "denied") not in claims(extract, text)
