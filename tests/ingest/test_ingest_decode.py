import codecs
import logging

import pytest

from polybius.errors import IngestError
from polybius.ingest.decode import decode_bytes, looks_binary, normalise_newlines, sniff_encoding


def test_utf8_with_bom_is_stripped() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + "Kyiv — Київ\n".encode(), path="a.txt")
    assert (text, encoding) == ("Kyiv — Київ\n", "utf-8")


def test_line_endings_are_normalised_and_nothing_else_changes() -> None:
    raw = b"One.\r\nTwo.\rThree.\n\tFour.  "
    text, _ = decode_bytes(raw, path="a.txt")
    assert text == "One.\nTwo.\nThree.\n\tFour.  "
    assert normalise_newlines("a\r\n\r\nb") == "a\n\nb"


def test_utf16_with_bom() -> None:
    raw = "Minsk talks".encode("utf-16")
    text, encoding = decode_bytes(raw, path="a.txt")
    assert text == "Minsk talks"
    assert encoding == "utf-16"


def test_latin1_is_detected_and_named(caplog: pytest.LogCaptureFixture) -> None:
    raw = "Le ministre a visité Genève et a parlé à la presse du café.\n".encode("latin-1")
    with caplog.at_level(logging.WARNING, logger="polybius.ingest.decode"):
        text, encoding = decode_bytes(raw, path="fr.txt")
    assert "visité Genève" in text and "à la presse du café" in text
    assert encoding == "cp1252"
    assert "fr.txt: not UTF-8; decoded as cp1252" in caplog.text


@pytest.mark.parametrize(
    ("words", "encoding"),
    [
        ("Министр встретился с послом в Москве.", "cp1251"),
        ("Minister spotkał się w Łodzi z ambasadorem.", "cp1250"),
        ("The minister’s “plan” failed – again.", "cp1252"),
    ],
)
def test_other_single_byte_encodings(words: str, encoding: str) -> None:
    text, found = decode_bytes(words.encode(encoding), path="x.txt")
    assert (text, found) == (words, encoding)


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n"])
def test_empty(raw: bytes) -> None:
    with pytest.raises(IngestError, match="E?empty file"):
        decode_bytes(raw, path="empty.txt")


@pytest.mark.parametrize("raw", [b"PK\x03\x04\x00\x00abc", bytes(range(0, 32)) * 20])
def test_binary(raw: bytes) -> None:
    assert looks_binary(raw)
    with pytest.raises(IngestError, match="bin.dat: looks binary"):
        decode_bytes(raw, path="bin.dat")


def test_text_is_not_binary() -> None:
    assert not looks_binary(b"Tabs\tand\nnewlines\r\n and \x0c form feeds")
    assert not looks_binary("é".encode("latin-1") * 100)


def test_sniff_encoding_for_streams() -> None:
    assert sniff_encoding(b"plain ascii", path="a.jsonl") == "utf-8-sig"
    # A multi-byte character cut off at the end of the sample is still UTF-8.
    assert sniff_encoding("abc Київ".encode()[:-1], path="a.jsonl") == "utf-8-sig"
    with pytest.raises(IngestError, match="a.jsonl: looks binary"):
        sniff_encoding(b"\x00\x01\x02", path="a.jsonl")
