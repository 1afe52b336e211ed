"""Derived CAMEO codes (appeal, intent, demand, refusal, threat) exist and keep their kind."""

from __future__ import annotations

import pytest

from polybius.events.derived import (
    appeal_code,
    intent_code,
    refusal_code,
    request_refusal,
    threat_code,
)
from polybius.events.ontology import load_ontology

ONTOLOGY = load_ontology()
CAMEO_CODES = sorted(c for c in ONTOLOGY.codes if len(c) >= 3)


@pytest.mark.parametrize("family", ["02", "10"])
def test_every_appeal_or_demand_is_a_code_of_its_family(family: str) -> None:
    for code in CAMEO_CODES:
        derived = appeal_code(family, code)
        if derived is not None:
            assert ONTOLOGY.is_cameo(derived) and derived.startswith(family), (code, derived)


def test_every_intent_refusal_and_threat_is_a_cameo_code() -> None:
    for code in CAMEO_CODES:
        for derive, family in ((refusal_code, "12"), (threat_code, "13")):
            derived = derive(code)
            assert derived is None or (ONTOLOGY.is_cameo(derived) and derived[:2] == family)
        intent = intent_code(code)
        assert ONTOLOGY.is_cameo(intent) and intent[:2] in ("03", "13", code[:2])


def test_the_kind_asked_for_carries_over() -> None:
    assert appeal_code("02", "0841") == "0253"  # release persons → appeal for release
    assert appeal_code("10", "0871") == "1056"  # ceasefire → demand de-escalation
    assert appeal_code("02", "046") == "026"  # negotiate → appeal to negotiate
    assert intent_code("072") == "0332"  # give arms → intent to give military aid
    assert refusal_code("0841") == "1243"  # release → refuse to release
    assert threat_code("163") == "1312"  # sanctions → threaten sanctions
    assert appeal_code("02", "111") is None  # no appeal to criticise in CAMEO


def test_a_request_rejected_keeps_its_kind() -> None:
    assert request_refusal("1056") == "1246"  # demand for a ceasefire → refuse to de-escalate
    assert request_refusal("0234") == "1224"  # appeal for protection → reject the request
    assert request_refusal("1041") == "1231"  # demand he step down → reject the demand
    assert request_refusal("100") is None  # a demand of no stated kind
    assert request_refusal("0841") is None  # no request at all
    for code in CAMEO_CODES:
        refused = request_refusal(code)
        assert refused is None or (ONTOLOGY.is_cameo(refused) and refused[:2] == "12")
