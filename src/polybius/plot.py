"""Static plots of a dyad over time and of the actor network (matplotlib, Agg backend)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap, TwoSlopeNorm  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from polybius import analyse  # noqa: E402
from polybius.errors import Errors, ExportError  # noqa: E402

if TYPE_CHECKING:
    from polybius.store import Store

__all__ = ["plot_dyad", "plot_network"]

logger = logging.getLogger(__name__)

COOPERATION = "#1f77b4"
CONFLICT = "#d62728"
GOLDSTEIN = "#444444"
_EDGE_COLOURS = LinearSegmentedColormap.from_list(
    "polybius_goldstein", [CONFLICT, "#8a8a8a", COOPERATION]
)
_BY_LABEL = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _save(figure: Any, out: str | Path) -> Path:
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, dpi=120, bbox_inches="tight")
    except OSError as exc:
        raise ExportError(Errors.E503.format(path=path, reason=exc.strerror or exc)) from exc
    finally:
        plt.close(figure)
    return path


def plot_dyad(
    data: pd.DataFrame | Store,
    a: str,
    b: str,
    out: str | Path,
    *,
    by: analyse.Period = "month",
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    dataset: str | None = None,
    title: str | None = None,
) -> Path:
    """Cooperation and conflict between ``a`` and ``b`` over time, with the Goldstein mean.

    ``data`` is a :func:`polybius.analyse.dyad` table or a Store (then it is queried, and
    each event is also marked as a tick under the counts). Returns the PNG path.
    """
    events: pd.DataFrame | None = None
    if isinstance(data, pd.DataFrame):
        table = data
    else:
        table = analyse.dyad(
            data, a, b, by=by, directed=directed, since=since, until=until, dataset=dataset
        )
        events = analyse.timeline(data, a, since=since, until=until, dataset=dataset)
        partner = events["target_code"].where(events["role"] == "source", events["source_code"])
        events = events[partner.fillna("").str.startswith(b)]
        if directed:
            events = events[events["role"] == "source"]
    arrow = "→" if directed else "↔"
    figure, (top, bottom) = plt.subplots(
        2, 1, figsize=(11, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]}
    )
    what = title or f"{a} {arrow} {b}: cooperation and conflict per {_BY_LABEL.get(by, by)}"
    figure.suptitle(what, fontsize=14, fontweight="bold")
    if table.empty:
        top.text(0.5, 0.5, f"No events between {a} and {b}", ha="center", transform=top.transAxes)
        bottom.set_axis_off()
        return _save(figure, out)
    total = int(table["events"].sum())
    table = _complete(table, by)
    periods = pd.to_datetime(table["period"])
    cooperation = table["verbal_cooperation"] + table["material_cooperation"]
    conflict = table["verbal_conflict"] + table["material_conflict"]
    sparse = len(table) <= 60
    marker = "o" if sparse else None
    top.plot(periods, cooperation, color=COOPERATION, lw=1.8, label="cooperation")
    top.plot(periods, conflict, color=CONFLICT, lw=1.8, label="conflict")
    busy = table["events"] > 0
    size = 6 if sparse else 3  # mark the periods that had events, so isolated ones stand out
    top.plot(
        periods[cooperation > 0], cooperation[cooperation > 0], "o", color=COOPERATION, ms=size
    )
    top.plot(periods[conflict > 0], conflict[conflict > 0], "o", color=CONFLICT, ms=size)
    top.fill_between(periods, 0, cooperation, color=COOPERATION, alpha=0.12, step=None)
    top.fill_between(periods, 0, conflict, color=CONFLICT, alpha=0.12, step=None)
    top.set_ylabel(f"events per {_BY_LABEL.get(by, by)}")
    top.set_ylim(0, 1.25 * max(1.0, float(max(cooperation.max(), conflict.max()))))
    handles, labels = top.get_legend_handles_labels()
    if events is not None and not events.empty:
        dates = pd.to_datetime(events["first_date"])
        is_conflict = events["quad_class"].fillna(0).astype(int) >= 3
        ymin = -0.06 * max(1.0, float(max(cooperation.max(), conflict.max())))
        top.set_ylim(bottom=ymin * 1.6)
        top.vlines(dates[~is_conflict], ymin, ymin * 0.2, color=COOPERATION, lw=0.8, alpha=0.6)
        top.vlines(dates[is_conflict], ymin * 1.2, ymin * 0.4, color=CONFLICT, lw=0.8, alpha=0.6)
        top.axhline(0, color="#999999", lw=0.6)
        handles.append(Line2D([0], [0], color="#777777", lw=1, marker="|", ls="none", ms=10))
        labels.append(f"one event ({len(events)} in all)")
    top.legend(handles, labels, loc="upper left", frameon=False, ncol=3)
    top.grid(alpha=0.3)
    bottom.axhline(0, color="#999999", lw=0.8)
    bottom.plot(
        periods,
        table["goldstein_mean"].where(busy),
        color=GOLDSTEIN,
        marker=marker or "o",
        ms=4 if marker is None else 6,
        lw=1.5,
        label="mean Goldstein score (-10 conflict … +10 cooperation)",
    )
    bottom.set_ylim(-10.5, 10.5)
    bottom.set_ylabel("Goldstein")
    bottom.legend(loc="upper left", frameon=False)
    bottom.grid(alpha=0.3)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
    bottom.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    bottom.xaxis.set_major_formatter(formatter)
    first, last = periods.min().date(), periods.max().date()
    bottom.set_xlabel(f"{total} events from {first} to {last}; source: Polybius event store")
    if sparse and len(table) == 1:
        pad = pd.Timedelta(days=20)
        bottom.set_xlim(periods.min() - pad, periods.max() + pad)
    return _save(figure, out)


_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}


def _complete(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Add the empty periods (zero counts, no Goldstein mean) so lines do not bridge gaps."""
    periods = pd.to_datetime(table["period"])
    full = pd.date_range(periods.min(), periods.max(), freq=_FREQ.get(by, "D"))
    if len(full) > 20_000 or len(full) <= len(table):
        return table
    out = table.assign(period=periods).set_index("period").reindex(full)
    counts = [c for c in out.columns if c != "goldstein_mean"]
    out[counts] = out[counts].fillna(0)
    return out.rename_axis("period").reset_index()


