"""No document is lost to a bug: random reports made of the bundle's own words run through
the whole pipeline without an internal error, and every span is the text it claims; an
extractor that does fail loses its findings there and nothing else."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictkg.extract.doc import Doc
from conflictkg.extract.model import Actor, CasualtyClaim, DocumentInfo, Span
from conflictkg.extract.pipeline import DEFAULT_COMPONENTS, Pipeline, assemble

EXAMPLES = int(os.environ.get("CONFLICTKG_PROPERTY_EXAMPLES", "2000"))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _vocabulary(pipeline: Pipeline) -> dict[str, list[str]]:
    """Words a report is made of, by language: names from the gazetteers, the words of
    every pattern file, numbers and punctuation."""
    gaz = pipeline.gazetteers
    words: dict[str, set[str]] = {"ar": set(), "en": set()}
    for entries in (gaz.places.values(), gaz.actors.values(), gaz.sources.values()):
        for n, entry in enumerate(entries):
            if n % 7 == 0 or getattr(entry, "level", "") in ("governorate", "district"):
                words["ar"].update(entry.names_ar)
                words["en"].update(entry.names_en)
    for path in sorted((pipeline.bundle.mappings / "patterns").glob("*.yaml")):
        _, data = pipeline.bundle.pattern_file(path.stem)
        for language in ("ar", "en"):
            words[language].update(s for s in _strings(data.get(language)) if len(s) < 40)
    shared = ["12", "٣٥", "2019", "1,200", "3 آذار/ مارس", "09:10", "(", ")", "“", "”", "«", "»",
              "،", ",", ".", ":", "-", "—", "\n", "\n\n", "و", "and", "the", "في", "on", "إلى"]
    return {lang: sorted(w for w in ws if w.strip()) + shared for lang, ws in words.items()}


@pytest.fixture(scope="module")
def vocabulary(pipeline: Pipeline) -> dict[str, list[str]]:
    return _vocabulary(pipeline)


@st.composite
def reports(draw: st.DrawFn, vocabulary: dict[str, list[str]]) -> tuple[str, str]:
    language = draw(st.sampled_from(["ar", "en"]))
    pool = vocabulary[language] + vocabulary["ar" if language == "en" else "en"][:50]
    parts = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=40))
    joints = draw(st.lists(st.sampled_from([" ", " ", " ", "", "، ", ". ", "\n"]),
                           min_size=len(parts), max_size=len(parts)))
    return language, "".join(p + j for p, j in zip(parts, joints, strict=True))


def test_random_reports_of_the_bundles_words_raise_nothing_and_keep_exact_spans(pipeline, vocabulary):
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=os.environ.get("CONFLICTKG_PROPERTY_RANDOM") is None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(report=reports(vocabulary))
    def check(report: tuple[str, str]) -> None:
        language, text = report
        info = DocumentInfo(file="random.txt", sha256="0", language=language, published="2019-03-12")
        doc = pipeline.run(info, text)
        assert doc.errors == [], doc.errors
        x = assemble(doc)
        spans = [m for e in (*x.actors, *x.places) for m in e.mentions]
        spans += [c.evidence for c in (*x.events, *x.casualty_claims, *x.control_claims)]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text

    check()


class _Faulty:
    """Fails on any sentence that names Jobar, as a reader with a bug would."""

    name: ClassVar[str] = "faulty"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "place_mentions")
    assigns: ClassVar[tuple[str, ...]] = ("control_claims",)

    def __init__(self, gazetteers: Any, patterns: Any) -> None:
        pass

    def __call__(self, doc: Doc) -> None:
        for sentence in doc.sentences:
            doc.attempt(self.name, (sentence.start, sentence.end), None, self._read, doc, sentence)

    def _read(self, doc: Doc, sentence: Any) -> None:
        if "جوبر" in doc.text[sentence.start:sentence.end]:
            raise RuntimeError("a bug")


class _Broken(_Faulty):
    name: ClassVar[str] = "broken"

    def __call__(self, doc: Doc) -> None:
        doc.control_claims = ["half-made"]  # type: ignore[list-item]
        raise RuntimeError("a bug")


TEXT = "سيطرت فصائل المعارضة على حي جوبر. وقتل 12 عنصرا من قوات النظام في القابون."


def test_a_reader_that_fails_on_a_sentence_loses_that_sentence_only(pipeline):
    faulty = Pipeline([*DEFAULT_COMPONENTS, _Faulty], bundle=pipeline.bundle)
    info = DocumentInfo(file="a.txt", sha256="0", published="2017-03-25")
    doc = faulty.run(info, TEXT)
    assert [(e.reader, TEXT[e.start:e.end]) for e in doc.errors] == [
        ("faulty", "سيطرت فصائل المعارضة على حي جوبر.")]
    assert [c.count for c in doc.casualty_claims] == [12]


def test_a_reader_that_fails_outright_is_rolled_back_and_the_others_run(pipeline, caplog):
    broken = Pipeline([*DEFAULT_COMPONENTS[:-1], _Broken, DEFAULT_COMPONENTS[-1]],
                      bundle=pipeline.bundle)
    x = broken.extract(DocumentInfo(file="b.txt", sha256="0", published="2017-03-25"), TEXT)
    assert [c.count for c in x.casualty_claims] == [12]
    assert all(c.place for c in x.control_claims)  # the last reader ran over a clean state
    assert "b.txt: extractor 'broken' failed" in caplog.text


def test_a_victim_named_only_through_a_claim_is_assembled_first(pipeline):
    doc = pipeline.run(DocumentInfo(file="c.txt", sha256="0"), TEXT)
    doc.actors["nameless"] = Actor(key="nameless", labels={"ar": None, "en": "nameless"})
    doc.casualty_claims.append(CasualtyClaim(
        key="casualties-x", count=3, qualifier="exact", attributed_to=doc.publisher,
        evidence=Span(0, 5, TEXT[:5]), victim_actor="nameless"))
    assert assemble(doc).actors[0].key == "nameless"


_LONG_TEXT_RUN = """
import resource, sys, time
from conflictkg.ingest import new_pipeline
from conflictkg.extract.model import DocumentInfo
paragraph = ("قتل 12 عنصراً من قوات النظام في هجوم لهيئة تحرير الشام على بلدة كفرنبودة بريف حماة "
             "الشمالي، بحسب المرصد السوري لحقوق الإنسان، وسيطرت الفصائل على قرية الهبيط.\\n\\n")
