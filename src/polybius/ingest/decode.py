"""Bytes to text: UTF-8 first, then a detected encoding, and refusal of binary or empty input.

Decoding keeps the words exactly; only line endings are normalised (``\\r\\n`` and ``\\r``
become ``\\n``), because every character offset downstream indexes ``Document.text``.
"""

from __future__ import annotations

import codecs
import logging

import charset_normalizer

from polybius.errors import Errors, IngestError

__all__ = [
    "SAMPLE_BYTES",
    "decode_bytes",
    "looks_binary",
    "normalise_newlines",
    "sniff_encoding",
]

logger = logging.getLogger(__name__)

#: How much of a file is inspected to decide "binary?" and to guess a stream's encoding.
SAMPLE_BYTES = 64 * 1024

# Control bytes that do not occur in text (tab, newline, vertical tab, form feed, carriage
# return and escape are allowed).
_CONTROL = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``; nothing else in the text changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(sample: bytes) -> bool:
    """True for data with NUL bytes or more than 5% control bytes: not a text to code."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    head = sample[:SAMPLE_BYTES]
    control = sum(1 for byte in head if byte in _CONTROL)
    return control / len(head) > _MAX_CONTROL_SHARE


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _valid_utf8_prefix(sample: bytes) -> bool:
    """True if ``sample`` is UTF-8, allowing a multi-byte character cut off at its end."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


# Non-ASCII characters that Western news text in Windows-1252 plausibly holds, besides letters.
_CP1252_MARKS = frozenset("‘’‚“”„–—…•€£¥¢©®™°±§¶·«»×÷½¼¾\u00a0")
_MAX_HIGH_LETTER_SHARE = 0.3


def _looks_cp1252(data: bytes) -> bool:
    """True for bytes that read as Western text in Windows-1252 (the usual legacy news format).

    Short texts are ambiguous to a statistical detector (French with accents comes out as
    cp1250), so Windows-1252 is tried first: it must decode, use only letters and common
    punctuation above ASCII, and keep accented letters a minority, which Cyrillic or Greek
    single-byte text does not.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [ch for ch in text if ord(ch) > 127]
    if not high or not all(ch.isalpha() or ch in _CP1252_MARKS for ch in high):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    high_letters = sum(1 for ch in high if ch.isalpha())
    return high_letters <= _MAX_HIGH_LETTER_SHARE * letters


def _detect(data: bytes) -> str | None:
    if _looks_cp1252(data):
        return "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best.encoding)


def sniff_encoding(sample: bytes, *, path: str) -> str:
    """Encoding for a file read as a stream, judged from its first bytes.

    Returns ``"utf-8-sig"`` for UTF-8 (so a BOM is dropped); anything else is logged with E107.
    """
    bom = _bom_encoding(sample)
    if bom is not None:
        return bom
    if looks_binary(sample):
        raise IngestError(Errors.E103.format(path=path))
    if _valid_utf8_prefix(sample):
        return "utf-8-sig"
    encoding = _detect(sample)
    if encoding is None:
        raise IngestError(Errors.E108.format(path=path))
    logger.warning(Errors.E107.format(path=path, encoding=encoding))
    return encoding


def decode_bytes(data: bytes, *, path: str) -> tuple[str, str]:
    """Decode a whole file's bytes; returns ``(text, encoding)`` with newlines normalised.

    Raises IngestError with E102 (empty), E103 (binary) or E108 (undecodable). A file that is
    not UTF-8 but decodes in a detected encoding is accepted, with an E107 warning logged.
    """
    if not data.strip():
        raise IngestError(Errors.E102.format(path=path))
    encoding = _bom_encoding(data)
    if encoding is not None:
        text = _decode_or_fail(data, encoding, path=path)
    elif looks_binary(data):
        raise IngestError(Errors.E103.format(path=path))
    else:
        try:
            text = data.decode("utf-8-sig")
            encoding = "utf-8"
        except UnicodeDecodeError:
            detected = _detect(data)
            if detected is None:
                raise IngestError(Errors.E108.format(path=path)) from None
            text = _decode_or_fail(data, detected, path=path)
            encoding = detected
            logger.warning(Errors.E107.format(path=path, encoding=encoding))
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError(Errors.E102.format(path=path))
    return text, encoding


def _decode_or_fail(data: bytes, encoding: str, *, path: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(Errors.E108.format(path=path)) from exc
