"""How firmly the text asserts an event: negation, hypothesis, future intent, reported speech.

The scope of a cue is the chain of clauses from the trigger up to the sentence root: "there
was *nothing* to indicate that Chi's visit had brought ..." negates everything under
"nothing"; "a departure *would* undermine stability" makes the undermining hypothetical;
"he *said* they had agreed" marks the agreement as reported, with "he" as the one quoted.
The climb stops at a relative clause or a coordinated clause, whose modality is its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polybius.model import Modality

__all__ = ["CLAIM_NOUNS", "ModalityReading", "has_to", "read_modality"]

Token = Any

_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
_NEGATIVE_HEADS = frozenset({"nothing", "none", "nobody", "no-one", "noone", "neither"})
_NEGATIVE_VERBS = frozenset(
    {
        "fail",
        "deny",
        "refuse",
        "decline",
        "avoid",
        "cancel",
        "postpone",
        "rule",
        "stop",
        "halt",
        "abandon",
        "reject",
        "prevent",
        "block",
    }
)
CLAIM_NOUNS = frozenset({"charge", "claim", "accusation", "allegation", "assertion"})
_REFUSING_VERBS = frozenset({"refuse", "decline", "reject"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Nouns of a choice made, whose infinitive reports the act: "Mexico's move to grant asylum".
_DECISIONS = frozenset(
    {"decision", "move", "step", "measure", "order", "vote", "resolution", "announcement"}
)
_HYPOTHETICAL_HEADS = frozenset(
    {
        "possibility",
        "prospect",
        "proposal",
        "plan",
        "call",
        "idea",
        "risk",
        "danger",
        "threat",
        "suggestion",
        "option",
        "scenario",
        "chance",
        "likelihood",
        "attempt",
        "effort",
        "bid",
        "demand",
        "request",
        "offer",
        "hope",
        "fear",
        "concern",
        "rumor",
        "rumour",
        "speculation",
        "report",
        "claim",
        "allegation",
        "accusation",
        "assertion",
        "question",
        "consideration",
        "condition",
        # "had the authority to expel them": a power held, not used
        "authority",
        "power",
        "right",
        "ability",
        "capacity",
        "mandate",
    }
)
# Verbs whose complement is wanted, feared or planned, not done.
_IRREALIS_VERBS = frozenset(
    {
        "threaten",
        "warn",
        "fear",
        "consider",
        "propose",
        "want",
        "hope",
        "seek",
        "try",
        "attempt",
        "urge",
        "ask",
        "appeal",
        "implore",
        "encourage",
        "invite",
        "order",
        "tell",
        "advise",
        "request",
        "persuade",
        "call",
        "demand",
        "recommend",
        "wish",
        "prefer",
        "push",
        "press",
        "aim",
        "mull",
        "weigh",
        "debate",
        "discuss",
        "need",
        "insist",
        "allow",
        "permit",
        "help",
    }
)
_INTENT_VERBS = frozenset(
    {
        "plan",
        "intend",
        "pledge",
        "promise",
        "vow",
        "offer",
        "agree",
        "decide",
        "prepare",
        "expect",
        "schedule",
        "set",
        "due",
        "aim",
        "commit",
        "undertake",
        "resolve",
        "going",
        "want",
        "seek",
        "hope",
        "wish",
        "threaten",
    }
)
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "announce",
        "quote",
        "reveal",
        "add",
        "note",
        "insist",
        "assert",
        "declare",
        "confirm",
        "stress",
        "emphasize",
        "emphasise",
        "argue",
        "allege",
        "write",
        "explain",
        "indicate",
        "acknowledge",
        "admit",
        "suggest",
        "believe",
        "think",
        "maintain",
        "contend",
        "charge",
        "accuse",
    }
)
# What one is accused "of" or blamed "for" is alleged.
_ACCUSING = frozenset({"accuse", "charge", "blame", "suspect", "allege", "indict", "accusation"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Links through which a clause inherits the modality of the clause above it.
_SCOPE_LINKS = frozenset(
    {
        "xcomp",
        "ccomp",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "attr",
        "acl",
        "advcl",
        "csubj",
        "nsubj",
        "nsubjpass",
        "oprd",
        "appos",
        "agent",
        "npadvmod",
        "dative",
    }
)


# Reporting verbs under which "would" is the future seen from the past. A promise, vow or
# warning is not among them: what it announces has not happened and may never happen.
_NEUTRAL_SPEECH = frozenset(
    {
        "say",
        "tell",
        "announce",
        "state",
        "declare",
        "add",
        "note",
        "confirm",
        "insist",
        "stress",
        "report",
        "reveal",
        "explain",
    }
)


# A promise's "would" is also the future seen from the past: whose plan it is, the speaker's
# own (an intent) or another's (a forecast), the coder decides once it knows the actors.
_COMMITTING = frozenset({"pledge", "promise", "vow", "swear", "guarantee", "assure", "undertake"})


def _reported_by(clause: Token) -> Token | None:
    """The neutral speech or committing verb whose complement ``clause`` is, if any."""
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _NEUTRAL_SPEECH | _COMMITTING:
        return clause.head
    return None


_TIME_MARKS = frozenset({"when", "as", "while", "after", "before", "since"})
_PHASES = frozenset({"end", "conclusion", "close", "culmination", "outset"})
_PAST_ADJUNCTS = frozenset({"after", "following", "since", "amid", "despite", "during"})
_INTENT_ADJECTIVES = frozenset(
    {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "poised", "set"}
)
_FORECAST_ADJECTIVES = frozenset({"due", "scheduled", "slated", "likely", "unlikely", "expected"})
# "Iran was able to strike Israel", "no longer fit to mediate": a capacity, no act
_ABILITY_ADJECTIVES = frozenset({"able", "unable", "capable", "incapable", "fit", "unfit"})
_PERSONAL = frozenset({"it", "they", "he", "she", "we", "i"})


def _speaker_is_subject(clause: Token) -> bool:
    """ "X said it would ...": a pronoun subject of the reported clause is the speaker (not a
    passive one: in "vowed that it would be repulsed", "it" is what is acted on)."""
    subject = _subject(clause)
    speech = _reported_by(clause)
    if subject is None or speech is None or subject.dep_ != "nsubj":
        return False
    speaker = _subject(speech)
    return subject.lower_ in _PERSONAL or (speaker is not None and speaker.lower_ == subject.lower_)


def _inherits(clause: Token) -> bool:
    """Whether a clause falls under the cues of the word it hangs from.

    A relative clause keeps its own modality ("the man who did not come"), except under a
    negative or irrealis noun: "nothing to indicate that ...", "the possibility that ...".
    """
    if clause.dep_ == "prep" and clause.lower_ in _PAST_ADJUNCTS:
        return False  # "agreed to reopen embassies after talks": the talks took place
    if clause.dep_ == "prep" and any(o.lemma_.lower() in _PHASES for o in clause.children):
        return False  # "failed to sign a deal at the end of two days of talks"
    if (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "aux", "mark") for c in clause.children)
    ):
        return False  # "will sign a deal brokered by Russia": the brokering is done
    if (
        clause.dep_ == "advcl"
        # (the small model tags some past verbs with a subject VBN: "after leaders mediated")
        and (
            clause.tag_ == "VBD"
            or (clause.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in clause.children))
        )
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in clause.children)
    ):
        return False  # "urged Sisi to free him when the two met": the meeting took place
    if clause.dep_ in _SCOPE_LINKS:
        return True
    if _shares_subject(clause):
        return True  # "urged Iran to halt enrichment and release the sailors"
    head = clause.head.lower_
    return clause.dep_ == "relcl" and (head in _NEGATIVE_HEADS or head in _HYPOTHETICAL_HEADS)


@dataclass(frozen=True, slots=True)
class ModalityReading:
    modality: Modality
    intent: bool  # the source itself announces what it will do (CAMEO codes that as 03x)
    speaker: Token | None  # the subject of the speech verb that reports the event
    refusal: bool = False  # "refused to meet", "said it would not release": a rejection (12x)
    # Irrealis only because no one announced the future act as their own: "Biden said
    # Washington would send tanks" is the speaker's plan once the coder knows the two agree.
    forecast: bool = False
    announcer: Token | None = None  # the subject of the verb that says or promises "would"


def _has_child(
    token: Token, deps: frozenset[str] | set[str], words: frozenset[str]
) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and child.lower_ in words:
            return child
    return None


# "insisted that Moscow had not sent troops" asserts; "insisted that Iran halt" demands.
_INDICATIVE = frozenset({"VBD", "VBN", "VBZ", "VBP"})
_RANKS = frozenset({"first", "second", "third", "last", "only", "latest"})


def _shares_subject(clause: Token) -> bool:
    """A verb coordinated with another and without a subject of its own shares its clause."""
    return (
        clause.dep_ == "conj"
        and clause.pos_ in ("VERB", "AUX")
        and clause.head.pos_ in ("VERB", "AUX")
        and _subject(clause) is None
    )


def _participle_aside(clause: Token) -> bool:
    """A participle set off by a comma from the clause it hangs from: "..., rejecting"."""
    return (
        clause.tag_ == "VBG"
        and clause.dep_ in ("advcl", "xcomp", "conj")
        and clause.i > clause.head.i
        and clause.i > 0
        and clause.doc[clause.i - 1].text == ","
    )


def _first_to(verb: Token) -> bool:
    """ "became the first U.S. president to visit Hiroshima": the visit is what made him so."""
    return verb.lemma_.lower() in ("become", "be") and any(
        c.dep_ == "attr" and any(m.lower_ in _RANKS for m in c.children) for c in verb.children
    )


def _headline_infinitive(verb: Token) -> bool:
    """ "Kenya to send police to Haiti": a headline's subject with a bare "to" infinitive
    (parsed as the root, or as a relative clause of the name)."""
    if verb.tag_ != "VB" or not has_to(verb):
        return False
    if verb.dep_ == "ROOT":
        return _subject(verb) is not None
    return bool(verb.dep_ == "relcl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN")


def has_to(verb: Token) -> bool:
    """Whether a verb is a "to" infinitive ("urged Iran to free", "threatened to impose")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    return None


