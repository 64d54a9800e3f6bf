"""The reference bundle: one folder of data, loaded once, typed, with one hash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conflictkg.extract.model import ACTOR_KINDS, EVENT_KINDS
from conflictkg.rdf.vocabulary import EVENT_CLASSES
from conflictkg.reference import Bundle, BundleError, load_bundle, package_data, sample_corpus
from conflictkg.reference.gazetteers import GazetteerError

SRC = Path(__file__).resolve().parents[1] / "src"


def test_the_package_bundle_is_loaded_once_from_package_data() -> None:
    bundle = load_bundle()
    assert bundle is load_bundle() is load_bundle(package_data())
    assert bundle.root == package_data() == SRC / "conflictkg" / "reference" / "data"
    assert len(bundle.hash) == 64 and bundle.hash == load_bundle().hash
    assert (sample_corpus() / "manifest.jsonl").is_file()


def test_no_module_finds_data_by_climbing_from_its_own_file() -> None:
    found = subprocess.run(["grep", "-rn", "--include=*.py", r"parents\[", str(SRC)], capture_output=True,
                           text=True)
    assert found.stdout == ""


def test_the_hash_follows_the_data_the_graph_is_made_from(bundle_copy: Path) -> None:
    original = load_bundle().hash
    assert load_bundle(bundle_copy).hash == original  # the content, not the place
    (bundle_copy / "queries" / "extra.rq").write_text("# Question: q\n# السؤال: س\nASK {}\n")
    (bundle_copy / "mappings" / "lexicon" / "README.md").write_text("a note\n")
    assert Bundle(bundle_copy).hash == original  # examples and notes: no
    months = bundle_copy / "mappings" / "lexicon" / "months.tsv"
    months.write_text(months.read_text(encoding="utf-8") + "2\tشبط\tar\n", encoding="utf-8")
    assert Bundle(bundle_copy).hash != original


def test_a_folder_that_is_no_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mappings").mkdir()
    with pytest.raises(BundleError, match="not a bundle: no ontology/, queries/"):
        load_bundle(tmp_path)


def test_the_kinds_are_the_schemes_of_the_ontology(bundle_copy: Path) -> None:
    assert ACTOR_KINDS[0] == "state_force" and "other" in ACTOR_KINDS
    assert EVENT_KINDS[:3] == ("battle", "attack", "clash")
    assert EVENT_CLASSES["other"] == "Event" and EVENT_CLASSES["siege"] == "Siege"
    kinds = bundle_copy / "ontology" / "actor-kinds.ttl"
    kinds.write_text(kinds.read_text(encoding="utf-8") + """
ckgk:tribal_force a skos:Concept ; skos:inScheme ckg:ActorKindScheme ; skos:notation "tribal_force" .
""", encoding="utf-8")
    actors = bundle_copy / "mappings" / "actors" / "actors.yaml"
    entry = "- key: some-clan\n  name_ar: عشيرة ما\n  name_en: Some clan\n  kind: tribal_force\n"
    actors.write_text(actors.read_text(encoding="utf-8") + entry, encoding="utf-8")
    bundle = load_bundle(bundle_copy)
    assert bundle.kinds.actor[-1] == "tribal_force"
    assert bundle.gazetteers.actors["some-clan"].kind == "tribal_force"
    with pytest.raises(GazetteerError, match="unknown kind 'tribal_force'"):
        kinds.write_text(kinds.read_text(encoding="utf-8").replace('"tribal_force"', '"clan"'),
                         encoding="utf-8")
        Bundle(bundle_copy).gazetteers  # noqa: B018


def test_the_types_that_end_a_fight_are_data_of_the_event_type_scheme(bundle_copy: Path) -> None:
    assert load_bundle(bundle_copy).kinds.ends_fighting == {"capture", "withdrawal"}
    types = bundle_copy / "ontology" / "event-types.ttl"
    types.write_text(types.read_text(encoding="utf-8") + "ckgt:siege ckg:endsFighting true .\n",
                     encoding="utf-8")
    assert Bundle(bundle_copy).kinds.ends_fighting == {"capture", "withdrawal", "siege"}
    types.write_text(types.read_text(encoding="utf-8") + "ckgt:truce ckg:endsFighting true .\n",
                     encoding="utf-8")
    with pytest.raises(BundleError, match="endsFighting on an unknown type 'truce'"):
        Bundle(bundle_copy).kinds  # noqa: B018


def test_the_commands_read_the_bundle_the_settings_name(bundle_copy: Path, tmp_path: Path) -> None:
    def version(env: dict[str, str]) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "conflictkg", "version"], capture_output=True,
                              text=True, env={"PATH": "/usr/bin:/bin", **env})

    package = version({}).stdout
    assert load_bundle().hash[:12] in package
    months = bundle_copy / "mappings" / "lexicon" / "months.tsv"
    months.write_text(months.read_text(encoding="utf-8") + "2\tشبط\tar\n", encoding="utf-8")
    changed = version({"CONFLICTKG_BUNDLE": str(bundle_copy)}).stdout
    assert changed.split()[0] == package.split()[0] and changed != package
    missing = version({"CONFLICTKG_BUNDLE": str(tmp_path / "nowhere")})
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert missing.stderr.startswith("error: ") and "not a bundle" in missing.stderr
