"""Events survive the trip through the store unchanged (hypothesis round-trip)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from polybius.model import Event, Modality, Place, to_dict
from polybius.store import Store
from polybius.store._codec import event_from_dict
from polybius.synthetic import make_document, make_event

codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=9)
text = st.text(max_size=20)


@st.composite
def events(draw: st.DrawFn) -> Event:
    day = draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    event = make_event(
        "doc",
        draw(codes),
        draw(st.none() | codes),
        draw(st.text(alphabet="0123456789", min_size=2, max_size=4)),
        day,
        goldstein=draw(st.floats(-10, 10)),
        quad_class=draw(st.integers(0, 4)),
        cited=tuple(draw(st.lists(text, max_size=3))),
    )
    place = draw(
        st.none()
        | st.builds(
            Place,
            name=text,
            country=st.none() | codes,
            latitude=st.none() | st.floats(-90, 90),
            longitude=st.none() | st.floats(-180, 180),
            geonames_id=st.none() | st.integers(1, 10**9),
            span=st.none() | st.tuples(st.integers(0, 99), st.integers(0, 99)),
        )
    )
    modality = Modality(
        negated=draw(st.booleans()), hypothetical=draw(st.booleans()), cue=draw(text)
    )
    return event.with_(place=place, modality=modality, trigger=draw(text), rule=draw(text))


@settings(max_examples=60, deadline=None)
@given(events())
def test_dict_form_round_trips(event: Event) -> None:
    assert event_from_dict(to_dict(event)) == event


@settings(max_examples=25, deadline=None)
@given(st.lists(events(), min_size=1, max_size=4, unique_by=lambda e: e.id))
def test_store_round_trip_is_lossless(written: list[Event]) -> None:
    with Store.open(":memory:") as store:
        store.add(make_document("doc", written))
        assert list(store.events()) == written
