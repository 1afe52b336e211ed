"""CAMEO codes derived from the code of the action they speak of.

CAMEO repeats one structure across its verbal families: an appeal (02), an intent (03), a
demand (10) and a rejection (12) each have a sub-code per kind of cooperation (material,
diplomatic, aid, reform, yielding, meeting), and a threat (13) one per kind of coercion. So
"urged Iran to release the sailors" is an appeal for release (0253) because releasing is
0841, and "threatened to cut off aid" is a threat to stop aid (1311) because cutting aid
is 162. Each function maps the action's code to the derived code, most specific first.
"""

from __future__ import annotations

__all__ = ["appeal_code", "intent_code", "refusal_code", "request_refusal", "threat_code"]

# The action's code prefix → (family digit, sub digit) in the 02/03/10 layout.
_KINDS: tuple[tuple[str, str, str], ...] = (
    ("061", "1", "1"),
    ("062", "1", "2"),
    ("063", "1", "3"),
    ("064", "1", "4"),
    ("06", "1", ""),
    ("05", "2", ""),
    ("071", "3", "1"),
    ("072", "3", "2"),
    ("073", "3", "3"),
    ("074", "3", "4"),
    ("07", "3", ""),
    ("0831", "4", "1"),
    ("0832", "4", "2"),
    ("0833", "4", "3"),
    ("0834", "4", "4"),
    ("083", "4", ""),
    ("081", "5", "1"),
    ("082", "5", "2"),
    ("084", "5", "3"),
    ("085", "5", "4"),
    ("086", "5", "5"),
    ("087", "5", "6"),
    ("08", "5", ""),
    ("045", "8", ""),
    ("04", "6", ""),
)
# A rejection (12) orders the same kinds differently, and has no diplomatic sub-code.
_REFUSAL_FAMILY = {
    "1": "121",
    "2": "120",
    "3": "122",
    "4": "123",
    "5": "124",
    "6": "125",
    "8": "126",
}
# Threats (13) by the kind of coercion threatened.
_THREATS: tuple[tuple[str, str], ...] = (
    ("161", "1313"),
    ("162", "1311"),
    ("163", "1312"),
    ("164", "134"),
    ("165", "135"),
    ("166", "136"),
    ("16", "131"),
    ("1721", "1321"),
    ("1722", "1322"),
    ("1723", "1323"),
    ("1724", "1324"),
    ("172", "132"),
    ("17", "137"),
    ("14", "133"),
    ("15", "130"),
    ("18", "1383"),
    ("191", "1381"),
    ("192", "1382"),
    ("204", "1385"),
    ("190", "138"),
    ("19", "1384"),
    ("20", "138"),
)


def _kind(code: str) -> tuple[str, str] | None:
    for prefix, family, sub in _KINDS:
        if code.startswith(prefix):
            return family, sub
    return None


def request_refusal(code: str) -> str | None:
    """The CAMEO "reject" code for turning down an appeal (02) or a demand (10) of a kind:
    a demand for a ceasefire (``1056``) rejected is ``1246``, an appeal for protection
    (``0234``) ``1224``. None for a request of no stated kind (``020``, ``100``)."""
    if code[:2] not in ("02", "10") or len(code) < 3:
        return None
    base = _REFUSAL_FAMILY.get(code[2])
    if base is None:
        return None
    return base + code[3:4] if code[2] in ("1", "3", "4", "5") else base  # as refusal_code


def _in_family(parent: str, code: str) -> str | None:
    kind = _kind(code)
    if kind is None:
        return None
    family, sub = kind
    if parent == "03" and family == "8":
        return "039"  # to intend to mediate is to offer mediation
    return parent + family + sub


def threat_code(code: str) -> str | None:
    """ "threatened to strike": the 13x code for threatening the action ``code``."""
    for prefix, threat in _THREATS:
        if code.startswith(prefix):
            return threat
    return None


def intent_code(code: str) -> str:
    """The CAMEO code for announcing the action ``code``: an intent (03x) for cooperation
    (``046`` → ``036``), a threat (13x) for coercion (``190`` → ``1384``)."""
    return _in_family("03", code) or threat_code(code) or code


def appeal_code(parent: str, code: str) -> str | None:
    """An appeal (``parent`` ``02``) or demand (``10``) for the action ``code``:
    ``("02", "0841")`` → ``0253``; None where CAMEO has no such sub-code."""
    return _in_family(parent, code)


def refusal_code(code: str) -> str | None:
    """The CAMEO "reject" code for refusing a cooperative action (``042`` → ``125``), or
    None where a refusal is no rejection ("would not attack" is no event at all)."""
    kind = _kind(code)
    if kind is None:
        return None
    family, sub = kind
    base = _REFUSAL_FAMILY[family]
    if family in ("1", "3", "4") and sub:
        return base + sub
    if family == "5" and sub:
        return base + sub  # 1241..1246, as 0251..0256
    return base
