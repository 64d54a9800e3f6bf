"""Throughput of the whole extraction pipeline on news-like Arabic articles.

    .venv/bin/python benchmarks/extract.py [--documents 5000] [--seed 7] [--dense] [--profile]

Generates ``--documents`` articles of about 5 KB (once; they are kept in
benchmarks/.work/ and reused for the same size, seed and style) from the gazetteers and
the report templates below. Like a real report, an article follows a few parties and
sources in one governorate: a headline, dated episodes of clashes, shelling, captures and
withdrawals in real places, casualty tolls credited to real sources, named battles, units
with parents and denials, mixed with the background a report carries (the humanitarian
situation, residents' words, politics), and page furniture. The mix is set so that
events, claims, groups and places per KB come close to those of the news reports in the
bundled sample corpus; the benchmark prints both. ``--dense`` makes every paragraph an
episode with parties drawn afresh: about two and a half times the claims per KB of the
sample's reports, a worst case.

Then runs one Pipeline, built as the batch commands build it (``new_pipeline(freeze=True)``),
over all of them in this process (one core) and prints documents/s and MB/s of CPU time,
and the time each extractor takes. ``--profile`` prints the slowest functions too.
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
from conflictkg.ingest import new_pipeline
from conflictkg.reference import sample_corpus
from conflictkg.reference.gazetteers import Gazetteers

WORK = Path(__file__).resolve().parent / ".work"
SAMPLE = sample_corpus()
TARGET = 5_000  # bytes of UTF-8 per article
EPISODE_SHARE = 0.45  # of the paragraphs after the headline; the rest is background

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
BACKGROUND = [
    "وتأتي هذه التطورات في ظل تصعيد عسكري يشهده {gov_rural} منذ أسابيع، وسط مخاوف من موجة "
    "نزوح جديدة من {place} و{place2} باتجاه المناطق الحدودية، حيث تعاني المخيمات أصلاً "
    "من اكتظاظ كبير.",
    "ويعاني سكان {place} من أوضاع إنسانية صعبة، في ظل نقص حاد في المواد الغذائية والأدوية "
    "وانقطاع الكهرباء والمياه لساعات طويلة يومياً، بينما ارتفعت أسعار المحروقات بشكل كبير.",
    "وكانت المنطقة قد شهدت خلال الأشهر الماضية هدوءاً نسبياً بعد اتفاق لوقف إطلاق النار "
    "برعاية دولية، إلا أن الخروقات لم تتوقف بشكل كامل، وتبادل الطرفان الاتهامات بخرقه.",
    "وقال أحد سكان البلدة، طلب عدم الكشف عن اسمه لأسباب أمنية، إن العائلات باتت تخشى "
    "الخروج من منازلها بعد حلول الظلام، وإن كثيراً منها غادر نحو المخيمات أو إلى أقارب "
    "في مناطق أكثر أمناً.",
    "ويرى محللون عسكريون أن السيطرة على هذه المنطقة تمنح الطرف المسيطر أفضلية في التحكم "
    "بطرق الإمداد الرئيسية التي تربط {gov} بالمحافظات المجاورة، ما يفسر شدة المعارك التي "
    "تدور حولها منذ سنوات.",
    "وتطالب منظمات إنسانية بفتح ممرات آمنة لإدخال المساعدات وإجلاء الجرحى والمرضى، محذرة "
    "من كارثة إنسانية في حال استمرار الحصار ومنع وصول القوافل إلى المحتاجين.",
    "وعلى الصعيد السياسي، دعت الأمم المتحدة جميع الأطراف إلى ضبط النفس واحترام القانون "
    "الدولي الإنساني وحماية المدنيين، مؤكدة أن الحل في سوريا لا يمكن أن يكون عسكرياً.",
    "وتشهد أسعار المواد الأساسية ارتفاعاً كبيراً في أسواق {gov}، إذ وصل سعر ربطة الخبز "
    "إلى مستويات غير مسبوقة، بحسب ما رصده مراسلون محليون، في ظل تراجع قيمة الليرة.",
    "ويشير ناشطون إلى أن المدارس في {place} أغلقت أبوابها منذ بداية التصعيد، وتحول بعضها "
    "إلى مراكز إيواء للعائلات النازحة، فيما توقفت معظم المشافي الميدانية عن العمل.",
    "وتعد {place} من أكبر البلدات في {gov_rural}، وكان يقطنها قبل عام 2011 نحو عشرين ألف "
    "نسمة، نزح معظمهم خلال سنوات الحرب، ولم يعد منهم إلا عدد قليل.",
    "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير، في حين تتضارب الروايات حول ما "
    "جرى على الأرض، ويتعذر التحقق منها بشكل مستقل بسبب القيود المفروضة على عمل الصحفيين.",
    "وتتخوف فعاليات مدنية من أن يؤدي استمرار المعارك إلى تدمير ما تبقى من البنية التحتية "
    "في {place} و{place2}، بعد أن خرجت محطات المياه والأفران عن الخدمة خلال الأسابيع "
    "الماضية.",
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

    def article(self, rng: random.Random, dense: bool) -> tuple[str, str]:
        published = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        gov = rng.choice(self.governorates)
        local = [p for p in self.places if p.admin1 == gov.key] or self.places
        # a report follows a few parties, sources and places; a dense one draws afresh
        rebels = self.rebels if dense else rng.sample(self.rebels, 2)
        state = self.state if dense else rng.sample(self.state, 1)
        sources = self.sources if dense else rng.sample(self.sources, 2)
        local = local if dense else rng.sample(local, min(len(local), 10))

        def fill(template: str) -> str:
            actor, enemy = rng.choice(rebels), rng.choice(state)
            if rng.random() < 0.3:
                actor, enemy = enemy, actor
            unit = f"{rng.choice(UNIT_WORDS)} {rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}"
            return template.format(
                actor=actor, enemy=enemy, unit=unit, source=rng.choice(sources),
                place=rng.choice(local).name_ar, place2=rng.choice(local).name_ar,
                gov=gov.name_ar, gov_rural=f"ريف {gov.name_ar}", day=rng.randint(1, 28),
                month=rng.choice(MONTHS), year=published[:4], n=rng.randint(2, 90),
                n2=rng.randint(91, 200), m=rng.randint(1, 9), k=rng.randint(5, 40),
                battle=f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}")

        parts = [fill(rng.choice(HEADLINES))]
        while sum(len(p.encode("utf-8")) for p in parts) < TARGET - 600:
            episode = dense or rng.random() < EPISODE_SHARE
            parts.append(fill(rng.choice(PARAGRAPHS if episode else BACKGROUND)))
        return "\n\n".join(parts) + fill(FOOTER), published


def corpus(gaz: Gazetteers, documents: int, seed: int,
           dense: bool = False) -> list[tuple[str, str]]:
    """The generated articles, written to benchmarks/.work/ on first use."""
    # the generator's version is in the name, so that articles made by an older generator
    # (every one dense, before v2) are not read back as news-like ones
    path = WORK / f"articles-v2-{documents}-{seed}{'-dense' if dense else ''}.jsonl"
    if not path.is_file():
        rng = random.Random(seed)
        names = _Corpus(gaz)
        WORK.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for _ in range(documents):
                text, published = names.article(rng, dense)
                f.write(json.dumps({"text": text, "published": published}, ensure_ascii=False))
                f.write("\n")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r["text"], r["published"]) for r in rows]


def info(i: int, published: str | None) -> DocumentInfo:
    """What the pipeline is told of the i-th article."""
    return DocumentInfo(file=f"{i}.txt", sha256=str(i), published=published,
                        kind="news-article")


def densities(pipeline: Pipeline, articles: list[tuple[str, str]]) -> dict[str, float]:
    """Events, claims, groups and places found per KB of UTF-8 text."""
    counts: dict[str, int] = defaultdict(int)
    size = 0
    for i, (text, published) in enumerate(articles):
        x = pipeline.extract(info(i, published), text)
        counts["events"] += len(x.events)
        counts["claims"] += len(x.casualty_claims) + len(x.control_claims)
        counts["groups"] += len(x.actors)
        counts["places"] += len(x.places)
        size += len(text.encode("utf-8"))
    return {k: v / size * 1000 for k, v in counts.items()}


def sample_reports() -> list[tuple[str, str]]:
    """The news reports of the bundled sample corpus (not its archive record)."""
    rows = [json.loads(line) for line in (SAMPLE / "manifest.jsonl").read_text().splitlines()]
    return [((SAMPLE / r["file"]).read_text(encoding="utf-8"), r["published"])
            for r in rows if r["kind"] == "news-article"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dense", action="store_true",
                        help="every paragraph an episode: the worst case, not a real report")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    started = time.process_time()
    pipeline = new_pipeline(freeze=True)
    print(f"pipeline built in {time.process_time() - started:.2f} s CPU")
    articles = corpus(pipeline.gazetteers, args.documents, args.seed, args.dense)
    size = sum(len(text.encode("utf-8")) for text, _ in articles)
    print(f"{len(articles)} {'dense ' if args.dense else ''}articles, "
          f"{size / len(articles) / 1000:.1f} KB on average (UTF-8)")
    for label, found in (("these articles", densities(pipeline, articles[:200])),
                         ("sample reports", densities(pipeline, sample_reports()))):
        print(f"per KB, {label}: " + ", ".join(f"{k} {v:.2f}" for k, v in found.items()))

    per_component: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started = time.process_time()
    for i, (text, published) in enumerate(articles):
        doc = Doc.create(info(i, published), text)
        for component in pipeline.components:
            t = time.process_time()
            component(doc)
            per_component[component.name] += time.process_time() - t
        assemble(doc)
    elapsed = time.process_time() - started
    if profiler:
        profiler.disable()
    print(f"{len(articles) / elapsed:.1f} documents/s, {size / elapsed / 1e6:.2f} MB/s "
          f"({elapsed:.1f} s CPU, one core)")
    for name, seconds in sorted(per_component.items(), key=lambda kv: -kv[1]):
        print(f"  {name:12} {seconds / len(articles) * 1000:6.2f} ms/document")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
