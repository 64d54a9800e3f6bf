"""The app serves what its settings name: the reference bundle and the templates folder."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import GAZETTEER


def test_the_app_serves_the_examples_and_context_of_its_bundle(live, sample_store: Path, bundle_copy: Path):
    (bundle_copy / "queries" / "zz-extra.rq").write_text(
        "# Question: How many triples?\n# السؤال: كم عدد الثلاثيات؟\nSELECT (COUNT(*) AS ?n) { ?s ?p ?o }\n",
        encoding="utf-8")
    context = bundle_copy / "ontology" / "context.jsonld"
    data = json.loads(context.read_text(encoding="utf-8"))
    data["@context"]["extraKey"] = "https://example.org/extraKey"
    context.write_text(json.dumps(data), encoding="utf-8")
    with live(store=sample_store, bundle=bundle_copy) as server, server.client() as client:
        assert 'data-example="zz-extra"' in client.get("/").text
        assert client.get("/api/v1/context.jsonld").json()["@context"]["extraKey"]
    with live(store=sample_store) as server, server.client() as client:
        assert 'data-example="zz-extra"' not in client.get("/").text
        assert "extraKey" not in client.get("/api/v1/context.jsonld").json()["@context"]


def test_a_templates_folder_overrides_the_packages_templates(live, sample_store: Path, tmp_path: Path):
    (tmp_path / "graph.html").write_text("<p>our graph page for {{ iri }}</p>", encoding="utf-8")
    with live(store=sample_store, templates=tmp_path) as server, server.client() as client:
        page = client.get("/graph/gazetteer", headers={"Accept": "text/html"})
        assert page.text == f"<p>our graph page for {GAZETTEER}</p>"
        assert 'id="examples"' in client.get("/").text  # the others are the package's
