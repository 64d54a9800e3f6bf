"""Settings: declared once, read once; docs/settings.md and the commands' help derived from them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conflictkg.config import Settings, load_settings, settings_markdown

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "settings.md"


def test_docs_settings_md_is_generated_from_the_settings_class():
    assert DOCS.read_text(encoding="utf-8") == settings_markdown(), (
        "regenerate: python -m conflictkg.config > docs/settings.md")


def test_every_setting_has_a_description_and_an_environment_variable(monkeypatch):
    for name, field in Settings.model_fields.items():
        assert field.description and field.description.strip(), name
        assert f"`CONFLICTKG_{name.upper()}`" in settings_markdown()
    monkeypatch.setenv("CONFLICTKG_DATA_LICENSE", "https://example.org/licence")
    assert Settings().data_license == "https://example.org/licence"


def test_environment_then_overrides(monkeypatch):
    for key, value in {"CONFLICTKG_STORE": "/tmp/x", "CONFLICTKG_QUERY_TIMEOUT": "5",
                       "CONFLICTKG_ALLOW_SERVICE": "http://a/sparql http://b/sparql",
                       "CONFLICTKG_OPEN_UPDATES": "yes", "CONFLICTKG_BASE_IRI": "http://example.org/kg",
                       "CONFLICTKG_UPDATE_TOKEN": ""}.items():
        monkeypatch.setenv(key, value)
    settings = load_settings(query_timeout=7.5, store=None, allow_service=())
    assert settings.store == Path("/tmp/x")
    assert settings.query_timeout == 7.5
    assert settings.allow_service == ("http://a/sparql", "http://b/sparql")
    assert settings.open_updates and settings.updates_enabled
    assert settings.base_iri == "http://example.org/kg/"
    assert settings.update_token is None  # an empty variable is no value


def test_a_bad_value_names_the_setting(monkeypatch):
    monkeypatch.setenv("CONFLICTKG_QUERY_WORKERS", "two")
    with pytest.raises(ValueError, match="query_workers"):
        Settings()


def test_no_module_reads_the_environment_but_the_settings():
    readers = []
    for path in sorted((ROOT / "src" / "conflictkg").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
                readers.append(str(path.relative_to(ROOT)))
    assert readers == []


def test_the_commands_help_shows_each_setting_with_its_default_and_variable():
    result = subprocess.run([sys.executable, "-m", "conflictkg", "serve", "--help"],
                            capture_output=True, text=True, env={"COLUMNS": "300", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    for name in ("store", "base_iri", "bundle", "query_timeout", "query_memory_mb", "max_body_bytes",
                 "allow_service", "cache_entries", "data_license", "templates"):
        field = Settings.model_fields[name]
        assert f"--{name.replace('_', '-')}" in result.stdout, name
        assert field.description.split(" (")[0].split(";")[0] in " ".join(result.stdout.split()), name
        assert f"CONFLICTKG_{name.upper()}" in result.stdout, name
    text = " ".join(result.stdout.split())
    assert "(default: 30.0; environment: CONFLICTKG_QUERY_TIMEOUT)" in text
    assert "(default: data/store; environment: CONFLICTKG_STORE)" in text
