"""Synthetic event corpora for benchmarks, tests and demos (never mistaken for real data).

The distributions imitate real event data, loosely: actor countries follow a Zipf law
over real ISO 3166 alpha-3 codes (the busiest first), sectors are CAMEO sector codes,
CAMEO roots are skewed to 01-05 the way GDELT's are (statements, appeals and
consultations dominate), and dates spread uniformly over a span of years. The numbers
below are rough shape parameters for load testing, not a reference table.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from polybius.model import (
    Actor,
    CodedDocument,
    DatePrecision,
    Document,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Sentence,
)

if TYPE_CHECKING:
    from polybius.store import Store

__all__ = [
    "COUNTRIES",
    "load_synthetic",
    "make_document",
    "make_event",
    "synthetic_documents",
]

logger = logging.getLogger(__name__)

# Busiest first, so the Zipf law gives the big powers the most events.
COUNTRIES: tuple[str, ...] = (
    "USA", "RUS", "CHN", "GBR", "ISR", "IRN", "IND", "PAK", "FRA", "DEU",
    "UKR", "SYR", "TUR", "JPN", "AFG", "IRQ", "PSE", "PRK", "KOR", "EGY",
    "SAU", "NGA", "AUS", "CAN", "BRA", "ZAF", "MEX", "IDN", "PHL", "LBN",
    "LBY", "YEM", "SDN", "SOM", "KEN", "ETH", "VEN", "COL", "ITA", "ESP",
    "POL", "GRC", "SRB", "BLR", "GEO", "ARM", "AZE", "KAZ", "UZB", "MMR",
    "THA", "VNM", "MYS", "BGD", "LKA", "NPL", "CUB", "ARG", "CHL", "PER",
    "COD", "MLI", "NER", "TCD", "CMR", "UGA", "RWA", "ZWE", "DZA", "MAR",
    "TUN", "JOR", "QAT", "ARE", "KWT", "OMN", "BHR", "NLD", "BEL", "SWE",
)  # fmt: skip
SECTORS: tuple[str, ...] = ("", "GOV", "MIL", "BUS", "MED", "OPP", "REB", "COP", "JUD", "LEG")
_SECTOR_WEIGHTS = (0.30, 0.30, 0.12, 0.06, 0.05, 0.05, 0.04, 0.04, 0.02, 0.02)
# Share of each CAMEO root 01..20, shaped like GDELT 2.0 (verbal cooperation dominates).
_ROOT_WEIGHTS = (
    0.20, 0.08, 0.10, 0.22, 0.07, 0.02, 0.02, 0.02, 0.01, 0.02,
    0.05, 0.02, 0.02, 0.02, 0.01, 0.01, 0.04, 0.03, 0.04, 0.002,
)  # fmt: skip
_ROOT_GOLDSTEIN = (
    0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0,
    -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0,
)  # fmt: skip
_ROOT_PLOVER = (
    "", "REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE",
    "INVESTIGATE", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE",
    "SANCTION", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT",
)  # fmt: skip


def _quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _zipf_weights(n: int, exponent: float = 1.1) -> np.ndarray:
    weights: np.ndarray = 1.0 / np.arange(1, n + 1) ** exponent
    normalised: np.ndarray = weights / weights.sum()
    return normalised


def _synthetic_batch(
    rng: np.random.Generator, n: int, first: int, start: dt.date, days: int
) -> pa.Table:
    countries = np.array(COUNTRIES)
    sectors = np.array(SECTORS)
    cw = _zipf_weights(len(COUNTRIES))
    src_c = rng.choice(len(COUNTRIES), size=n, p=cw)
    tgt_c = rng.choice(len(COUNTRIES), size=n, p=cw)
    clash = src_c == tgt_c
    tgt_c[clash] = (tgt_c[clash] + 1 + rng.integers(0, 5, clash.sum())) % len(COUNTRIES)
    sw = np.array(_SECTOR_WEIGHTS) / sum(_SECTOR_WEIGHTS)
    src = np.char.add(countries[src_c], sectors[rng.choice(len(SECTORS), size=n, p=sw)])
    tgt = np.char.add(countries[tgt_c], sectors[rng.choice(len(SECTORS), size=n, p=sw)])
    rw = np.array(_ROOT_WEIGHTS) / sum(_ROOT_WEIGHTS)
    roots = rng.choice(20, size=n, p=rw) + 1
    sub = rng.integers(0, 4, size=n)
    root_str = np.char.zfill(roots.astype(str), 2)
    cameo = np.where(sub == 0, root_str, np.char.add(root_str, sub.astype(str)))
    quad = np.select([roots <= 5, roots <= 8, roots <= 13], [1, 2, 3], 4).astype(np.int8)
    goldstein = np.array(_ROOT_GOLDSTEIN)[roots - 1] + rng.normal(0, 0.3, n).round(1)
    plover = np.array(_ROOT_PLOVER)[roots - 1]
    offsets = rng.integers(0, days, size=n)
    dates = np.datetime64(start, "D") + offsets.astype("timedelta64[D]")
    reports = rng.geometric(0.6, size=n).astype(np.int32)
    docs = np.minimum(reports, rng.geometric(0.7, size=n)).astype(np.int32)
    return pa.table(
        {
            "n": pa.array(np.arange(first, first + n, dtype=np.int64)),
            "source_code": pa.array(src.astype(object)),
            "target_code": pa.array(tgt.astype(object)),
            "cameo": pa.array(cameo.astype(object)),
            "cameo_root": pa.array(root_str.astype(object)),
            "quad_class": pa.array(quad),
            "goldstein": pa.array(np.clip(goldstein, -10, 10)),
            "plover_type": pa.array(plover.astype(object)),
            "first_date": pa.array(dates),
            "num_reports": pa.array(reports),
            "num_documents": pa.array(docs),
        }
    )


def load_synthetic(
    store: Store,
    n_events: int,
    *,
    seed: int = 0,
    start: dt.date = dt.date(1995, 1, 1),
    years: int = 25,
    batch_size: int = 1_000_000,
) -> int:
    """Bulk-insert ``n_events`` synthetic events straight into the events table.

    Rows go in as Arrow batches (not one by one); ids are ``syn`` + a number, so a
    synthetic corpus never collides with coded events. Returns the number inserted.
    """
    rng = np.random.default_rng(seed)
    days = int(years * 365.25)
    con = store.connection
    first = int(store.scalar("SELECT count(*) FROM events WHERE starts_with(event_id, 'syn')"))
    done = 0
    while done < n_events:
        size = min(batch_size, n_events - done)
        batch = _synthetic_batch(rng, size, first + done, start, days)
        con.register("_synthetic", batch)
        con.execute(
            """
            INSERT INTO events (event_id, source_code, target_code, cameo, cameo_root,
                quad_class, goldstein, plover_type, plover_mode, first_date, last_date,
                num_reports, num_documents, num_sources)
            SELECT 'syn' || n, source_code, target_code, cameo, cameo_root, quad_class,
                goldstein, plover_type, '', first_date, first_date, num_reports,
                num_documents, num_documents
            FROM _synthetic
            """
        )
        con.unregister("_synthetic")
        done += size
        logger.info("synthetic: %d of %d events loaded", done, n_events)
    return done


def synthetic_documents(
    n: int, *, seed: int = 0, start: dt.date = dt.date(2000, 1, 1), days: int = 60
) -> Iterator[CodedDocument]:
    """``n`` small coded documents with 1-3 events each (some negated or hypothetical).

    Deterministic for a seed; documents often repeat an event from a nearby day, so
    deduplication has work to do.
    """
    rnd = random.Random(seed)
    weights = list(_zipf_weights(12))
    wires = ("Reuters", "AP", "AFP", "Xinhua", "TASS", "BBC")
    for i in range(n):
        day = start + dt.timedelta(days=rnd.randrange(days))
        first = f"Synthetic report {i} of seed {seed}."
        base = len(first) + 1
        text = first + " " + "Officials met. " * 4
        doc_id = f"syn-{seed}-{i}"
        events = []
        for k in range(rnd.randint(1, 3)):
            a, b = rnd.choices(range(12), weights=weights, k=2)
            if a == b:
                b = (b + 1) % 12
            root = rnd.choices(range(1, 21), weights=_ROOT_WEIGHTS)[0]
            offset = base + k * 15
            when = day + dt.timedelta(days=rnd.randint(-1, 1))
            src = COUNTRIES[a] + rnd.choice(("", "GOV", "MIL"))
            tgt = COUNTRIES[b] + rnd.choice(("", "GOV"))
            events.append(
                Event(
                    doc_id=doc_id,
                    sentence_index=1,
                    sentence_span=(base, len(text)),
                    source=Mention(
                        text="Officials", start=offset, end=offset + 9, actor=Actor(code=src)
                    ),
                    target=Mention(
                        text="met", start=offset + 10, end=offset + 13, actor=Actor(code=tgt)
                    ),
                    cameo=f"{root:02d}",
                    trigger="met",
                    trigger_span=(offset + 10, offset + 13),
                    goldstein=_ROOT_GOLDSTEIN[root - 1],
                    quad_class=_quad(root),
                    plover_type=_ROOT_PLOVER[root - 1],
                    date=EventDate(when, when, DatePrecision.DAY, rule="synthetic"),
                    cited_sources=(rnd.choice(wires),),
                    modality=Modality(
                        negated=rnd.random() < 0.05, hypothetical=rnd.random() < 0.05
                    ),
                    rule="synthetic",
                )
            )
        document = Document(id=doc_id, text=text, date=day, publication=rnd.choice(wires))
        sentences = (
            Sentence(doc_id=doc_id, index=0, start=0, end=len(first), text=first),
            Sentence(doc_id=doc_id, index=1, start=base, end=len(text), text=text[base:]),
        )
        yield CodedDocument(document=document, sentences=sentences, events=tuple(events))


def make_event(
    doc_id: str,
    source: str,
    target: str | None,
    cameo: str,
    day: dt.date | None,
    *,
    sentence_index: int = 0,
    offset: int = 0,
    quad_class: int = 1,
    goldstein: float = 1.0,
    plover_type: str = "CONSULT",
    place: str | None = None,
    cited: tuple[str, ...] = (),
    negated: bool = False,
    hypothetical: bool = False,
) -> Event:
    """A hand-made report: ``source`` does ``cameo`` to ``target`` on ``day`` (for tests)."""
    src = Mention(
        text=source.title(),
        start=offset,
        end=offset + len(source),
        actor=Actor(code=source, country=source[:3], sectors=(source[3:],) if source[3:] else ()),
        rule="test",
    )
    tgt = None
    if target is not None:
        tgt = Mention(
            text=target.title(),
            start=offset + 20,
            end=offset + 20 + len(target),
            actor=Actor(code=target, country=target[:3]),
            rule="test",
        )
    return Event(
        doc_id=doc_id,
        sentence_index=sentence_index,
        sentence_span=(offset, offset + 40),
        source=src,
        target=tgt,
        cameo=cameo,
        trigger="met",
        trigger_span=(offset + 10, offset + 13),
        goldstein=goldstein,
        quad_class=quad_class,
        plover_type=plover_type,
        plover_mode="",
        date=EventDate(start=day, end=day, precision=DatePrecision.DAY, rule="test")
        if day
        else None,
        place=Place(name=place, country=None, rule="test") if place else None,
        cited_sources=cited,
        modality=Modality(negated=negated, hypothetical=hypothetical),
        rule="test-rule",
        lexicon_version="t1",
        coder_version="t1",
    )


def make_document(
    doc_id: str,
    events: list[Event] | tuple[Event, ...] = (),
    *,
    text: str | None = None,
    date: dt.date | None = None,
    publication: str | None = None,
) -> CodedDocument:
    """A coded one-sentence document holding ``events`` (for tests and examples)."""
    body = text if text is not None else f"Document {doc_id}. " + "x" * 60
    document = Document(id=doc_id, text=body, date=date, publication=publication)
    sentences = (Sentence(doc_id=doc_id, index=0, start=0, end=len(body), text=body),)
    return CodedDocument(document=document, sentences=sentences, events=tuple(events))
