"""Saved web pages: the article's text without the page around it, and the page's metadata."""

from __future__ import annotations

from conflictkg.documents import Document, LoadError
from conflictkg.documents.htmltext import declared_charset

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="{charset}">
  <title>معركة درعا البلد | السورية نت</title>
  <meta property="og:title" content="قوات النظام تقتحم درعا البلد">
  <meta property="og:site_name" content="السورية نت">
  <meta property="article:published_time" content="2021-07-29T14:05:00+03:00">
  <link rel="canonical" href="https://www.syria.tv/article/123">
  <script>var analytics = "قائمة";</script>
  <style>.menu {{ color: red }}</style>
</head>
<body>
  <header class="site"><a href="/">الرئيسية</a> <a href="/news">أخبار</a></header>
  <nav><ul><li>سياسة</li><li>اقتصاد</li></ul></nav>
  <article>
    <header><h1>قوات النظام   تقتحم
      درعا البلد</h1></header>
    <p>شنّت قوات النظام هجوماً على <b>درعا البلد</b>،
       وقُتل <span>ثلاثة</span> مدنيين.</p>
    <div>قال ناشطون<br>إن الاشتباكات مستمرة.</div>
    <p>   </p>
    <script>document.write("إعلان")</script>
    <form><input value="اشترك"></form>
  </article>
  <aside>الأكثر قراءة</aside>
  <footer>جميع الحقوق محفوظة</footer>
</body>
</html>
"""
ARTICLE = (
    "قوات النظام تقتحم درعا البلد\n\n"
    "شنّت قوات النظام هجوماً على درعا البلد، وقُتل ثلاثة مدنيين.\n\n"
    "قال ناشطون\nإن الاشتباكات مستمرة."
)


def test_arabic_article_without_boilerplate(write, load_one):
    document = load_one(write("page.html", PAGE.format(charset="utf-8")))
    assert isinstance(document, Document), document
    assert document.text == ARTICLE
    assert document.title == "قوات النظام تقتحم درعا البلد"
    assert document.published == "2021-07-29"
    assert document.language == "ar"
    assert document.url == "https://www.syria.tv/article/123"
    assert document.publisher == "السورية نت"


def test_windows_1256_page_honours_its_meta_charset(write, load_one):
    page = PAGE.format(charset="windows-1256").encode("cp1256")
    assert declared_charset(page) == "windows-1256"
    assert load_one(write("page.htm", page)).text == ARTICLE


def test_manifest_overrides_what_the_page_says(write, load_one):
    path = write("page.html", PAGE.format(charset="utf-8"))
    manifest = {"page.html": {"file": "page.html", "publisher": "Al-Souria Net", "published": "2021-07-30"}}
    document = load_one(path, metadata=manifest)
    assert (document.publisher, document.published) == ("Al-Souria Net", "2021-07-30")
    assert document.title == "قوات النظام تقتحم درعا البلد"  # not in the manifest: kept


def test_main_then_body_when_there_is_no_article(write, load_one):
    main = "<html><body><nav>menu</nav><main><h2>Title</h2><p>One  two</p></main><p>x</p></body></html>"
    assert load_one(write("m.html", main)).text == "Title\n\nOne two"
    body = (
        "<html><head><title> A   page </title></head><body><div>First<div>inner</div>after</div>"
        "<footer>f</footer></body></html>"
    )
    document = load_one(write("b.html", body))
    assert document.text == "First\n\ninner\n\nafter"
    assert document.title == "A page"
    assert document.language == "en"  # no lang attribute: detected from the text


def test_time_element_gives_the_date_when_meta_tags_are_missing_or_bad(write, load_one):
    page = (
        '<html><head><meta name="date" content="soon"></head><body><article>'
        '<time datetime="2018-03-21T08:00">21 آذار</time><p>نص الخبر</p></article></body></html>'
    )
    assert load_one(write("t.html", page)).published == "2018-03-21"


def test_page_with_only_boilerplate_is_empty(write, load_one):
    path = write("e.html", "<html><body><nav>menu</nav><script>x()</script></body></html>")
    assert load_one(path) == LoadError(str(path), "empty document")


def test_deeply_nested_page_does_not_hit_the_recursion_limit(write, load_one):
    page = "<html><body>" + "<div><span>" * 3000 + "عمق" + "</span></div>" * 3000 + "</body></html>"
    assert load_one(write("deep.html", page)).text == "عمق"