def read_modality(
    trigger: Token, *, governor: Token | None = None, answer: bool = False
) -> ModalityReading:
    """Read the cues that govern ``trigger`` (and, for a noun, the verb that governs it).
    ``answer``: the trigger rejects or denies, and as a participle set off by a comma it is
    asserted whatever the clause it hangs from denies ("denied it, rejecting the charge")."""
    negated = hypothetical = future = reported = intent = refused = False
    cues: list[str] = []
    speaker = announcer = None
    token = trigger
    chain = [trigger] if governor is None else [trigger, governor]
    # Climb from the trigger to the root, collecting the clauses in scope.
    current = chain[-1]
    guard = 0
    while _inherits(current) and current.head != current and guard < 12:
        current = current.head
        chain.append(current)
        guard += 1

    # "denied it, rejecting the accusations", "had not sent troops, dismissing the claims":
    # an answer set off beside a negated clause is not under its negation.
    aside = next(
        (d for d, t in enumerate(chain[:-1]) if answer and _participle_aside(t)), len(chain)
    )
    for depth, token in enumerate(chain):
        # The first of coordinated verbs lends the second its modal ("would halt ... and
        # release"), its negation only through "or" ("did not sign or ratify").
        shared = depth > 0 and _shares_subject(chain[depth - 1])
        own = depth == 0 or (governor is not None and token == governor) or shared
        denies = (
            not shared or _has_child(token, {"cc"}, frozenset({"or", "nor"})) is not None
        ) and depth <= aside
        neg = _has_child(token, {"neg"}, _NEGATORS) or _has_child(token, {"det"}, frozenset({"no"}))
        if neg is not None and denies:
            negated = True
            cues.append(neg.text)
        if token.lower_ in _NEGATIVE_HEADS and depth > 0 and denies:
            negated = True
            cues.append(token.text)
        if (
            depth > 0
            and denies
            and token.lemma_.lower() in _NEGATIVE_VERBS
            and chain[depth - 1].dep_ in ("xcomp", "dobj", "ccomp")
            # "accused Rwanda of backing the rebels, a charge Kigali denied": the parser hangs
            # the accusation under "denied", but what is denied is the charge, not that it
            # was made ("..., a charge Cambodia denies": the charge may be its object).
            and not any(
                c.lemma_.lower() in CLAIM_NOUNS
                and (c.dep_ == "nsubj" or (c.dep_ == "dobj" and c.i > chain[depth - 1].i))
                for c in token.children
            )
        ):
            negated = True
            refused = refused or (
                token.lemma_.lower() in _REFUSING_VERBS and chain[depth - 1].dep_ == "xcomp"
            )
            cues.append(token.text)
        aux = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"]
        for a in aux:
            word = a.lower_
            if word in _FUTURE_AUX:
                future = True
                # "Portugal will support ...": the actor's announced plan (CAMEO 03x).
                intent = intent or own
                cues.append(a.text)
            elif word in _HYPOTHETICAL_AUX and (depth == 0 or own):
                # "Zhu said that Beijing would continue ...": future in the past, reported;
                # "Iraq said it would allow ...": the speaker's own announced plan.
                reporting = _reported_by(token) if word == "would" else None
                if reporting is not None:
                    future = True
                    intent = intent or _speaker_is_subject(token)
                    announcer = announcer or _subject(reporting)
                else:
                    hypothetical = True
                cues.append(a.text)
        if (
            token.dep_ == "advcl"
            and token.tag_ == "VB"
            and (depth == 0 or own)
            and has_to(token)
            and token.head.lemma_.lower() not in _INTENT_VERBS | _IRREALIS_VERBS
            and not _first_to(token.head)
        ):
            # "appealed to France to support the bid": a purpose, not yet done.
            hypothetical = True
            cues.append("to")
        if (
            token.dep_ == "acl"
            and token.tag_ == "VB"
            and token.head.pos_ == "NOUN"
            and token.head.lemma_.lower() not in _DECISIONS
            and (depth == 0 or own)
            and has_to(token)
        ):
            # "at the request of President Hadi to protect Yemen", "a bid to reduce
            # tension": what a noun aims at, not an act done ("the decision to expel" is).
            hypothetical = True
            cues.append("to")
        if _headline_infinitive(token):
            # The headline's future: "Kenya to send police to Haiti" is announced, not done.
            future = True
            cues.append("to")
        mark = _has_child(token, {"mark"}, _CONDITIONAL_MARKS)
        if mark is not None and (token.dep_ == "advcl" or depth == 0):
            hypothetical = True
            cues.append(mark.text)
        if depth == 0:
            continue
        below = chain[depth - 1]
        lemma = token.lemma_.lower()
        if (
            token.pos_ == "NOUN"
            and lemma in _HYPOTHETICAL_HEADS
            and below.dep_ in ("acl", "ccomp", "prep", "pcomp", "pobj")
        ):
            hypothetical = True
            cues.append(token.text)
        elif lemma in _ACCUSING and below.dep_ == "prep" and below.lower_ in ("of", "for"):
            # "accusing him of the unlawful deportation of children": alleged, not found.
            hypothetical = True
            cues.append(token.text)
        elif token.pos_ == "ADJ" and lemma in _INTENT_ADJECTIVES and below.dep_ == "xcomp":
            # "Syria is willing to withdraw", "France is ready to contribute"
            future = True
            intent = True
            cues.append(token.text)
        elif token.pos_ == "ADJ" and lemma in _ABILITY_ADJECTIVES and below.dep_ == "xcomp":
            # "were able to reach the village" reports that they did; "is able to", a
            # capacity; "were unable to", that they did not
            copula = token.head if token.dep_ == "acomp" else token
            past = copula.tag_ == "VBD" or any(
                c.dep_ in ("cop", "aux") and c.tag_ == "VBD" for c in copula.children
            )
            if lemma == "unable" and past:
                negated = True
                cues.append(token.text)
            elif not (lemma == "able" and past):
                hypothetical = True
                cues.append(token.text)
        elif token.pos_ == "ADJ" and lemma in _FORECAST_ADJECTIVES and below.dep_ == "xcomp":
            # "the two leaders are due to sign", "talks are likely to resume": a forecast
            future = True
            cues.append(token.text)
        elif token.pos_ in ("VERB", "AUX") and below.dep_ in ("xcomp", "ccomp", "advcl", "dobj"):
            # "threatened on Thursday to impose": often parsed as an adverbial clause
            to_clause = below.dep_ == "advcl" and has_to(below)
            if lemma == "be" and below.dep_ == "xcomp" and has_to(below):
                # "Putin is to visit Beijing": scheduled, as with "due to".
                future = True
                cues.append(token.text)
            elif lemma in _INTENT_VERBS and (below.dep_ == "xcomp" or to_clause):
                future = True
                intent = lemma not in ("expect", "schedule", "set", "due", "going")
                cues.append(token.text)
            elif (
                lemma in _IRREALIS_VERBS
                and (below.dep_ in ("xcomp", "ccomp") or to_clause)
                and not (lemma == "insist" and below.tag_ in _INDICATIVE)
            ):
                hypothetical = True
                cues.append(token.text)
            elif lemma in SPEECH_VERBS and below.dep_ == "ccomp":
                reported = True
                speaker = speaker or _subject(token)
                cues.append(token.text)
    if any(c.lower_ == "reportedly" for c in trigger.children):
        reported = True
        cues.append("reportedly")
    if future and hypothetical and intent:
        # "vowed that it would": the vow is a commitment, not a supposition.
        hypothetical = False
    forecast = future and not intent and not hypothetical and not negated
    if future and not intent:
        # "Xi is expected to visit Moscow": someone else's forecast has not happened, and
        # no one announced it as their own plan (which CAMEO would code as 03x intent).
        hypothetical = True
    modality = Modality(
        negated=negated,
        hypothetical=hypothetical,
        future=future,
        reported=reported,
        cue=" ".join(dict.fromkeys(cues)),
    )
    # One who says it will not act, or refuses to, has rejected something: that happened.
    refusal = negated and (refused or (intent and future))
    return ModalityReading(
        modality=modality,
        intent=intent,
        speaker=speaker,
        refusal=refusal,
        forecast=forecast,
        announcer=announcer or speaker,
    )