def plot_network(
    graph: nx.DiGraph,
    out: str | Path,
    *,
    top: int = 40,
    max_edges: int = 150,
    title: str | None = None,
    seed: int = 1,
) -> Path:
    """The actor graph: the ``top`` busiest actors, edge width by events, colour by Goldstein.

    Only the ``max_edges`` heaviest edges among them are drawn, so a dense graph stays
    legible; dense graphs are laid out on a circle, sparse ones with a spring layout.
    """
    figure, axes = plt.subplots(figsize=(11, 9))
    ranked = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("events", 0), str(n)))
    keep = ranked[:top]
    sub = graph.subgraph(keep).copy()
    heavy = sorted(sub.edges(data=True), key=lambda e: -e[2].get("count", 1))[:max_edges]
    dense = nx.density(sub) > 0.2 if sub.number_of_nodes() > 1 else False
    sub.remove_edges_from(list(sub.edges))
    sub.add_edges_from(heavy)
    shown = f"top {len(keep)} of {graph.number_of_nodes()} actors"
    axes.set_title(
        title or f"Actor network ({shown}): edge width = events, colour = mean Goldstein",
        fontsize=13,
        fontweight="bold",
    )
    axes.set_axis_off()
    if sub.number_of_nodes() == 0:
        axes.text(0.5, 0.5, "No events in the store", ha="center", transform=axes.transAxes)
        return _save(figure, out)
    if dense:
        position = nx.circular_layout(keep)
    else:
        spread = 1.6 / max(1, len(keep)) ** 0.5
        position = nx.spring_layout(sub, seed=seed, weight="weight", k=spread)
    sizes = [sub.nodes[n].get("events", 1) for n in sub.nodes]
    biggest = max(sizes) or 1
    largest = min(2200.0, 45000.0 / len(keep))  # neighbours on the circle must not overlap
    node_size = [150 + largest * (s / biggest) for s in sizes]
    counts = [d.get("count", 1) for _, _, d in sub.edges(data=True)]
    heaviest = max(counts) if counts else 1
    widths = [0.4 + 6 * (c / heaviest) for c in counts]
    colours = [d.get("goldstein_mean", 0.0) for _, _, d in sub.edges(data=True)]
    norm = TwoSlopeNorm(vmin=-10, vcenter=0, vmax=10)
    nx.draw_networkx_nodes(
        sub, position, ax=axes, node_size=node_size, node_color="#f0f0f0", edgecolors="#555555"
    )
    if counts:
        drawn = nx.draw_networkx_edges(
            sub,
            position,
            ax=axes,
            width=widths,
            edge_color=colours,
            edge_cmap=_EDGE_COLOURS,
            edge_vmin=-10,
            edge_vmax=10,
            arrows=True,
            arrowsize=10,
            alpha=0.75,
            node_size=node_size,
            connectionstyle="arc3,rad=0.12",
        )
        del drawn
        mappable = plt.cm.ScalarMappable(norm=norm, cmap=_EDGE_COLOURS)
        bar = figure.colorbar(mappable, ax=axes, shrink=0.6, pad=0.01)
        bar.set_label("mean Goldstein score of the edge (conflict < 0 < cooperation)")
    nx.draw_networkx_labels(sub, position, ax=axes, font_size=9, font_weight="bold")
    axes.text(
        0.0,
        -0.02,
        f"node size = events the actor takes part in; the {sub.number_of_edges()} heaviest"
        f" of {graph.number_of_edges()} edges shown",
        transform=axes.transAxes,
        fontsize=9,
        color="#444444",
    )
    return _save(figure, out)
