"""The synthetic corpus has the shape it promises: Zipf actors, skewed roots, spread dates."""

from __future__ import annotations

from polybius.store import Store
from polybius.synthetic import COUNTRIES, load_synthetic, synthetic_documents


def test_bulk_load_shape() -> None:
    with Store.open(":memory:") as store:
        assert load_synthetic(store, 50_000, seed=1, batch_size=20_000) == 50_000
        roots = store.sql("SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC")
        top_roots = set(roots["cameo_root"].head(5))
        assert top_roots <= {"01", "02", "03", "04", "05", "11"}
        assert {"04", "01"} <= top_roots
        countries = store.sql(
            "SELECT left(source_code, 3) AS c, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC"
        )
        assert countries["c"].iloc[0] == COUNTRIES[0]
        assert countries["n"].iloc[0] > 5 * countries["n"].iloc[20]  # Zipf-like tail
        assert set(countries["c"]) <= set(COUNTRIES)
        span = store.sql("SELECT min(first_date) AS lo, max(first_date) AS hi FROM events")
        assert (span["hi"][0] - span["lo"][0]).days > 20 * 365
        assert store.scalar("SELECT count(*) FROM events WHERE source_code = target_code") == 0
        quads = store.sql("SELECT DISTINCT quad_class, cameo_root FROM events")
        wrong = quads[(quads.cameo_root <= "05") & (quads.quad_class != 1)]
        assert wrong.empty


def test_documents_are_deterministic_and_slice_back() -> None:
    first = list(synthetic_documents(30, seed=4))
    assert first == list(synthetic_documents(30, seed=4))
    for coded in first:
        text = coded.document.text
        for sentence in coded.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        for event in coded.events:
            assert text[event.source.start : event.source.end] == event.source.text
            assert event.date is not None
