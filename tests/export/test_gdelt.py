"""GDELT 2.0 export: header-less TSV with exactly GDELT's 61 columns in order, read back with pandas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from eventwire.datafiles import data_path
from eventwire.export import export_events
from eventwire.export.gdelt import write_gdelt
from eventwire.export.tables import gdelt_columns
from eventwire.query import EventFilter
from eventwire.store import Store

from ..conftest import SHARED, need_shared


def _read(path: Path, header: bool = False) -> pd.DataFrame:
    names = None if header else list(gdelt_columns())
    return pd.read_csv(path, sep="\t", header=0 if header else None, names=names, dtype=str, keep_default_na=False)


def test_columns_are_gdelts_61_in_order() -> None:
    reference = need_shared(SHARED / "reference" / "gdelt2-events-columns.tsv")
    expected = pd.read_csv(reference, sep="\t")["name"].tolist()
    assert len(expected) == 61
    assert list(gdelt_columns()) == expected
    assert data_path("ontology/gdelt2-columns.tsv").is_file()


def test_gdelt_rows(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.tsv"
    assert write_gdelt(rows, path) == 9
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9 and all(line.count("\t") == 60 for line in lines)  # 61 cells, no header
    frame = _read(path).set_index("GLOBALEVENTID", drop=False)
    assert frame.shape == (9, 61)
    first = frame.loc["1"]
    assert first[["SQLDATE", "MonthYear", "Year", "FractionDate"]].tolist() == ["20191229", "201912", "2019", "2019.9945"]
    assert first[["Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code"]].tolist() == ["USAMIL", "UNITED STATES", "USA", "MIL"]
    assert first[["Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code"]].tolist() == ["IRQUAF", "KATAIB HEZBOLLAH", "IRQ", "UAF"]
    assert first[["Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Type2Code"]].tolist() == ["", "", ""]
    assert first[["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]].tolist() == [
        "1", "195", "195", "19", "4", "-10.0"]  # fmt: skip
    assert first[["NumMentions", "NumSources", "NumArticles", "AvgTone"]].tolist() == ["1", "1", "1", "0"]
    for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        assert first[[f"{prefix}_{k}" for k in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long")]].tolist() == [
            "4", "Al-Qaim, Iraq", "IZ", "IZ01", "", "34.37", "41.09"]  # fmt: skip  (world city; Iraq is IZ in FIPS 10-4)
    assert first[["DATEADDED", "SOURCEURL"]].tolist() == ["20191229000000", "https://www.example.com/a1"]
    washington = frame.loc["8"]  # a US city: type 3, state code in ADM1
    assert washington[["ActionGeo_Type", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Long"]].tolist() == ["3", "US", "USDC", "-77.04"]
    assert washington[["EventCode", "EventRootCode", "IsRootEvent", "SOURCEURL"]].tolist() == ["040", "04", "0", "scrape.txt"]
    month = frame.loc["6"]  # a month-precise date is written as its first day; no place: geo type 0
    assert month[["SQLDATE", "Actor1Code", "Actor2Code", "ActionGeo_Type", "ActionGeo_CountryCode"]].tolist() == [
        "20200101", "USA", "IRN", "0", ""]  # fmt: skip
    assert month["DATEADDED"] == "20200108090000"  # the publication time
    assert frame.loc["9"][["Actor2Code", "SQLDATE", "EventBaseCode"]].tolist() == ["", "20200101", "010"]


def test_gdelt_header_and_filter(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "assaults.tsv"
    assert export_events(store, EventFilter(cameo="19"), "gdelt", path, header=True) == 2
    frame = _read(path, header=True)
    assert list(frame.columns) == list(gdelt_columns())
    assert frame["GLOBALEVENTID"].tolist() == ["1", "4"]
    assert frame["ActionGeo_FullName"].tolist() == ["Al-Qaim, Iraq", "Al Asad Airbase, Iraq"]


@pytest.mark.parametrize(("iso3", "fips"), [("IRQ", "IZ"), ("IRN", "IR"), ("USA", "US"), ("DEU", "GM"), ("SRB", "RI"), ("SSD", "OD")])
def test_fips_codes(iso3: str, fips: str) -> None:
    from eventwire.export.tables import country

    found = country(iso3)
    assert found is not None and found.fips == fips
