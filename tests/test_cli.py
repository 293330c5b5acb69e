"""The command line, end to end on real files, a real database and the real spaCy pipeline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store

from .conftest import GOOD_ARTICLE_1, GOOD_ARTICLE_2, ROOT

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) > 3
    readme = (ROOT / "README.md").read_text()
    assert f"eventwire {command}" in readme


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["events", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["nosuchcommand"]).exit_code == 2
    assert runner.invoke(app, ["code"]).exit_code == 2


def test_ingest_directory_with_bad_files(tmp_path: Path, db_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    (data / "good1.txt").write_text(GOOD_ARTICLE_1)
    (data / "good2.html").write_text(GOOD_ARTICLE_2)
    (data / "zero.txt").write_bytes(b"")
    (data / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    result = runner.invoke(app, ["ingest", str(data), "--db", str(db_path)])
    assert result.exit_code == 1, result.output
    assert "zero.txt" in result.output and "image.png" in result.output
    store = Store(db_path)
    assert store.counts()["documents"] == 2 and store.counts()["articles"] == 2
    errors = {Path(e["source"]).name: e for e in store.errors()}
    assert set(errors) == {"zero.txt", "image.png"}
    assert all(e["message"] for e in errors.values())
    titles = {r[0] for r in store.conn.execute("SELECT title FROM articles")}
    assert titles == {"Iraqi Premier Meets US Envoy in Baghdad", "Iran fires missiles at US bases"}


def test_ingest_twice_changes_no_table(tmp_path: Path, db_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    (data / "good1.txt").write_text(GOOD_ARTICLE_1)
    (data / "good2.html").write_text(GOOD_ARTICLE_2)
    (data / "zero.txt").write_bytes(b"")
    runner.invoke(app, ["ingest", str(data), "--db", str(db_path)])
    before = Store(db_path).counts()
    again = runner.invoke(app, ["ingest", str(data), "--db", str(db_path)])
    assert "2 already stored" in again.output
    assert Store(db_path).counts() == before
    assert before["events"] > 0


def test_code_assault_acceptance() -> None:
    text = "The United States launched an air strike against Islamic State fighters near Baghdad on Tuesday."
    result = runner.invoke(app, ["code", "--text", text, "--date", "2020-06-24"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.strip().splitlines()[-1])
    assaults = [e for e in record["events"] if e["plover"] == "ASSAULT"]
    assert assaults, record
    event = assaults[0]
    assert event["source"][0]["country"] == "USA"
    assert event["cameo"].startswith("19")
    assert event["evidence"]["sentence"] == text
    assert event["date"] == "2020-06-23" and event["date_precision"] == "day"
    assert event["location"] and event["location"]["country"] == "IRQ"


def test_code_input_file_with_dyads(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Iran condemned the United States on Monday.", "source": "Iran", "target": "the United States"},
        {"id": "b", "text": "Cases of the virus rose to 16,000 in Iraq.", "source": "Cases", "target": "Iraq"},
        {"id": "c", "text": "The weather was mild."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    result = runner.invoke(app, ["code", "--input", str(path), "--date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.output.strip().splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert out[0]["dyad_event"]["plover"] == "ACCUSE"
    assert out[1]["dyad_event"] is None and out[1]["events"] == []
    assert "dyad_event" not in out[2]


def test_extract_seed(seed_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(seed_path)])
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["title"] == "Tehran Meddles in US-Iraq Strategic Talks"
    assert record["body"].startswith("US and Iraqi officials")
    assert record["error"] is None
    assert set(record) == {"source", "title", "authors", "published", "published_precision", "page_date", "site",
                           "language", "body", "captions", "credit", "author_bio", "error"}


def test_extract_reports_bad_input_as_record(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path / "zero.txt")])
    assert result.exit_code == 1
    record = json.loads(result.output)
    assert record["error"]["type"] == "EmptyInput" and record["body"] is None


def test_demo_prints_events_with_evidence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "eventwire.db").exists()
    shown = re.findall(r"^#\d+ .*\n    \u201c.+\u201d$", result.output, flags=re.M)
    assert len(shown) >= 20
    counts_before = Store(tmp_path / "eventwire.db").counts()
    assert counts_before["documents"] >= 25
    again = runner.invoke(app, ["demo"])
    assert again.exit_code == 0
    assert Store(tmp_path / "eventwire.db").counts() == counts_before
    listed = runner.invoke(app, ["events", "--actor", "USA", "--format", "jsonl"])
    rows = [json.loads(x) for x in listed.output.strip().splitlines()]
    assert rows and all(any(a["country"] == "USA" for a in r["source"] + r["target"]) for r in rows)
    explained = runner.invoke(app, ["explain", str(rows[0]["id"])])
    assert explained.exit_code == 0 and "rule" in explained.output and "sentence" in explained.output
    as_csv = runner.invoke(app, ["events", "--format", "csv", "--type", "ASSAULT"])
    assert as_csv.output.splitlines()[0].startswith("id,date")


def test_console_script_runs() -> None:
    exe = Path(sys.executable).parent / "eventwire"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "eventwire" in result.stdout
