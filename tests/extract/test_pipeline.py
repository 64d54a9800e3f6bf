"""The pipeline: assembly checks, one pipeline for many documents, exact spans, and the
seed documents scored by the project's evaluation (when it is present)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictkg.extract.dating import DateFinder
from conflictkg.extract.doc import Doc
from conflictkg.extract.matcher import matchers_in
from conflictkg.extract.model import DocumentInfo, Span
from conflictkg.extract.patterns import PatternError
from conflictkg.extract.pipeline import Pipeline, PipelineError, extract
from conflictkg.extract.segment import Segmenter
from conflictkg.ingest import extract_paths
from conflictkg.iris import Iris
from conflictkg.reference import load_bundle, sample_corpus

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sample_corpus()
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"
# Strict F1 (claims and events paired one to one, as the project measures) the seeds
# reach on main; a change that drops below is a regression to look at. A value exactly at
# its floor keeps a hair of margin (actors, attribution and events are there).
FLOORS = {"actors": 0.99, "places": 0.99, "casualties": 0.96, "attribution": 0.99,
          "control": 0.90, "events": 0.74}


class _Needy:
    name: ClassVar[str] = "needy"
    requires: ClassVar[tuple[str, ...]] = ("place_mentions",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, gazetteers, patterns) -> None:
        pass

    def __call__(self, doc: Doc) -> None:
        pass


def test_an_extractor_before_what_it_needs_fails_at_assembly():
    with pytest.raises(PipelineError, match=r"'needy' requires place_mentions"):
        Pipeline([Segmenter, DateFinder, _Needy])


def test_a_pipeline_of_some_extractors_runs_them_only():
    pipeline = Pipeline([Segmenter, DateFinder])
    doc = pipeline.run(DocumentInfo(file="a.txt", sha256="0", published="2017-03-25"),
                       "اشتباكات عنيفة في حي جوبر اليوم. وقصف على برزة.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "اشتباكات عنيفة في حي جوبر اليوم.", "وقصف على برزة."]
    assert [d.value for d in doc.dates] == ["2017-03-25"]
    assert doc.place_mentions == []


def test_extract_reuses_one_pipeline():
    info = DocumentInfo(file="a.txt", sha256="0")
    first = extract(info, "سيطرت فصائل المعارضة على مدينة حمص.")
    second = extract(info, "سيطرت فصائل المعارضة على مدينة حمص.")
    assert first.control_claims == second.control_claims
    assert first.to_json(Iris())["claims"][0]["place"].endswith("/place/C2528")


def test_a_malformed_pattern_file_names_its_file_and_key(bundle_copy):
    control = bundle_copy / "mappings" / "patterns" / "control.yaml"
    control.write_text(control.read_text(encoding="utf-8").replace(
        "  denials: [نفى,", "  denials: 7\n  unused: [نفى,", 1), encoding="utf-8")
    with pytest.raises(PatternError, match=r"control\.yaml: ar\.denials must be a list"):
        Pipeline(bundle=load_bundle(bundle_copy))


def test_a_pipeline_reads_the_lexicon_of_its_own_bundle(bundle_copy):
    """Gazetteers, patterns and lexicon come from one bundle, whichever else is loaded."""
    qualifiers = bundle_copy / "mappings" / "lexicon" / "qualifiers.tsv"
    qualifiers.write_text(qualifiers.read_text(encoding="utf-8") + "بما يتجاوز\tmore_than\tbefore\tar\n",
                          encoding="utf-8")
    text = "وقال المرصد السوري إن بما يتجاوز 40 عنصراً من قوات النظام قتلوا في حمص."
    info = DocumentInfo(file="a.txt", sha256="0", published="2017-03-25")
    changed, package = Pipeline(bundle=load_bundle(bundle_copy)), Pipeline()
    assert [c.qualifier for c in changed.extract(info, text).casualty_claims] == ["more_than"]
    assert [c.qualifier for c in package.extract(info, text).casualty_claims] == ["exact"]
    assert [c.qualifier for c in changed.extract(info, text).casualty_claims] == ["more_than"]


FRAGMENTS = [
    "بتاريخ 28 كانون الثاني/يناير، استهدف الجيش الحر مراكز قوات النظام في حي القدم",
    "وثق المرصد 82 عنصراً على الأقل من قوات النظام بينهم 9 ضباط",
    "ونفت الصحيفة سيطرة أبناء المنطقة على حواجز عسكرية في ريفي درعا",
    "حاصر “لواء مجاهدي الشام” قسم شرطة القدم",
    "كتيبة الفقهاء الصالحينلواء مغاوير الشامكتيبة حذيفة بن اليمان - جنوب دمشق",
    "وأضاف أن القصف أسفر عن مقتل أحد المدنيين", "اقتحم الجيش الحر محطة القطارات الواقعة في",
    "At least 23 soldiers were killed in Saraqeb, the Observatory said",
    "Rebels captured the town of Khan Shaykhun", "المنطقة الجغرافية", "محافظة دمشق-مدينة دمشق-القدم",
    "الحيّ", "مقتلُ", "ـــ", "“", "”", "(", ")", "،", ".", "\n", "\n\n", " ", "  ", "1. ", "؟",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14),
       language=st.sampled_from(["ar", "en"]))
def test_every_span_is_the_text_it_claims(pipeline, parts, language):
    text = "".join(parts)
    x = pipeline.extract(DocumentInfo(file="p.txt", sha256="0", language=language,
                                      published="2020-01-29"), text)
    spans: list[Span] = [m for e in (*x.actors, *x.places) for m in e.mentions]
    spans += [e.evidence for e in x.events]
    spans += [c.evidence for c in (*x.casualty_claims, *x.control_claims)]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
    keys = [c.key for c in (*x.casualty_claims, *x.control_claims)] + [e.key for e in x.events]
    assert len(keys) == len(set(keys))
    places = {p.key for p in x.places}
    actors = {a.key for a in x.actors}
    assert all(set(e.places) <= places and set(e.actors) <= actors for e in x.events)
    assert all(c.place in places and c.actor in actors | {None} for c in x.control_claims)
    assert all(c.victim_actor in actors | {None} for c in x.casualty_claims)


ALPHABET = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ ًٌٍَُِّْـ0123456789٠١٢٣"
                                 "،.؛:؟!\"“”«»()-/\n abcXYZ"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=ALPHABET, max_size=400))
def test_any_text_is_read_without_error_and_spans_stay_exact(pipeline, text):
    x = pipeline.extract(DocumentInfo(file="r.txt", sha256="0", published="2020-01-29"), text)
    for span in [m for e in (*x.actors, *x.places) for m in e.mentions] + [
            c.evidence for c in (*x.casualty_claims, *x.control_claims, *x.events)]:
        assert text[span.start:span.end] == span.text


@pytest.mark.skipif(not SCORER.is_file() or not GOLD.is_file(),
                    reason="the project's evaluation is not next to the repository")
def test_the_seed_documents_score_above_their_floors(tmp_path):
    iris = Iris()
    for document, extraction in extract_paths(sorted(CORPUS.glob("*.txt")),
                                              metadata=CORPUS / "manifest.jsonl"):
        assert extraction is not None, document
        (tmp_path / f"{Path(document.file).stem}.json").write_text(
            json.dumps(extraction.to_json(iris), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--pred-dir", str(tmp_path),
         "--json", "--strict"], capture_output=True, text=True, check=True)
    summary = json.loads(result.stdout)
    assert summary["missing_predictions"] == []
    scores = {k: summary[k]["f1"] for k in FLOORS}
    assert all(scores[k] >= floor for k, floor in FLOORS.items()), scores


def test_every_matcher_the_extractors_hold_reads_the_document_in_the_shared_scan(pipeline):
    held = [m for m in matchers_in(pipeline.components, depth=8) if len(m)]
    assert held and all(m._scan is not None for m in held)  # none scans a document alone


def test_numbered_paragraphs_of_a_summary_are_read_and_numbered_links_are_not(pipeline):
    summary = "\n".join(
        f"{n}. September {n + 6}: ISIS attacked regime positions near the village of al-Shoula. "
        f"Pro-regime sources reported that an ISIS car bomb killed at least {n + 14} regime "
        "fighters near the village." for n in range(1, 4))
    links = "Read also\n1. Rebels advance in Idlib\n2. Talks in Astana\n3. 12 killed in Douma"
    x = pipeline.extract(DocumentInfo(file="s.txt", sha256="0", language="en",
                                      published="2017-09-14"), summary + "\n\n" + links)
    assert [c.count for c in x.casualty_claims] == [15, 16, 17]


def test_a_line_that_links_to_another_report_is_not_read_and_the_report_goes_on(run):
    text = ("Government forces shelled the town of Saraqeb on Tuesday, killing four civilians.\n\n"
            "Related: The siege of Kafr Nubl in numbers\n\n"
            "Rebels shelled the village of Kafr Nubl on Tuesday, killing two soldiers.")
    doc = run(text, language="en", published="2020-02-05")
    furniture = [doc.text[s.start:s.end] for s in doc.sentences if s.boilerplate]
    assert furniture == ["Related: The siege of Kafr Nubl in numbers"]
    assert [e.kind for e in doc.events] == ["shelling", "shelling"]


def test_a_party_named_only_by_a_common_noun_is_listed_with_its_claims(extract):
    """"troops" names the state's forces without a name of theirs: the claims still point at
    an actor of the output, never at one it leaves out."""
    x = extract("The army said troops seized the villages of Kafr Nabuda and Hbit on Sunday.",
                language="en")
    assert x.control_claims
    assert {c.actor for c in x.control_claims} <= {a.key for a in x.actors}
    assert {c.actor for c in x.control_claims} == {"syrian-government-forces"}
