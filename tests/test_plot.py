"""Plots are written as PNG files of a sensible size, for data and for empty stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib.image as mpimg
import pytest

from polybius import analyse
from polybius.errors import ExportError
from polybius.plot import plot_dyad, plot_network
from polybius.store import Store
from polybius.synthetic import load_synthetic, make_document, make_event

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _is_png(path: Path) -> bool:
    return path.read_bytes()[:8] == PNG_MAGIC


def test_dyad_plot_from_store_and_from_table(tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        day = dt.date(2001, 1, 10)
        store.add(make_document("a", [make_event("a", "RUS", "CHN", "042", day)]))
        store.add(make_document("b", [make_event("b", "CHN", "RUS", "190", day, quad_class=4)]))
        out = plot_dyad(store, "RUS", "CHN", tmp_path / "dyad.png")
        table = analyse.dyad(store, "RUS", "CHN")
        out2 = plot_dyad(table, "RUS", "CHN", tmp_path / "dyad2.png", title="custom")
    assert _is_png(out) and _is_png(out2)
    height, width = mpimg.imread(out).shape[:2]
    assert width > 1000 and height > 600


def test_plots_of_synthetic_corpus(tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        load_synthetic(store, 20_000, seed=3)
        out = plot_dyad(store, "USA", "RUS", tmp_path / "d.png", by="year")
        graph = analyse.network(store, level="country")
    net = plot_network(graph, tmp_path / "n.png", top=25)
    assert _is_png(out) and _is_png(net)


def test_empty_inputs_still_make_a_figure(tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        out = plot_dyad(store, "RUS", "CHN", tmp_path / "empty.png")
        net = plot_network(analyse.network(store), tmp_path / "empty_net.png")
    assert _is_png(out) and _is_png(net)


def test_unwritable_output_is_an_export_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with Store.open(":memory:") as store, pytest.raises(ExportError):
        plot_dyad(store, "RUS", "CHN", tmp_path / "file" / "x.png")