pipeline = new_pipeline()
out = []
# two pieces, twenty-five, two again: the short text read before and after the long one, so
# that a machine busier during one reading than the other moves both sides of the ratio
for size in (250_000, 5_000_000, 250_000):
    text = paragraph * (size // len(paragraph))
    start = time.process_time()
    x = pipeline.extract(DocumentInfo(file="long.txt", sha256="0", published="2019-05-09"), text)
    out.append(time.process_time() - start)
    assert x.casualty_claims and all(text[c.evidence.start:c.evidence.end] == c.evidence.text
                                     for c in x.casualty_claims)
print(max(out[0], out[2]), out[1], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.slow
@pytest.mark.timeout(1_500)  # minutes of CPU on a busy machine: the bound is the ratio below
def test_a_text_twenty_times_longer_costs_about_twenty_times_as_much():
    """Extraction is linear in the text: the ratio of CPU times in one process (not a
    wall-clock bound) and the peak memory of that process."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _LONG_TEXT_RUN], capture_output=True,
                            text=True, timeout=1_400, check=True)
    one, twenty, peak_kb = result.stdout.split()
    assert float(twenty) <= 25 * float(one), (one, twenty)
    assert int(peak_kb) < 1024 * 1024, peak_kb  # under 1 GB (about 0.3 GB measured at 8 MB)
