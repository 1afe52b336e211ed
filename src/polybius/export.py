"""Write events in the formats users already load, and read the same formats back.

Native formats work on :class:`~polybius.model.Event` records (one line or row per report):

* JSONL (:func:`write_jsonl`): full provenance, one :func:`event_record` per line.
* CSV/TSV (:func:`write_csv`): one flat row per report, columns :data:`FLAT_COLUMNS`.

Dataset layouts work on a :class:`~polybius.store.Store` (one row per deduplicated event):

* GDELT 2.0 event table (:data:`GDELT_COLUMNS`, 61 columns, the order of the
  ``*.export.CSV`` files published since February 2015; tab-separated, no header).
* ICEWS coded event data (:data:`ICEWS_COLUMNS`, the 20 columns of the Dataverse
  ``events.YYYY.tab`` files, 1995-2020 release).
* POLECAT / PLOVER (:data:`POLECAT_COLUMNS`, the layout of the weekly POLECAT files
  released on Dataverse in 2023, PLOVER 1.0 codebook names).
* Parquet (:func:`export_parquet`), one file or a ``year=/month=`` partitioned directory.

:func:`import_file` reads GDELT, ICEWS, POLECAT and native JSONL files into the store's
``imported_events`` table under a dataset name, so a user can compare them with their own
coded corpus (``dyad(store, "RUS", "CHN", dataset="gdelt")``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pycountry

from polybius.errors import ConfigError, Errors, ExportError
from polybius.model import Event, Mention, to_dict

if TYPE_CHECKING:
    from polybius.store import Store

__all__ = [
    "EXPORT_FORMATS",
    "FLAT_COLUMNS",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "IMPORT_FORMATS",
    "POLECAT_COLUMNS",
    "event_record",
    "export_store",
    "flatten_event",
    "import_file",
    "read_jsonl",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

logger = logging.getLogger(__name__)

EXPORT_FORMATS = ("jsonl", "csv", "tsv", "gdelt", "icews", "polecat", "parquet")
IMPORT_FORMATS = ("gdelt", "icews", "polecat", "jsonl")


def event_record(event: Event) -> dict[str, Any]:
    """The native JSON form of one event: its id, every field, and convenience keys."""
    record: dict[str, Any] = {"id": event.id, **to_dict(event)}
    record["source_code"] = event.source.code
    record["target_code"] = event.target.code if event.target else None
    record["negated"] = event.modality.negated
    record["hypothetical"] = event.modality.hypothetical
    record["future"] = event.modality.future
    record["reported"] = event.modality.reported
    return record


def write_jsonl(events: Iterable[Event], path: str | Path) -> int:
    """Write one :func:`event_record` per line; returns the number of lines written."""
    count = 0
    with _open_out(path) as out:
        for event in events:
            out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
            count += 1
    return count


def _mention_columns(prefix: str, mention: Mention | None) -> dict[str, Any]:
    actor = mention.actor if mention else None
    return {
        f"{prefix}_code": mention.code if mention else None,
        f"{prefix}_text": mention.text if mention else None,
        f"{prefix}_start": mention.start if mention else None,
        f"{prefix}_end": mention.end if mention else None,
        f"{prefix}_rule": mention.rule if mention else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sectors": ";".join(actor.sectors) if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_entity_id": actor.entity_id if actor else None,
    }


def flatten_event(event: Event) -> dict[str, Any]:
    """One flat row per report: nested records become prefixed columns, lists ``;``-joined."""
    date, place, modality = event.date, event.place, event.modality
    row: dict[str, Any] = {
        "id": event.id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_span[0],
        "sentence_end": event.sentence_span[1],
        **_mention_columns("source", event.source),
        **_mention_columns("target", event.target),
        "cameo": event.cameo,
        "trigger": event.trigger,
        "trigger_start": event.trigger_span[0],
        "trigger_end": event.trigger_span[1],
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "plover_context": event.plover_context,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision.value if date else None,
        "date_rule": date.rule if date else None,
        "date_text": date.text if date else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "place_latitude": place.latitude if place else None,
        "place_longitude": place.longitude if place else None,
        "place_geonames_id": place.geonames_id if place else None,
        "place_feature": place.feature if place else None,
        "place_rule": place.rule if place else None,
        "place_text": place.text if place else None,
        "place_reason": event.place_reason,
        "cited_sources": ";".join(event.cited_sources),
        "negated": modality.negated,
        "hypothetical": modality.hypothetical,
        "future": modality.future,
        "reported": modality.reported,
        "modality_cue": modality.cue,
        "quoted_code": event.quoted.code if event.quoted else None,
        "quoted_text": event.quoted.text if event.quoted else None,
        "confidence": event.confidence,
        "rule": event.rule,
        "lexicon_version": event.lexicon_version,
        "coder_version": event.coder_version,
    }
    return row


def _flat_columns() -> tuple[str, ...]:
    from polybius.model import Mention as _M

    probe = Event(
        doc_id="",
        sentence_index=0,
        sentence_span=(0, 0),
        source=_M(text="", start=0, end=0),
        target=None,
        cameo="",
        trigger="",
        trigger_span=(0, 0),
    )
    return tuple(flatten_event(probe))


FLAT_COLUMNS: tuple[str, ...] = _flat_columns()


def write_csv(events: Iterable[Event], path: str | Path, *, delimiter: str = ",") -> int:
    """Write one flat row per event (columns :data:`FLAT_COLUMNS`) with a header line."""
    count = 0
    with _open_out(path, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, delimiter=delimiter)
        writer.writeheader()
        for event in events:
            row = flatten_event(event)
            writer.writerow({k: _csv_value(v) for k, v in row.items()})
            count += 1
    return count


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    """Write one flat row per event (columns :data:`FLAT_COLUMNS`) to a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten_event(event) for event in events]
    frame = pd.DataFrame.from_records(rows, columns=list(FLAT_COLUMNS))
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), out)
    except OSError as exc:
        raise ExportError(Errors.E503.format(path=out, reason=exc.strerror or exc)) from exc
    return len(rows)


