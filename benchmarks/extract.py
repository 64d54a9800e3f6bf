"""Throughput of the whole extraction pipeline on news-like Arabic articles.

    .venv/bin/python benchmarks/extract.py [--documents 5000] [--seed 7] [--profile]

Generates ``--documents`` articles of about 5 KB (once; they are kept in
benchmarks/.work/ and reused for the same size and seed) from the gazetteers and the
report templates below: a headline, dated episodes of clashes, shelling, captures and
withdrawals in real places, casualty tolls credited to real sources, named battles,
units with parents, denials, and page furniture. Then runs one Pipeline over all of
them in this process (one core) and prints documents/s and MB/s of CPU time, and the
time each extractor takes. ``--profile`` prints the slowest functions too.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import time
from collections import defaultdict
from pathlib import Path

from conflictkg.extract.doc import Doc
from conflictkg.extract.model import DocumentInfo
from conflictkg.extract.pipeline import Pipeline, assemble
from conflictkg.gazetteers import Gazetteers

WORK = Path(__file__).resolve().parent / ".work"
TARGET = 5_000  # bytes of UTF-8 per article

MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
          "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
          "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"]
UNIT_WORDS = ["كتيبة", "لواء", "فوج", "سرايا"]
NAME_WORDS = ["أحفاد", "شهداء", "أسود", "نسور", "فرسان", "صقور", "أنصار", "الفاروق", "الحق",
              "الإسلام", "الجبل", "الوادي", "البادية", "الشمال", "الغوطة", "الفتح", "العزة"]
HEADLINES = [
    "{actor} تسيطر على {place} بعد معارك عنيفة مع {enemy}",
    "مقتل {n} عناصر من {enemy} بهجوم على {place}",
    "{enemy} تنسحب من {place} في {gov_rural}",
    "قصف مكثف على {place} و{place2} ونزوح العشرات",
]
PARAGRAPHS = [
    "بتاريخ {day} {month} عام {year}، اندلعت اشتباكات عنيفة بين {actor} و{enemy} على أطراف "
    "{place} في {gov_rural}، ما أسفر عن مقتل {n} عنصراً من {enemy} وإصابة آخرين، بحسب {source}.",
    "وذكر {source} أن {actor} سيطرت على بلدة {place} بعد هجوم واسع من عدة محاور، فيما انسحبت "
    "{enemy} إلى {place2} وسط قصف مدفعي كثيف.",
    "وأعلنت “{unit}” التابعة لـ{actor} عن مقتل {n} من عناصر {enemy} في كمين قرب {place}، "
    "وتدمير دبابتين وثلاث آليات عسكرية.",
    "من جهتها، نفت {source} سيطرة {actor} على حواجز عسكرية في {gov_rural}، مؤكدة أن "
    "الاشتباكات ما زالت مستمرة على محور {place}.",
    "وقصفت الطائرات الحربية مدينة {place} وبلدة {place2} بأكثر من {k} غارة جوية، ما أدى "
    "إلى مقتل {n} مدنيين بينهم {m} أطفال، وفق ما وثقه {source}.",
    "وكانت {actor} قد أطلقت معركة “{battle}” في {month} الماضي بهدف استعادة السيطرة على "
    "{place} و{place2}، وتمكنت خلالها من التقدم في عدة نقاط.",
    "وارتفعت حصيلة القتلى إلى {n2} بعد العثور على جثث جديدة، بحسب حصيلة جديدة أوردها "
    "{source}، بعدما كان قد أشار في حصيلة سابقة إلى مقتل {n} عنصراً على الأقل.",
    "وتحاول {enemy} اقتحام {place} منذ أيام، دون أن تحقق أي تقدم، في ظل تحصينات أقامها "
    "{actor} على مداخل البلدة.",
    "وفي {gov_rural}، حاصرت {enemy} قرية {place} لليوم الثالث على التوالي، ومنعت دخول "
    "المواد الغذائية والطبية إليها، بحسب ناشطين من المنطقة.",
    "وقال مراسل {source} إن {n} مدنياً أصيبوا بجروح متفاوتة جراء سقوط قذائف هاون على "
    "الأحياء السكنية في {place}، مضيفاً أن فرق الدفاع المدني عملت على إسعاف المصابين.",
]
FOOTER = ("\n\nعدد التعليقات 0\nشروط النشر: عدم الإساءة للكاتب أو للأشخاص.\n"
          "1. {place} تشهد عودة الأهالي\n2. اجتماع لبحث الأوضاع في {gov}\n3. أسعار الخبز\n")


class _Corpus:
    """Names to fill the templates with, drawn from the gazetteers."""

    def __init__(self, gaz: Gazetteers) -> None:
        self.places = [e for e in gaz.places.values()
                       if e.level == "community" and " " not in e.name_ar and e.prominence >= 30]
        self.governorates = [e for e in gaz.places.values() if e.level == "governorate"]
        groups = [e for e in gaz.actors.values() if not e.generic]
        self.rebels = [e.name_ar for e in groups if e.side in ("opposition", "jihadist")]
        self.state = [e.name_ar for e in groups if e.side == "government"]
        self.sources = [e.name_ar for e in gaz.sources.values() if e.type != "generic"]

    def article(self, rng: random.Random) -> tuple[str, str]:
        published = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        gov = rng.choice(self.governorates)
        local = [p for p in self.places if p.admin1 == gov.key] or self.places

        def fill(template: str) -> str:
            actor, enemy = rng.choice(self.rebels), rng.choice(self.state)
            if rng.random() < 0.3:
                actor, enemy = enemy, actor
            unit = f"{rng.choice(UNIT_WORDS)} {rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}"
            return template.format(
                actor=actor, enemy=enemy, unit=unit, source=rng.choice(self.sources),
                place=rng.choice(local).name_ar, place2=rng.choice(local).name_ar,
                gov=gov.name_ar, gov_rural=f"ريف {gov.name_ar}", day=rng.randint(1, 28),
                month=rng.choice(MONTHS), year=published[:4], n=rng.randint(2, 90),
                n2=rng.randint(91, 200), m=rng.randint(1, 9), k=rng.randint(5, 40),
                battle=f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}")

        parts = [fill(rng.choice(HEADLINES))]
        while sum(len(p.encode("utf-8")) for p in parts) < TARGET - 600:
            parts.append(fill(rng.choice(PARAGRAPHS)))
        return "\n\n".join(parts) + fill(FOOTER), published


def corpus(gaz: Gazetteers, documents: int, seed: int) -> list[tuple[str, str]]:
    """The generated articles, written to benchmarks/.work/ on first use."""
    path = WORK / f"articles-{documents}-{seed}.jsonl"
    if not path.is_file():
        rng = random.Random(seed)
        names = _Corpus(gaz)
        WORK.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for _ in range(documents):
                text, published = names.article(rng)
                f.write(json.dumps({"text": text, "published": published}, ensure_ascii=False))
                f.write("\n")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r["text"], r["published"]) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    started = time.process_time()
    pipeline = Pipeline()
    print(f"pipeline built in {time.process_time() - started:.2f} s CPU")
    articles = corpus(pipeline.gazetteers, args.documents, args.seed)
    size = sum(len(text.encode("utf-8")) for text, _ in articles)
    print(f"{len(articles)} articles, {size / len(articles) / 1000:.1f} KB on average (UTF-8)")

    per_component: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started = time.process_time()
    for i, (text, published) in enumerate(articles):
        doc = Doc.create(DocumentInfo(file=f"{i}.txt", sha256=str(i), published=published,
                                      kind="news-article"), text)
        for component in pipeline.components:
            t = time.process_time()
            component(doc)
            per_component[component.name] += time.process_time() - t
        x = assemble(doc)
        counts["events"] += len(x.events)
        counts["claims"] += len(x.casualty_claims) + len(x.control_claims)
        counts["actors"] += len(x.actors)
        counts["places"] += len(x.places)
    elapsed = time.process_time() - started
    if profiler:
        profiler.disable()
    print(f"{len(articles) / elapsed:.1f} documents/s, {size / elapsed / 1e6:.2f} MB/s "
          f"({elapsed:.1f} s CPU, one core)")
    print("per document: " + ", ".join(f"{k} {v / len(articles):.1f}" for k, v in counts.items()))
    for name, seconds in sorted(per_component.items(), key=lambda kv: -kv[1]):
        print(f"  {name:12} {seconds / len(articles) * 1000:6.2f} ms/document")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
