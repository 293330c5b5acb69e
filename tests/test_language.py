"""Documents not in English are stored with their article and marked not coded; the English coder never runs on them."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire.pipeline
from eventwire.ingest import ingest_paths
from eventwire.store import Store

from .conftest import GOOD_ARTICLE_2

FRENCH = """Lundi 6 janvier 2020

Le Parlement irakien vote le départ des troupes étrangères

Par Claire Dubois

Le Parlement irakien a voté dimanche une résolution qui demande au gouvernement de mettre fin à la présence des troupes étrangères dans le pays.

Le Premier ministre Adel Abdel Mahdi a déclaré que la frappe américaine contre l'aéroport de Bagdad était une violation de la souveraineté de l'Irak.
"""

GERMAN = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Iran feuert Raketen auf US-Stützpunkte</title></head>
<body><article><h1>Iran feuert Raketen auf US-Stützpunkte</h1>
<p>Der Iran hat in der Nacht zum Mittwoch mehr als ein Dutzend ballistische Raketen auf zwei Stützpunkte im Irak abgefeuert, auf denen amerikanische Soldaten stationiert sind.</p>
<p>Die irakische Regierung verurteilte den Angriff und sagte, er sei eine Verletzung der Souveränität des Landes.</p>
</article></body></html>
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "de.html").write_text(GERMAN, encoding="utf-8")
    return folder


def test_non_english_documents_are_stored_not_coded(folder: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def english_coder(*args: object, **kw: object) -> None:
        raise AssertionError("the English coder ran on a document that is not in English")

    monkeypatch.setattr(eventwire.pipeline, "code_article", english_coder)
    store = Store(db_path)
    summary = ingest_paths([str(folder)], store)
    assert not summary.failed, summary.errors
    assert (summary.added, summary.not_coded, summary.events) == (2, 2, 0)
    rows = store.conn.execute(
        "SELECT d.source, d.coded, a.language, a.title FROM documents d JOIN articles a ON a.document_id = d.id ORDER BY d.source"
    ).fetchall()
    assert [(Path(r["source"]).name, r["coded"], r["language"]) for r in rows] == [("de.html", 0, "de"), ("fr.txt", 0, "fr")]
    assert rows[0]["title"] == "Iran feuert Raketen auf US-Stützpunkte"
    assert store.counts()["events"] == 0
    hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Souveränität'").fetchall()
    assert len(hits) == 1  # stored and searchable, only not coded


def test_english_documents_next_to_them_are_coded(folder: Path, db_path: Path) -> None:
    (folder / "en.html").write_text(GOOD_ARTICLE_2, encoding="utf-8")
    store = Store(db_path)
    summary = ingest_paths([str(folder)], store)
    assert (summary.added, summary.not_coded) == (3, 2) and summary.events > 0
    coded = dict(store.conn.execute("SELECT source, coded FROM documents").fetchall())
    assert coded[str(folder / "en.html")] == 1
    ingest_again = ingest_paths([str(folder)], store)
    assert (ingest_again.added, ingest_again.skipped) == (0, 3)
