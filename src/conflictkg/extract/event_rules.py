"""The words of events, per language: the cues of each kind and the words that frame
them (references back, circumstances, causes, attempts, denials, named battles' heads),
read once from ``events.yaml`` with what it borrows from ``phrases.yaml``,
``places.yaml`` and ``control.yaml``."""

from __future__ import annotations

import functools

from conflictkg.extract.doc import clitic_forms
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns

NO_EVENT = "none"  # the kind of a phrase that holds a cue word but tells no event


class EventRules:
    """The words of events in one language (events.yaml, with the list reader's words of
    phrases.yaml, the place nouns of places.yaml and the frames of control.yaml)."""

    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("events", language)
        phrases = patterns.section("phrases", language)  # the list reader's words
        kinds = s.groups("kinds")
        control = patterns.section("control", language)
        # "ضمت قوات النظام X إلى مناطق سيطرتها": the words of the subject's own control after
        # a verb of joining tell a capture (control.yaml's, with its verbs of joining)
        annexed_into = control.words("annexed_into")
        if annexed_into and "capture" in kinds:
            kinds = {**kinds, "capture": (*kinds["capture"], *annexed_into)}
        self.annexed_into = frozenset(normalize_key(w) for w in annexed_into)
        self.annexations = control.keys("annexations")
        self.object_suffixes = phrases.words("pronoun_suffixes")
        self.overriding = s.words("overriding_kinds")
        self.generic = s.keys("generic_cues")
        self.cues: Matcher[str] = s.matcher(**kinds, **{NO_EVENT: s.words("not_cues")})
        self.heads: Matcher[str] = Matcher(s.mapping("named_heads").items())
        self.site_anaphors: Matcher[str] = Matcher(  # places.yaml's
            (k, normalize_key(v)) for k, v in
            patterns.section("places", language).mapping("site_anaphors").items())
        self.head_keys = sorted((normalize_key(h) for h in s.mapping("named_heads")),
                                key=len, reverse=True)
        self.name_stopwords = s.keys("name_stopwords")
        self.since = s.keys("since_words")
        self.first_words = s.keys("first_words")  # "أول ... منذ": measured against, not begun
        self.began = s.keys("began_words")
        self.background = s.keys("background_openers")
        self.wound_nouns = s.keys("wound_nouns")
        self.wound_verbs = s.keys("wound_verbs")
        self.launches = s.keys("launch_words")
        self.began_since: Matcher[str] = s.matcher(b=s.words("began_since"))
        self.began_nouns: Matcher[str] = Matcher(s.mapping("began_nouns").items())
        self.object_cues = {normalize_key(k): normalize_key(v)
                            for k, v in s.mapping("object_cues").items()}
        self.references = s.keys("references")
        self.hypothetical: Matcher[str] = s.matcher(h=s.words("hypothetical"))
        self.circumstances: Matcher[str] = s.matcher(c=s.words("circumstances"))
        self.supports: Matcher[str] = s.matcher(s=s.words("supports"))
        self.coincidences = s.keys("coincidences")
        self.coincidence_with = s.keys("coincidence_with")
        self.unresolved: Matcher[str] = s.matcher(u=s.words("unresolved_past"))
        self.reference_words = s.keys("reference_words")
        # where a move comes from or goes ("من جهة X", "من محور X") is not where a place
        # was taken, left or besieged (an attack "من محور برزة" is fought there)
        self.directions = phrases.keys("directions")
        self.place_kinds = frozenset(s.words("place_kinds"))
        self.strike_kinds = frozenset(s.words("strike_kinds"))
        self.undated_kinds = frozenset(s.words("undated_report_kinds"))
        self.day_record_kinds = frozenset(s.words("day_record_kinds"))
        self.dateline_kinds = frozenset(s.words("dateline_kinds"))
        self.destinations = s.keys("destinations")
        # "منها" after a withdrawal: the place it left is one named before
        self.left_pronouns = s.keys("left_pronouns")
        # the words before a place that is not where a place was taken or besieged, or
        # where a withdrawal left from
        self.taken_at = self.reference_words | self.directions
        self.left_from = self.taken_at | self.destinations
        self.between = s.keys("between_words")  # "بين البارة وبليون": one stretch
        self.arrivals = s.keys("arrivals")
        self.displaced = s.keys("displaced")
        self.hovering = s.keys("hovering")
        self.any_words = s.keys("any_words")
        self.continuations = tuple(sorted(s.keys("continuations"), key=len, reverse=True))
        self.continuation_heads = frozenset(c.split()[0] for c in self.continuations)
        ordinals = s.mapping("running_day_ordinals")
        frames = s.words("running_day_frames")
        self.running_days: Matcher[str] = s.matcher(**{
            n: [f.format(w) for f in frames for w, m in ordinals.items() if m == n]
            for n in set(ordinals.values())})
        self.day_offsets: Matcher[str] = Matcher(s.mapping("day_offsets").items())
        self.night_adverbs: Matcher[str] = s.matcher(night=s.words("night_adverbs"),
                                                     always=s.words("day_and_night"))
        self.lasting_openers = s.keys("lasting_openers")
        self.lasting_units = s.keys("lasting_units")
        self.causes: Matcher[str] = s.matcher(c=s.words("causes"))
        self._late_denials = s.words("late_denials")  # with control.yaml's, below
        places = patterns.section("places", language)
        self.place_fillers = s.keys("place_fillers") | {
            normalize_key(w) for w in places.groups("qualifiers")}
        self.locatives = places.keys("locatives")
        # "قرب", "near": the place after it is a landmark of the place before it
        self.proximity = places.keys("proximity")
        self.resumed_list_kinds = frozenset(s.words("resumed_list_kinds"))
        self.resumed_list_objects = s.keys("resumed_list_objects")
        self.resumed_list_openers = s.keys("resumed_list_openers")
        # a verb of coincidence or "بالتزامن مع" opens another clause too
        self.scope_ends: Matcher[str] = s.matcher(e=[
            *phrases.words("stops"), *s.words("coincidences"), *s.words("circumstances")])
        self.coordinators = phrases.keys("coordinators")
        self.attempts = control.keys("attempts")
        self.attempt_word = functools.lru_cache(maxsize=65536)(
            lambda key: any(f in self.attempts for f in clitic_forms(key)))
        self.purposes = s.keys("purposes")
        # "سيطر مقاتلون من أبناء ريف درعا على": the place of the locals who act is theirs,
        # not where the action was
        self.locals = control.keys("locals") if language == "ar" else frozenset()
        self.locals_objects = s.keys("locals_objects") if language == "ar" else frozenset()
        # "وتهدف العملية، التي ...، إلى تطهير X": the aim's preposition opening a clause
        self.aim_links = control.keys("aim_links") if language == "ar" else frozenset()
        # "خلال محاولة فاشلة لاقتحام": an assault tried, as one undergone, is no purpose
        self.undergoing = s.keys("undergoing") | s.keys("attempt_nouns")
        self.purpose_word = functools.lru_cache(maxsize=65536)(
            lambda key: any(f in self.purposes for f in clitic_forms(key)))
        self.averting = s.keys("averting")
        self.attributive_cues = s.keys("attributive_cues")
        self.attributive_openers = s.keys("attributive_openers")
        self.averting_word = functools.lru_cache(maxsize=65536)(
            lambda key: any(f in self.averting for f in clitic_forms(key)))
        self.negations = control.keys("negations")
        self.pronoun_objects = control.keys("pronoun_objects")
        self.demonstratives = control.keys("demonstratives")
        self.relatives = s.keys("relatives")
        self.held_since = s.keys("held_since") if language == "en" else frozenset()
        self.place_subject_cues = s.keys("place_subject_cues")
        self.clause_negations = control.keys("clause_negations")
        self.cue_words = frozenset(normalize_key(w) for ws in kinds.values() for w in ws)
        self.denials: Matcher[str] = control.matcher(d=control.words("denials"))
        # a denial told after what it denies ("، وهو ما نفاه", "are false")
        self.late_denials: Matcher[str] = s.matcher(
            d=[*self._late_denials, *control.words("late_denials")])
        self.fire_control = control.keys("fire_control")
        self.place_object_cues = s.keys("place_object_cues")
