"""The events table held in memory, sorted by date, for fast filtered reads by the server.

The server's database never changes while it runs (it is opened read-only), so the
events table can be read once into column arrays. Rows are sorted by (first_date,
event_id) with undated rows last, so a date range is a slice found by binary search and
date order is row order; actor, CAMEO and PLOVER codes are small integers, and a prefix
filter is a lookup table over the distinct codes. A search is then a few vectorised
passes over at most the rows in the date range: a few milliseconds on a million events,
where the same SQL takes tens. Filters that need the reports (free text, place name)
are left to SQL (:func:`EventIndex.can_search` says which).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from itertools import compress
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from polybius.analyse import QUAD_NAMES

if TYPE_CHECKING:
    from polybius.store import Store
    from polybius.web._queries import EventFilters

__all__ = ["EventIndex"]

logger = logging.getLogger(__name__)

_COLUMNS = (
    "event_id", "source_code", "target_code", "cameo", "cameo_root", "quad_class", "goldstein",
    "plover_type", "plover_mode", "first_date", "last_date", "place_name", "place_country",
    "latitude", "longitude", "num_reports", "num_documents", "num_sources",
)  # fmt: skip
_INT_COLUMNS = frozenset({"quad_class", "num_reports", "num_documents", "num_sources"})
_LUT_CACHE = 4096
_CACHE_BYTES = 256 * 2**20


def _categories(values: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Sorted distinct non-null strings of ``values`` and each array as int32 codes (-1 null)."""
    joined = pd.concat([pd.Series(v, dtype=object) for v in values], ignore_index=True)
    distinct = np.array(sorted(joined.dropna().unique()), dtype=object)
    codes = [
        pd.Categorical(pd.Series(v, dtype=object), categories=distinct).codes.astype(np.int32)
        for v in values
    ]
    return distinct, codes