def read_jsonl(path: str | Path) -> Iterator[Event]:
    """The events of a native JSONL file (as written by :func:`write_jsonl`)."""
    from polybius.store._codec import event_from_dict

    source = Path(path)
    try:
        with source.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield event_from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    reason = f"line {number}: {exc}"
                    raise ExportError(
                        Errors.E501.format(path=source, fmt="jsonl", reason=reason)
                    ) from exc
    except OSError as exc:
        raise ExportError(
            Errors.E501.format(path=source, fmt="jsonl", reason=exc.strerror or exc)
        ) from exc


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _OutFile:
    def __init__(self, path: str | Path, newline: str | None) -> None:
        self.path = Path(path)
        self.newline = newline

    def __enter__(self) -> Any:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = self.path.open("w", encoding="utf-8", newline=self.newline)
        except OSError as exc:
            raise ExportError(
                Errors.E503.format(path=self.path, reason=exc.strerror or exc)
            ) from exc
        return self.handle

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def _open_out(path: str | Path, newline: str | None = None) -> _OutFile:
    return _OutFile(path, newline)


# -- dataset layouts -----------------------------------------------------------------

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""GDELT 2.0 event table (``YYYYMMDDHHMMSS.export.CSV``): 61 tab-separated columns."""

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
    "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
    "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip
"""ICEWS coded event data, Dataverse ``events.YYYY.tab`` layout (1995-2020 release)."""

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "State", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
)  # fmt: skip
"""POLECAT weekly files (Dataverse, 2023 release; PLOVER 1.0 field names)."""

_QUAD_LABELS = {
    1: "VERBAL COOPERATION",
    2: "MATERIAL COOPERATION",
    3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}
_QUAD_FROM_LABEL = {label: quad for quad, label in _QUAD_LABELS.items()}

_EXPORT_QUERY = """
    SELECT e.event_id, e.first_date, e.source_code, e.target_code, e.cameo, e.cameo_root,
           e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.place_name,
           e.place_country, e.place_geonames_id, e.latitude, e.longitude,
           e.num_reports, e.num_documents, e.num_sources,
           r.source_name, r.source_text, r.source_country, r.source_sectors,
           r.target_name, r.target_text, r.target_country, r.target_sectors,
           r.trigger, r.doc_id, r.sentence_index, r.plover_context, r.place_admin1,
           r.place_feature, r.place_text, d.publication, d.origin, d.date AS story_date
    FROM events e
    LEFT JOIN reports r ON r.report_id = e.event_id
    LEFT JOIN documents d ON d.content_hash = r.doc_hash
    ORDER BY e.first_date NULLS LAST, e.event_id
