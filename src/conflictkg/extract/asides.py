"""Cues that tell no episode of their own: what is aimed at, what enters without taking,
what a relative clause says of a noun, why a told action happened, what went on meanwhile,
and a record's field values. Each reads the words around one cue; the word lists are
``mappings/patterns/events.yaml`` (and control.yaml's attempts), held by the events
reader's rules.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from conflictkg.extract.doc import Doc, Sentence, clitic_forms
from conflictkg.extract.matcher import Match
from conflictkg.extract.normalize import normalize_key

CIRCUMSTANCE_WINDOW = 2  # tokens between "بالتزامن مع" and the cue it makes background
RELATIVE_WINDOW = 2  # tokens between "التي" and the cue of a relative clause
ARRIVAL_WINDOW = 2  # tokens between "دخل" and the reinforcements or convoy that entered
HOVER_WINDOW = 3  # tokens between the aircraft and their flying over ("الطيران المروحي حلق")
DISPLACED_WINDOW = 4  # tokens between "فر" and the civilians who fled ("فر آلاف من المدنيين")
COINCIDENCE_WINDOW = 12  # tokens between "تزامن" and the cue after its "مع"
SUPPORT_WINDOW = 8  # tokens between "بإسناد" and a strike it names ("under cover of intense airstrikes and shelling")
SUPPORT_BREAKS = ",،;؛.:"  # punctuation that ends the phrase of a support


def record_value(doc: Doc, sentence: Sentence) -> bool:
    """A field value of a record ("نوع المعركة: معركة ضد النظام") tells no episode."""
    if not doc.record:
        return False
    text = normalize_key(doc.text[sentence.start:sentence.end])
    return any(isinstance(v, str) and normalize_key(v) == text for v in doc.record.values())


def attempted(doc: Doc, cue: Match[str], cues: list[Match[str]], rules: Any) -> bool:
    """What an attempt or purpose word governs is an aim, not a deed ("وتحاول قوات النظام
    ... السيطرة على", "بهدف استعادة السيطرة"): the first cue after that word in its clause,
    with the cues that follow it word on word. An attempted assault ("تحاول اقتحام") is
    still an attack; a planned one ("عمل عسكري يهدف لتنفيذ هجوم واسع") is not. A cue
    joined to the aim by "و" is aimed too ("كان يهدف لدخول ضاحية الأسد والسيطرة عليها")."""
    kept = rules.purpose_word if cue.payloads[0] == "attack" else rules.attempt_word
    # what is prevented or avoided did not happen, whatever its kind ("to prevent an
    # offensive", "to avoid clashes")
    aims = lambda key: kept(key) or rules.averting_word(key)  # noqa: E731
    clause = doc.clause_at(cue.start) or (cue.start, cue.end)
    tokens = doc.tokens_between(clause[0], cue.start)
    for i in range(len(tokens) - 1, -1, -1):
        if aims(tokens[i].key):
            chain = [c for c in cues if tokens[i].end <= c.start and c.end <= cue.start]
            chain.append(cue)
            return all(not doc.tokens_between(a.end, b.start) or conjoined(doc, b, rules)
                       for a, b in pairwise(chain))
    sentence = doc.sentence_at(cue.start)
    if tokens and sentence is not None and all(t.key in rules.aim_links for t in tokens):
        # "وتهدف العملية، التي أطلقها الجيش، إلى تطهير X": the aim of a verb before an aside
        return any(aims(t.key) for t in doc.tokens_between(sentence.start, clause[0]))
    return False


def arrival(doc: Doc, cue: Match[str], rules: Any) -> bool:
    """Whether what enters is reinforcements, a convoy or a delegation, named right after
    the cue ("دخلت تعزيزات") or, in English, right before it ("Reinforcements entered")."""
    clause = doc.clause_at(cue.start) or (cue.start, cue.end)
    i = doc.token_at(cue.start)
    near = [*doc.tokens_after(cue.end, ARRIVAL_WINDOW),
            *(t for t in doc.tokens[max(0, i - ARRIVAL_WINDOW):i] if t.start >= clause[0])]
    return any(f in rules.arrivals for t in near for f in clitic_forms(t.key))


def hovering(doc: Doc, cue: Match[str], rules: Any) -> bool:
    """Whether the aircraft a cue names only flew over ("الطيران المروحي حلق فوق القصير",
    "تحليق مكثف للطيران الحربي", "warplanes circled overhead"): no strike."""
    return _near(doc, cue, rules.hovering, HOVER_WINDOW)


def displaced(doc: Doc, cue: Match[str], rules: Any) -> bool:
    """Whether those who flee are civilians, named shortly after the cue ("فر آلاف من
    المدنيين") or before it in its clause ("hundreds of families fled the camp"): people
    displaced, not a force withdrawing."""
    return _near(doc, cue, rules.displaced, DISPLACED_WINDOW)


def _near(doc: Doc, cue: Match[str], words: frozenset[str], window: int) -> bool:
    """Whether one of ``words`` stands within ``window`` tokens of the cue in its clause."""
    clause = doc.clause_at(cue.start) or (cue.start, cue.end)
    i = doc.token_at(cue.start)
    near = [*(t for t in doc.tokens_after(cue.end, window) if t.start < clause[1]),
            *(t for t in doc.tokens[max(0, i - window):i] if t.start >= clause[0])]
    return any(f in words for t in near for f in clitic_forms(t.key))


def describes(doc: Doc, cue: Match[str], rules: Any) -> bool:
    """A cue between a relative pronoun and a pronoun object says what a noun is ("في
    المناطق التي سيطرت عليها مؤخرا", "the town it had seized from them"), unless the
    clause dates it: then it tells when that happened ("بلدة كفرنبودة التي سيطرت عليها
    قوات النظام في الثامن من أيار")."""
    i = doc.token_at(cue.start)
    before = doc.tokens[max(0, i - RELATIVE_WINDOW):i]
    if not any(f in rules.relatives for t in before for f in clitic_forms(t.key)):
        return False
    after = doc.tokens_after(cue.end, 1)
    if not after or after[0].key not in rules.pronoun_objects:
        return False
    clause = doc.clause_at(cue.start) or (cue.start, cue.end)
    return not any(not d.relative for d in doc.dates_between(cue.end, clause[1]))


def caused(doc: Doc, cues: list[Match[str]], causes: list[Match[str]],
            rules: Any) -> list[Match[str]]:
    """The cues right after a word of cause, once the sentence has told its action, and
    those joined to them by "و": why that action happened, not other episodes ("انسحبت
    الفصائل إلى جوبر، نتيجة القصف المكثف والغارات"). Alone in its sentence, such a cue is
    the episode ("قتل خمسة جراء غارات"); the cues in the clause of such a cue tell the same
    cause ("والغارات المكثفة من قبل الطائرات الحربية")."""
    out: list[Match[str]] = []
    told = False
    for cue in sorted(cues, key=lambda c: c.start):
        after_cause = any(m.end <= cue.start and len(doc.tokens_between(m.end, cue.start))
                          <= CIRCUMSTANCE_WINDOW for m in causes)
        same_clause = bool(out) and doc.clause_at(out[-1].start) == doc.clause_at(cue.start)
        if told and (after_cause or (out and out[-1].end <= cue.start and (
                conjoined(doc, cue, rules) or same_clause))):
            out.append(cue)
        else:
            told = True
    return out


def conjoined(doc: Doc, cue: Match[str], rules: Any) -> bool:
    """Whether a cue is joined by "و" / "and" to what comes before it ("والسيطرة")."""
    token = doc.tokens[doc.token_at(cue.start)]
    if token.start < cue.start and doc.text[token.start:cue.start].startswith("و"):
        return True
    i = doc.token_at(cue.start)
    return i > 0 and doc.tokens[i - 1].key in rules.coordinators


def support(doc: Doc, cue: Match[str], supports: list[Match[str]], rules: Any) -> bool:
    """A strike a few words after "بدعم", "بإسناد", "تحت غطاء", "backed by", "under cover
    of" is the support a deed had ("سيطرت على البلدة بغطاء جوي روسي", "The SDF, backed by
    coalition airstrikes, took Manbij"), not an episode of its own."""
    return cue.payloads[0] in rules.strike_kinds and any(
        m.end <= cue.start and len(doc.tokens_between(m.end, cue.start)) <= SUPPORT_WINDOW
        and not any(c in SUPPORT_BREAKS for c in doc.text[m.end:cue.start])
        for m in supports)


def _demonstrative_after(doc: Doc, offset: int, rules: Any) -> bool:
    """Whether "بالتزامن مع" is followed by "ذلك" ("وبالتزامن مع ذلك، هاجمت"): it points
    back at what was told, and the cue after it is the sentence's own deed."""
    after = doc.tokens_after(offset, 1)
    return bool(after) and after[0].key in rules.demonstratives


def circumstance(doc: Doc, cue: Match[str], circumstances: list[Match[str]],
                  rules: Any) -> bool:
    """A cue right after "بالتزامن مع" tells what went on meanwhile, not the episode; so
    does one right after the "مع" of a verb of coincidence ("وتزامن الهجوم على أحياء
    المدينة، مع سيطرة الفصائل على ...", "coincided with the capture of")."""
    if any(m.end <= cue.start and len(doc.tokens_between(m.end, cue.start))
           <= CIRCUMSTANCE_WINDOW and not _demonstrative_after(doc, m.end, rules)
           for m in circumstances):
        return True
    sentence = doc.sentence_at(cue.start)
    first = sentence.start if sentence is not None else 0
    i = doc.token_index(cue.start)
    before = [t for t in doc.tokens[max(0, i - COINCIDENCE_WINDOW):i] if t.start >= first]
    for j in range(len(before) - 1, max(-1, len(before) - 1 - CIRCUMSTANCE_WINDOW), -1):
        if before[j].key in rules.coincidence_with:
            return any(f in rules.coincidences for t in before[:j] for f in clitic_forms(t.key))
    return False