class _ArrayCache:
    """Arrays kept least recently used out, up to a budget in bytes; safe across threads.

    Bounded by bytes, not by entries: a row mask of a million events takes 1 MB, a
    dyad's row numbers a few kB, and counting both as one slot let the masks evict
    the row lists of the few hundred dyads a dashboard cycles through.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.used = 0
        self._entries: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[str, str]) -> np.ndarray | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple[str, str], array: np.ndarray) -> None:
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = array
            self.used += array.nbytes
            while self.used > self.max_bytes and len(self._entries) > 1:
                _, old = self._entries.popitem(last=False)
                self.used -= old.nbytes


def _period_start(days: np.ndarray, by: str) -> np.ndarray:
    """Days since 1970-01-01 moved back to the start of their day, week, month or year."""
    if by == "day":
        return days
    if by == "week":  # 1970-01-01 was a Thursday; weeks start on Monday
        monday: np.ndarray = days - (days + 3) % 7
        return monday
    unit = {"month": "datetime64[M]", "year": "datetime64[Y]"}[by]
    start: np.ndarray = days.astype("datetime64[D]").astype(unit).astype("datetime64[D]")
    return start.astype(np.int64)


class EventIndex:
    """Column arrays of the events table with prefix lookup tables; build with :meth:`load`."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.size = len(frame)
        self.columns = {name: frame[name].to_numpy() for name in _COLUMNS}
        days = frame["first_date"].to_numpy(dtype="datetime64[D]")
        self.dated = int((~np.isnat(days)).sum())
        self.days = days[: self.dated].astype(np.int64)  # sorted ascending
        self.actors, (self.src, self.tgt) = _categories(
            [self.columns["source_code"], self.columns["target_code"]]
        )
        self.cameos, (self.cameo,) = _categories([self.columns["cameo"]])
        plover = frame["plover_type"].replace("", None).to_numpy()  # "" means no PLOVER type
        self.plovers, (self.plover,) = _categories([plover])
        self.quad = frame["quad_class"].fillna(0).to_numpy(dtype=np.int8)
        self.goldstein = frame["goldstein"].to_numpy(dtype=np.float64, na_value=np.nan)
        self.gold0 = np.nan_to_num(self.goldstein)  # sums count a missing score as 0
        self._ids = pd.Index(self.columns["event_id"])
        # Which rows have stored reports (None: none has); imported and synthetic
        # events have none, so their detail needs no query.
        self.reported: np.ndarray | None = None
        self._luts: dict[tuple[str, str], np.ndarray] = {}
        # Row masks per code prefix, and the row numbers of whole-range actor and dyad
        # searches, which users ask for again and again.
        self._cache = _ArrayCache(_CACHE_BYTES)
        # Each dated row's period start per period kind, made once (about 40 ms for a
        # million events) rather than by the first dyad request of each kind.
        self._periods = {
            by: _period_start(self.days, by) for by in ("day", "week", "month", "year")
        }

    @classmethod
    def load(cls, store: Store) -> EventIndex:
        """Read the events table of ``store`` into memory (about 1 GB per million events)."""
        frame = store.sql(
            f"SELECT {', '.join(_COLUMNS)} FROM events ORDER BY first_date NULLS LAST, event_id"
        )
        index = cls(frame)
        linked = store.sql("SELECT DISTINCT event_id FROM reports WHERE event_id IS NOT NULL")
        index.reported = index._ids.isin(linked["event_id"]) if len(linked) else None
        logger.info("web: %d events held in memory for search", index.size)
        return index

    # -- lookups -----------------------------------------------------------------------

    def _lut(self, kind: str, prefix: str) -> np.ndarray:
        """Boolean table over the distinct codes of ``kind``: which start with ``prefix``.

        One extra False entry at the end serves the null code -1.
        """
        key = (kind, prefix)
        lut = self._luts.get(key)
        if lut is None:
            names = {"actor": self.actors, "cameo": self.cameos}[kind]
            lut = np.zeros(len(names) + 1, dtype=bool)
            lut[:-1] = [name.startswith(prefix) for name in names]
            if len(self._luts) >= _LUT_CACHE:
                self._luts.clear()
            self._luts[key] = lut
        return lut

    def _mask(self, kind: str, prefix: str) -> np.ndarray:
        """Which rows have a ``kind`` code (source, target, cameo) starting with ``prefix``.

        Masks are cached (least recently used out) up to about 256 MB in all, since users
        come back to the same few actors; the lookup table makes a miss one gather.
        """
        key = (kind, prefix)
        mask = self._cache.get(key)
        if mask is None:
            codes = {"source": self.src, "target": self.tgt, "cameo": self.cameo}[kind]
            lut = self._lut("cameo" if kind == "cameo" else "actor", prefix)
            mask = np.take(lut, codes)
            self._cache.put(key, mask)
        return mask

    def _range(self, since: dt.date | None, until: dt.date | None) -> tuple[int, int]:
        """The rows whose first date lies in [since, until] (all rows, undated too, if open)."""
        if since is None and until is None:
            return 0, self.size
        epoch = dt.date(1970, 1, 1)
        lo = 0 if since is None else int(np.searchsorted(self.days, (since - epoch).days, "left"))
        hi = self.dated
        if until is not None:
            hi = int(np.searchsorted(self.days, (until - epoch).days, "right"))
        return lo, max(lo, hi)

    def _pair(self, a: str, b: str, lo: int, hi: int, *, directed: bool) -> np.ndarray:
        sa, tb = self._mask("source", a)[lo:hi], self._mask("target", b)[lo:hi]
        mask: np.ndarray = sa & tb
        if not directed:
            mask |= self._mask("source", b)[lo:hi] & self._mask("target", a)[lo:hi]
        return mask

    def _pair_rows(self, a: str, b: str, lo: int, hi: int, *, directed: bool) -> np.ndarray:
        """Row numbers of a dyad's events; remembered for the whole dated range, which is
        what the explorer's chart asks for again and again."""
        whole = (lo, hi) == (0, self.dated)
        key = (f"pair-rows:{'directed' if directed else 'both'}:{b}", a)
        if whole:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
        rows = np.flatnonzero(self._pair(a, b, lo, hi, directed=directed)) + lo
        if whole:
            self._cache.put(key, rows)
        return rows

    @staticmethod
    def can_search(filters: EventFilters) -> bool:
        return filters.text is None and filters.place is None

    def positions(self, filters: EventFilters) -> np.ndarray:
        """Row numbers (ascending, so in date order) of the events matching ``filters``."""
        lo, hi = self._range(filters.since, filters.until)
        masks: list[np.ndarray] = []
        if filters.actor is not None:
            actor = filters.actor
            masks.append(self._mask("source", actor)[lo:hi] | self._mask("target", actor)[lo:hi])
        if filters.source is not None:
            masks.append(self._mask("source", filters.source)[lo:hi])
        if filters.target is not None:
            masks.append(self._mask("target", filters.target)[lo:hi])
        if filters.dyad is not None:
            masks.append(self._pair(*filters.dyad, lo, hi, directed=False))
        if filters.code is not None:
            masks.append(self._mask("cameo", filters.code)[lo:hi])
        if filters.plover is not None:
            found = np.flatnonzero(self.plovers == filters.plover)
            code = int(found[0]) if len(found) else -2
            masks.append(self.plover[lo:hi] == code)
        if filters.quad_class is not None:
            masks.append(self.quad[lo:hi] == filters.quad_class)
        if not masks:
            return np.arange(lo, hi)
        only_actor = filters.actor is not None and len(masks) == 1 and (lo, hi) == (0, self.size)
        if only_actor:
            # The commonest search (one actor, all dates): remember the row numbers, so a
            # page through the results is a slice, not a scan of every event.
            rows = self._cache.get(("actor-rows", filters.actor or ""))
            if rows is not None:
                return rows
        mask = masks[0]
        if len(masks) > 1:
            mask = masks[0] & masks[1]  # a fresh array: cached masks stay untouched
            for other in masks[2:]:
                mask &= other
        found = np.flatnonzero(mask) + lo
        if only_actor:
            self._cache.put(("actor-rows", filters.actor or ""), found)
        return found

    # -- answers -----------------------------------------------------------------------

    def search(
        self, filters: EventFilters, *, sort: str, order: str, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """Like :func:`polybius.web._queries.events_page`: total and one sorted page."""
        found = self.positions(filters)
        total = len(found)
        end = offset + limit
        if sort == "date" and order == "asc":
            page = found[offset:end]
        elif sort == "date":
            # Newest first, undated last: ``found`` is ascending with undated rows at its end.
            k = int(np.searchsorted(found, self.dated))
            page = found[:k][::-1][offset:end]
            if end > k:
                page = np.concatenate([page, found[k:][::-1][max(0, offset - k) : end - k]])
        else:
            page = self._sorted_page(found, sort, order, offset, end)
        return total, self.rows(page)

    def _sort_key(self, sort: str, found: np.ndarray, order: str) -> np.ndarray:
        """A float key per row of ``found``: ascending sort gives the page, nulls last."""
        key: np.ndarray
        if sort in ("source", "target", "cameo"):
            codes = {"source": self.src, "target": self.tgt, "cameo": self.cameo}[sort][found]
            key = codes.astype(np.float64)
            key[codes < 0] = np.nan
        elif sort == "quad_class":
            key = self.quad[found].astype(np.float64)
            key[key == 0] = np.nan
        elif sort == "goldstein":
            key = self.goldstein[found].copy()
        else:
            column = "num_reports" if sort == "reports" else "num_sources"
            key = self.columns[column][found].astype(np.float64)
        if order == "desc":
            key = -key
        key[np.isnan(key)] = np.inf
        return key

    def _sorted_page(
        self, found: np.ndarray, sort: str, order: str, offset: int, end: int
    ) -> np.ndarray:
        if offset >= len(found):
            return found[:0]
        key = self._sort_key(sort, found, order)
        if end < len(found):
            # Only the first ``end`` rows matter; ties at the cut are kept whole.
            cut = np.partition(key, end - 1)[end - 1]
            keep = np.flatnonzero(key <= cut)
            found, key = found[keep], key[keep]
        # Ties go by date then id in the same direction, undated last (as the SQL does).
        tiebreak = (
            found if order == "asc" else np.where(found < self.dated, -found, 2 * self.size - found)
        )
        ranked = np.lexsort((tiebreak, key))
        return found[ranked][offset:end]

    def rows(self, page: np.ndarray) -> list[dict[str, Any]]:
        """Rows ``page`` as plain Python values, column by column (fast for a page).

        Values have the types of :class:`polybius.web.models.EventRow` (an integer column
        with nulls arrives as floats), so the server can encode them without validating.
        """
        values: list[list[Any]] = []
        for name, array in self.columns.items():
            taken = array[page]
            if taken.dtype.kind == "M":
                values.append(taken.astype("datetime64[D]").tolist())  # NaT becomes None
            elif taken.dtype.kind == "f" and name in _INT_COLUMNS:
                values.append([None if v != v else int(v) for v in taken.tolist()])
            else:
                values.append([None if v != v else v for v in taken.tolist()])  # NaN: None
        names = list(self.columns)
        return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]

    def get(self, event_id: str) -> tuple[dict[str, Any], bool] | None:
        """The event called ``event_id`` and whether it has stored reports, or None."""
        try:
            i = self._ids.get_loc(event_id)
        except KeyError:
            return None
        if not isinstance(i, int | np.integer):
            return None
        has_reports = self.reported is not None and bool(self.reported[int(i)])
        return self.rows(np.array([int(i)]))[0], has_reports

    def _period(self, by: str) -> np.ndarray:
        """Each dated row's period start, in days since 1970-01-01."""
        return self._periods[by]

    def dyad(
        self,
        a: str,
        b: str,
        *,
        by: str,
        directed: bool,
        since: dt.date | None,
        until: dt.date | None,
    ) -> list[dict[str, Any]]:
        """Like :func:`polybius.analyse.dyad`, as a list of points (plover counts as a dict)."""
        lo, hi = self._range(since, until)
        hi = min(hi, self.dated)
        if hi <= lo:
            return []
        found = self._pair_rows(a, b, lo, hi, directed=directed)
        if not len(found):
            return []
        # Rows are in date order, so their periods never decrease: a new period starts
        # wherever the value changes, and no sort is needed to number them.
        period = self._period(by)[found]
        starts = np.empty(len(period), dtype=bool)
        starts[0] = True
        np.not_equal(period[1:], period[:-1], out=starts[1:])
        slot = np.cumsum(starts) - 1
        periods = period[starts]
        n = len(periods)
        events = np.bincount(slot, minlength=n)
        gold_sum = np.bincount(slot, weights=self.gold0[found], minlength=n)
        quad = self.quad[found]
        known = (quad >= 1) & (quad <= 4)
        quads = np.bincount(slot[known] * 5 + quad[known], minlength=n * 5).reshape(n, 5)
        plover = self.plover[found]
        typed = plover >= 0
        kinds = len(self.plovers)
        table = np.bincount(slot[typed] * kinds + plover[typed], minlength=n * kinds)
        names = self.plovers.tolist()
        # This loop, over periods, is most of a dyad's cost: keep it to C-level iterators.
        plover_counts = [
            dict(compress(zip(names, row, strict=True), row))
            for row in table.reshape(n, kinds).tolist()
        ]
        vc, mc, vf, mf = [quads[:, k].tolist() for k in QUAD_NAMES]
        return [
            {
                "period": day,
                "events": total,
                "verbal_cooperation": q1,
                "material_cooperation": q2,
                "verbal_conflict": q3,
                "material_conflict": q4,
                "goldstein_sum": gold,
                "goldstein_mean": mean,
                "plover": counts,
            }
            for day, total, q1, q2, q3, q4, gold, mean, counts in zip(
                periods.astype("datetime64[D]").tolist(),  # datetime.date values
                events.tolist(),
                vc,
                mc,
                vf,
                mf,
                gold_sum.tolist(),
                (gold_sum / events).tolist(),
                plover_counts,
                strict=True,
            )
        ]

    # -- aggregates ------------------------------------------------------------------

    def _fold(self, level: str) -> tuple[np.ndarray, np.ndarray]:
        """Names at ``level`` and, per actor code, the index of its name (itself or country)."""
        if level == "code":
            return self.actors, np.arange(len(self.actors))
        folded = np.array([str(a)[:3] for a in self.actors], dtype=object)
        names = np.array(sorted(set(folded.tolist())), dtype=object)
        return names, np.searchsorted(names, folded)

    def top_actors(
        self, *, n: int, level: str, since: dt.date | None, until: dt.date | None
    ) -> list[dict[str, Any]]:
        """Like :func:`polybius.analyse.top_actors`, as a list of rows."""
        lo, hi = self._range(since, until)
        kinds = len(self.actors)
        gold = np.nan_to_num(self.goldstein[lo:hi])
        counts, sums = [], np.zeros(kinds)
        for codes in (self.src[lo:hi], self.tgt[lo:hi]):
            known = codes >= 0
            counts.append(np.bincount(codes[known], minlength=kinds))
            sums += np.bincount(codes[known], weights=gold[known], minlength=kinds)
        names, fold = self._fold(level)
        width = len(names)
        as_source = np.bincount(fold, weights=counts[0], minlength=width).astype(np.int64)
        as_target = np.bincount(fold, weights=counts[1], minlength=width).astype(np.int64)
        gold_sum = np.bincount(fold, weights=sums, minlength=width)
        events = as_source + as_target
        present = np.flatnonzero(events > 0)
        ranked = present[np.lexsort((present, -events[present]))][:n]
        return [
            {
                "actor": str(names[k]),
                "events": int(events[k]),
                "as_source": int(as_source[k]),
                "as_target": int(as_target[k]),
                "goldstein_mean": float(gold_sum[k] / events[k]),
            }
            for k in ranked.tolist()
        ]

    def network_edges(
        self, *, level: str, min_count: int, since: dt.date | None, until: dt.date | None
    ) -> list[dict[str, Any]]:
        """Like :func:`polybius.analyse.network_edges`, as a list of rows, heaviest first."""
        lo, hi = self._range(since, until)
        src, tgt = self.src[lo:hi], self.tgt[lo:hi]
        known = (src >= 0) & (tgt >= 0)
        names, fold = self._fold(level)
        width = len(names)
        key = fold[src[known]].astype(np.int64) * width + fold[tgt[known]]
        gold = np.nan_to_num(self.goldstein[lo:hi][known])
        if width * width <= 4_000_000:  # few actors: count every pair directly
            every = np.bincount(key, minlength=width * width)
            pairs = np.flatnonzero(every)
            counts = every[pairs]
            sums = np.bincount(key, weights=gold, minlength=width * width)[pairs]
        else:
            pairs, slot, counts = np.unique(key, return_inverse=True, return_counts=True)
            sums = np.bincount(slot, weights=gold, minlength=len(pairs))
        keep = np.flatnonzero(counts >= min_count)
        sources, targets = pairs[keep] // width, pairs[keep] % width
        # Heaviest first, then by source and target name (names are sorted, so by index).
        order = keep[np.lexsort((targets, sources, -counts[keep]))]
        return [
            {
                "source": str(names[pairs[k] // width]),
                "target": str(names[pairs[k] % width]),
                "count": int(counts[k]),
                "goldstein_sum": float(sums[k]),
                "goldstein_mean": float(sums[k] / counts[k]),
            }
            for k in order.tolist()
        ]