"""


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return value is pd.NaT or value is pd.NA


def _text(value: Any) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _day(value: Any) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _numeric_id(event_id: str) -> str:
    """A stable integer id for formats that need one (GDELT, ICEWS): 60 bits of ours."""
    try:
        return str(int(event_id[:15], 16))
    except ValueError:
        return event_id


def _sectors(code: Any, country: Any, sectors: Any) -> list[str]:
    if not _blank(sectors) and str(sectors):
        return str(sectors).split(";")
    if _blank(code):
        return []
    rest = str(code)[3:] if not _blank(country) or len(str(code)) > 3 else ""
    return [rest[i : i + 3] for i in range(0, len(rest), 3)]


def _country(code: Any, country: Any) -> str:
    if not _blank(country) and country:
        return str(country)
    return str(code)[:3] if not _blank(code) else ""


def _country_name(alpha3: str) -> str:
    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return str(found.name) if found is not None else alpha3


def _country_code(name: str) -> str:
    if not name:
        return ""
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return name


def _gdelt_row(row: dict[str, Any]) -> list[str]:
    day = _day(row["first_date"])
    out = dict.fromkeys(GDELT_COLUMNS, "")
    out["GLOBALEVENTID"] = _numeric_id(row["event_id"])
    if day is not None:
        out["SQLDATE"] = day.strftime("%Y%m%d")
        out["MonthYear"] = day.strftime("%Y%m")
        out["Year"] = str(day.year)
        out["FractionDate"] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
        out["DATEADDED"] = day.strftime("%Y%m%d") + "000000"
    for n, prefix in ((1, "source"), (2, "target")):
        code = row[f"{prefix}_code"]
        out[f"Actor{n}Code"] = _text(code)
        name = row[f"{prefix}_name"]
        out[f"Actor{n}Name"] = _text(name if not _blank(name) else row[f"{prefix}_text"])
        if not _blank(code):
            out[f"Actor{n}CountryCode"] = _country(code, row[f"{prefix}_country"])
            sectors = _sectors(code, row[f"{prefix}_country"], row[f"{prefix}_sectors"])
            for i, sector in enumerate(sectors[:3], start=1):
                out[f"Actor{n}Type{i}Code"] = sector
    out["IsRootEvent"] = "1"
    cameo = _text(row["cameo"])
    out["EventCode"] = cameo
    out["EventBaseCode"] = cameo[:3]
    out["EventRootCode"] = cameo[:2]
    out["QuadClass"] = _text(row["quad_class"])
    out["GoldsteinScale"] = _text(row["goldstein"])
    out["NumMentions"] = _text(row["num_reports"])
    out["NumSources"] = _text(row["num_sources"])
    out["NumArticles"] = _text(row["num_documents"])
    if not _blank(row["place_name"]):
        out["ActionGeo_Type"] = "4" if not _blank(row["place_admin1"]) else "1"
        out["ActionGeo_FullName"] = _text(row["place_name"])
        out["ActionGeo_CountryCode"] = _text(row["place_country"])
        out["ActionGeo_ADM1Code"] = _text(row["place_admin1"])
        out["ActionGeo_Lat"] = _text(row["latitude"])
        out["ActionGeo_Long"] = _text(row["longitude"])
        out["ActionGeo_FeatureID"] = _text(row["place_geonames_id"])
    out["SOURCEURL"] = _text(row["origin"])
    return [out[c] for c in GDELT_COLUMNS]


def _icews_row(row: dict[str, Any]) -> list[str]:
    day = _day(row["first_date"])
    out = dict.fromkeys(ICEWS_COLUMNS, "")
    out["Event ID"] = _numeric_id(row["event_id"])
    out["Event Date"] = day.isoformat() if day else ""
    for label, prefix in (("Source", "source"), ("Target", "target")):
        code = row[f"{prefix}_code"]
        name = row[f"{prefix}_name"]
        out[f"{label} Name"] = _text(name if not _blank(name) else row[f"{prefix}_text"])
        if not _blank(code):
            sectors = _sectors(code, row[f"{prefix}_country"], row[f"{prefix}_sectors"])
            out[f"{label} Sectors"] = ",".join(sectors)
            out[f"{label} Country"] = _country_name(_country(code, row[f"{prefix}_country"]))
    out["Event Text"] = _text(row["trigger"])
    out["CAMEO Code"] = _text(row["cameo"])
    out["Intensity"] = _text(row["goldstein"])
    out["Story ID"] = _text(row["doc_id"])
    out["Sentence Number"] = _text(row["sentence_index"])
    out["Publisher"] = _text(row["publication"])
    if not _blank(row["place_name"]):
        out["City"] = _text(row["place_name"])
        out["Province"] = _text(row["place_admin1"])
        out["Country"] = _country_name(_text(row["place_country"]))
        out["Latitude"] = _text(row["latitude"])
        out["Longitude"] = _text(row["longitude"])
    return [out[c] for c in ICEWS_COLUMNS]


def _polecat_row(row: dict[str, Any]) -> list[str]:
    day = _day(row["first_date"])
    out = dict.fromkeys(POLECAT_COLUMNS, "")
    out["Event ID"] = _text(row["event_id"])
    out["Event Date"] = day.isoformat() if day else ""
    out["Event Type"] = _text(row["plover_type"]).lower()
    out["Event Mode"] = _text(row["plover_mode"]).lower()
    out["Event Intensity"] = _text(row["goldstein"])
    quad = row["quad_class"]
    out["Quad Code"] = _QUAD_LABELS.get(int(quad), "") if not _blank(quad) else ""
    out["Contexts"] = _text(row["plover_context"])
    for label, prefix in (("Actor", "source"), ("Recipient", "target")):
        code = row[f"{prefix}_code"]
        name = row[f"{prefix}_name"]
        out[f"{label} Name"] = _text(name if not _blank(name) else code)
        out[f"{label} Name Raw"] = _text(row[f"{prefix}_text"])
        if not _blank(code):
            sectors = _sectors(code, row[f"{prefix}_country"], row[f"{prefix}_sectors"])
            out[f"{label} Country"] = _country(code, row[f"{prefix}_country"])
            out[f"Primary {label} Sector"] = sectors[0] if sectors else ""
            out[f"{label} Sectors"] = ";".join(sectors)
    if not _blank(row["place_name"]):
        out["Placename"] = _text(row["place_name"])
        out["City"] = _text(row["place_name"])
        out["State"] = _text(row["place_admin1"])
        out["Country"] = _text(row["place_country"])
        out["Latitude"] = _text(row["latitude"])
        out["Longitude"] = _text(row["longitude"])
        out["GeoNames ID"] = _text(row["place_geonames_id"])
        out["Raw Placename"] = _text(row["place_text"])
        out["Feature Type"] = _text(row["place_feature"])
    out["Source"] = _text(row["publication"])
    story = _day(row["story_date"])
    out["Publication Date"] = story.isoformat() if story else ""
    out["Language"] = "en"
    out["Version"] = "polybius"
    return [out[c] for c in POLECAT_COLUMNS]


_LAYOUTS: dict[str, tuple[tuple[str, ...], Callable[[dict[str, Any]], list[str]], bool]] = {
    "gdelt": (GDELT_COLUMNS, _gdelt_row, False),
    "icews": (ICEWS_COLUMNS, _icews_row, True),
    "polecat": (POLECAT_COLUMNS, _polecat_row, True),
}


def export_store(
    store: Store,
    path: str | Path,
    *,
    fmt: str = "jsonl",
    partition: bool = False,
    header: bool | None = None,
) -> int:
    """Write the store's events in ``fmt`` (one of :data:`EXPORT_FORMATS`); returns the rows.

    ``jsonl``, ``csv`` and ``tsv`` write every coded report with full provenance;
    ``gdelt``, ``icews``, ``polecat`` and ``parquet`` write one row per deduplicated
    event. GDELT files have no header line (as published) unless ``header=True``.
    ``partition=True`` writes Parquet as a ``year=/month=`` directory.
    """
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(
            Errors.E504.format(kind="export format", value=fmt, choices=", ".join(EXPORT_FORMATS))
        )
    if fmt == "jsonl":
        return write_jsonl(store.events(), path)
    if fmt in ("csv", "tsv"):
        return write_csv(store.events(), path, delimiter="," if fmt == "csv" else "\t")
    if fmt == "parquet":
        return _export_parquet(store, Path(path), partition=partition)
    columns, make_row, default_header = _LAYOUTS[fmt]
    cursor = store.connection.cursor()
    cursor.execute(_EXPORT_QUERY)
    names = [d[0] for d in cursor.description or ()]
    count = 0
    with _open_out(path, newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        if default_header if header is None else header:
            writer.writerow(columns)
        while batch := cursor.fetchmany(10_000):
            writer.writerows(make_row(dict(zip(names, row, strict=True))) for row in batch)
            count += len(batch)
    cursor.close()
    return count


def _export_parquet(store: Store, path: Path, *, partition: bool) -> int:
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    query = (
        "SELECT *, year(first_date) AS year, month(first_date) AS month FROM events"
        " ORDER BY first_date NULLS LAST, event_id"
    )
    count = int(store.scalar("SELECT count(*) FROM events"))
    try:
        reader = store.connection.sql(query).to_arrow_reader()
        if partition:
            ds.write_dataset(
                reader,
                path,
                format="parquet",
                partitioning=["year", "month"],
                partitioning_flavor="hive",
                existing_data_behavior="overwrite_or_ignore",
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            with pq.ParquetWriter(path, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
    except OSError as exc:
        raise ExportError(Errors.E503.format(path=path, reason=exc)) from exc
    return count


# -- imports -------------------------------------------------------------------------

_IMPORT_COLUMNS = (
    "dataset", "event_id", "date", "source_code", "source_name", "source_country",
    "source_sectors", "target_code", "target_name", "target_country", "target_sectors",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode",
    "plover_context", "place_name", "place_admin1", "place_country", "latitude", "longitude",
    "place_geonames_id", "num_reports", "num_sources", "num_documents", "text", "story_id",
    "sentence_index", "publisher", "url",
)  # fmt: skip


def _none_if_blank(value: str) -> str | None:
    return value if value != "" else None


def _num(value: str, kind: type[int] | type[float] = float) -> Any:
    if value == "":
        return None
    return kind(float(value)) if kind is int else float(value)


def _date_value(value: str) -> dt.date | None:
    if value == "":
        return None
    if len(value) == 8 and value.isdigit():
        return dt.datetime.strptime(value, "%Y%m%d").date()
    return dt.date.fromisoformat(value[:10])


def _from_gdelt(rec: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event_id": rec["GLOBALEVENTID"],
        "date": _date_value(rec["SQLDATE"]),
        "cameo": rec["EventCode"],
        "cameo_root": rec["EventRootCode"] or rec["EventCode"][:2],
        "quad_class": _num(rec["QuadClass"], int),
        "goldstein": _num(rec["GoldsteinScale"]),
        "num_reports": _num(rec["NumMentions"], int),
        "num_sources": _num(rec["NumSources"], int),
        "num_documents": _num(rec["NumArticles"], int),
        "place_name": _none_if_blank(rec["ActionGeo_FullName"]),
        "place_admin1": _none_if_blank(rec["ActionGeo_ADM1Code"]),
        "place_country": _none_if_blank(rec["ActionGeo_CountryCode"]),
        "latitude": _num(rec["ActionGeo_Lat"]),
        "longitude": _num(rec["ActionGeo_Long"]),
        "place_geonames_id": _num(rec["ActionGeo_FeatureID"], int)
        if rec["ActionGeo_FeatureID"].lstrip("-").isdigit()
        else None,
        "url": _none_if_blank(rec["SOURCEURL"]),
    }
    for n, prefix in ((1, "source"), (2, "target")):
        out[f"{prefix}_code"] = _none_if_blank(rec[f"Actor{n}Code"])
        out[f"{prefix}_name"] = _none_if_blank(rec[f"Actor{n}Name"])
        out[f"{prefix}_country"] = _none_if_blank(rec[f"Actor{n}CountryCode"])
        types = [rec[f"Actor{n}Type{i}Code"] for i in (1, 2, 3)]
        out[f"{prefix}_sectors"] = ";".join(t for t in types if t) or None
    return out


def _from_icews(rec: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event_id": rec["Event ID"],
        "date": _date_value(rec["Event Date"]),
        "cameo": rec["CAMEO Code"],
        "cameo_root": rec["CAMEO Code"][:2],
        "goldstein": _num(rec["Intensity"]),
        "text": _none_if_blank(rec["Event Text"]),
        "story_id": _none_if_blank(rec["Story ID"]),
        "sentence_index": _num(rec["Sentence Number"], int),
        "publisher": _none_if_blank(rec["Publisher"]),
        "place_name": _none_if_blank(rec["City"]),
        "place_admin1": _none_if_blank(rec["Province"]),
        "place_country": _none_if_blank(_country_code(rec["Country"])),
        "latitude": _num(rec["Latitude"]),
        "longitude": _num(rec["Longitude"]),
        "num_reports": 1,
        "num_documents": 1,
    }
    root = _num(rec["CAMEO Code"][:2], int) if rec["CAMEO Code"][:2].isdigit() else None
    out["quad_class"] = (
        None if root is None else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    )
    for label, prefix in (("Source", "source"), ("Target", "target")):
        country = _country_code(rec[f"{label} Country"])
        sectors = [s for s in rec[f"{label} Sectors"].split(",") if s]
        out[f"{prefix}_name"] = _none_if_blank(rec[f"{label} Name"])
        out[f"{prefix}_country"] = _none_if_blank(country)
        out[f"{prefix}_sectors"] = ";".join(sectors) or None
        code = country + "".join(s for s in sectors if len(s) == 3 and s.isupper())
        out[f"{prefix}_code"] = code or None
    return out


def _from_polecat(rec: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event_id": rec["Event ID"],
        "date": _date_value(rec["Event Date"]),
        "plover_type": rec["Event Type"].upper(),
        "plover_mode": rec["Event Mode"].upper(),
        "plover_context": _none_if_blank(rec["Contexts"]),
        "goldstein": _num(rec["Event Intensity"]),
        "quad_class": _QUAD_FROM_LABEL.get(rec["Quad Code"].upper()),
        "place_name": _none_if_blank(rec["Placename"]),
        "place_admin1": _none_if_blank(rec["State"]),
        "place_country": _none_if_blank(rec["Country"]),
        "latitude": _num(rec["Latitude"]),
        "longitude": _num(rec["Longitude"]),
        "place_geonames_id": _num(rec["GeoNames ID"], int),
        "publisher": _none_if_blank(rec["Source"]),
        "num_reports": 1,
        "num_documents": 1,
    }
    for label, prefix in (("Actor", "source"), ("Recipient", "target")):
        country = rec[f"{label} Country"]
        sectors = [s for s in rec[f"{label} Sectors"].split(";") if s]
        out[f"{prefix}_name"] = _none_if_blank(rec[f"{label} Name"])
        out[f"{prefix}_country"] = _none_if_blank(country)
        out[f"{prefix}_sectors"] = ";".join(sectors) or None
        code = country + "".join(s for s in sectors if len(s) == 3 and s.isupper())
        out[f"{prefix}_code"] = code or None
    return out


def _from_jsonl(data: dict[str, Any]) -> dict[str, Any]:
    date = data.get("date") or {}
    place = data.get("place") or {}
    source = (data.get("source") or {}).get("actor") or {}
    target = (data.get("target") or {}).get("actor") or {}
    cameo = data.get("cameo", "")
    return {
        "event_id": data.get("id"),
        "date": _date_value(date.get("start") or ""),
        "source_code": data.get("source_code"),
        "source_name": source.get("name"),
        "source_country": source.get("country"),
        "source_sectors": ";".join(source.get("sectors") or ()) or None,
        "target_code": data.get("target_code"),
        "target_name": target.get("name"),
        "target_country": target.get("country"),
        "target_sectors": ";".join(target.get("sectors") or ()) or None,
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "quad_class": data.get("quad_class"),
        "goldstein": data.get("goldstein"),
        "plover_type": data.get("plover_type"),
        "plover_mode": data.get("plover_mode"),
        "plover_context": data.get("plover_context"),
        "place_name": place.get("name"),
        "place_admin1": place.get("admin1"),
        "place_country": place.get("country"),
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
        "place_geonames_id": place.get("geonames_id"),
        "num_reports": 1,
        "num_documents": 1,
        "num_sources": len(data.get("cited_sources") or ()),
        "text": data.get("trigger"),
        "story_id": data.get("doc_id"),
        "sentence_index": data.get("sentence_index"),
    }


def _read_table(path: Path, fmt: str) -> list[dict[str, str]]:
    columns = {"gdelt": GDELT_COLUMNS, "icews": ICEWS_COLUMNS, "polecat": POLECAT_COLUMNS}[fmt]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if rows and rows[0] and rows[0][0] == columns[0]:
        header, rows = rows[0], rows[1:]
        missing = [c for c in columns if c not in header]
        if missing:
            raise ExportError(
                Errors.E501.format(path=path, fmt=fmt, reason=f"missing columns {missing}")
            )
        return [dict(zip(header, row, strict=False)) for row in rows if row]
    out = []
    for number, row in enumerate(rows, start=1):
        if not row:
            continue
        if len(row) != len(columns):
            reason = f"line {number} has {len(row)} columns, expected {len(columns)}"
            raise ExportError(Errors.E501.format(path=path, fmt=fmt, reason=reason))
        out.append(dict(zip(columns, row, strict=True)))
    return out


def import_file(store: Store, path: str | Path, *, fmt: str, dataset: str | None = None) -> int:
    """Read a GDELT, ICEWS, POLECAT or native JSONL file into ``imported_events``.

    Rows are kept apart under ``dataset`` (default: the format name). Importing the
    same file again adds nothing: rows whose event id is already in the dataset are
    skipped. Returns the number of rows added.
    """
    if fmt not in IMPORT_FORMATS:
        raise ConfigError(
            Errors.E504.format(kind="import format", value=fmt, choices=", ".join(IMPORT_FORMATS))
        )
    source = Path(path)
    name = dataset or fmt
    try:
        if fmt == "jsonl":
            with source.open(encoding="utf-8") as handle:
                records = [_from_jsonl(json.loads(line)) for line in handle if line.strip()]
        else:
            convert = {"gdelt": _from_gdelt, "icews": _from_icews, "polecat": _from_polecat}[fmt]
            records = [convert(rec) for rec in _read_table(source, fmt)]
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise ExportError(Errors.E501.format(path=source, fmt=fmt, reason=exc)) from exc
    if not records:
        return 0
    frame = pd.DataFrame.from_records(
        [{"dataset": name, **rec} for rec in records], columns=list(_IMPORT_COLUMNS)
    )
    frame = frame.drop_duplicates("event_id")
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("quad_class", "num_reports", "num_sources", "num_documents"):
        frame[column] = frame[column].astype("Int64")
    for column in ("place_geonames_id", "sentence_index"):
        frame[column] = frame[column].astype("Int64")
    con = store.connection
    before = int(store.scalar("SELECT count(*) FROM imported_events"))
    con.register("_import", frame)
    try:
        con.execute(
            "INSERT INTO imported_events BY NAME SELECT * FROM _import i WHERE NOT EXISTS"
            " (SELECT 1 FROM imported_events x WHERE x.dataset = i.dataset"
            " AND x.event_id = i.event_id)"
        )
    finally:
        con.unregister("_import")
    added = int(store.scalar("SELECT count(*) FROM imported_events")) - before
    logger.info("imported %d %s rows from %s as dataset %r", added, fmt, source, name)
    return added
