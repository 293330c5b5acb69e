"""`eventwire stats`, `eventwire export` and the filter options of `eventwire events`, on the hand-made corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire import query
from eventwire.cli import app
from eventwire.export.acled import ACLED_COLUMNS
from eventwire.export.flat import FLAT_COLUMNS
from eventwire.export.tables import gdelt_columns
from eventwire.query import EventFilter

from ..test_query import build_store

runner = CliRunner()


@pytest.fixture
def db(db_path: Path) -> str:
    build_store(db_path).close()
    return str(db_path)


def _jsonl(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


# -- stats -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "f"),
    [
        ([], EventFilter(dyad="USA-IRQ")),
        (["--include-modal"], EventFilter(dyad="USA-IRQ", include_modal=True)),
        (["--undirected"], EventFilter(dyad="USA-IRQ", undirected=True)),
    ],
)
def test_stats_dyad_by_month_is_the_library_time_series(db: str, options: list[str], f: EventFilter) -> None:
    result = _invoke("stats", "--db", db, "--dyad", "USA-IRQ", "--by", "month", "--format", "jsonl", *options)
    rows = _jsonl(result.stdout)
    assert rows == query.timeseries(build_store(Path(db)), f, "month")
    assert rows  # not vacuous


def test_stats_dyad_by_month_exact_rows(db: str) -> None:
    result = _invoke("stats", "--db", db, "--dyad", "USA-IRQ", "--by", "month", "--format", "jsonl", "--include-modal")
    assert _jsonl(result.stdout) == [
        {"period": "2019-12", "count": 1, "goldstein_sum": -10.0, "goldstein_mean": -10.0, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 1},
        {"period": "2020-01", "count": 1, "goldstein_sum": -7.0, "goldstein_mean": -7.0, "quad1": 0, "quad2": 0, "quad3": 1, "quad4": 0},
        {"period": "2020-05", "count": 1, "goldstein_sum": 1.0, "goldstein_mean": 1.0, "quad1": 1, "quad2": 0, "quad3": 0, "quad4": 0},
    ]


def test_stats_table_and_csv(db: str) -> None:
    table = _invoke("stats", "--db", db, "--by", "year")
    assert "events by year" in table.stdout and "goldstein" in table.stdout
    lines = [line for line in table.stdout.splitlines() if "2020" in line]
    assert len(lines) == 1 and lines[0].split("│")[1:-1] == [" 2020   ", "     5 ", "     -26.5 ", "      -5.3 ", "     1 ",
                                                             "     0 ", "     1 ", "     3 "]  # fmt: skip
    as_csv = _invoke("stats", "--db", db, "--group", "type", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["plover"], r["count"]) for r in rows] == [("ACCUSE", "2"), ("ASSAULT", "2"), ("", "1"), ("COERCE", "1"), ("PROTEST", "1")]
    empty = _invoke("stats", "--db", db, "--actor", "nobody at all")
    assert "no events match" in empty.stdout


@pytest.mark.parametrize(
    ("options", "library"),
    [
        (["--group", "dyad"], lambda s: query.by_dyad(s, EventFilter())),
        (["--group", "dyad", "--by", "year", "--quad", "3"], lambda s: query.by_dyad(s, EventFilter(quad=3), "year")),
        (["--group", "type", "--since", "2020"], lambda s: query.by_type(s, EventFilter(since="2020"))),
        (["--group", "actors", "--top", "3"], lambda s: query.top_actors(s, EventFilter(), 3)),
        (["--group", "claims"], lambda s: query.claims(s, EventFilter())),
        (["--group", "time", "--by", "week", "--near", "33.34,44.40,250"], lambda s: query.timeseries(s, EventFilter(near=(33.34, 44.40, 250)), "week")),
    ],
)  # fmt: skip
def test_stats_groups_match_the_library(db: str, options: list[str], library: Any) -> None:
    result = _invoke("stats", "--db", db, "--format", "jsonl", *options)
    expected = library(build_store(Path(db)))
    assert expected and _jsonl(result.stdout) == expected


def test_stats_network(db: str) -> None:
    result = _invoke("stats", "--db", db, "--group", "network", "--format", "jsonl")
    lines = _jsonl(result.stdout)
    graph = query.network(build_store(Path(db)), EventFilter())
    assert [line for line in lines if line["kind"] == "node"] == [{"kind": "node"} | n for n in graph["nodes"]]
    assert [line for line in lines if line["kind"] == "edge"] == [{"kind": "edge"} | e for e in graph["edges"]]
    as_csv = _invoke("stats", "--db", db, "--group", "network", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 3 + 6 and rows[0]["label"] == "Iraq" and rows[3]["weight"] == "1"
    assert "United States" in _invoke("stats", "--db", db, "--group", "network").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--by", "fortnight"],
        ["stats", "--group", "people"],
        ["stats", "--format", "xml"],
        ["stats", "--top", "0"],
        ["stats", "--since", "2020-13"],
        ["stats", "--near", "33,44"],
        ["stats", "--dyad", "USA"],
        ["stats", "--quad", "9"],
        ["stats", "--type", "BOMB"],
        ["stats", "--quad", "x"],
        ["events", "--min-confidence", "2"],
        ["events", "--actor", "IRQ/G0V"],
        ["events", "--limit", "-1"],
        ["export", "--format", "xml", "--out", "x"],
        ["export", "--format", "csv"],
        ["export", "--format", "csv", "--out", "x.csv", "--header"],
    ],
)
def test_usage_errors_exit_2(db: str, tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "x").exists()


def test_missing_database_exits_1(tmp_path: Path) -> None:
    for command in (["stats"], ["export", "--format", "csv", "--out", str(tmp_path / "x.csv")]):
        result = runner.invoke(app, [*command, "--db", str(tmp_path / "none.db")])
        assert result.exit_code == 1 and "no database" in result.output


# -- export ------------------------------------------------------------------------------------------


def test_export_every_format(db: str, tmp_path: Path) -> None:
    out = {fmt: tmp_path / f"events.{fmt}" for fmt in ("csv", "jsonl", "parquet", "gdelt", "acled", "plover")}
    for fmt, path in out.items():
        result = _invoke("export", "--db", db, "--format", fmt, "--out", str(path), "--include-modal")
        assert "matching events" in result.output
    assert pd.read_csv(out["csv"]).columns.tolist() == list(FLAT_COLUMNS)
    assert pd.read_csv(out["csv"])["id"].tolist() == list(range(1, 10))
    assert [r["id"] for r in _jsonl(out["jsonl"].read_text())] == list(range(1, 10))
    assert pq.read_table(out["parquet"]).column("id").to_pylist() == list(range(1, 10))
    gdelt = pd.read_csv(out["gdelt"], sep="\t", header=None, dtype=str)
    assert gdelt.shape == (9, 61)
    acled = pd.read_csv(out["acled"])
    assert acled.columns.tolist() == list(ACLED_COLUMNS) and acled["event_id_cnty"].tolist() == ["IRQ1", "IRQ4", "IRQ7"]
    assert len(_jsonl(out["plover"].read_text())) == 8


def test_export_with_filters_and_gdelt_header(db: str, tmp_path: Path) -> None:
    path = tmp_path / "dyad.tsv"
    result = _invoke("export", "--db", db, "--format", "gdelt", "--header", "--out", str(path), "--dyad", "USA-IRQ", "--undirected")
    assert "wrote 2 gdelt records (2 matching events)" in result.output
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(gdelt_columns())
    assert frame["GLOBALEVENTID"].tolist() == ["1", "2"]
    acled = tmp_path / "acled.csv"
    result = _invoke("export", "--db", db, "--format", "acled", "--out", str(acled), "--country", "IRQ")
    assert "wrote 3 acled records (5 matching events)" in result.output


def test_export_to_an_unwritable_path_exits_1(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "no" / "such" / "dir.csv")])
    assert result.exit_code == 1 and "cannot write" in result.output


# -- events ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "f"),
    [
        ([], EventFilter()),
        (["--dyad", "USA-IRQ", "--undirected"], EventFilter(dyad="USA-IRQ", undirected=True)),
        (["--type", "ASSAULT", "--type", "accuse"], EventFilter(plover=("ASSAULT", "ACCUSE"))),
        (["--type", "ASSAULT,PROTEST"], EventFilter(plover=("ASSAULT", "PROTEST"))),
        (["--actor", "Kadhimi", "--include-modal"], EventFilter(actor="Kadhimi", include_modal=True)),
        (["--source", "IRQ", "--target", "IRN"], EventFilter(source="IRQ", target="IRN")),
        (["--text", "Green Zone", "--min-confidence", "0.6"], EventFilter(text="Green Zone", min_confidence=0.6)),
        (["--near", "33.34,44.40,50", "--admin1", "IQ.07"], EventFilter(near=(33.34, 44.40, 50), admin1="IQ.07")),
        (["--cameo", "19", "--quad", "4", "--country", "IRQ", "--mode", "heavy-weapons", "--since", "2020", "--until", "2020-12"],
         EventFilter(cameo="19", quad=4, country="IRQ", mode="heavy-weapons", since="2020", until="2020-12")),
    ],
)  # fmt: skip
def test_events_filters_are_the_library_filters(db: str, options: list[str], f: EventFilter) -> None:
    result = _invoke("events", "--db", db, "--format", "jsonl", *options)
    expected = query.search_events(build_store(Path(db)), f, limit=None, order="-date")
    assert expected and _jsonl(result.stdout) == expected


def test_events_table_and_limit(db: str) -> None:
    result = _invoke("events", "--db", db, "--limit", "2")
    assert "2 events" in result.stdout
    assert "PROTEST" in result.stdout and "ASSAULT" in result.stdout  # the two newest: 7 and 4
