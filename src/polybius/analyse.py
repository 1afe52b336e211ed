"""Questions users ask of a store: dyadic time series, top actors, networks, timelines, search.

Every function reads the deduplicated ``events`` table (one row per real-world event)
unless it says otherwise, and returns a pandas DataFrame (or a networkx graph). Actor
codes match by prefix, so ``RUS`` matches ``RUS``, ``RUSGOV`` and ``RUSMIL``. Pass
``dataset="gdelt"`` (any name given to :func:`polybius.export.import_file`) to ask the
same question of an imported dataset. Values reach SQL only as bound parameters.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import pandas as pd

from polybius.errors import ConfigError, Errors, ExportError

if TYPE_CHECKING:
    from polybius.store import Store

__all__ = [
    "GRAPH_FORMATS",
    "PERIODS",
    "QUAD_NAMES",
    "dyad",
    "network",
    "network_edges",
    "search_events",
    "timeline",
    "top_actors",
    "write_graph",
]

logger = logging.getLogger(__name__)

Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
GRAPH_FORMATS: tuple[str, ...] = ("graphml", "gexf", "json")
QUAD_NAMES: dict[int, str] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
_EVENT_FIELDS = (
    "event_id, source_code, target_code, cameo, cameo_root, quad_class, goldstein, "
    "plover_type, plover_mode, first_date, last_date, place_name, place_country, "
    "latitude, longitude, num_reports, num_documents, num_sources"
)
_IMPORTED_AS_EVENTS = (
    "(SELECT event_id, source_code, target_code, cameo, cameo_root, quad_class, goldstein,"
    " plover_type, plover_mode, date AS first_date, date AS last_date, place_name,"
    " place_country, latitude, longitude, num_reports, num_documents, num_sources"
    " FROM imported_events WHERE dataset = ?)"
)


def _events_table(dataset: str | None) -> tuple[str, list[Any]]:
    """The FROM clause (and its parameters) for our events or an imported dataset."""
    if dataset is None:
        return "events", []
    return _IMPORTED_AS_EVENTS, [dataset]


def _check(kind: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError(Errors.E504.format(kind=kind, value=value, choices=", ".join(choices)))


def _date_clauses(
    since: dt.date | None, until: dt.date | None, column: str = "first_date"
) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return clauses, params


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period = "month",
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    dataset: str | None = None,
) -> pd.DataFrame:
    """Events between ``a`` and ``b`` per period: counts by quad class, Goldstein, PLOVER.

    Columns: ``period``, ``events``, one count per quad class (:data:`QUAD_NAMES`),
    ``goldstein_sum``, ``goldstein_mean`` and ``plover_<TYPE>`` counts. Undirected by
    default (``a`` to ``b`` and ``b`` to ``a``); ``directed=True`` keeps ``a`` as source.
    """
    _check("period", by, PERIODS)
    table, params = _events_table(dataset)
    pair = "(starts_with(source_code, ?) AND starts_with(target_code, ?))"
    clauses = [f"({pair} OR {pair})" if not directed else pair]
    params += [a, b, b, a] if not directed else [a, b]
    date_sql, date_params = _date_clauses(since, until)
    clauses += date_sql
    params += date_params
    frame = store.sql(
        f"""
        SELECT date_trunc('{by}', first_date)::DATE AS period, quad_class,
               coalesce(plover_type, '') AS plover_type,
               count(*) AS n, sum(goldstein) AS goldstein
        FROM {table} {_where(clauses + ["first_date IS NOT NULL"])}
        GROUP BY ALL
        """,
        params,
    )
    return _dyad_table(frame)


def _dyad_table(frame: pd.DataFrame) -> pd.DataFrame:
    columns = ["period", "events", *QUAD_NAMES.values(), "goldstein_sum", "goldstein_mean"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby("period")
    out = pd.DataFrame({"events": grouped["n"].sum(), "goldstein_sum": grouped["goldstein"].sum()})
    quads = frame.pivot_table(index="period", columns="quad_class", values="n", aggfunc="sum")
    for quad, name in QUAD_NAMES.items():
        out[name] = quads[quad] if quad in quads.columns else 0
    out["goldstein_mean"] = out["goldstein_sum"] / out["events"]
    plover = frame[frame["plover_type"] != ""].pivot_table(
        index="period", columns="plover_type", values="n", aggfunc="sum"
    )
    plover.columns = [f"plover_{name}" for name in plover.columns]
    out = out.join(plover).fillna(0)
    out = out.reset_index()
    rest = [c for c in out.columns if c not in columns]
    out = out[columns + sorted(rest)]
    count_columns = ["events", *QUAD_NAMES.values(), *sorted(rest)]
    out[count_columns] = out[count_columns].astype("int64")
    out["period"] = pd.to_datetime(out["period"])
    return out.sort_values("period").reset_index(drop=True)


def top_actors(
    store: Store,
    *,
    n: int = 20,
    level: Literal["code", "country"] = "code",
    since: dt.date | None = None,
    until: dt.date | None = None,
    dataset: str | None = None,
) -> pd.DataFrame:
    """The ``n`` actors in the most events, as source or target.

    Columns: ``actor``, ``events``, ``as_source``, ``as_target``, ``goldstein_mean``.
    ``level="country"`` folds codes to their first three letters (``RUSGOV`` -> ``RUS``).
    """
    _check("level", level, ("code", "country"))
    table, params = _events_table(dataset)
    date_sql, date_params = _date_clauses(since, until)
    where = _where(date_sql)
    fold = "actor" if level == "code" else "left(actor, 3)"
    frame = store.sql(
        f"""
        WITH base AS (SELECT source_code, target_code, goldstein FROM {table} {where}),
        s AS (SELECT source_code AS actor, count(*) AS c, sum(goldstein) AS g
              FROM base WHERE source_code IS NOT NULL GROUP BY 1),
        t AS (SELECT target_code AS actor, count(*) AS c, sum(goldstein) AS g
              FROM base WHERE target_code IS NOT NULL GROUP BY 1),
        codes AS (
            SELECT coalesce(s.actor, t.actor) AS actor, coalesce(s.c, 0) AS sc,
                   coalesce(t.c, 0) AS tc, coalesce(s.g, 0) + coalesce(t.g, 0) AS g
            FROM s FULL OUTER JOIN t ON s.actor = t.actor
        )
        SELECT {fold} AS actor, sum(sc + tc)::BIGINT AS events,
               sum(sc)::BIGINT AS as_source, sum(tc)::BIGINT AS as_target,
               sum(g) / sum(sc + tc) AS goldstein_mean
        FROM codes GROUP BY 1
        ORDER BY events DESC, actor
        LIMIT ?
        """,
        [*params, *date_params, n],
    )
    return frame


def network_edges(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    level: Literal["code", "country"] = "code",
    min_count: int = 1,
    dataset: str | None = None,
) -> nx.DiGraph:
    """The edges of :func:`network` as a DataFrame (faster for large corpora).

    Columns: ``source``, ``target``, ``count``, ``goldstein_sum``, ``goldstein_mean``.
    """
    _check("level", level, ("code", "country"))
    table, params = _events_table(dataset)
    date_sql, date_params = _date_clauses(since, until)
    fold = "{col}" if level == "code" else "left({col}, 3)"
    source, target = fold.format(col="source"), fold.format(col="target")
    clauses = ["source_code IS NOT NULL", "target_code IS NOT NULL", *date_sql]
    frame = store.sql(
        f"""
        WITH codes AS (
            SELECT source_code AS source, target_code AS target, count(*) AS n,
                   sum(goldstein) AS g
            FROM {table} {_where(clauses)}
            GROUP BY 1, 2
        )
        SELECT {source} AS source, {target} AS target, sum(n)::BIGINT AS count,
               sum(g) AS goldstein_sum, sum(g) / sum(n) AS goldstein_mean
        FROM codes GROUP BY 1, 2 HAVING sum(n) >= ?
        ORDER BY count DESC, source, target
        """,
        [*params, *date_params, min_count],
    )
    frame["count"] = frame["count"].astype("int64")
    return frame


def network(
    store: Store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    level: Literal["code", "country"] = "code",
    min_count: int = 1,
    dataset: str | None = None,
) -> nx.DiGraph:
    """The weighted directed actor graph: an edge per (source, target) pair of actors.

    Edge attributes: ``count`` (also ``weight``), ``goldstein_sum``, ``goldstein_mean``;
    node attribute ``events`` (events it takes part in). ``min_count`` drops rare edges.
    """
    frame = network_edges(
        store, since=since, until=until, level=level, min_count=min_count, dataset=dataset
    )
    frame["weight"] = frame["count"]
    graph: nx.DiGraph = nx.from_pandas_edgelist(
        frame,
        source="source",
        target="target",
        edge_attr=["count", "weight", "goldstein_sum", "goldstein_mean"],
        create_using=nx.DiGraph,
    )
    graph.graph.update(since=str(since or ""), until=str(until or ""))
    totals = (
        frame.groupby("source")["count"]
        .sum()
        .add(frame.groupby("target")["count"].sum(), fill_value=0)
    )
    nx.set_node_attributes(graph, {k: int(v) for k, v in totals.items()}, "events")
    return graph


def write_graph(
    graph: nx.DiGraph, path: str | Path, *, fmt: Literal["graphml", "gexf", "json"] = "graphml"
) -> Path:
    """Write ``graph`` as GraphML or GEXF (for Gephi) or node-link JSON."""
    _check("graph format", fmt, GRAPH_FORMATS)
    out = Path(path)
    try:
        if fmt == "graphml":
            nx.write_graphml(graph, out)
        elif fmt == "gexf":
            nx.write_gexf(graph, out)
        else:
            data = nx.node_link_data(graph, edges="edges")
            out.write_text(json.dumps(data, indent=1), encoding="utf-8")
    except OSError as exc:
        raise ExportError(Errors.E503.format(path=out, reason=exc.strerror or exc)) from exc
    return out


def timeline(
    store: Store,
    actor: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    dataset: str | None = None,
) -> pd.DataFrame:
    """Every event ``actor`` (a code prefix) takes part in, in date order, with its role."""
    table, params = _events_table(dataset)
    date_sql, date_params = _date_clauses(since, until)
    clauses = ["(starts_with(source_code, ?) OR starts_with(target_code, ?))", *date_sql]
    sql = (
        f"SELECT CASE WHEN starts_with(source_code, ?) THEN 'source' ELSE 'target' END AS role,"
        f" {_EVENT_FIELDS} FROM {table} {_where(clauses)}"
        " ORDER BY first_date NULLS LAST, event_id"
    )
    all_params = [actor, *params, actor, actor, *date_params]
    if limit is not None:
        sql += " LIMIT ?"
        all_params.append(limit)
    return store.sql(sql, all_params)


def search_events(
    store: Store,
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    code: str | None = None,
    plover: str | None = None,
    quad_class: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    place: str | None = None,
    text: str | None = None,
    include_modal: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> pd.DataFrame:
    """Search the reports (one row per coded event mention) with every filter ANDed.

    Actor and CAMEO ``code`` match by prefix; ``place`` and ``text`` (the sentence)
    match case-insensitively anywhere. Negated and hypothetical reports are left out
    unless ``include_modal``. Each row carries the ``event_id`` it was linked to.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if actor is not None:
        clauses.append("(starts_with(r.source_code, ?) OR starts_with(r.target_code, ?))")
        params += [actor, actor]
    if source is not None:
        clauses.append("starts_with(r.source_code, ?)")
        params.append(source)
    if target is not None:
        clauses.append("starts_with(r.target_code, ?)")
        params.append(target)
    if code is not None:
        clauses.append("starts_with(r.cameo, ?)")
        params.append(code)
    if plover is not None:
        clauses.append("upper(r.plover_type) = upper(?)")
        params.append(plover)
    if quad_class is not None:
        clauses.append("r.quad_class = ?")
        params.append(quad_class)
    date_sql, date_params = _date_clauses(since, until, "r.effective_start")
    clauses += date_sql
    params += date_params
    if place is not None:
        clauses.append("r.place_name ILIKE '%' || ? || '%'")
        params.append(place)
    if text is not None:
        clauses.append("(s.text ILIKE '%' || ? || '%' OR r.trigger ILIKE '%' || ? || '%')")
        params += [text, text]
    if not include_modal:
        clauses.append("NOT r.negated AND NOT r.hypothetical")
    return store.sql(
        f"""
        SELECT r.report_id, r.event_id, r.doc_id, r.sentence_index,
               r.effective_start AS date, r.source_code, r.target_code, r.cameo,
               r.quad_class, r.goldstein, r.plover_type, r.trigger, r.place_name,
               r.negated, r.hypothetical, s.text AS sentence
        FROM reports r
        LEFT JOIN sentences s ON s.doc_hash = r.doc_hash AND s.idx = r.sentence_index
        {_where(clauses)}
        ORDER BY r.effective_start NULLS LAST, r.seq
        LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
