"""The words of control claims, per language: the cues of each change and the words that
frame them (attempts, denials, relatives, agents), read once from ``control.yaml`` with
what it borrows from ``places.yaml``, ``actors.yaml`` and ``events.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conflictkg.extract.agents import AgentWords
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.phrases import PhraseReader

FORMS = ("verbs", "nouns", "passives", "expels", "handovers")


@dataclass(frozen=True)
class Cue:
    change: str
    form: str  # verbs, nouns, passives, expels, handovers


class ControlRules:
    """The words and patterns of control claims in one language (control.yaml, with the
    head nouns of places.yaml and the collective words of actors.yaml)."""

    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("control", language)
        changes = s.section("changes")
        entries: list[tuple[str, Cue]] = []
        self.prepositions: dict[str, frozenset[str]] = {}
        self.direct: dict[str, frozenset[str]] = {}
        for change in changes.names():
            spec = changes.section(change)
            for form in FORMS:
                entries += [(w, Cue(change, form)) for w in spec.words(form)]
            self.prepositions[change] = spec.keys("objects")
            self.direct[change] = spec.keys("direct_object")
        entries += self._with_adverbs(entries, s.keys("auxiliaries"), s.words("inserted_adverbs"))
        self.phrases = PhraseReader(patterns, language)
        self.suffixed = self._suffixed(entries, self.phrases.suffixes)
        entries += [(w, cue) for w, cue in self.suffixed.values()]
        self.suffixed_keys = frozenset(normalize_key(w) for w, _ in self.suffixed.values())
        # "ضمت X إلى مناطق سيطرتها": the verbs of joining, with their object pronouns ("ضمتها"),
        # and the words of the subject's own control they need after them
        annexations = s.words("annexations")
        joined = (normalize_key((w[:-1] if w.endswith("وا") else w) + x)
                  for w in annexations for x in self.phrases.suffixes)
        self.annexations = frozenset(normalize_key(w) for w in annexations) | frozenset(
            k for k in joined if k in self.suffixed)
        self.annexed_into: Matcher[str] = s.matcher(into=s.words("annexed_into"))
        self.collapses = s.keys("collapses")  # "انهارت خطوط الفصائل في X"
        self.collapse_fillers = s.keys("collapse_fillers")
        self.verb_keys: dict[str, frozenset[str]] = {  # the verbs of each change, as keys
            change: frozenset(normalize_key(w) for w, cue in entries if cue.change == change and cue.form == "verbs")
            for change in changes.names()}
        self.all_verb_keys = frozenset().union(*self.verb_keys.values())  # a verb of any change
        self.cues: Matcher[Cue] = Matcher(entries, words=True)
        self.denials: Matcher[str] = s.matcher(denial=s.words("denials") + s.words("dismissals"))
        self.late_denials_words = s.words("late_denials")
        self.late_denials: Matcher[str] = s.matcher(denial=self.late_denials_words)
        self.relative_denials_words = s.words("relative_denials")
        self.relative_denials: Matcher[str] = s.matcher(denial=self.relative_denials_words)
        self.denial_words = s.keys("denials") | s.keys("dismissals")
        self.affirmations = s.keys("affirmations")
        self.campaigns = s.keys("campaigns")
        for name in ("attempts", "negations", "clause_negations", "pronoun_objects",
                     "elaborations", "locals", "relatives", "destinations", "continuatives",
                     "fire_control", "denied_claims", "ways", "headings", "lifts", "imposed",
                     "gone_out", "gone_out_from", "gone_back", "gone_back_to", "gone_under",
                     "gone_under_to", "gone_outside", "gone_outside_to"):
            setattr(self, name, s.keys(name))
        self.continuative_words = frozenset(w for k in self.continuatives for w in k.split())
        self.bare_passives = s.keys("needs_agent")
        self.origins = s.keys("origins")
        self.falls = self._adverbed(s, "falls")
        self.agentless_passives = self._adverbed(s, "agentless_passives")
        self.cleared_passives = self._adverbed(s, "cleared_passives")
        self.expelled_nouns = s.keys("expelled_nouns")
        self.carriers = s.keys("carriers")
        self.listed_nouns = s.keys("listed_nouns")
        self.naming_verbs = s.keys("naming_verbs")
        self.mandates = s.keys("mandates")
        self.singular_auxiliaries = s.keys("singular_auxiliaries")
        self.since = s.keys("since")
        self.auxiliaries = s.keys("auxiliaries")  # "to have taken": a perfect infinitive, done
        self.fall_nouns = s.keys("fall_nouns")
        self.state_links = s.keys("state_links")
        self.army_nouns = s.keys("army_nouns")
        self.adverbs = s.keys("inserted_adverbs")
        self.particles = s.keys("particles")
        self.vicinity = s.keys("vicinity")
        self.vicinity_changes = frozenset(("withdrew", "entered"))
        self.insides = s.keys("insides") if language == "ar" else frozenset()
        self.aim_links = s.keys("aim_links") if language == "ar" else frozenset()
        self.bearings = s.keys("bearings") if language == "ar" else frozenset()
        self.army_qualifiers = s.keys("army_qualifiers")
        self.army_companions = s.keys("army_companions")
        self.state_forces = next(iter(s.words("state_forces")), "")
        self.companions = s.keys("companions") if language == "en" else frozenset()
        self.admissions = s.keys("admissions") if language == "en" else frozenset()
        self.listing_verbs = s.keys("listing_verbs") if language == "en" else frozenset()
        self.negated_sayings = s.keys("negated_sayings") if language == "en" else frozenset()
        self.predicates = s.keys("told_predicates") if language == "en" else frozenset()
        self.partyless_nouns = s.keys("partyless_nouns") if language == "en" else frozenset()
        self.holders = s.keys("holders")
        self.holders_party = next(iter(s.words("holders_party")), "")
        self.what = s.keys("indefinite_relatives")
        self.done_markers = s.keys("done_markers")
        self.compulsions = s.keys("compulsions")
        self.compelled_to = s.keys("compelled_to")
        self.inceptives = s.keys("inceptives")
        self.centre_heads = s.keys("centre_heads")
        self.centres = self.centre_heads | s.keys("centre_words")
        self.noun_agents = s.keys("noun_agents")
        self.passive_agents = s.keys("passive_agents")
        self.resumers = s.keys("resumers")
        self.needs_party = s.keys("needs_party")
        self.civilians = s.keys("civilians")
        self.locatives_in = s.keys("locatives_in")
        self.people_relatives = s.keys("people_relatives")
        self.held_by = s.keys("held_by_markers")
        self.modals = s.keys("modals")
        self.held_frames = {normalize_key(k): tuple(normalize_key(c).split() for c in v)
                            for k, v in s.groups("held_frames").items()}
        self.held_frame_links = s.keys("held_frame_links")
        siege_frames = {normalize_key(k): tuple(normalize_key(c).split() for c in v)
                        for k, v in s.groups("siege_frames").items()} if language == "en" else {}
        # every frame ("under ... control", "under ... siege"): opener, closers, the change it tells
        self.frames = [(o, c, "captured") for o, c in self.held_frames.items()] + [
            (o, c, "besieged") for o, c in siege_frames.items()]
        self.lost_to = s.keys("lost_to")
        self.loss_recipients = s.keys("loss_recipients")  # "لصالح": the words before who takes it
        self.left_to = s.keys("left_to") if language != "en" else frozenset()  # "انسحبت ... لصالح"
        self.no_longer = frozenset(" ".join(normalize_key(w) for w in p.split())
                                   for p in s.words("no_longer")) if language != "en" else frozenset()
        self.elaborating_prepositions = s.keys("elaborating_prepositions")  # "من بين القرى التي"
        self.agent_right_after = s.keys("agent_right_after")  # "خالية من عناصر التنظيم"
        self.held_frame_parties = {normalize_key(k): v for k, v in s.mapping("held_frame_parties").items()}
        self.present_prefixes = s.words("present_prefixes")
        self.locative_pronouns = s.keys("locative_pronouns")
        self.unheld_heads = s.keys("unheld_heads")
        self.unheld_levels = frozenset(s.words("unheld_levels"))
        places = patterns.section("places", language)
        self.anaphors = frozenset(normalize_key(k) for k in places.groups("anaphors")) | s.keys("capitals")
        # what an anaphor ("the town") and a head noun before a name ("the province of X")
        # may stand for: an anaphor stands for no place named as something it cannot be
        self.anaphor_levels = {normalize_key(k): frozenset(v) for k, v in places.groups("anaphors").items()}
        self.qualifier_levels = {normalize_key(k): frozenset(v) for k, v in places.groups("qualifiers").items()}
        # "said troops now controlled", "Syria says troops retake": a verb of saying opens the
        # clause whose subject the army noun after it is
        self.reporting = frozenset(normalize_key(w) for w in patterns.section(
            "attribution", language).words("verbs") if " " not in w) if language == "en" else frozenset()
        self.plural_anaphors = s.keys("plural_anaphors")
        self.dual_sites = {normalize_key(k): normalize_key(v) for k, v in s.mapping("dual_site_anaphors").items()}
        # "المطار", "the prison": the site last named with that noun ("مطار كويرس العسكري");
        # "the facility": the site last named, whatever its noun
        self.site_anaphors = {normalize_key(k): normalize_key(v)
                              for k, v in places.mapping("site_anaphors").items()} | {
            normalize_key(w): "" for w in places.words("generic_site_anaphors")}
        self.qualifiers = frozenset(normalize_key(q) for q in places.groups("qualifiers"))
        events = patterns.section("events", language).groups("kinds")
        actors = patterns.section("actors", language)
        self.words = AgentWords(
            locals=self.locals, collectives=actors.keys("collective_anaphors"),
            heads=s.keys("collective_heads"),
            members=actors.keys("member_words"), opponents=s.keys("opponents"),
            partitives=s.keys("partitives"), enablers=s.keys("enablers"),
            verb_like=frozenset(normalize_key(w) for words in events.values() for w in words
                                if " " not in w) | frozenset(
                normalize_key(w) for w, _ in entries if " " not in w),
            first_person=s.keys("first_person"), demonstratives=s.keys("demonstratives"),
            accompaniments=s.keys("accompaniments"), complementizers=s.keys("complementizers"),
            relatives=s.keys("relatives"), compositions=s.keys("compositions"),
            memberships=s.keys("memberships"), gerund_openers=s.keys("gerund_openers"),
            latter=s.keys("latter"), subject_gap=s.keys("subject_gap"),
            compulsions=s.keys("compulsions"), compelled_to=s.keys("compelled_to"),
            possessives=s.keys("possessive_pronouns"), pronouns=s.keys("subject_pronouns"),
            army=s.keys("army_nouns"), quantities=s.keys("quantities"), remnants=s.keys("remnants"),
            complements=s.keys("complement_prepositions"), armed=s.keys("armed_words"),
            speaker_nouns=s.keys("speaker_nouns"), commands=s.keys("command_heads"),
            locals_party=next(iter(s.words("locals_party")), ""),
            tribes=s.keys("tribe_nouns"), tribes_party=next(iter(s.words("tribes_party")), ""),
            verb_first=language != "en")
        self.english = language == "en"


    def _adverbed(self, s: Any, name: str) -> frozenset[str]:
        """The passives of list ``name`` as keys, with the adverbs that may stand inside them
        ("had been fully liberated")."""
        words = s.words(name)
        return s.keys(name) | frozenset(
            normalize_key(w) for w, _ in self._with_adverbs(
                [(w, Cue("captured", "passives")) for w in words],
                s.keys("auxiliaries"), s.words("inserted_adverbs")))

    def _with_adverbs(self, entries: list[tuple[str, Cue]], auxiliaries: frozenset[str],
                      adverbs: list[str]) -> list[tuple[str, Cue]]:
        """"had already taken", "have now captured", "has since seized": each cue that opens
        with an auxiliary, with each adverb that may stand after it; a direct object stays one."""
        out: list[tuple[str, Cue]] = []
        for word, cue in entries:
            words = word.split(" ")
            if len(words) < 2 or normalize_key(words[0]) not in auxiliaries:
                continue
            # "had been fully liberated", "was completely overrun": after "been" too
            run = 1 + (normalize_key(words[1]) == "been" and len(words) > 2)
            direct = normalize_key(word) in self.direct[cue.change]
            for at in range(1, run + 1):
                for adverb in adverbs:
                    variant = " ".join([*words[:at], adverb, *words[at:]])
                    out.append((variant, cue))
                    if direct:
                        self.direct[cue.change] |= {normalize_key(variant)}
        return out

    def _suffixed(self, entries: list[tuple[str, Cue]], suffixes: tuple[str, ...]
                  ) -> dict[str, tuple[str, Cue]]:
        """A verb with its object written joined to it ("دخلتها", "حرروه"): each one-word verb
        that takes its object directly, with each object pronoun, unless that form is a cue
        of its own ("سيطرته")."""
        taken = {normalize_key(w) for w, _ in entries}
        out: dict[str, tuple[str, Cue]] = {}
        for word, cue in entries:
            key = normalize_key(word)
            if cue.form not in ("verbs", "handovers") or " " in word or key not in self.direct[cue.change]:
                continue
            stem = word[:-1] if word.endswith("وا") else word  # "دخلوا": "دخلوها"
            for suffix in suffixes:
                form = stem + suffix
                if normalize_key(form) not in taken:
                    out[normalize_key(form)] = (form, cue)
        return out
