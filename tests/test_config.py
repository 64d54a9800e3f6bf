"""Settings: one list, read once; every setting documented."""

from __future__ import annotations

from pathlib import Path

from conflictkg.config import SETTINGS, Settings, load_settings, settings_names

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_every_setting_is_declared_once_with_help():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert set(names) == settings_names()
    assert all(s.help.strip() for s in SETTINGS)


def test_defaults_of_the_list_are_the_defaults_of_the_object():
    settings = Settings()
    for s in SETTINGS:
        value = getattr(settings, s.name)
        assert (str(value) if isinstance(value, Path) else value) == s.default, s.name


def test_every_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"`{s.env}`" in text, f"{s.name} is missing from docs/settings.md"


def test_environment_then_overrides():
    env = {"CONFLICTKG_STORE": "/tmp/x", "CONFLICTKG_QUERY_TIMEOUT": "5",
           "CONFLICTKG_ALLOW_SERVICE": "http://a/sparql http://b/sparql",
           "CONFLICTKG_OPEN_UPDATES": "yes", "CONFLICTKG_BASE_IRI": "http://example.org/kg"}
    settings = load_settings(env, query_timeout=7.5)
    assert settings.store == Path("/tmp/x")
    assert settings.query_timeout == 7.5
    assert settings.allow_service == ("http://a/sparql", "http://b/sparql")
    assert settings.open_updates and settings.updates_enabled
    assert settings.base_iri == "http://example.org/kg/"
