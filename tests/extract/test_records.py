"""Structured archive records read through the bundle's declarative mappings (mappings/records)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictkg.extract.model import DocumentInfo
from conflictkg.extract.pipeline import Pipeline
from conflictkg.extract.records import RecordMappingError
from conflictkg.iris import Iris
from conflictkg.reference import load_bundle

RECORD = """\
الذاكرة السورية هي ملك لكل السوريين.

معركة الفرقان

كود الذاكرة السورية:

SMI/A900/999

تاريخ بدء المعركة

2014/10/05

تاريخ أنتهاء المعركة

2014/11/20

نوع المعركة

معركة ضد النظام

بتاريخ 05 تشرين الأول/أكتوبر 2014 اقتحمت الفصائل بلدة كفرشمس وسيطرت عليها.

الأطراف والقادة العسكريين

الطرف الأول

الجيش الحرلواء نسور الوادي الأخضر - كفرشمسكتيبة أحفاد البادية(قوات خاصة)-درعاجبهة أنصار الإسلام

المنطقة الجغرافية

محافظة درعا-منطقة الصنمين-كفرشمس

ملفات مرفقة
"""


def test_a_record_is_detected_and_its_fields_read(run):
    doc = run(RECORD, published=None, kind="archive-record")
    record = doc.record
    assert record is not None and record["mapping"] == "syrian-memory"
    assert (record["name"], record["code"], record["start"], record["end"], record["type"]) == (
        "معركة الفرقان", "SMI/A900/999", "2014-10-05", "2014-11-20", "معركة ضد النظام")
    assert record["area"] == [["محافظة درعا", "منطقة الصنمين", "كفرشمس"]]


def test_a_party_list_run_together_is_split_into_groups(run):
    doc = run(RECORD, published=None, kind="archive-record")
    assert doc.record["parties"] == ["الجيش الحر", "لواء نسور الوادي الأخضر",
                                     "كتيبة أحفاد البادية", "جبهة أنصار الإسلام"]
    for span in doc.record_parties:
        assert doc.text[span.start:span.end] == span.text
    keys = {m.key for m in doc.actor_mentions
            if any(p.start <= m.start < p.end for p in doc.record_parties)}
    assert "free-syrian-army" in keys and len(keys) == 4


def test_the_record_is_a_battle_event_in_its_area(extract):
    x = extract(RECORD, published=None, kind="archive-record")
    battle = next(e for e in x.events if e.name == "معركة الفرقان")
    assert (battle.kind, battle.start, battle.end) == ("battle", "2014-10-05", "2014-11-20")
    kafr_shams = [p.key for p in x.places if p.labels["ar"] == "كفر شمس"]
    assert battle.places == kafr_shams
    assert "free-syrian-army" in battle.actors
    episodes = [e for e in x.events if e is not battle]
    assert episodes and {e.parent for e in episodes} == {battle.key}
    assert x.to_json(Iris())["record"]["code"] == "SMI/A900/999"


def test_an_article_is_no_record(run):
    assert run("سيطرت فصائل المعارضة على مدينة حمص.").record is None


@pytest.fixture
def mappings(bundle_copy: Path) -> Path:
    """The mappings/ of a copy of the bundle, to add record mappings to."""
    return bundle_copy / "mappings"


def test_a_new_source_is_a_new_mapping_file(mappings):
    (mappings / "records" / "battle-sheet.yaml").write_text("""\
name: battle-sheet
detect: {required: [start], min_fields: 2}
fields:
  name: {labels: ["Battle"], parser: text}
  start: {labels: ["Began"], parser: date}
  parties: {labels: ["Sides"], parser: party-list}
event: {kind: battle, name: name, start: start, actors: parties}
""", encoding="utf-8")
    pipeline = Pipeline(bundle=load_bundle(mappings.parent))
    text = "Battle: Siege of Aleppo\nBegan\n2016/07/17\nSides\nJaysh al-Islam\n"
    doc = pipeline.run(DocumentInfo(file="x.txt", sha256="0", language="en"), text)
    assert doc.record["mapping"] == "battle-sheet"
    assert (doc.record["name"], doc.record["start"]) == ("Siege of Aleppo", "2016-07-17")


def test_a_malformed_mapping_names_its_file_and_field(mappings):
    (mappings / "records" / "broken.yaml").write_text(
        "name: broken\nfields:\n  start: {labels: [Began], parser: calendar}\n", encoding="utf-8")
    with pytest.raises(RecordMappingError, match=r"broken\.yaml: fields\.start\.parser"):
        Pipeline(bundle=load_bundle(mappings.parent))
