"""Exports in native and dataset layouts, and imports of the same layouts back."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from polybius.errors import ConfigError, ExportError
from polybius.export import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_COLUMNS,
    event_record,
    export_store,
    import_file,
    read_jsonl,
    write_csv,
    write_jsonl,
    write_parquet,
)
from polybius.model import Actor, Mention, Place, to_dict
from polybius.store import Store
from polybius.store._codec import event_from_dict
from polybius.synthetic import make_document, make_event

DAY = dt.date(2001, 3, 5)


def _visit() -> object:
    event = make_event("a", "RUSGOV", "CHNGOV", "042", DAY, cited=("Reuters", "AP"))
    place = Place(
        name="Beijing",
        country="CHN",
        admin1="Beijing",
        latitude=39.9,
        longitude=116.4,
        geonames_id=1816670,
        rule="test",
    )
    source = Mention(
        text="Sergeev",
        start=0,
        end=7,
        actor=Actor(code="RUSMIL", country="RUS", sectors=("MIL",), name="Igor Sergeev"),
    )
    return event.with_(place=place, source=source, plover_type="CONSULT", plover_mode="VISIT")


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as db:
        db.add(make_document("a", [_visit()], publication="ITAR-TASS"))  # type: ignore[list-item]
        db.add(
            make_document(
                "b",
                [
                    make_event("b", "USA", "IRNGOV", "112", DAY, quad_class=3, goldstein=-2.0),
                    make_event("b", "IRN", "USA", "190", DAY, offset=60, negated=True),
                ],
                publication="AP",
            )
        )
        db.add(make_document("c", [make_event("c", "RUSMIL", "CHNGOV", "043", DAY)]))
        yield db


def test_event_record_has_id_fields_and_convenience_keys() -> None:
    event = make_event("a", "RUSGOV", None, "042", DAY, hypothetical=True)
    record = event_record(event)
    assert record["id"] == event.id
    assert record["source_code"] == "RUSGOV"
    assert record["target_code"] is None
    assert (record["negated"], record["hypothetical"]) == (False, True)
    assert record["date"]["start"] == "2001-03-05"
    assert event_from_dict(record) == event
    assert {k: v for k, v in record.items() if k in to_dict(event)} == to_dict(event)


def test_write_jsonl_and_csv(tmp_path: Path) -> None:
    events = [_visit(), make_event("b", "USA", "IRN", "112", None)]
    assert write_jsonl(events, tmp_path / "e.jsonl") == 2  # type: ignore[arg-type]
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e.id for e in events]  # type: ignore[attr-defined]
    assert write_csv(events, tmp_path / "e.csv") == 2  # type: ignore[arg-type]
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == FLAT_COLUMNS
    assert rows[0]["source_code"] == "RUSMIL"
    assert rows[0]["cited_sources"] == "Reuters;AP"
    assert rows[0]["place_latitude"] == "39.9"
    assert rows[1]["date_start"] == ""


def test_write_to_unwritable_path_is_an_export_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        write_jsonl([], tmp_path / "file" / "out.jsonl")


def test_store_jsonl_export_has_every_report(store: Store, tmp_path: Path) -> None:
    assert export_store(store, tmp_path / "all.jsonl", fmt="jsonl") == 4
    assert export_store(store, tmp_path / "all.tsv", fmt="tsv") == 4


def test_unknown_format_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xls'"):
        export_store(store, tmp_path / "x", fmt="xls")


def test_gdelt_layout(store: Store, tmp_path: Path) -> None:
    export_store(store, tmp_path / "g.tsv", fmt="gdelt")
    rows = [line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines()]
    assert all(len(row) == len(GDELT_COLUMNS) == 61 for row in rows)
    (row,) = [row for row in rows if row[5] == "RUSMIL"]
    visit = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert visit["SQLDATE"] == "20010305"
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"]) == (
        "042",
        "042",
        "04",
    )
    assert (visit["Actor1CountryCode"], visit["Actor1Type1Code"]) == ("RUS", "MIL")
    assert visit["Actor1Name"] == "Igor Sergeev"
    assert (visit["NumMentions"], visit["NumArticles"], visit["NumSources"]) == ("2", "2", "2")
    assert visit["ActionGeo_FullName"] == "Beijing"


_COMPARED = [
    "date",
    "source_code",
    "target_code",
    "cameo",
    "quad_class",
    "goldstein",
    "place_name",
    "latitude",
]


def _ours(store: Store) -> pd.DataFrame:
    return store.sql(
        "SELECT first_date AS date, source_code, target_code, cameo, quad_class, goldstein,"
        " place_name, latitude, num_reports, plover_type FROM events"
    )


def _theirs(store: Store, dataset: str) -> pd.DataFrame:
    return store.sql(
        "SELECT date, source_code, target_code, cameo, quad_class, goldstein, place_name,"
        " latitude, num_reports, plover_type FROM imported_events WHERE dataset = ?",
        [dataset],
    )


def _same(left: pd.DataFrame, right: pd.DataFrame, columns: list[str]) -> None:
    key = [c for c in ("source_code", "target_code", "event_id") if c in columns]
    a = left[columns].sort_values(key).reset_index(drop=True)
    b = right[columns].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


@pytest.mark.parametrize("fmt", ["gdelt", "icews", "polecat"])
def test_dataset_round_trip(store: Store, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    assert export_store(store, path, fmt=fmt) == 2
    assert import_file(store, path, fmt=fmt, dataset=f"rt-{fmt}") == 2
    columns = list(_COMPARED)
    if fmt == "gdelt":
        columns.append("num_reports")
    if fmt == "polecat":  # POLECAT holds PLOVER codes, not CAMEO ones
        columns[columns.index("cameo")] = "plover_type"
    _same(_ours(store), _theirs(store, f"rt-{fmt}"), columns)


def test_import_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    export_store(store, tmp_path / "g.tsv", fmt="gdelt", header=True)
    assert import_file(store, tmp_path / "g.tsv", fmt="gdelt") == 2
    assert import_file(store, tmp_path / "g.tsv", fmt="gdelt") == 0


def test_jsonl_round_trip(store: Store, tmp_path: Path) -> None:
    export_store(store, tmp_path / "e.jsonl", fmt="jsonl")
    assert import_file(store, tmp_path / "e.jsonl", fmt="jsonl", dataset="mine") == 4
    reports = store.sql("SELECT report_id AS event_id, cameo, source_code FROM reports")
    imported = store.sql("SELECT event_id, cameo, source_code FROM imported_events")
    _same(reports, imported, ["event_id", "cameo", "source_code"])


def test_import_of_a_malformed_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("1\t2\t3\n", encoding="utf-8")
    with Store.open(":memory:") as db, pytest.raises(ExportError, match="line 1 has 3 columns"):
        import_file(db, path, fmt="gdelt")


def test_icews_and_polecat_headers(store: Store, tmp_path: Path) -> None:
    export_store(store, tmp_path / "i.tab", fmt="icews")
    export_store(store, tmp_path / "p.txt", fmt="polecat")
    icews = pd.read_csv(tmp_path / "i.tab", sep="\t", dtype=str, keep_default_na=False)
    polecat = pd.read_csv(tmp_path / "p.txt", sep="\t", dtype=str, keep_default_na=False)
    assert tuple(icews.columns) == ICEWS_COLUMNS
    assert tuple(polecat.columns) == POLECAT_COLUMNS
    assert "Russian Federation" in set(icews["Source Country"])
    assert set(polecat["Quad Code"]) == {"VERBAL COOPERATION", "VERBAL CONFLICT"}


def test_parquet_single_and_partitioned(store: Store, tmp_path: Path) -> None:
    assert export_store(store, tmp_path / "e.parquet", fmt="parquet") == 2
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 2
    assert {"event_id", "num_reports", "year", "month"} <= set(table.column_names)
    export_store(store, tmp_path / "parts", fmt="parquet", partition=True)
    assert (tmp_path / "parts" / "year=2001" / "month=3").is_dir()
    assert pq.read_table(tmp_path / "parts").num_rows == 2


def test_read_jsonl_and_write_parquet(tmp_path: Path) -> None:
    events = [_visit(), make_event("b", "USA", "IRN", "112", None, negated=True)]
    write_jsonl(events, tmp_path / "e.jsonl")  # type: ignore[arg-type]
    assert list(read_jsonl(tmp_path / "e.jsonl")) == events
    assert write_parquet(events, tmp_path / "e.parquet") == 2  # type: ignore[arg-type]
    table = pq.read_table(tmp_path / "e.parquet")
    assert tuple(table.column_names) == FLAT_COLUMNS
    assert table.column("negated").to_pylist() == [False, True]


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ExportError, match="line 1"):
        list(read_jsonl(tmp_path / "bad.jsonl"))
