"""Tiny in-memory stores and hand-built events for store tests.

The factories live in :mod:`polybius.synthetic` (``make_event``, ``make_document``) so the
export, analysis and plot tests can share them; here they are also fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from polybius.store import Store
from polybius.synthetic import make_document, make_event


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as db:
        yield db


@pytest.fixture
def event_factory() -> Callable[..., Any]:
    return make_event


@pytest.fixture
def doc_factory() -> Callable[..., Any]:
    return make_document
