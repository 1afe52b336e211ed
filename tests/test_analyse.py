"""Dyads, top actors, networks, timelines and search over a tiny hand-built store."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from polybius import analyse
from polybius.errors import ConfigError
from polybius.store import Store
from polybius.synthetic import make_document, make_event

JAN, FEB = dt.date(2001, 1, 10), dt.date(2001, 2, 20)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as db:
        db.add_many(
            [
                make_document("a", [make_event("a", "RUSGOV", "CHNGOV", "042", JAN)]),
                make_document(
                    "b",
                    [
                        make_event(
                            "b",
                            "CHN",
                            "RUSMIL",
                            "190",
                            JAN,
                            quad_class=4,
                            goldstein=-10.0,
                            plover_type="ASSAULT",
                            place="Harbin",
                        )
                    ],
                ),
                make_document(
                    "c",
                    [
                        make_event("c", "RUS", "CHN", "057", FEB, goldstein=8.0),
                        make_event("c", "RUS", "USA", "111", FEB, offset=60, quad_class=3),
                        make_event("c", "RUS", "CHN", "190", FEB, offset=120, negated=True),
                    ],
                ),
            ]
        )
        yield db


def test_dyad_by_month_counts_both_directions(store: Store) -> None:
    table = analyse.dyad(store, "RUS", "CHN", by="month")
    assert table["period"].dt.strftime("%Y-%m").tolist() == ["2001-01", "2001-02"]
    assert table["events"].tolist() == [2, 1]
    assert table["verbal_cooperation"].tolist() == [1, 1]
    assert table["material_conflict"].tolist() == [1, 0]
    assert table["goldstein_sum"].tolist() == [-9.0, 8.0]
    assert table["goldstein_mean"].tolist() == [-4.5, 8.0]
    assert table["plover_ASSAULT"].tolist() == [1, 0]
    assert table["plover_CONSULT"].tolist() == [1, 1]


def test_dyad_directed_and_prefix(store: Store) -> None:
    directed = analyse.dyad(store, "RUS", "CHN", directed=True, by="year")
    assert directed["events"].tolist() == [2]
    assert analyse.dyad(store, "RUSMIL", "CHN")["events"].sum() == 1
    assert analyse.dyad(store, "RUS", "IRN").empty


def test_dyad_rejects_unknown_period(store: Store) -> None:
    with pytest.raises(ConfigError, match="unknown period 'decade'"):
        analyse.dyad(store, "RUS", "CHN", by="decade")  # type: ignore[arg-type]


def test_top_actors(store: Store) -> None:
    top = analyse.top_actors(store, n=2)
    assert top["actor"].tolist() == ["CHN", "RUS"]
    assert top["events"].tolist() == [2, 2]
    countries = analyse.top_actors(store, level="country")
    assert countries.set_index("actor")["events"].to_dict() == {"RUS": 4, "CHN": 3, "USA": 1}


def test_network_edges_and_writers(store: Store, tmp_path: Path) -> None:
    graph = analyse.network(store, level="country")
    assert graph["RUS"]["CHN"]["count"] == 2
    assert graph["RUS"]["CHN"]["goldstein_mean"] == pytest.approx(4.5)
    assert graph["CHN"]["RUS"]["count"] == 1
    assert graph.nodes["RUS"]["events"] == 4
    assert analyse.network(store, since=FEB).number_of_edges() == 2
    analyse.write_graph(graph, tmp_path / "g.graphml", fmt="graphml")
    analyse.write_graph(graph, tmp_path / "g.gexf", fmt="gexf")
    analyse.write_graph(graph, tmp_path / "g.json", fmt="json")
    again = nx.read_graphml(tmp_path / "g.graphml")
    assert again["RUS"]["CHN"]["count"] == 2
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 3
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["edges"]) == 3


def test_timeline_lists_roles_in_date_order(store: Store) -> None:
    table = analyse.timeline(store, "CHN")
    assert table["role"].tolist() == ["target", "source", "target"]
    assert table["first_date"].is_monotonic_increasing


def test_search_filters(store: Store) -> None:
    assert len(analyse.search_events(store)) == 4
    assert len(analyse.search_events(store, include_modal=True)) == 5
    assert analyse.search_events(store, code="19")["source_code"].tolist() == ["CHN"]
    assert analyse.search_events(store, place="harb")["doc_id"].tolist() == ["b"]
    assert len(analyse.search_events(store, source="RUS", target="CHN")) == 2
    assert len(analyse.search_events(store, since=FEB, until=FEB)) == 2
    assert len(analyse.search_events(store, quad_class=3)) == 1
    assert len(analyse.search_events(store, plover="assault")) == 1
    assert len(analyse.search_events(store, text="Document c")) == 2
    assert len(analyse.search_events(store, limit=1, offset=1)) == 1


def test_search_treats_values_as_data(store: Store) -> None:
    hostile = "x' OR 1=1 --"
    assert analyse.search_events(store, actor=hostile).empty
    assert analyse.search_events(store, text=hostile).empty
    assert store.counts()["reports"] == 5


def test_dataset_option_reads_imported_events(store: Store, tmp_path: Path) -> None:
    from polybius.export import export_store, import_file

    export_store(store, tmp_path / "g.tsv", fmt="gdelt")
    import_file(store, tmp_path / "g.tsv", fmt="gdelt", dataset="other")
    ours = analyse.dyad(store, "RUS", "CHN")
    theirs = analyse.dyad(store, "RUS", "CHN", dataset="other")
    assert theirs["events"].tolist() == ours["events"].tolist()
