"""Code events from the dependency parse: trigger, source, target, CAMEO code, modality.

For each verb or event noun that the lexicon knows, the coder takes the source from the
subject (the ``by`` agent in the passive, the possessor or the governing light verb's
subject for a noun: "Chi's visit", "Sergeev kicked off a visit") and the target from the
places the entry names (direct object, ``with``/``to``/``against`` phrases, the subject of a
"that" clause). An argument that is not an actor itself may carry one ("U.S. calls",
"a departure of Russia"); "such plans" and "any such development" point back at the
previous sentence's actors. Every event keeps the entry that fired and its modality;
negated and hypothetical events are flagged, never passed off as facts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from polybius.actors.coref import DocumentActors
from polybius.actors.recognise import (
    OFFICE_SECTORS,
    PERSON_ROLES,
    SPEAKING_FOR,
    UNKNOWN_COUNTRY,
    make_actor,
)
from polybius.events.derived import (
    appeal_code,
    intent_code,
    refusal_code,
    request_refusal,
    threat_code,
)
from polybius.events.lexicon import PLACE_OBJECT, Lexicon, LexiconEntry
from polybius.events.modality import CLAIM_NOUNS, SPEECH_VERBS, has_to, read_modality
from polybius.model import Actor, Document, Event, Mention, Modality

__all__ = ["CODER_VERSION", "EventCoder", "intent_code", "refusal_code"]

log = logging.getLogger(__name__)

CODER_VERSION = "polybius.verb_coder.v1"

Token = Any

# Verbs that carry no event of their own: the noun they take is the event.
LIGHT_VERBS = frozenset(
    {
        "hold",
        "make",
        "pay",
        "conduct",
        "have",
        "kick",
        "begin",
        "start",
        "launch",
        "end",
        "conclude",
        "complete",
        "wrap",
        "express",
        "voice",
        "restate",
        "reiterate",
        "reaffirm",
        "repeat",
        "renew",
        "declare",
        "announce",
        "give",
        "deliver",
        "issue",
        "offer",
        "extend",
        "lodge",
        "file",
        "stage",
        "carry",
        "underscore",
        "underline",
        "stress",
        "emphasize",
        "state",
        "register",
        "take",
        "continue",
        "resume",
        "open",
        "convey",
        "send",
        "mount",
        "undertake",
        "host",
        "attend",
        "join",
        "sign",
        "seal",
        "reach",
        "strike",
        "finish",
        "postpone",
        "cancel",
        "plan",
        "propose",
        "cut",
        "short",
    }
)
# Amounts whose "of" phrase names what was given: "tonnes of aid", "millions of dollars".
_QUANTITIES = frozenset(
    {
        "tonnes",
        "tons",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "lot",
        "lots",
        "shipment",
        "shipments",
        "consignment",
        "batch",
        "truckloads",
        "planeloads",
        "amount",
        "round",  # "held a fresh round of talks"
        "rounds",
        "series",
        "days",  # "led three days of negotiations with US officials"
        "hours",
        "weeks",
        "months",
        "wave",
    }
)
# Protests CAMEO divides by what they demand (leadership, policy, rights, institutions).
_PROTEST_KINDS = frozenset({"141", "142", "143", "144", "145"})
# Verbs of travel: one who arrives "for talks with X" holds them.
_TRAVEL = frozenset(
    {"arrive", "travel", "fly", "head", "come", "go", "land", "leave", "return", "visit"}
)
# Nouns that only carry the event in their "of" phrase: "sent a message of condolence".
_MESSAGES = frozenset(
    {"message", "letter", "note", "telegram", "cable", "expression", "gesture", "words"}
)
# "engaged in ethnic cleansing", "took part in the attack": the noun is the subject's act.
_TAKING_PART = frozenset({"engage", "participate", "involve", "join"})
# Military equipment the knowledge base codes as forces ("Israeli warplanes struck"); in an
# "of" phrase it is what is delivered or sold.
_EQUIPMENT = frozenset(
    {"warship", "warplane", "jet", "aircraft", "gunboat", "gunship", "tank", "helicopter", "drone"}
)
# Dependencies only a noun can bear: a "verb" in them is mis-tagged.
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"})
# An adjective that is a predicate: "was optimistic", "remained hopeful", "said it was bleak".
_PREDICATE_DEPS = frozenset({"acomp", "ROOT", "ccomp", "xcomp", "conj", "oprd"})
# And clauses only a verb can head: a "noun" heading one is a verb.
_CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl"})
_ANAPHORIC_DETS = frozenset({"such", "this", "that", "these", "those"})
_ANAPHORIC_PRONOUNS = frozenset({"it", "this", "that"})
_SUBJECT_DEPS = ("nsubj", "csubj")
_OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "invite",
        "persuade",
        "order",
        "press",
        "encourage",
        "force",
        "tell",
        "allow",
        "help",
        "want",
        "warn",
        "advise",
        "request",
        "push",
        # causatives: "the raid prompted Israel to launch air strikes" (it did)
        "prompt",
        "lead",
        "compel",
        "cause",
        "spur",
        "drive",
        "provoke",
    }
)
# Where a code family (or a code with a family of its own) looks for its target when the
# entry does not say.
_FAMILY_TARGETS: dict[str, tuple[str, ...]] = {
    "01": ("prep:to", "prep:on", "prep:about"),
    "010": ("prep:to", "prep:about"),  # "announced on state television": a channel
    "02": ("prep:on", "prep:to", "prep:for", "ccomp-subject"),
    "03": ("prep:with", "prep:to", "prep:for"),
    "04": ("prep:with", "prep:to", "prep:between"),
    "05": ("prep:with", "prep:to", "prep:for", "prep:between"),
    "06": ("prep:with", "prep:between"),
    "07": ("prep:to", "dative", "prep:into", "prep:for"),
    "08": ("prep:to", "prep:for", "prep:on"),
    "09": ("prep:into", "prep:on", "prep:against"),
    "10": ("prep:on", "prep:to", "prep:from", "ccomp-subject"),
    "11": ("prep:against", "prep:to", "prep:over", "prep:on", "prep:of"),
    "12": ("prep:from", "prep:to"),
    "13": ("prep:against", "prep:to", "ccomp-subject", "prep:of", "prep:about"),
    "14": ("prep:against", "prep:to", "prep:with"),
    "15": ("prep:against", "prep:near"),
    "16": ("prep:on", "prep:against", "prep:with"),
    "17": ("prep:against", "prep:on"),
    "18": ("prep:against", "prep:on"),
    "19": ("prep:against", "prep:on"),
    "20": ("prep:against", "prep:on"),
}
_VISIT_CODES = frozenset({"042", "043"})
# "ordered an investigation", "approved an airlift": the subject does what its object names.
_CAUSING_VERBS = frozenset({"order", "authorize", "authorise", "approve", "commission"})
# "Georgia received weapons from Russia": the noun's event runs from the giver to the subject.
_RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "win", "secure", "accept"})
_ALLEGING = frozenset({"claim", "allege", "charge", "contend", "assert"})
# What a rights monitor does with abuses it reports: "HRW said", "the report found".
_FINDING = frozenset(
    {"say", "find", "conclude", "report", "document", "establish", "determine", "confirm"}
)
# Verbs that judge an act they take as done: "condemned X for detaining Y".
_JUDGING_VERBS = frozenset(
    {
        "condemn", "criticize", "criticise", "denounce", "rebuke", "censure", "reprimand",
        "chastise", "slam", "fault", "punish", "sanction", "praise", "commend", "thank",
        "applaud", "congratulate", "hail",
    }
)  # fmt: skip
# "X said Y must ...": a demand; "should": an appeal.
_OBLIGING = {"must": "10", "should": "02"}
_VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})
_FORCE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
_ATTACK_ROOTS = frozenset({"18", "19", "20"})
# Verbs whose object is a party to the meeting: "met Kristersson, in a meeting convened by".
_MEETING_VERBS = frozenset({"meet", "receive", "host"})
# Nouns of signing whose parties hang on what was signed: "the signing of an accord between".
_SIGNINGS = frozenset({"signing", "ratification", "conclusion"})
# Signing verbs, and what a deal signed to buy or to sell names as the other side: "signed a
# deal to buy 24 F-16s from Denmark", "signed a contract to lease the port to a Chinese firm".
_SIGNING_VERBS = frozenset({"sign", "ink", "conclude", "seal", "clinch", "initial"})
_TRADE_PARTNER_PREPS = {
    **dict.fromkeys(("buy", "purchase", "acquire", "import", "order", "procure"), "from"),
    **dict.fromkeys(("sell", "supply", "lease", "export", "deliver", "transfer"), "to"),
}
# Prepositions of aim, which may hang on the thing thrown: "fired rockets at Israel".
_AIMING = frozenset({"at", "toward", "towards", "against"})
# Seats of an office or a person, which stand for their holder as a target.
_PREMISES = frozenset({"residence", "palace", "office", "offices", "headquarters", "home"})
# Gatherings a participle may say who convened: "a meeting convened by NATO"
_GATHERINGS = frozenset(
    {"talk", "talks", "meeting", "negotiation", "negotiations", "dialogue", "summit"}
    | {"conference", "exchange", "swap"}
)
# Verbs of doing whose object names the deed: "committing genocide", "carrying out attacks".
_DOING = frozenset(
    {"commit", "carry", "perpetrate", "conduct", "orchestrate", "stage", "launch"}
    # "accused the opposition of attempting a coup", "of planning an invasion"
    | {"attempt", "plan", "plot", "prepare", "organise", "organize", "instigate", "foment"}
)
_POLICY_NOUNS = frozenset(
    {"plan", "policy", "reform", "law", "bill", "decision", "measure", "hike", "rise"}
    | {"increase", "cut", "budget", "tax", "subsidy", "austerity", "price", "pension"}
    | {"amendment", "decree"}
)
_REQUESTS = frozenset({"demand", "appeal", "call", "request", "ultimatum", "plea"})
_INVITATIONS = frozenset({"request", "invitation", "behest"})
_HELPING = frozenset({"help", "assist", "support", "protect", "restore", "stabilise", "stabilize"})
_MILITARY_MODIFIERS = frozenset({"military", "army", "naval"})
_MASS_COUNTS = frozenset({"scores", "hundreds", "thousands", "millions"})
# "were killed in an air strike", "died in the attack": the people harmed in an attack.
_HARMED = frozenset({"kill", "die", "wound", "injure", "hurt", "maim"})
# Nouns that only carry the event named by their modifier.
_CARRIER_NOUNS = frozenset(
    {
        "mission",
        "effort",
        "efforts",
        "bid",
        "attempt",
        "initiative",
        "campaign",
        "operation",
        "process",
        "programme",
        "program",
        "drive",
        "push",
        "plan",
        "offer",
        "pact",
        "deal",
    }
)
# A report, finding or demand answered points back to whoever made it, not to whoever did
# what it is about ("Damascus dismissed the findings": the investigators, not its air force).
_SAYINGS = frozenset(
    {
        "report", "finding", "findings", "accusation", "accusations", "allegation",
        "allegations", "charge", "charges", "claim", "claims", "criticism", "demand",
        "demands", "request", "ultimatum", "remark", "remarks", "comment", "comments",
        "statement",
    }
)  # fmt: skip
# Texts through which their authors act: "a resolution demanding", "a statement condemning"
_DOCUMENTS = frozenset(
    {"resolution", "statement", "communique", "communiqué", "declaration", "letter", "motion"}
    | {"decree", "note", "message", "report", "text", "bill"}
)
_ISSUING = frozenset({"issue", "adopt", "pass", "release", "publish", "approve", "send"})
# Verbs whose subject made or did what their object names: "introduced a law".
_MAKING = _ISSUING | frozenset(
    {"introduce", "impose", "launch", "announce", "take", "make", "carry", "conduct", "sign"}
    | {"enact", "unveil", "deploy", "build", "open", "set", "start", "order", "declare"}
    | {"begin", "stage", "hold", "propose", "table", "submit", "draft", "file", "initiate"}
    | {"establish", "create", "extend", "expand", "tighten", "place", "put", "slap", "levy"}
    | {"install"}
)
# Nouns that name whatever was just reported: "welcomed the decision", "condemned the move",
# and what a denial or rejection answers ("dismissed the report as outrageous").
_EVENT_NOUNS = _SAYINGS | frozenset(
    {
        "decision",
        "move",
        "step",
        "action",
        "measure",
        "measures",
        "announcement",
        "act",
        "incident",
        "operation",
        "attack",
        "raid",
        "strike",
        "killing",
        "arrest",
        "deal",
        "plan",
        "gesture",
        "apology",
        "offer",
        "proposal",
        "takeover",
        "coup",
        "seizure",
        "crackdown",
        "detention",
        "search",
        "downing",
        "expulsion",
        "ruling",
        "verdict",
        "vote",
        "execution",
        "postponement",
        "cancellation",
        "suspension",
        "annulment",
        "dissolution",
        "closure",
        "ban",
        "drill",
        "drills",
        "exercise",
        "exercises",
        "deployment",
        "build-up",
        "buildup",
        "invasion",
        "annexation",
        "incursion",
        "blockade",
        "shelling",
        "bombing",
        "sentence",
        "conviction",
        # the plural of an act done many times, and acts the state press names by the deed
        "arrests",
        "detentions",
        "killings",
        "launch",
        "launches",
        "assassination",
        "demolition",
        "shooting",
    }
)
_SAYING_ROOTS = frozenset({"01", "02", "09", "10", "11", "12", "13"})
_VENUES = frozenset({"resort", "island", "city", "town", "capital", "village", "port"})
_OCCASIONS = frozenset({"sideline", "sidelines", "margin", "margins", "occasion", "eve", "visit"})
_TIME_PREPOSITIONS = frozenset(
    {"after", "before", "during", "following", "upon", "ahead", "at", "on"}
)
# Inspections, protests, shows of force and attacks without a named target are aimed at
# where they happen: "raided a village in Lebanon", "inspected sites in Iraq".
_LOCATED_ROOTS = frozenset({"09", "14", "15", "18", "19", "20"})
_BORDERS = frozenset({"border", "frontier", "boundary"})
# Meetings that carry a name and so a capital: "the Strategic Dialogue", "the Geneva Talks"
_NAMED_MEETINGS = frozenset({"dialogue", "talks", "consultations", "negotiations"})


@dataclass(frozen=True, slots=True)
class _Trigger:
    token: Token
    entry: LexiconEntry
    governor: Token | None  # the light verb governing a noun trigger
    carrier: Token | None = None  # "mediation mission": the noun the trigger modifies


class EventCoder:
    """Codes one sentence at a time against a lexicon; stateless between sentences."""

    def __init__(self, lexicon: Lexicon, *, describe: Any = None) -> None:
        self.lexicon = lexicon
        self._describe = describe  # code → (goldstein, quad class, plover type, mode, context)
        self._lemma_words: dict[str, tuple[tuple[str, ...], ...]] = {}  # entry id → split lemmas

    # -- triggers -------------------------------------------------------------------
    def _entry_for(self, token: Token, actors: DocumentActors | None = None) -> LexiconEntry | None:
        if token.pos_ == "ADJ" and token.dep_ in _PREDICATE_DEPS:
            pos = "adj"  # "said he was optimistic that ..."
        elif token.pos_ == "VERB" and token.dep_ in _NOMINAL_DEPS:
            pos = "noun"  # "launched combat drills": the small model tags some plurals as verbs
        elif (
            token.pos_ == "VERB"
            or (token.pos_ == "AUX" and token.dep_ == "ROOT")
            or (token.pos_ == "NOUN" and token.dep_ in _CLAUSAL_DEPS)  # "that Biden resign"
        ):
            pos = "verb"
        elif token.pos_ == "NOUN" and (
            token.dep_ != "compound" or token.head.lemma_.lower() in _CARRIER_NOUNS
        ):
            # A noun modifying another ("aid workers", "peace talks") is not an event itself,
            # unless the other only carries it ("a mediation mission", "a rescue operation").
            pos = "noun"
        elif token.pos_ == "PROPN" and token.dep_ != "compound" and token.lower_ in _NAMED_MEETINGS:
            pos = "noun"  # "held the second round of the Strategic Dialogue with Qureshi"
        else:
            return None
        lemma = token.lemma_.lower()
        candidates = self.lexicon.candidates(lemma, pos)
        if lemma == "call" and any(c.dep_ == "oprd" for c in token.children):
            # "calling it proof": naming, no call; "called the move a mistake": a judgement.
            candidates = tuple(e for e in candidates if e.objects)
        if not candidates and (pos != "noun" or token.lower_ == lemma):
            return None
        objects = self._object_lemmas(token)  # once per token, not per candidate entry
        if (
            actors is not None
            and any(PLACE_OBJECT in e.objects for e in candidates)  # asked only where it matters
            and any(_is_place(c, actors) for c in self._taken_places(token))
        ):
            objects.add(PLACE_OBJECT)  # "seized Goma", "seized control of Damascus"
        for entry in candidates:
            if self._fits(entry, token, objects) and self._object_fits_entry(entry, token, actors):
                return entry
        if pos == "noun" and token.lower_ != lemma:
            for entry in self.lexicon.candidates(token.lower_, pos):
                if self._fits(entry, token, objects):
                    return entry
        return None

    def _taken_places(self, token: Token) -> list[Token]:
        """The direct objects, and what "control of" names: "seized control of Damascus"."""
        objects = [c for c in token.children if c.dep_ == "dobj"]
        return objects + [
            g
            for o in objects
            if o.lemma_.lower() == "control"
            for g in self._slot_tokens(o, "prep:of")
        ]

    def _object_fits_entry(
        self, entry: LexiconEntry, token: Token, actors: DocumentActors | None
    ) -> bool:
        """Whether the object is of the kind the entry acts on. One hosts or visits actors,
        not things: "welcomed the minister" is a visit, "welcomed a resumption of ties" is
        not; one admits a fault, not a state: "ASEAN admitted Myanmar" takes in a member."""
        if entry.objects & _BLAME_WORDS:
            return self._lays_deed(token)
        if actors is not None and entry.code == "041" and token.lemma_.lower() == "call":
            # One calls a person or a state up; "called Saied's move a coup", "called the
            # attack unprovoked" name a judgement on a thing.
            objects = [c for c in token.children if c.dep_ == "dobj"]
            named = any(
                c.dep_ in ("oprd", "ccomp", "acomp") or (c.dep_ == "xcomp" and not has_to(c))
                for c in token.children
            )  # "called the paper to say ...": a purpose, still a call
            return not named and not any(
                o.lemma_.lower() in _EVENT_NOUNS
                or o.lower_ in ("it", "this", "that")
                or any(c.dep_ == "appos" for c in o.children)
                for o in objects
            )
        if actors is not None and entry.code == "015" and entry.pos == "verb":
            return not any(
                m.actor is not None and m.actor.kind in ("state", "igo")
                for o in token.children
                if o.dep_ == "dobj"
                for m in actors.at(o.i)
            )
        if actors is None or entry.pos != "verb" or entry.objects or entry.code not in _VISIT_CODES:
            return True
        objects = [c for c in token.children if c.dep_ == "dobj"]
        # The object itself must be an actor ("received assurances from Tbilisi" hosts no
        # one) or a place in a country ("visited Hiroshima").
        return not objects or any(
            actors.at(o.i)
            or actors.modifying(o.i)
            or o.i in actors.places
            # "hosted Muse Bihi Abdi, the leader of Somaliland": a name known by its role
            or (o.pos_ == "PROPN" and self._actors_of(o, actors))
            for o in objects
        )

    def _lays_deed(self, verb: Token) -> bool:
        """ "said Iran was behind the attack": what the reported clause lays at its subject's
        door is a hostile deed, one the lexicon codes as conflict ("responsible for security"
        is no charge)."""
        deeds = [
            noun
            for clause in verb.children
            if clause.dep_ == "ccomp"
            for word in (clause, *(c for c in clause.children if c.dep_ == "acomp"))
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in ("behind", "for")
            for noun in prep.children
            if noun.dep_ == "pobj"
        ]
        return any(
            int(entry.code[:2]) >= 13
            for noun in deeds
            for lemma in {noun.lemma_.lower(), noun.lower_}
            for entry in self.lexicon.candidates(lemma, "noun")
        )

    def _fits(self, entry: LexiconEntry, token: Token, objects: set[str] | None = None) -> bool:
        lemma, lower = token.lemma_.lower(), token.lower_
        words_of = self._lemma_words.get(entry.id)
        if words_of is None:
            words_of = self._lemma_words[entry.id] = tuple(tuple(x.split()) for x in entry.lemmas)
        child_words: set[str] | None = None
        for words in words_of:
            if words[0] != lemma and words[0] != lower:
                continue
            if len(words) > 1:
                if child_words is None:
                    # "gave the officers in Niger a week": "in" with an object is no particle,
                    # unless it follows the verb that has no object ("hauled in the envoy").
                    particle = _particle_in(token)
                    child_words = {
                        c.lower_
                        for c in token.children
                        if c.lower_ != "in"
                        or not any(g.dep_ == "pobj" for g in c.children)
                        or c is particle
                    }
                if not all(w in child_words for w in words[1:]):
                    continue
            break
        else:
            return False
        if objects is None:
            objects = self._object_lemmas(token)
        if entry.complement:
            objects = _complement_lemmas(token)
        if entry.objects and not (objects & entry.objects):
            return False
        if entry.exclude and objects & entry.exclude:
            return False
        if entry.subjects and not any(
            w.lemma_.lower() in entry.subjects
            for s in token.children
            if s.dep_ in ("nsubj", "nsubjpass")
            for w in (s, *(c for c in s.children if c.dep_ in ("compound", "amod")))
        ):
            return False
        if entry.preps:
            # "attacked the French president over the fires": the reason often hangs from
            # the object
            heads = (token, *(c for c in token.children if c.dep_ == "dobj"))
            preps = {
                c.lower_
                for h in heads
                for c in h.children
                if c.dep_ in ("prep", "agent", "dative")
                and not _is_time_phrase(c)
                # "hosted talks between Israel and Hamas": the parties hang on the talks
                and (h is token or c.lower_ in ("over", "between"))
            }
            preps |= {c.lower_ for c in _aims_in_object(token)}
            if not preps & entry.preps:
                return False
        return True

    @staticmethod
    def _object_lemmas(token: Token) -> set[str]:
        found: set[str] = set()
        children = list(token.children)
        if token.pos_ == "NOUN" and token.dep_ == "dobj":
            # "opened an investigation into war crimes": the parser hangs "into" on the verb
            children += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "into"]
        relative = _relative_object(token)
        if relative is not None:
            found.add(relative.lemma_.lower())  # "an accusation Israel rejected"
        if token.dep_ == "acl" and token.head.lemma_.lower() in _GATHERINGS:
            found.add(token.head.lemma_.lower())  # "talks sponsored by Riyadh"
        if token.lemma_.lower() == "declare":
            # "declared the envoy persona non grata": the small model makes the idiom a
            # clause, "persona" its verb and the envoy its subject
            found.update(t.lower_ for t in token.subtree if t.lower_ == "grata")
        shared = _object_sharer(token)
        if shared is not None:
            # "rammed and fired water cannon at Vietnamese vessels": what the last verb
            # acts on, or aims at, is the first's object too
            found.update(c.lemma_.lower() for c in shared.children if c.dep_ == "dobj")
            found.update(g.lemma_.lower() for g in _prep_objects([shared], ["at"]))
        particle = _particle_in(token)
        if particle is not None:
            # "hauled in the British ambassador": the small model makes him the object of "in"
            found.update(g.lemma_.lower() for g in particle.children if g.dep_ == "pobj")
        for child in children:
            # npadvmod: "gave Qatar ten days to comply" (a deadline)
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "xcomp", "npadvmod") or (
                # "arms deliveries", "military aid": a noun's kind is in its modifiers.
                token.pos_ == "NOUN" and child.dep_ in ("compound", "amod")
            ):
                if child.dep_ == "xcomp" and child.tag_ == "VBG" and token.lemma_ == "deny":
                    continue  # "denied arming the rebels": a deed denied, not arms refused
                destinations = _destinations(child) if child.dep_ == "xcomp" else []
                if destinations and not any(g.dep_ == "dobj" for g in child.children):
                    # "urged them to return to talks": what they go back to, not a return
                    found.update(o.lemma_.lower() for o in destinations)
                    continue
                found.add(child.lemma_.lower())
                found.add(child.lower_)
                for grandchild in child.children:
                    if grandchild.dep_ in ("compound", "amod") and grandchild.tag_ != "VBN":
                        # "restored diplomatic ties", "used chemical weapons"
                        found.add(grandchild.lemma_.lower())
                    elif child.dep_ == "xcomp" and grandchild.dep_ == "dobj":
                        # "urged both sides to exercise restraint": what is asked for
                        found.add(grandchild.lemma_.lower())
                    elif grandchild.dep_ == "prep" and grandchild.lower_ in ("of", "in"):
                        # "signed a package of agreements", "$10 million in military aid"
                        for g in grandchild.children:
                            if g.dep_ == "pobj":
                                found.add(g.lemma_.lower())
                                found |= _modifier_lemmas(g)
                            elif g.dep_ == "pcomp" and grandchild.lower_ == "of":
                                # "accused the opposition of attempting a coup": the small
                                # model hangs the deed on the accused
                                found.add(g.lower_)
                                if g.lemma_.lower() in _DOING:
                                    found.update(
                                        o.lemma_.lower() for o in g.children if o.dep_ == "dobj"
                                    )
                if child.dep_ == "dobj":
                    if token.lemma_.lower() in _SENDING:
                        # "sent a C-130 loaded with tents": what is sent is the cargo
                        found.update(w.lemma_.lower() for w in _cargo(child))
                    # "accused officials and security forces of crimes against humanity": the
                    # charge may hang on the last of coordinated objects
                    conjuncts = [c for c in child.children if c.dep_ == "conj"]
                    for g in _prep_objects(conjuncts, ["of"]):
                        found |= {g.lemma_.lower(), *_modifier_lemmas(g)}
            elif child.dep_ == "ccomp" and token.pos_ == "VERB":
                # "allowed inspectors to resume": the small model makes them the clause's subject
                found.update(g.lemma_.lower() for g in child.children if g.dep_ == "nsubj")
                found.update(_blame_words(child))
            elif (
                child.dep_ == "prep"
                and child.lower_ in ("on", "of", "for", "to", "via", "as", "from", "into")
            ) or (
                child.lower_ == "by" and child.dep_ in ("prep", "agent")  # "spoke by phone"
            ):
                for g in child.children:
                    if g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() in _DOING:
                        # "accused Israel of committing genocide": the deed is the object
                        for o in g.children:
                            if o.dep_ == "dobj":
                                found.add(o.lemma_.lower())
                                found |= _modifier_lemmas(o)
                    if g.dep_ == "pcomp" and child.lower_ == "of":
                        # "accused Kibaki of stealing the vote": the deed as written, so
                        # "of abusing his immunity" is no human-rights abuse
                        found.add(g.lower_)
                    if g.dep_ == "pobj":
                        found.add(g.lemma_.lower())
                        if child.lower_ in ("of", "for", "on", "as", "into"):
                            # "a package of military aid", "asked for financial support",
                            # "went on hunger strike", "described it as a hostile act",
                            # "an inquiry into war crimes"
                            found |= _modifier_lemmas(g)
                        if child.lower_ == "of":
                            # "accused Myanmar of grave violations of human rights"
                            for o in _prep_objects([g], ["of"]):
                                found |= {o.lemma_.lower(), *_modifier_lemmas(o)}
        return found

    def triggers(self, sentence: Any, actors: DocumentActors | None = None) -> list[_Trigger]:
        found: list[_Trigger] = []
        claimed: set[int] = set()
        for token in sentence:
            entry = self._entry_for(token, actors)
            if entry is None:
                continue
            if entry.pos in ("verb", "noun") and entry.objects:
                # "signed a treaty", "called for a ceasefire", "the signing of a treaty": the
                # object is part of this event, not an event of its own.
                # A passive with no doer codes nothing, so it claims no subject: in "the
                # signing of the treaty by X and Y was welcomed", the signing is the event.
                doer = any(c.dep_ == "agent" for c in token.children)
                claimed.update(
                    c.i
                    for c in token.children
                    if (c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and doer))
                    and (
                        c.lemma_.lower() in entry.objects
                        # "cut all military contacts": the object the modifier matched
                        or any(
                            m.dep_ == "amod" and m.lemma_.lower() in entry.objects
                            for m in c.children
                        )
                    )
                )
                claimed.update(
                    g.i
                    for c in token.children
                    if c.dep_ == "prep"
                    for g in c.children
                    if g.dep_ == "pobj" and g.lemma_.lower() in entry.objects
                )
            carrier = token.head if entry.pos == "noun" and token.dep_ == "compound" else None
            noun = carrier if carrier is not None else token
            if (
                entry.pos == "noun"
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "of"
                and (
                    noun.head.head.lower_ in _QUANTITIES
                    or noun.head.head.lemma_.lower() in _MESSAGES
                )
            ):
                # "tonnes of aid were delivered", "sent a message of condolence to Tokyo": the
                # amount or the message carries the event.
                carrier = noun = noun.head.head
            governor = None
            if (
                entry.pos == "noun"
                and noun.dep_ in ("dobj", "attr", "nsubjpass")
                and noun.head.pos_ in ("VERB", "AUX")
            ):
                governor = noun.head
            elif (
                entry.pos == "noun"
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "in"
                and noun.head.head.lemma_.lower() in _TAKING_PART
            ):
                governor = noun.head.head  # "engaged in ethnic cleansing"
            elif (
                entry.pos == "noun"
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "on"
                and noun.head.head.lemma_.lower() == "be"
            ):
                governor = noun.head.head  # "Lula is on a state visit to China"
            elif (
                entry.pos == "noun"
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "under"
                and noun.head.head.lemma_.lower() in ("place", "put", "keep", "hold")
            ):
                governor = noun.head.head  # "placed Mugabe under house arrest"
            elif (
                entry.pos == "noun"
                and entry.code[:2] == "04"
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "for"
                and noun.head.head.lemma_.lower() in _HOSTING
                and noun.lemma_.lower() not in ("summit", "conference", "forum")
            ):
                # "hosted Xi for talks": the two held them (a summit hosted is a gathering)
                governor = noun.head.head
            found.append(_Trigger(token, entry, governor, carrier))
        coded_verbs = {
            t.token.i
            for t in found
            if t.entry.pos == "verb" and t.token.lemma_.lower() not in LIGHT_VERBS
        }
        # "agreed to restore a ceasefire": the restoring carries the event (as intent).
        by_index = {t.token.i for t in found}
        found = [
            t
            for t in found
            if not (
                # "threatened to strike": likewise, the strike is coded as the threat.
                t.entry.code[:2] in ("03", "13")
                and t.entry.pos == "verb"
                and any(
                    c.dep_ == "xcomp"
                    and (c.i in by_index or any(o.i in by_index for o in _light_objects(c)))
                    for c in t.token.children
                )
            )
        ]
        # Governors of event nouns that are not actors themselves ("ordered an attack", but
        # "ordered the UN mission to leave" is an order to the mission).
        governors = {
            t.governor.i
            for t in found
            if t.governor is not None
            and not (actors is not None and actors.at((t.carrier or t.token).i))
        }
        # "declared a state of emergency": a light verb's own entry and its object's code
        # the same event once.
        verb_codes = {(t.token.i, t.entry.code) for t in found if t.entry.pos == "verb"}
        result = []
        for trigger in found:
            if trigger.token.i in claimed:
                continue
            if (
                trigger.governor is not None
                and (trigger.governor.i, trigger.entry.code) in verb_codes
            ):
                continue
            if (
                trigger.entry.pos == "verb"
                and not trigger.entry.objects  # "approved a loan" is coded by its own entry
                and trigger.token.lemma_.lower() in _CAUSING_VERBS
                and trigger.token.i in governors
            ):
                continue  # "ordered an attack": the attack is the event
            # "welcomed a resumption of ties": the verb is the event, its object noun is not.
            if (
                trigger.governor is not None
                and trigger.governor.i in coded_verbs
                and trigger.governor.lemma_.lower() not in _CAUSING_VERBS
                and not _agentless_subject(trigger)
            ):
                continue
            if (
                trigger.entry.code[:2] == "05"
                and trigger.token.tag_ == "VBG"
                and trigger.token.dep_ == "acl"
                # "sent a message congratulating Biden": what the text does
                and trigger.token.head.lemma_.lower() not in _MESSAGES | _DOCUMENTS
            ):
                continue  # "rioters supporting Trump": who they are, not an act of support
            # A light verb with an event noun as object codes nothing itself.
            if (
                trigger.entry.pos == "verb"
                and trigger.token.lemma_.lower() in LIGHT_VERBS
                and not trigger.entry.objects
            ):
                # ("hosted talks"; but "hosted Xi for talks" is a visit and the talks both)
                if any(
                    t.governor == trigger.token and (t.carrier or t.token).dep_ != "pobj"
                    for t in found
                ):
                    continue
            result.append(trigger)
        return result

    # -- arguments ------------------------------------------------------------------
    def _actors_of(self, token: Token, actors: DocumentActors, *, depth: int = 0) -> list[Mention]:
        found = list(actors.at(token.i)) or list(actors.modifying(token.i))
        if not found and depth < 2 and token.lemma_.lower() in _PREMISES:
            # "stormed the prime minister's residence": whose seat it is
            found = [m for c in token.children if c.dep_ == "poss" for m in actors.at(c.i)]
        if not found and depth < 2:
            # "stormed Ganabhaban, the prime minister's official residence"; "Iranian
            # security chief Ali Shamkhani and Saudi adviser ..." (the name hangs on the title)
            # "the Prime Minister of Saint Vincent ..., Ralph Gonsalves": a capitalised title
            # is the person named beside it, not the country of its "of" phrase.
            found = [
                m
                for c in token.children
                if c.dep_ == "appos"
                and (
                    token.pos_ != "PROPN"
                    or c.lemma_.lower() in _PREMISES
                    or token.lemma_.lower() in PERSON_ROLES
                    # "Abdellatif Loudiyi, Morocco's minister for ...", "Evan Gershkovich,
                    # an American reporter": a name the knowledge base lacks is the role
                    # beside it
                    or c.lemma_.lower() in PERSON_ROLES
                    or token.ent_type_ == "PERSON"
                )
                for m in self._actors_of(c, actors, depth=depth + 1)
            ]
        if not found and depth < 2 and token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            for prep in token.children:
                if prep.lower_ == "of" and any(
                    o.lemma_.lower() in _EQUIPMENT for o in prep.children
                ):
                    continue  # "deliveries of fighter jets to Egypt": the jets are goods
                if prep.dep_ == "prep" and (
                    prep.lower_ in ("of", "between", "from", "by", "among", "with")
                    or (prep.lower_ == "for" and token.lower_ in SPEAKING_FOR)
                ):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            found.extend(self._actors_of(obj, actors, depth=depth + 1))
        for conj in token.children:
            # "The US, Russia, and Switzerland": lists are often parsed as apposition.
            listed = conj.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in conj.children)
            if conj.dep_ == "conj" or listed:
                found.extend(self._actors_of(conj, actors, depth=depth))
        return found

    def _anaphoric(
        self, token: Token, actors: DocumentActors, sentence: Any, exclude: set[str | None]
    ) -> list[Mention]:
        """ "such plans", "any such development", "it": the actors of the previous sentence.

        A passive subject is what was acted upon, so it is not taken as responsible.
        """
        is_anaphor = token.lower_ in _ANAPHORIC_PRONOUNS or any(
            c.dep_ in ("det", "amod", "predet") and c.lower_ in _ANAPHORIC_DETS
            for c in token.children
        )
        if not is_anaphor or sentence.start == 0:
            return []
        previous = sentence.doc[sentence.start - 1].sent
        for tok in previous:
            if tok.dep_ == "nsubjpass":
                continue
            group = [
                m
                for m in (*actors.at(tok.i), *actors.modifying(tok.i))
                if m.actor is not None
                and m.actor.kind != "person"
                and m.actor.country not in exclude
            ]
            if group:
                # The first actor named (with its coordinated partners) is the topic.
                return _unique(group)
        return []

    def _pressing(
        self, verb: Token, sources: Sequence[Mention], actors: DocumentActors
    ) -> list[Mention]:
        """Who made a leader resign: the actors of "under pressure from X", "bowing to X",
        "amid X's protests"; protests no one is named for are the opposition's (0831)."""
        if any(m.actor is None or "ELI" in m.actor.sectors for m in sources):
            return []  # "a day after he resigned": told of one already out of office
        country = next((m.actor.country for m in sources if m.actor is not None), None)
        # "stepped down as president under pressure from ...": the phrase may hang from the
        # office left.
        offices = [o for c in verb.children if c.lower_ == "as" for o in c.children]
        phrases = [
            c
            for head in (verb, *offices)
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in _PRESSURE_PREPS
        ]
        for clause in verb.children:
            if clause.dep_ in ("advcl", "xcomp", "conj") and clause.lemma_.lower() in _YIELDING:
                phrases += [c for c in clause.children if c.dep_ in ("prep", "dobj", "dative")]
        own = {m.code for m in sources}
        found: list[Mention] = []
        for phrase in phrases:
            words = list(phrase.subtree)
            if phrase.lower_ == "under" and not any(w.lemma_.lower() == "pressure" for w in words):
                continue  # "under the constitution"
            named = [
                m
                for w in words
                if not _in_clause(w, phrase)  # not "rebels besieging Monrovia"
                for m in actors.at(w.i)
                if m.actor is not None and m.code not in own and m.actor.kind != "person"
            ]
            protests = [w for w in words if w.lemma_.lower() in _PROTEST_NOUNS]
            if named:
                # "quits under pressure from protesters, army": the leader's own people
                found += [_of_country(m, country) for m in named]
            elif protests and country:
                opposition = make_actor(country, ("OPP",), kind="group")
                found.append(_word_mention(protests[0], opposition, "protests"))
        return _unique(found)

    def _subjects(self, verb: Token, *, guard: int = 0) -> tuple[list[Token], bool]:
        """Subjects of a verb, inherited through coordination and control; and if passive."""
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        # "a charge Kigali denied": the parser makes the charge the subject, the denier its
        # apposition.
        subjects = [
            next((a for a in s.children if a.dep_ == "appos"), s)
            if s.lemma_.lower() in CLAIM_NOUNS
            else s
            for s in subjects
        ]
        if _reported_relative(verb):
            # "Qatar, which brokered the deal": the relative pronoun stands for its noun.
            subjects = [verb.head if s.tag_ in ("WP", "WDT") else s for s in subjects]
        subjects = _headline_partners(verb, subjects) + subjects
        passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        by_agent = _bare_passive(verb) and any(c.dep_ == "agent" for c in verb.children)
        if passive_subjects or _reduced_passive(verb) or by_agent:
            return self._slot_tokens(verb, "agent"), True
        if subjects or guard > 4:
            return subjects, False
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ":
            # "Russia is about to restore ...", "is ready to send ...": the copula's subject.
            return self._subjects(head.head, guard=guard + 1) if head.head != head else ([], False)
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in _OBJECT_CONTROL:
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if objects:
                    return objects, False
            # "X is expected to meet Y": the raised passive subject does the meeting.
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if raised:
                return raised, False
            return self._subjects(head, guard=guard + 1)
        if (
            verb.dep_ == "pcomp"
            and head.lower_ == "by"
            and head.dep_ == "prep"
            and head.head.pos_ in ("VERB", "AUX")
        ):
            # "violated the ceasefire by firing on ...": the firing is the violator's.
            return self._subjects(head.head, guard=guard + 1)
        if (
            verb.dep_ == "pcomp"
            and head.lower_ == "for"
            and head.head.lemma_.lower() in _JUDGING_VERBS
        ):
            # "condemned the army for detaining her": the one judged did it (a charge, by
            # contrast, "accused X of ...", is only alleged and is coded as the accusation).
            judged = [c for c in head.head.children if c.dep_ == "dobj"]
            if judged:
                return judged, False
        if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
            subjects, _ = self._subjects(head, guard=guard + 1)
            return subjects, False
        if verb.dep_ == "amod" and verb.lemma_.lower() in ("broker", "mediate"):
            # "a China-brokered deal", "EU-mediated talks": the mediator comes before the hyphen
            return [c for c in verb.children if c.dep_ in ("npadvmod", "compound")], False
        if (
            verb.dep_ == "acl"
            and head.lemma_.lower() in _DOCUMENTS | _MESSAGES
            and head.dep_ == "dobj"
            and head.head.lemma_.lower() in _ISSUING
        ):
            # "adopted a resolution demanding that Israel withdraw", "issued a statement
            # condemning the attack": the text says what its adopter or issuer does
            return self._subjects(head.head, guard=guard + 1)[0], False
        if verb.dep_ in ("relcl", "acl", "advcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "Modi, paying a state visit to Washington, ...": the small model may make the
            # participle an adverbial clause of the noun it describes.
            return [head], False
        return [], False

    def _sources(self, trigger: _Trigger, actors: DocumentActors) -> list[Mention]:
        token = trigger.token
        if trigger.entry.pos == "adj":
            return self._described(token, actors)
        if trigger.entry.pos == "verb":
            subjects, _ = self._subjects(token)
            found = [
                m for s in subjects for m in self._actors_of(s, actors) or self._planters(s, actors)
            ]
            if (
                not found
                and token.dep_ == "conj"
                and subjects
                and all(s.pos_ == "NOUN" for s in subjects)  # "the attack", not "they"
            ):
                found = self._speaker_of_misattached(token, actors)
            return found
        noun = trigger.carrier if trigger.carrier is not None else token
        if self._received(trigger):
            assert trigger.governor is not None
            # "a package of aid from Washington": the phrase may hang from the inner noun.
            hosts = (noun, trigger.governor, *self._slot_tokens(noun, "prep:of"))
            return [
                m
                for host in hosts
                for arg in self._slot_tokens(host, "prep:from")
                for m in self._actors_of(arg, actors)
            ]
        if trigger.governor is not None and (
            noun.dep_ in ("dobj", "nsubjpass") or noun.head.head == trigger.governor
        ):
            # "X delivered aid", in the passive "aid was delivered by X"; "X engaged in"
            subjects, _ = self._subjects(trigger.governor)
            found = [m for s in subjects for m in self._actors_of(s, actors)]
            if found:
                return found
        if trigger.entry.reciprocal:
            # "Talks between the government and the rebels resumed": both sides at once.
            # "Fighting erupted in Khartoum between the army and the RSF": the phrase may hang
            # from the verb the event noun is the subject of.
            carriers = [noun] if noun is token else [noun, token]  # "weeks of talks between"
            if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
                carriers.append(noun.head)
            between = [
                m
                for carrier in carriers
                for arg in self._slot_tokens(carrier, "prep:between")
                for m in self._actors_of(arg, actors)
            ]
            if len(_unique(between)) >= 2:
                return between
        own = [m for c in token.children if c.dep_ == "poss" for m in self._actors_of(c, actors)]
        own = own or list(actors.modifying(token.i)) or self._leaders(token, actors)
        # "criticism from Washington", "pressure from Congress", "an attack by rebels"; "the
        # bombing of the embassy by NATO": the phrase may hang from the "of" object.
        own = own or [
            m
            for host, prep in (
                (token, "prep:from"),
                (token, "prep:by"),
                *((inner, "prep:by") for inner in self._slot_tokens(token, "prep:of")),
                # "through the mediation of Qatar": who mediates
                *([(token, "prep:of")] if trigger.entry.code == "045" else []),
            )
            for arg in self._slot_tokens(host, prep)
            for m in self._actors_of(arg, actors)
        ]
        if own:
            return own
        # "launched a rocket in defiance of the US", "as a goodwill gesture": the manner
        # of the subject's own act.
        manner = token.head.head
        if manner.pos_ == "NOUN" and manner.dep_ == "dobj":
            manner = manner.head  # "hailed the decision in phone talks with Scholz"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in ("in", "as")
            and manner.pos_ in ("VERB", "AUX")
            and (
                trigger.entry.code[:2] in ("01", "05", "11", "12", "13", "14")
                # "warned Biden in a telephone call": the call is the warner's too
                or trigger.entry.code == "041"
            )
        ):
            subjects, _ = self._subjects(manner)
            found = [m for s in subjects for m in self._actors_of(s, actors)]
            if found:
                return found
        if (
            trigger.entry.reciprocal
            and trigger.entry.code[:2] in _ATTACK_ROOTS
            and token.dep_ == "pobj"
            and token.head.lower_ in ("in", "during")
            and token.head.head.pos_ in ("VERB", "AUX")
            and self._slot_tokens(token, "prep:with")
        ):
            # "Twenty Indian soldiers were killed in a clash with Chinese troops": who died or
            # was hurt in it fought on one side
            return [
                m
                for c in token.head.head.children
                if c.dep_ in ("nsubj", "nsubjpass")
                for m in self._actors_of(c, actors)
            ]
        # "made the remarks after talks with Robertson", "during a visit to Beirut",
        # "returned from a meeting with McCarthy": a meeting or a visit in a time adjunct,
        # or one come back from, is the subject's own.
        anchor = token
        while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head != anchor:
            anchor = anchor.head.head  # "at the end of two days of talks"
        if (
            trigger.entry.code[:2] == "04"
            and anchor.dep_ == "pobj"
            and (
                anchor.head.lower_ in _TIME_PREPOSITIONS
                or anchor.head.lower_ == "from"
                # "arrived in Riyadh for talks with Saudi officials"
                or (anchor.head.lower_ == "for" and _travels(anchor.head.head))
            )
            and anchor.head.head.pos_ in ("VERB", "AUX")
        ):
            subjects, _ = self._subjects(anchor.head.head)
            return [m for s in subjects for m in self._actors_of(s, actors)]
        return []

    def _speaker_of_misattached(self, verb: Token, actors: DocumentActors) -> list[Mention]:
        """ "Pompeo said there was no evidence the attack had come from Yemen and accused
        Iran": the parser joins "accused" to the reported clause, whose subject (the attack)
        can do no such thing; the one who speaks in the clause above does."""
        clause = verb.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        if clause.dep_ not in ("ccomp", "relcl"):
            return []
        while clause.dep_ in ("ccomp", "relcl", "attr") and clause.head != clause:
            clause = clause.head
            if clause.pos_ in ("VERB", "AUX") and clause.lemma_.lower() in SPEECH_VERBS:
                subjects, passive = self._subjects(clause)
                if passive:
                    return []
                return [m for s in subjects for m in self._actors_of(s, actors)]
        return []

    def _described(self, adjective: Token, actors: DocumentActors) -> list[Mention]:
        """Who an adjective predicate describes ("he was optimistic"), or, where that is no
        actor ("the prospects were bleak"), who says so."""
        clause = adjective if adjective.dep_ not in ("acomp", "oprd", "xcomp") else adjective.head
        for _ in range(3):
            subjects, passive = self._subjects(clause)
            # "the accusations by Washington were baseless": an act is judged, not its doer
            subjects = [s for s in subjects if s.lemma_.lower() not in _EVENT_NOUNS]
            found = [] if passive else [m for s in subjects for m in self._actors_of(s, actors)]
            if found:
                return found
            if clause.dep_ not in ("ccomp", "conj") or clause.head == clause:
                return []
            clause = clause.head
        return []

    def _topic(
        self, adjective: Token, actors: DocumentActors, exclude: set[str | None]
    ) -> list[Mention]:
        """ "optimistic that a treaty with Jordan ...", "the prospects for talks with
        Washington were bleak": the first other actor the predicate or its subject names."""
        clause = adjective.head if adjective.dep_ in ("acomp", "oprd", "xcomp") else adjective
        subjects = [c for c in clause.children if c.dep_ in _SUBJECT_DEPS]
        for root in (adjective, *subjects):
            for word in root.subtree:
                if word.i == root.i and root is not adjective:
                    named = actors.modifying(word.i)  # the subject is described: "the U.S. move"
                else:
                    named = actors.at(word.i) or actors.modifying(word.i)
                found = [m for m in named if m.actor and m.actor.country not in exclude]
                if found:
                    return found
        return []

    def _threatened(
        self, verb: Token, actors: DocumentActors, sentence: Any, sources: Sequence[Mention]
    ) -> list[Mention]:
        """ "warned that Turkish troops could launch an offensive against Kurdish militias":
        a warning of one's own side's act threatens that act's target, not one's troops."""
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            return []  # "warned Georgia that ...": the one warned is the target
        own = _countries(sources)
        for clause in verb.children:
            # "threatened to turn Seoul into a sea of fire": what the threatened act is done to
            if clause.dep_ == "xcomp" and self._entry_for(clause, actors) is None:
                for arg in self._slot_tokens(clause, "dobj"):
                    found = [
                        m
                        for m in self._actors_of(arg, actors)
                        if m.actor is not None and m.actor.country not in own
                    ]
                    if found:
                        return found
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            doers = [m for s in self._subjects(clause)[0] for m in self._actors_of(s, actors)]
            if not doers or any(m.actor is None or m.actor.country not in own for m in doers):
                continue
            entry = self._entry_for(clause, actors)
            if entry is not None and entry.code[:2] in _FORCE_ROOTS:
                found, _ = self._targets(_Trigger(clause, entry, None), actors, sentence, doers)
                return found
        return []

    def _mediated_parties(self, verb: Token, actors: DocumentActors) -> list[Mention]:
        """ "agreed to a truce under a deal brokered by Russia", "talks mediated by the AU":
        the mediator acts on the parties to what it brokered, named "between" or as those
        who agreed, met or signed."""
        if verb.dep_ in ("acl", "amod"):
            brokered = verb.head
        else:
            brokered = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if brokered is None:
            return []
        parties = [
            m
            for arg in self._slot_tokens(brokered, "prep:between")
            for m in self._actors_of(arg, actors)
        ]
        if parties:
            return parties
        governor = brokered.head
        if governor == verb:
            return []  # "The meeting was facilitated by X": the parties were named before
        if brokered.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head  # "agreed ... under a deal", "met for talks"
        elif brokered.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            return []
        # "agreed to a truce under which hostages will be freed ..., in a deal brokered by
        # Qatar": up from a clause that names no parties to the one that does.
        for _ in range(8):
            if governor.pos_ in ("VERB", "AUX"):
                subjects, _ = self._subjects(governor)
                partners = self._slot_tokens(governor, "prep:with")
                if governor.lemma_.lower() in _MEETING_VERBS:
                    partners += self._slot_tokens(governor, "dobj")  # "met Kristersson"
                found = [m for arg in (*subjects, *partners) for m in self._actors_of(arg, actors)]
                if found or governor.dep_ == "ROOT":
                    return found
            elif governor.dep_ == "ROOT":
                return []
            governor = governor.head
        return []

    def _planters(self, thing: Token, actors: DocumentActors) -> list[Mention]:
        """ "a roadside bomb planted by Maoist rebels", "a rocket fired by Hamas": who set off
        the weapon that is the subject."""
        return [
            m
            for acl in thing.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN"
            for doer in self._slot_tokens(acl, "agent")
            for m in self._actors_of(doer, actors)
        ]

    def _leaders(self, noun: Token, actors: DocumentActors) -> list[Mention]:
        """ "a Saudi-led air strike", "an offensive led by Kurdish forces": who led it."""
        found: list[Mention] = []
        for child in noun.children:
            if child.lemma_.lower() != "lead" or child.dep_ not in ("amod", "acl"):
                continue
            for arg in child.children:
                if arg.dep_ in ("npadvmod", "compound", "nmod"):
                    found.extend(self._actors_of(arg, actors))
            found.extend(
                m for o in self._slot_tokens(child, "agent") for m in self._actors_of(o, actors)
            )
        return found

    def _victims(self, noun: Token, actors: DocumentActors) -> list[Mention]:
        """ "Three soldiers were wounded in a Taliban attack", "civilians died in an air
        strike": the people harmed are the attack's target, when no one else is named as
        harming them."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            return []
        verb = prep.head
        if verb.lemma_.lower() not in _HARMED or any(c.dep_ == "agent" for c in verb.children):
            return []
        deps = ("nsubj", "nsubjpass") if verb.lemma_.lower() == "die" else ("nsubjpass",)
        return [m for c in verb.children if c.dep_ in deps for m in self._actors_of(c, actors)]

    @staticmethod
    def _received(trigger: _Trigger) -> bool:
        governor = trigger.governor
        return (
            trigger.entry.pos == "noun"
            and governor is not None
            and governor.lemma_.lower() in _RECEIVING_VERBS
            and trigger.entry.code[:2] not in ("04",)
        )

    def _targets(
        self, trigger: _Trigger, actors: DocumentActors, sentence: Any, sources: Sequence[Mention]
    ) -> tuple[list[Mention], float]:
        token = trigger.token
        entry = trigger.entry
        if self._received(trigger):
            assert trigger.governor is not None
            subjects, _ = self._subjects(trigger.governor)
            return [m for s in subjects for m in self._actors_of(s, actors)], 1.0
        if entry.pos == "adj":
            return self._topic(token, actors, _countries(sources)), 0.7
        if entry.code == "042":
            inviters = self._inviters(token, actors, _countries(sources))
            if inviters:
                return inviters, 1.0
        slots = list(entry.target) or ["dobj", *(f"prep:{p}" for p in sorted(entry.preps))]
        family = _FAMILY_TARGETS.get(entry.code[:3]) or _FAMILY_TARGETS.get(entry.code[:2], ())
        slots.extend(s for s in family if s not in slots)
        if "dobj" not in slots:
            # "released two French nationals": people acted upon are the target.
            slots.append("dobj")
        if entry.pos == "noun":
            slots = [s for s in slots if s != "dobj"]
            if token.dep_ == "pobj" and trigger.governor is not None:
                slots.append("dobj")  # "engaged Filipino peacekeepers in a firefight"
            if trigger.governor is not None:
                slots.append("dative")  # "offered Indonesia an apology"
                # "opened an investigation into war crimes by Israeli forces": the governor's
                # subject acts, so a "by" phrase on the noun belongs to what it is about.
                slots.append("prep:by")
        hosts = [token]
        if trigger.carrier is not None:
            hosts.append(trigger.carrier)
        if (
            entry.code == "041"
            and trigger.governor is None
            and token.dep_ == "pobj"
            and token.head.lower_ in ("in", "during")
            and token.head.head.pos_ == "VERB"
        ):
            # "warned Biden in a telephone call": the one spoken to is the verb's object.
            hosts.append(token.head.head)
            slots.extend(s for s in ("dobj", "dative", "prep:to") if s not in slots)
        if trigger.governor is not None:
            hosts.append(trigger.governor)
        if entry.pos == "verb":
            # "signed a treaty with Belarus": the phrase often hangs from the object, or
            # from a participle that describes it ("lift sanctions imposed on Libya").
            objects = [c for c in token.children if c.dep_ == "dobj"]
            shared = _object_sharer(token) if entry.objects else None
            if shared is not None:
                hosts.append(shared)  # "rammed and boarded Philippine boats"
                objects = [c for c in shared.children if c.dep_ == "dobj"]
            # "imposed travel bans and asset freezes on officials": or from the last of
            # coordinated objects; "act as a mediator between": or from the role taken.
            objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
            objects += self._slot_tokens(token, "prep:as")
            hosts.extend(objects)
            # "pledged $50 million in aid to Sudan", "sent a shipment of arms to Syria"
            hosts.extend(
                g for o in objects for p in ("in", "of") for g in self._slot_tokens(o, f"prep:{p}")
            )
            # "sent ships loaded with food and medical teams to Sri Lanka": or from the cargo
            hosts.extend(w for o in objects for w in _cargo(o) if w.pos_ == "NOUN")
            described = [a for o in objects for a in o.children if a.dep_ == "acl"]
            hosts.extend(described)
            # "dropped bombs containing sarin on civilians": or from what the object holds.
            hosts.extend(g for a in described for g in a.children if g.dep_ == "dobj")
        if entry.code[:2] == "04":
            # "spoke by telephone with Putin": the partner may hang from the manner phrase.
            hosts.extend(
                o
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("by", "via", "over")
                for o in c.children
                if o.dep_ == "pobj"
            )
        passive = entry.pos == "verb" and any(c.dep_ == "nsubjpass" for c in token.children)
        if entry.code[:2] == "13" and entry.pos == "verb":
            threatened = self._threatened(token, actors, sentence, sources)
            if threatened:
                return threatened, 0.9
        if entry.code == "045" and entry.pos == "verb":
            parties = self._mediated_parties(token, actors)
            if parties:
                return parties, 0.9
        if (
            entry.pos == "noun"
            and entry.code[:2] in _VIOLENT_ROOTS
            # "killed in a clash with Chinese troops": the other side is the one fought with
            and not (entry.reciprocal and self._slot_tokens(token, "prep:with"))
        ):
            victims = self._victims(token, actors)
            if victims:
                return victims, 1.0
        if entry.pos == "verb" and _reduced_passive(token):
            # "soldiers killed in Ukraine": the noun the participle describes was acted upon.
            found = self._actors_of(token.head, actors)
            if found:
                return found, 1.0
        if entry.pos == "verb" and _bare_passive(token) and entry.passive == "swap":
            # "X were arrested and released by Y": the shared subject was acted upon.
            for subject in self._subjects(token.head)[0] or [
                c for c in token.head.children if c.dep_ == "nsubjpass"
            ]:
                found = self._actors_of(subject, actors)
                if found:
                    return found, 1.0
        exclude = _countries(sources)
        if entry.target == ("place",):
            return self._location_target(hosts, actors, exclude, preps=("in", "at")), 0.8
        itself = {m.actor.country for m in sources if m.actor and not m.actor.sectors}
        # "sent warships to the disputed waters": the forces shown or moved are the source's.
        # "intercepted Russian bombers", "shadowed the carrier group": the other side's.
        own_forces = (
            entry.code[:2] == "15" and bool(entry.objects) and token.lemma_.lower() not in _WATCHING
        )
        for slot in (["nsubjpass"] if passive and entry.passive == "swap" else []) + slots:
            for host in hosts:
                args = self._slot_tokens(host, slot)
                if not args and entry.inward and slot == "prep:from":
                    # "took delivery of helicopters from Russia": the supplier may hang on
                    # the goods
                    args = [a for g in _goods(host) for a in self._slot_tokens(g, slot)]
                for arg in args:
                    if (
                        own_forces
                        and slot == "dobj"
                        and arg.lemma_.lower() in entry.objects
                        # "entered Estonian airspace": a space is the country's it is named for
                        and arg.lemma_.lower() not in _SPACES
                    ):
                        continue
                    found = self._actors_of(arg, actors)
                    if (
                        entry.code == "016"
                        and found
                        and all(m.actor and m.actor.country in _countries(sources) for m in found)
                    ):
                        # "Clinton denied any US involvement": what is denied is one's own;
                        # the denial answers whoever accused
                        continue
                    if found and all(_own(m, itself) for m in found):
                        # "its border with Ukraine": the source's own, look further in.
                        found = [
                            m
                            for inner in self._slot_tokens(arg, "prep:with")
                            for m in self._actors_of(inner, actors)
                        ]
                    confidence = 1.0
                    if not found:
                        found = self._anaphoric(arg, actors, sentence, exclude)
                        confidence = 0.7
                    if found:
                        return found, confidence
        if "ccomp-subject" in slots:
            found = self._clause_actor(token, actors, exclude)
            if found:
                return found, 0.8
        if entry.pos == "verb" and entry.objects:
            # "tried to assassinate the president": the attempt is aimed at whom the act is.
            for clause in (
                c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in entry.objects
            ):
                for arg in self._slot_tokens(clause, "dobj"):
                    found = self._actors_of(arg, actors)
                    if found:
                        return found, 0.9
        if entry.code[:2] in ("14", "17", "18", "19"):
            found = self._purpose_target(hosts, actors, exclude)
            if found:
                return found, 0.8
        if entry.code[:2] in _LOCATED_ROOTS:
            located = self._location_target(hosts, actors, exclude)
            if entry.code[:2] in _ATTACK_ROOTS and _military_objects(hosts):
                # "struck military targets across Yugoslavia": the country's armed forces
                located = [
                    replace(m, actor=make_actor(m.actor.country, ("MIL",), kind="state"))
                    for m in located
                    if m.actor is not None
                ]
            return located, 0.8
        if entry.code == "042":
            # "visited Hiroshima": a visit to a city is a visit to its country.
            return self._location_target(hosts, actors, exclude, preps=("to",)), 0.8
        if entry.code.startswith("087"):
            # "troops withdrew from Gaza": a retreat leaves the country it is from.
            return self._location_target(hosts, actors, exclude, preps=("from", "of")), 0.8
        return [], 1.0

    def _clause_actor(
        self, verb: Token, actors: DocumentActors, exclude: set[str | None]
    ) -> list[Mention]:
        """ "demanded that Moscow immediately release ...": the small model often parses a
        bare subjunctive clause as a noun phrase, losing its subject; the first actor named
        in the clause is then taken as the one asked."""
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i < verb.i:
                continue
            if any(
                c.dep_ in ("nsubj", "nsubjpass") and c.pos_ not in ("VERB", "AUX")
                for c in clause.children
            ):
                continue  # parsed with its subject: "that any arms deal would violate ..."
            # "that Ethiopia and Eritrea halt hostilities": the names may be parsed as the
            # noun's modifiers, and only those before it can be its subject.
            ahead = [m for m in actors.modifying(clause.i) if m.start < clause.idx]
            found = [m for m in ahead if not _own(m, exclude)]
            if found:
                return found
            for word in clause.subtree:
                if word.i >= clause.i and clause.pos_ not in ("VERB", "AUX"):
                    break  # a noun heading the clause: its subject can only come before it
                found = [m for m in self._actors_of(word, actors) if not _own(m, exclude)]
                if found:
                    return found
        return []

    def _purpose_target(
        self, hosts: Sequence[Token], actors: DocumentActors, exclude: set[str | None]
    ) -> list[Mention]:
        """ "struck to force the government to ...", "went on hunger strike to demand care
        from prison authorities", "fired tear gas to break up a march by opposition
        supporters": a protest or a use of force is aimed at whom its purpose names."""
        for host in hosts:
            for clause in host.children:
                if clause.dep_ not in ("advcl", "xcomp") or not has_to(clause):
                    continue
                args = [*self._slot_tokens(clause, "dobj")]
                args += [
                    a
                    for p in ("from", "on", "of", "against")
                    for a in self._slot_tokens(clause, f"prep:{p}")
                ]
                # "to break up a march by opposition supporters": who held the march, its
                # "by" parsed as the clause's agent, its prepositional phrase or the noun's.
                args += self._slot_tokens(clause, "agent") + self._slot_tokens(clause, "prep:by")
                args += [
                    a
                    for o in self._slot_tokens(clause, "dobj")
                    for p in ("by", "of")
                    for a in self._slot_tokens(o, f"prep:{p}")
                ]
                for arg in args:
                    found = [m for m in self._actors_of(arg, actors) if not _own(m, exclude)]
                    if found:
                        return found
        return []

    def _inviters(
        self, trigger: Token, actors: DocumentActors, exclude: set[str | None]
    ) -> list[Mention]:
        """ "arrived in Pyongyang for a state visit at the invitation of Kim Jong Un", "is
        visiting China at Wang's invitation": who invited the visitor hosts the visit."""
        found: list[Mention] = []
        for word in _clause_verb(trigger).subtree:
            if word.lemma_.lower() != "invitation" or word.head.lower_ not in ("at", "on", "upon"):
                continue
            inviters = [c for c in word.children if c.dep_ == "poss"]
            inviters += self._slot_tokens(word, "prep:of")
            found += [
                m for i in inviters for m in self._actors_of(i, actors) if _other_side(m, exclude)
            ]
        return found

    def _location_target(
        self,
        hosts: Sequence[Token],
        actors: DocumentActors,
        exclude: set[str | None],
        *,
        preps: Sequence[str] = (
            "in",
            "inside",
            "at",
            "through",
            "across",
            "outside",
            "near",
            "along",
            "around",
            "to",
            "off",
        ),
    ) -> list[Mention]:
        """A protest or a show of force "in Beijing", an attack on "the city of Kharkiv",
        is aimed at the country where it happens; troops massed "along the border with
        India" at the country across it."""
        places = [
            p for host in hosts for word in preps for p in self._slot_tokens(host, f"prep:{word}")
        ]
        # "off the coast of Oman", "on the outskirts of Kyiv": the place named with "of";
        # "in Cam Ranh Bay, Vietnam": the country after the place.
        places += [o for p in places for o in self._slot_tokens(p, "prep:of")]
        places += [c for p in places for c in p.children if c.dep_ == "appos"]
        # "on high alert along the border with India": the country across the border, which
        # may hang from the trigger's own phrase.
        nested = [o for h in hosts for c in h.children if c.dep_ == "prep" for o in c.children]
        places += [
            other
            for host in (*hosts, *nested)
            for word in preps
            for border in self._slot_tokens(host, f"prep:{word}")
            if border.lemma_.lower() in _BORDERS
            for other in self._slot_tokens(border, "prep:with")
        ]
        places += [
            g
            for host in hosts
            for slot in ("dobj", "prep:on", "prep:against")  # "air strikes on bridges in Lebanon"
            for o in self._slot_tokens(host, slot)
            for g in (o, *self._slot_tokens(o, "prep:of"), *self._slot_tokens(o, "prep:in"))
        ]
        for place in places:
            # The place itself, not a name modifying it: "the South China Sea" is no China.
            for mention in actors.at(place.i):
                actor = mention.actor
                if actor is not None and actor.kind == "state" and actor.country not in exclude:
                    located = make_actor(actor.country, kind="state")
                    return [replace(mention, actor=located, rule="location-as-target")]
            country = actors.places.get(place.i)
            if country is None:
                country = next(
                    (
                        actors.places[c.i]
                        for c in place.children
                        if c.dep_ == "compound" and c.i in actors.places
                    ),
                    None,
                )
            if country is None:
                # "an airfield in Russia's Kursk region": the state that owns the place.
                country = next(
                    (
                        m.actor.country
                        for c in place.children
                        if c.dep_ == "poss"
                        for m in actors.at(c.i)
                        if m.actor is not None and m.actor.kind == "state" and not m.actor.sectors
                    ),
                    None,
                )
            if country and country not in exclude:
                start = int(place.idx)
                mention = Mention(
                    place.text,
                    start,
                    start + len(place.text),
                    make_actor(country, kind="state"),
                    rule="location-as-target:gazetteer",
                )
                return [mention]
        return []

    def _event_reference(
        self,
        trigger: _Trigger,
        sentence: Any,
        sentence_index: int,
        sources: Sequence[Mention],
        history: Sequence[Event],
        actors: DocumentActors,
    ) -> tuple[list[Mention], float]:
        """ "Hamas condemned the raid": the target is whoever carried out the raid reported
        just before; "welcomed the decision": whoever made the last decision reported, or,
        where the act was no event we code, whoever did what the sentence before reports."""
        token = trigger.token
        speakers = _countries(sources)
        if trigger.entry.code == "045":
            # "the agreement between Hamas and Israel was reached through the mediation of
            # Qatar": the parties named "between" in the sentence, else those who acted
            between = [
                m
                for prep in sentence
                if prep.dep_ == "prep" and prep.lower_ == "between"
                for arg in prep.children
                if arg.dep_ == "pobj"
                for m in self._actors_of(arg, actors)
                if not any(_same(m, s) for s in sources)
            ]
            parties = between or _brokered_parties(sources, sentence_index, history)
            if parties:
                return parties, 0.6
        if trigger.entry.code.startswith("025"):
            # "called for an end to the fighting", "urged a ceasefire": the two sides of the
            # fighting reported just before.
            sides = _warring_sides(sources, sentence_index, history)
            if sides:
                return sides, 0.6
        if trigger.entry.code == "015":
            harmed = self._claimed_deed_targets(trigger, actors, sentence, sources)
            if not harmed and any(_armed_group(m) for m in sources):
                harmed = _last_attack_targets(sources, sentence_index, history)
            return harmed, 0.6  # never the doer of the deed owned
        judged = _judged_clause(token)
        if judged is not None:
            found = [
                m
                for subject in self._subjects(judged)[0]
                for m in self._actors_of(subject, actors)
                if _other_side(m, speakers)
            ]
            if found:
                return found, 0.7
        objects = [c for c in token.children if c.dep_ == "dobj"]
        # "called the decision reckless": the small model may hang the noun on the adjective
        objects += [
            g
            for c in token.children
            if c.dep_ == "oprd"
            for g in c.children
            if g.dep_ in ("compound", "nmod")
        ]
        objects += [g for c in token.children for g in c.children if _quote_possessive(g)]
        # "..., a move Tehran condemned as politically motivated": the clause's head noun
        relative = _relative_object(token)
        if relative is not None:
            objects.append(relative)
        objects += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("over", "for", "of", "on")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if trigger.entry.pos == "adj":
            objects += self._judged_by_adjective(token)
        # "slammed the sanctions imposed by the EU": the doer of what is judged is named on
        # the object (an agreement "brokered by the AU" is no act on the AU).
        code = trigger.entry.code
        judging = code[:3] in ("051", "052", "016") or code[:2] in ("11", "12")
        doers = [
            m
            for noun in (objects if judging else [])
            for act in noun.children
            if act.dep_ == "acl" and act.tag_ == "VBN"
            for agent in self._slot_tokens(act, "agent")
            for m in self._actors_of(agent, actors)
            if _other_side(m, speakers)
        ]
        if doers:
            return doers, 0.8
        # Not the speaker's own act: the same actor, or its country when either is bare.
        own: set[str | None] = {m.actor.code for m in sources if m.actor is not None}
        own |= {m.actor.country for m in sources if m.actor is not None and not m.actor.sectors}
        doc = sentence.doc
        for noun in objects:
            # "called the seizure unacceptable": the small model may hang "the" on the
            # judgement the noun is a compound of
            holders = [noun, noun.head] if noun.dep_ in ("compound", "nmod") else [noun]
            definite = any(
                c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                for h in holders
                for c in h.children
            )
            if noun.pos_ != "NOUN" or not (definite or noun is relative):
                continue
            lemma = noun.lemma_.lower()
            if lemma == "attempt":
                # "condemned the coup attempt": the attempted act names the kind
                lemma = next(
                    (c.lemma_.lower() for c in noun.children if c.dep_ == "compound"), lemma
                )
            generic = lemma in _EVENT_NOUNS
            kinds = {e.code[:3] for e in self.lexicon.candidates(lemma, "noun")}
            # "introduced a law ... called the law discriminatory", "launched an investigation
            # ... called the investigation protectionism": whoever the noun's earlier mention
            # names as its maker, where no coded act matches
            maker = (
                self._antecedent_doer(noun, sentence, actors, own)
                if judging and not generic
                else None
            )
            by_maker = [replace(maker, rule=f"{maker.rule}+antecedent")] if maker else []
            if not generic and not kinds:
                if by_maker:
                    return by_maker, 0.6
                continue
            recent = [
                e
                for e in reversed(history)
                if e.sentence_index >= sentence_index - 3
                and not (lemma in _SAYINGS and e.cameo[:2] not in _SAYING_ROOTS)
                and e.source.actor is not None
                and e.source.actor.code not in own
                and (e.source.actor.sectors or e.source.actor.country not in own)
            ]
            # "accused Tehran of a cyberattack ... condemned the attack": a deed known only
            # as alleged was done by the accused
            hostile = code != "016" and any(k[:2] >= "14" for k in kinds)
            alleged = [
                e
                for e in (recent if hostile else ())
                if e.cameo.startswith("112") and e.target is not None and _charged(e, noun, doc)
            ]
            if alleged:
                return [
                    replace(e.target, rule=f"{e.target.rule}+alleged-doer")
                    for e in alleged
                    if e.target is not None and e.trigger_span == alleged[0].trigger_span
                ], 0.6
            # The act of the same kind first ("the drills" are the drills reported, not the
            # meeting reported after them), then any act for a generic noun ("the move").
            same = [e for e in recent if self._same_act(e, noun, kinds, doc)]
            if generic and not (kinds and lemma in _SAYINGS):
                # "the decision" is an act, not the thanks or protests it drew
                acts = [e for e in recent if lemma in _SAYINGS or not _reaction(e.cameo)]
                same = same or acts or recent
            if same:
                # "rejected the accusations" of all who made them together
                makers = _joint_makers([e for e in same if e.cameo == same[0].cameo], same[0])
                return [replace(m, rule=f"{m.rule}+event-reference") for m in makers], 0.7
            if by_maker:
                return by_maker, 0.6
            if generic:
                # What was said is answered across sentences; what was done, within one too.
                in_clause = (
                    None if lemma in _SAYINGS else _earlier_clause_subject(token, actors, own)
                )
                maker = in_clause or _previous_subject(sentence, actors, own)
                if maker is not None:
                    return [replace(maker, rule=f"{maker.rule}+act-reference")], 0.6
        if trigger.entry.code == "080":
            presser = _presser(sources, sentence_index, history)
            if presser is not None:
                return [replace(presser, rule=f"{presser.rule}+yielded-to")], 0.6
        if trigger.entry.code == "016":
            accusers = _accusers(sources, sentence_index, history)
            if accusers:
                return [replace(a, rule=f"{a.rule}+denied-accusation") for a in accusers], 0.6
            denied = self._denied_targets(token, actors, sentence, sources)
            if denied:
                return [replace(m, rule=f"{m.rule}+denied-act") for m in denied], 0.6
        return [], 1.0

    def _antecedent_doer(
        self, noun: Token, sentence: Any, actors: DocumentActors, own: set[str | None]
    ) -> Mention | None:
        """ "The Commission launched an investigation into Chinese cars. Beijing called the
        investigation protectionism": whoever the noun's earlier mention says did it, where
        no coded event matches (its owner, the subject of the verb it is the object of, or
        the agent of the participle it governs)."""
        doc = sentence.doc
        first = sentence
        for _ in range(2):  # this sentence and the two before it
            if first.start == 0:
                break
            first = doc[first.start - 1].sent
        lemma = noun.lemma_.lower()
        for earlier in reversed(doc[first.start : noun.i]):
            if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
                continue
            doers = [c for c in earlier.children if c.dep_ == "poss"]
            if earlier.dep_ == "dobj" and earlier.head.lemma_.lower() in _MAKING:
                doers += self._subjects(earlier.head)[0]
            doers += [
                agent
                for act in earlier.children
                if act.dep_ == "acl" and act.tag_ == "VBN"
                for agent in self._slot_tokens(act, "agent")
            ]
            for mention in (m for d in doers for m in self._actors_of(d, actors)):
                if _other_side(mention, own):
                    return mention
            return None  # the nearest mention decides
        return None

    def _claimed_deed_targets(
        self, trigger: _Trigger, actors: DocumentActors, sentence: Any, sources: Sequence[Mention]
    ) -> list[Mention]:
        """ "claimed responsibility for the assault on Nairobi's Westgate mall", "claimed the
        bombing of the police academy": a claim is made to those the deed named harmed."""
        token = trigger.token
        deeds = [c for c in token.children if c.dep_ == "dobj"]
        deeds += self._slot_tokens(token, "prep:for")
        deeds += [g for d in list(deeds) for g in self._slot_tokens(d, "prep:for")]
        own = _countries(sources)
        for deed in deeds:
            entry = self._entry_for(deed, actors)
            if entry is None or entry.code[:2] not in _CLAIMED_ROOTS:
                continue
            found, _ = self._targets(_Trigger(deed, entry, None), actors, sentence, sources)
            found = found or self._location_target([deed], actors, own)
            # "the assault on Nairobi's Westgate mall": the place harmed, not its government
            found = [_as_country(m) if "capital" in m.rule else m for m in found]
            found = [m for m in found if m.actor is not None and m.actor.country not in own]
            if found:
                return found
        return []

    def _contacted(self, trigger: _Trigger, actors: DocumentActors) -> list[Mention]:
        """ "telephoned Ardern to offer condolences", "wrote to Putin to protest": what a
        call, letter or visit is made for is addressed to the one called, written to or
        visited."""
        verb = trigger.governor if trigger.governor is not None else trigger.token
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.lemma_.lower() not in _CONTACTING:
            return []
        if not has_to(verb):
            return []  # "telephoned Ardern, offering ...": a participle says no purpose
        contact = verb.head
        addressed = [*self._slot_tokens(contact, "dobj"), *self._slot_tokens(contact, "prep:to")]
        return [m for a in addressed for m in self._actors_of(a, actors)]

    @staticmethod
    def _judged_by_adjective(adjective: Token) -> list[Token]:
        """ "said the move was unacceptable", "was disappointed by the decision": the act an
        adjective predicate judges is its clause's subject or the noun after by, at or with."""
        clause = adjective.head if adjective.dep_ in ("acomp", "oprd", "xcomp") else adjective
        judged = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        judged += [
            g
            for c in adjective.children
            if c.dep_ == "prep" and c.lower_ in ("by", "at", "with", "about")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return [noun for noun in judged if noun.pos_ == "NOUN"]

    def _denied_targets(
        self, verb: Token, actors: DocumentActors, sentence: Any, sources: Sequence[Mention]
    ) -> list[Mention]:
        """ "Moscow denied that Russian aircraft had bombed villages in Georgia": a denial
        answers who accuses later in its sentence ("..., after Hamas blamed an Israeli
        strike"), or else, for a hostile act, those it was done to (those supplied with arms
        are not the ones who say so)."""
        own = _countries(sources)
        for word in sentence:
            if word.i > verb.i and word.pos_ == "VERB" and word.lemma_.lower() in _ACCUSING:
                accusers = [
                    m
                    for s in self._subjects(word)[0]
                    for m in self._actors_of(s, actors)
                    if m.actor is not None and m.actor.country not in own
                ]
                if accusers:
                    return accusers
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "xcomp"):
                continue
            entry = self._entry_for(clause, actors)
            if entry is None or entry.code[:2] < "10":
                continue
            doers = [m for s in self._subjects(clause)[0] for m in self._actors_of(s, actors)]
            denied = _Trigger(clause, entry, None)
            found, _ = self._targets(denied, actors, sentence, doers or sources)
            return [m for m in found if m.actor is not None and m.actor.country not in own]
        return []

    @staticmethod
    def _same_act(event: Event, noun: Token, kinds: set[str], doc: Any) -> bool:
        """Whether ``noun`` names the act ``event`` reports: the same word or stem, or a kind
        the noun triggers ("imposed sanctions" ... "rejected the sanctions")."""
        span = doc.char_span(*event.trigger_span)
        earlier = span[0].lemma_.lower() if span is not None and len(span) else ""
        return (
            earlier == noun.lemma_.lower()
            or event.trigger.lower().startswith(noun.lower_[:4])
            or event.cameo[:3] in kinds
        )

    @staticmethod
    def _slot_tokens(host: Token, slot: str) -> list[Token]:
        if slot in ("dobj", "nsubjpass", "dative", "iobj"):
            found = [c for c in host.children if c.dep_ == slot]
            judged = [c for c in host.children if c.dep_ == "oprd"]
            # "called the measures 'economic retaliation'": the opening quote is read as a
            # possessive, so the object hangs on the judgement.
            quoted = [g for c in found + judged for g in c.children if _quote_possessive(g)]
            if slot == "dobj" and quoted:
                return quoted
            if slot == "dobj" and not found and len(judged) > 1 and judged[0].pos_ == "NOUN":
                # "called the U.S. move totally unacceptable": the small model makes both
                # the thing judged and the judgement complements; the first is the object.
                found = judged[:1]
            return found
        if slot.startswith("prep:"):
            word = slot[5:]
            preps = [c for c in host.children if c.dep_ in ("prep", "dative")]
            if (
                word == "between"
                and host.pos_ == "VERB"
                and not any(c.lower_ == word for c in preps)
            ):
                preps += [p for o in host.children if o.dep_ == "dobj" for p in o.children]
            if host.lemma_.lower() in _SIGNINGS and not any(c.lower_ == word for c in preps):
                # "the signing of an agreement between X and Y": the parties hang on the
                # thing signed
                preps += [p for o in _prep_objects([host], ["of"]) for p in o.children]
            # "pulled out of Jenin": the preposition hangs from the particle.
            preps += [g for c in preps if c.lower_ in ("out", "away", "back") for g in c.children]
            if word in _AIMING and not any(c.lower_ == word for c in preps):
                # "launched drones towards Israel": the aim may hang on what was launched
                preps += _aims_in_object(host)
            found = [
                obj
                for prep in preps
                if prep.lower_ == word and prep.dep_ in ("prep", "dative")
                for obj in prep.children
                if obj.dep_ in ("pobj", "pcomp")
            ]
            if not found and word == "with" and host.lemma_.lower() in _SIGNING_VERBS:
                found = _trade_partners(host)
            return found
        if slot == "agent":  # "killed by rebels": the passive's doer
            return [
                obj
                for c in host.children
                if c.dep_ == "agent"
                for obj in c.children
                if obj.dep_ == "pobj"
            ]
        if slot == "ccomp-subject":
            return [
                subj
                for clause in host.children
                if clause.dep_ == "ccomp"
                for subj in clause.children
                if subj.dep_ in ("nsubj", "nsubjpass")
            ]
        return []

    def _response_means(self, verb: Token) -> str | None:
        """ "would respond with reciprocal tariffs" (1312), "with all-out war" (138): what a
        vowed response is made with says the kind of threat, as the objects of "threaten" do."""
        words = {
            w.lemma_.lower()
            for prep in verb.subtree
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for noun in prep.children
            if noun.dep_ == "pobj"
            for w in (noun, *noun.children)
        }
        # "with firm measures" says no kind: the threat stays what the provocation made it
        kinds = [
            e
            for e in self.lexicon.candidates("threaten", "verb")
            if e.objects & words and e.code != "131"
        ]
        return max((e.code for e in kinds), key=len, default=None)

    def _condition_actor(
        self, verb: Token, actors: DocumentActors, own: set[str | None]
    ) -> Mention | None:
        """ "warned that it would retaliate if Pyongyang attacked again": the one whose act
        the condition names, in a clause under the warning; not the warner's own side."""
        for clause in verb.subtree:
            if clause.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "should") for c in clause.children
            ):
                continue
            for subject in (c for c in clause.children if c.dep_ == "nsubj"):
                for mention in self._actors_of(subject, actors):
                    if _other_side(mention, own):
                        return mention
        return None

    # -- sentence -------------------------------------------------------------------
    def code_sentence(
        self,
        sentence: Any,
        *,
        actors: DocumentActors,
        document: Document,
        sentence_index: int,
        history: Sequence[Event] = (),
    ) -> list[Event]:
        """The events of one sentence; ``history`` holds the document's earlier events, which
        "condemned the raid" or "welcomed the decision" may point back to."""
        events: list[Event] = []
        seen: set[tuple[str | None, str | None, str, int]] = set()
        span = (int(sentence.start_char), int(sentence.end_char))
        triggers = self.triggers(sentence, actors)
        demands = self._protest_demands(triggers, actors, sentence)
        absorbed = {demand.token.i for demand, _, _ in demands.values()}
        attacks: set[int] = set()  # triggers that coded an attack on people (18-20, 175)
        for trigger in triggers:
            if trigger.token.i in absorbed:
                continue  # coded as what the protest demands
            mass = _mass_toll(trigger.token)
            if not mass and _toll(trigger.token, attacks):
                continue  # "opened fire on protesters, killing six": the attack is the event
            sources = self._sources(trigger, actors)
            if not sources:
                continue
            targets, confidence = self._targets(trigger, actors, sentence, sources)
            if trigger.entry.code == "042" and not _forces(*sources):
                targets = [_receiving_leader(t, sentence, actors) for t in targets]
            demand = demands.get(trigger.token.i)
            if demand is not None and not targets:
                targets, confidence = demand[2], 0.8
            if not targets:
                targets, confidence = self._contacted(trigger, actors), 0.8
            if not targets:
                targets, confidence = self._event_reference(
                    trigger, sentence, sentence_index, sources, [*history, *events], actors
                )
            if (
                not targets
                and trigger.entry.code[:2] in ("02", "10")
                and trigger.token.dep_ == "conj"
            ):
                # "lodged a protest with Moscow and demanded the release of the crew": a
                # demand joined to a protest or a summons is made to its addressee
                head = trigger.token.head
                acts = {head.idx, *(c.idx for c in head.children if c.dep_ == "dobj")}
                targets = _unique(
                    [
                        e.target
                        for e in events
                        if e.trigger_span[0] in acts and e.target and e.cameo[:3] == "114"
                    ]
                )
                confidence = 0.6
            if not targets and trigger.entry.code[:2] == "14":
                targets, confidence = _own_government(trigger, sources), 0.6
            if not targets and trigger.entry.code == "175":
                targets, confidence = _crowd_in(sentence, actors, sources), 0.6
            if trigger.entry.code == "017":
                # "mourning for Abe", "a wreath for the victims": a gesture to their country
                targets = [_as_country(m) for m in targets]
            if trigger.entry.code in _ON_THE_PUBLIC:
                # "a curfew in Addis Ababa": laid on the place, not on its government
                targets = [_as_country(m) if "capital" in m.rule else m for m in targets]
                if not targets:
                    targets, confidence = _own_people(trigger, sources), 0.6
            if not targets and trigger.entry.code == "042" and _carrying_aid(trigger.token):
                # "a Japanese rescue team arrived in Chengdu": aid goes to the country, which
                # a city names as well as a capital does
                own = _countries(sources)
                targets, confidence = self._location_target([trigger.token], actors, own), 0.6
            code = trigger.entry.code
            if trigger.entry.id == FOLLOW_SUIT:
                # "Canada, Brazil and Argentina followed suit": they did what was done last
                followed = _followed(sources, sentence_index, [*history, *events])
                if followed is None or followed.target is None:
                    continue
                code, targets, confidence = followed.cameo, [followed.target], 0.6
            if code == "086" and targets and all(_inspectorate(t) for t in targets):
                code = "0862"  # "gave the IAEA teams full access": inspectors received
            if code == "114" and _before_a_court(trigger.token, actors):
                code = "115"  # "filed complaints at the World Trade Organization against ..."
                targets = [t for t in targets if not _judicial(t)] or targets
            answer = code == "016" or code[:2] in ("11", "12")
            reading = read_modality(trigger.token, governor=trigger.governor, answer=answer)
            modality = reading.modality
            voices = self._voices(reading.announcer, sources, actors) if reading.forecast else []
            if voices:
                # "Scholz pledged that Germany would send tanks": Scholz's (DEUGOV) own plan
                sources = voices
                reading = replace(reading, intent=True)
                modality = replace(modality, hypothetical=False)
            if trigger.entry.announced and not (modality.future and reading.intent):
                continue  # "responded to the letter": only a vow to respond is a threat
            refused = refusal_code(code) if reading.refusal else None
            if refused is not None:
                code = refused
                modality = replace(modality, negated=False, future=False, hypothetical=False)
            elif reading.intent and modality.future and _decided(trigger.token, code):
                pass  # "EU leaders agreed to impose sanctions": decided, not threatened
            elif reading.intent and modality.future and _announced_expulsion(trigger.token, code):
                pass  # "May said Britain would expel 23 diplomats": announced, done
            elif reading.intent and modality.future:
                if intent_code(code) == code and code[:2] not in ("03", "13"):
                    # "said it would ask the Security Council to meet": CAMEO has no intent
                    # to appeal, criticise or investigate; the act itself has not happened.
                    modality = replace(modality, hypothetical=True)
                code = intent_code(code)
            elif code[:2] in ("18", "19") and _despite_truce(trigger):
                code = "196"  # "shelled the town in violation of the truce"
            elif code in _GENERIC_APPEALS:
                code = self._appeal_code(trigger, actors) or code
            elif trigger.entry.complement and code == "111":
                code = _judgement_charge(trigger.token) or code
            elif code in _GENERIC_CHARGES:
                code = self._charge_code(trigger, actors, sources) or code
            elif code in _GENERIC_PLEDGES:
                code = (
                    self._pledge_code(trigger, actors, _GENERIC_PLEDGES[code])
                    or self._rejected_request(
                        trigger, sources, _recent([*history, *events], sentence_index)
                    )
                    or code
                )
                if (
                    code == "030"
                    and trigger.entry.id in _CONCLUDING_ENTRIES
                    and not _agreed_act(trigger.token)
                ):
                    code = "057"  # "reached an agreement" naming no act agreed to: concluded
            quoted = None
            if reading.speaker is not None:
                quoted_mentions = self._actors_of(reading.speaker, actors)
                quoted = quoted_mentions[0] if quoted_mentions else None
            if demand is not None and demand[1] and code[:3] in _PROTEST_KINDS:
                code = code[:3] + demand[1]  # "marched demanding his resignation": 1411
            elif code in _PROTEST_KINDS and _against_policy(trigger.token, trigger.governor):
                code += "2"  # "a strike against the pension reform": for a change of policy
            if code[:2] in ("18", "19"):
                code = _weapon_code(trigger.token, code) or code
            elif code == "140" and _street_protest(trigger.token):
                code = "141"
            elif code == "175" and _aimed_at_vessels(trigger.token):
                code = "170"  # "fired water cannon at Philippine boats": no crowd to control
            elif code == "162":
                code = _aid_kind(self._object_lemmas(trigger.token)) or code
            elif code in _HUMANITARIAN and _after_disaster(sentence):
                code = _HUMANITARIAN[code]  # "offered aid to Morocco" after its earthquake
            elif code == "139" and _told_to_leave(trigger.token):
                code = "161"  # "gave US diplomats 72 hours to leave": an expulsion
            if code == "130":
                code = self._threat_kind(trigger.token, sources, actors) or code
            if code == "080":
                code = self._conceded(trigger, actors) or code
            if (
                code == "0831"
                and targets
                and all(m.actor is not None and m.actor.kind == "igo" for m in targets)
            ):
                code = "161"  # "quit ECOWAS": a state leaving a body cuts its ties with it
            if code == "170" and _investigative(trigger.token):
                code = "091"  # "raided his home as part of a corruption investigation"
            if (code in ("153", "154") and _invited(trigger.token)) or (
                code == "042"
                and (_forces(*sources) or _force_subject(trigger.token))
                and _keeping_peace(trigger.token)
            ):
                # "sent troops to Kazakhstan at the request of its president", "peacekeepers
                # landed in Dili": deployed, not shown or visiting, to protect the country.
                code = "074"
                targets = [_as_country(m) for m in targets]
            if code == "042" and _carrying_aid(trigger.token):
                # "planes carrying medical supplies landed in Beirut": aid, not a visit
                code = "073"
                targets = [_as_country(m) for m in targets]
            elif code == "042" and _forces(*sources) and _on_mission(sentence):
                # "Kenyan police arrived in Port-au-Prince to lead a UN-backed mission",
                # "Russian troops arrived in Kazakhstan at the request of Tokayev": protection sent,
                # not a visit (CAMEO 074)
                code = "074"
                targets = [_as_country(m) for m in targets]
            if code == "0831" and {m.code for m in targets} <= {m.code for m in sources}:
                if trigger.token.dep_ in ("ROOT", "conj") and all(_former(m) for m in sources):
                    # "Hasina resigned on Monday", in Tuesday's paper, where the knowledge
                    # base has her out of office: she held it when she resigned.
                    sources = [_in_office(m) for m in sources]
                # "resigned as prime minister, bowing to weeks of protests": a resignation on
                # demand is aimed at those who demanded it, not at the office left.
                targets = self._pressing(trigger.token, sources, actors) or targets
            if (
                code[:2] == "13"
                and (_retaliating(trigger.token) or _warned_own_response(trigger.token))
                and _only_own_side(targets, sources)
            ):
                provoker = _provoker(sources, sentence_index, [*history, *events]) or (
                    self._condition_actor(trigger.token, actors, _countries(sources))
                )
                if provoker is not None:
                    targets, confidence = [provoker], 0.6
                    # Hitting back at force is a threat of force; at expulsions, not.
                    if code in ("130", "138"):
                        code = "138" if provoker.rule.endswith("+force") else "130"
                        code = self._response_means(trigger.token) or code
            if not targets and code == "0832":
                # "withdrew the tax reform after five days of strikes and marches"
                targets = self._pressing(trigger.token, sources, actors)
            if not targets and code in ("0831", "0832"):
                # "Ortega revoked the reform" after days of protests against it: yielding
                # to those who protested, in this sentence or the one before
                targets, confidence = _protesters(sources, sentence_index, [*history, *events]), 0.6
            if code[:2] == "10" and trigger.token.lemma_.lower() in _CAUSING_VERBS:
                # "Lee ordered the military to respond": a command down the government's own
                # chain is no demand made of another actor
                targets = [t for t in targets if not _own_command(sources, t)]
                if not targets:
                    continue
            if code == "040" and self._by_phone(trigger, actors):
                code = "041"  # "discussed it with Putin in a phone call"
            elsewhere = self._third_place(trigger, actors) if code == "040" else None
            entry = trigger.entry
            if _each_other(trigger.token):
                entry = replace(entry, reciprocal=True)  # "accused each other of ..."
            emit = partial(
                self._emit,
                events,
                seen,
                (document, sentence_index, span),
                modality=modality,
                quoted=quoted,
                confidence=confidence,
            )
            for source, target, pair_code in _pairs(entry, code, sources, targets):
                if _policed_at_home(source, target):
                    # "Greek police fired tear gas at nationalist protesters"
                    target = _of_country(target, source.actor.country if source.actor else None)
                event_code = _taken_by_force(_repression(pair_code, source, target), source)
                event_code = _leaving_body(event_code, entry, target)
                if event_code == "172" and entry.objects and _abroad(source, target):
                    # "New Zealand imposed travel bans on Fiji's generals" (but barring a
                    # foreign minister from landing stays administrative)
                    event_code = "163"
                if mass and event_code[:2] == "19" and (target.code or "").endswith("CVL"):
                    event_code = "202"  # "killed hundreds of villagers": a mass killing
                elif event_code == "190" and _armed_group(source) and _unarmed(target):
                    event_code = "180"  # "gunmen killed seven pupils": unconventional violence
                parties = {m.actor.country for m in (source, target) if m.actor is not None}
                if elsewhere and elsewhere not in parties:
                    event_code = "044"  # met in a third country (CAMEO 044)
                if not emit(trigger, source, target, event_code, anchor=trigger.token.i):
                    continue
                if event_code[:2] in _ATTACK_ROOTS or event_code == "175":
                    attacks.add(trigger.token.i)
                guest = _visiting(sentence.doc, target) if event_code in ("040", "046") else None
                if guest is not None and not _same(source, target) and len(parties) == 2:
                    # "held talks with visiting Brazilian President Lula": Lula is a guest.
                    visit = _Trigger(guest, _GUEST, None)
                    emit(visit, target, source, "042", anchor=guest.i)
                    emit(visit, source, target, "043", anchor=guest.i)
            if quoted is not None and reading.speaker is not None:
                speech = reading.speaker.head
                prior = (sentence_index, history, events)
                for target in _denied_to(code, modality, quoted, sources, targets, prior):
                    # "the Kremlin said Russian forces had not fired on the city": a denial
                    emit(
                        _Trigger(speech, _OWN_DENIAL, None),
                        quoted,
                        target,
                        "016",
                        anchor=speech.i,
                        modality=Modality(reported=True),
                    )
            for host, guest in _hosted_parties(trigger, sources, targets):
                # "Lourenco received Tshisekedi and Kagame for a tripartite summit": a host
                # bringing two other countries' leaders to talks mediates between them.
                emit(trigger, host, guest, "045", anchor=trigger.token.i)
            if quoted is not None and reading.speaker is not None:
                for event in self._allegation(
                    document, sentence_index, span, trigger, sources, quoted, reading
                ):
                    # Same key as a lexicon event of the alleging verb, so "alleged" coded
                    # by the lexicon is not coded twice.
                    key = (
                        event.source.code,
                        _target_code(event),
                        event.cameo,
                        reading.speaker.head.i,
                    )
                    if key not in seen:
                        seen.add(key)
                        events.append(event)
        events.extend(self._obligations(sentence, actors, document, sentence_index, span))
        return _specific_intents(events)

    def _voices(
        self, speaker: Token | None, sources: Sequence[Mention], actors: DocumentActors
    ) -> list[Mention]:
        """ "Biden announced that Washington would send tanks": the speaker, where it speaks
        for the state or body that is to act (the same country, and the state itself or the
        speaker's own sector); else nothing."""
        if speaker is None:
            return []
        voices = [m for m in self._actors_of(speaker, actors) if m.actor is not None]
        for source in sources:
            actor = source.actor
            if actor is None or not any(
                voice.actor.country == actor.country
                and (not actor.sectors or voice.actor.code == actor.code)
                for voice in voices
                if voice.actor is not None
            ):
                return []
        return voices

    def _protest_demands(
        self, triggers: Sequence[_Trigger], actors: DocumentActors, sentence: Any
    ) -> dict[int, tuple[_Trigger, str, list[Mention]]]:
        """ "protesters marched through Bangkok demanding the resignation of Thaksin": a
        protest is coded by what it demands (1411) and aimed at whom; the demand is not coded
        again. Maps the protest's token to (the demand, the CAMEO kind digit or "", targets).
        """
        by_token = {t.token.i: t for t in triggers}
        found: dict[int, tuple[_Trigger, str, list[Mention]]] = {}
        for protest in triggers:
            if protest.entry.code[:2] != "14" or protest.entry.pos != "verb":
                continue
            for clause in protest.token.children:
                demand = by_token.get(clause.i)
                if (
                    demand is None
                    or clause.dep_ not in ("advcl", "xcomp", "conj")
                    or demand.entry.code[:2] not in ("02", "10")
                ):
                    continue
                sources = self._sources(demand, actors)
                targets, _ = self._targets(demand, actors, sentence, sources)
                code = demand.entry.code
                if code in _GENERIC_APPEALS:
                    code = self._appeal_code(demand, actors) or code
                kind = code[3:4] if code[:3] in ("104", "024") else ""
                found[protest.token.i] = (demand, kind, targets)
                break
        return found

    def _appeal_code(self, trigger: _Trigger, actors: DocumentActors) -> str | None:
        """ "urged Iran to free the sailors", "appealed for food aid", "demanded the release
        of": an appeal or demand is coded by what it asks for (0253, 0233, 1053)."""
        token = trigger.token
        asked: list[Token] = []
        # "urged Iran to X", "called on Iran to X"; but "sought to X" is the seeker's own aim.
        addressed = any(
            c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
            for c in token.children
        )
        for child in token.children:
            # "called on Iran on Friday to free ...": the small model makes it an adverbial.
            infinitive = child.dep_ == "advcl" and has_to(child)
            if (child.dep_ == "xcomp" or infinitive) and addressed or child.dep_ == "ccomp":
                asked.append(child)
                # "urged Germany to stop hesitating and send tanks": each act asked for.
                asked.extend(c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB")
            elif child.dep_ == "dobj" and token.pos_ == "VERB":
                asked.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("for", "of"):
                asked.extend(g for g in child.children if g.dep_ == "pobj")
        # "urged them to keep negotiating": the act is the aspectual verb's complement.
        asked.extend(
            c
            for w in list(asked)
            if w.lemma_.lower() in _ASPECTUAL
            for c in w.children
            if c.dep_ == "xcomp"
        )
        # "urged both sides to return to talks": what they are asked to go back to.
        asked.extend(o for w in list(asked) for o in _destinations(w))
        for word in asked:
            if any(c.dep_ == "neg" for c in word.children):
                continue  # "urged Honiara not to sign": forgoing an act, below
            entry = self._entry_for(word, actors)
            if entry is None or entry.code[:2] in ("02", "10"):
                # "urged Iran to resume talks": a light verb's object names the action.
                entry = self._light_object_entry(word, actors)
            if entry is not None:
                derived = appeal_code(trigger.entry.code[:2], entry.code)
                if derived is not None:
                    return derived
                if addressed and entry.code[:2] in _SIDING_ROOTS:
                    # "called on the EU to impose sanctions on Russia", "urged Beijing to
                    # condemn the test": asked to side against another is asked for support
                    return trigger.entry.code[:2] + "2"
        # "urged Tokyo to withdraw them", "called on the Taliban to reverse it", "urged
        # Honiara not to sign it": asked to undo or forgo a course is asked to change policy
        # (0242, 1042); asked to stop the fighting, to de-escalate (0256, 1056).
        for word in asked:
            if word.pos_ != "VERB":
                continue
            if word.lemma_.lower() in _UNDOING:
                stopped = [
                    e
                    for c in word.children
                    if c.dep_ in ("dobj", "xcomp")
                    for e in [self._entry_for(c, actors)]
                    if e is not None
                ]
                fighting = any(
                    c.lemma_.lower() in _FIGHTING for c in word.children if c.dep_ == "dobj"
                )
                if fighting or any(e.code[:2] in ("18", "19", "20") for e in stopped):
                    return trigger.entry.code[:2] + "56"
                return trigger.entry.code[:2] + "42"
            if any(c.dep_ == "neg" for c in word.children):
                return trigger.entry.code[:2] + "42"
        return None

    def _light_object_entry(self, verb: Token, actors: DocumentActors) -> LexiconEntry | None:
        """The entry of a light verb's object: "resume talks", "carry out ethnic cleansing"."""
        if verb.lemma_.lower() not in LIGHT_VERBS:
            return None
        for obj in verb.children:
            if obj.dep_ == "dobj":
                entry = self._entry_for(obj, actors)
                if entry is not None:
                    return entry
        return None

    def _charge_code(
        self, trigger: _Trigger, actors: DocumentActors, sources: Sequence[Mention]
    ) -> str | None:
        """ "accused India of killing", "warned that Moscow was prepared to use nuclear
        weapons": an accusation or a warning is coded by the act it names."""
        token = trigger.token
        if trigger.entry.code == "112":
            accused = [c for c in token.children if c.dep_ == "dobj"]
            acts = [
                g
                for w in (token, *accused)
                for c in w.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ in ("pcomp", "pobj") and (w is token or g.dep_ == "pcomp")
            ]
            if token.lemma_.lower() == "blame":
                # "blamed Armenian forces for shelling its positions"; blamed "for the
                # attack" attributes it, the plain accusation (112)
                acts += [g for g in self._slot_tokens(token, "prep:for") if g.dep_ == "pcomp"]
            # "of crossing the border and attacking Chinese personnel"
            acts += [c for a in acts for c in a.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            for act in acts:
                if _crossing(act):
                    return "1123"  # "accused Indian troops of crossing the border"
                entry = self._entry_for(act, actors)
                if entry is None:
                    # "accused Azerbaijan of carrying out ethnic cleansing"
                    entry = self._light_object_entry(act, actors)
                if entry is not None:
                    code = _accusation_code(entry.code)
                    if code == "1123" and sources and all(_monitor(m) for m in sources):
                        code = "1122"  # "HRW accused the police of firing on crowds"
                    return code
            return None
        # A warning: look down its clause ("that Moscow was prepared to use ...") for the
        # act, which must be the warner's own: "warned that NATO would bomb" threatens nothing.
        own = {m.actor.country for m in sources if m.actor is not None}
        frontier = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
        for _ in range(3):
            following: list[Token] = []
            for clause in frontier:
                entry = self._entry_for(clause, actors)
                if entry is not None and entry.code[:2] not in ("01", "02", "10", "13"):
                    doers = {
                        m.actor.country
                        for subject in self._subjects(clause)[0]
                        for m in self._actors_of(subject, actors)
                        if m.actor is not None
                    }
                    return threat_code(entry.code) if doers & own else None
                following.extend(
                    c for c in clause.children if c.dep_ in ("ccomp", "xcomp", "acomp")
                )
            frontier = following
        return None

    def _pledge_code(self, trigger: _Trigger, actors: DocumentActors, derive: Any) -> str | None:
        """ "pledged military cooperation", "rejected calls for his release": a promise or a
        rejection is coded by the act it concerns (0312, 1243)."""
        token = trigger.token
        frontier = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "ccomp", "attr")] + [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "of", "on")
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
        for _ in range(2):
            following: list[Token] = []
            for word in frontier:
                entry = self._entry_for(word, actors)
                if entry is not None and entry.code[:2] != trigger.entry.code[:2]:
                    if entry.code[:2] in ("02", "10"):
                        # "rejected calls for his release": look at what was called for.
                        following.extend(
                            g
                            for c in word.children
                            if c.dep_ == "prep"
                            for g in c.children
                            if g.dep_ in ("pobj", "pcomp")
                        )
                        following.extend(
                            c for c in word.children if c.dep_ in ("acl", "xcomp", "ccomp", "relcl")
                        )
                        continue
                    derived: str | None = derive(entry.code)
                    if derived and derived[:2] == trigger.entry.code[:2]:
                        return derived
                    # "brushed aside objections to the trip": an act of its own (111) is what
                    # was rejected, not the trip it concerns (nor a phrase misattached).
                    return None
                following.extend(
                    g
                    for c in word.children
                    if c.dep_ == "prep" and c.lower_ in ("for", "of", "to")
                    for g in c.children
                    if g.dep_ in ("pobj", "pcomp")
                )
            frontier = following
        return None

    @staticmethod
    def _rejected_request(
        trigger: _Trigger, sources: Sequence[Mention], earlier: Sequence[Event]
    ) -> str | None:
        """ "Mubarak rejected their demand": a rejection of a request made before, in this
        sentence or the one before, aimed at the rejecter, is coded by its kind (1231)."""
        if trigger.entry.code[:2] != "12":
            return None
        if not any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in _REQUESTS
            and any(d.dep_ in ("det", "poss") for d in c.children)  # "the demand", "their call"
            for c in trigger.token.children
        ):
            return None
        countries = _countries(sources)
        for event in reversed(earlier):
            target = event.target.actor if event.target is not None else None
            if target is not None and target.country in countries:
                refused = request_refusal(event.cameo)
                if refused is not None:
                    return refused
        return None

    def _conceded(self, trigger: _Trigger, actors: DocumentActors) -> str | None:
        """ "bowed to the pressure and stepped down": a yield is coded by what was given up
        (0831), "scrapped the reform, bowing to protests" (0832)."""
        verb = trigger.token
        acts = [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ in ("conj", "advcl"):
            acts.append(verb.head)
        for act in acts:
            entry = self._entry_for(act, actors)
            if entry is not None and entry.code[:2] == "08" and entry.code != "080":
                return entry.code
        return None

    def _by_phone(self, trigger: _Trigger, actors: DocumentActors) -> bool:
        """A consultation held "in a phone call", "by telephone", "over the phone"."""
        for prep in trigger.token.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "over", "via"):
                continue
            for obj in prep.children:
                entry = self._entry_for(obj, actors)
                if obj.lower_ in ("phone", "telephone") or (entry and entry.code == "041"):
                    return True
        return False

    def _third_place(self, trigger: _Trigger, actors: DocumentActors) -> str | None:
        """The country a meeting is held in ("met on the sidelines of a summit in Colombo"),
        if the text says: the first place found down the trigger's prepositions."""

        def country(token: Token) -> str | None:
            for candidate in (
                token,
                *(c for c in token.children if c.dep_ in ("appos", "compound")),
            ):
                for mention in actors.at(candidate.i):
                    if mention.actor is not None and mention.actor.kind == "state":
                        return mention.actor.country
                if candidate.i in actors.places:
                    return actors.places[candidate.i]
            return None

        frontier = [trigger.token]
        for _ in range(4):
            following: list[Token] = []
            for host in frontier:
                for prep in host.children:
                    if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "of", "at", "during"):
                        continue
                    for obj in prep.children:
                        if obj.dep_ != "pobj":
                            continue
                        venue = obj.lemma_.lower() in _VENUES
                        if prep.lower_ == "on" and not (venue or obj.lemma_.lower() in _OCCASIONS):
                            continue  # "talks on the war in Ukraine": a topic, not a venue
                        # "in the Turkish resort of Antalya", "on the island of Sentosa"
                        named = prep.lower_ == "of" and host.lemma_.lower() in _VENUES
                        if prep.lower_ == "in" or venue or named:
                            found = country(obj)
                            if found:
                                return found
                        following.append(obj)
            frontier = following
        return None

    def _threat_kind(
        self, warning: Token, warners: Sequence[Mention], actors: DocumentActors
    ) -> str | None:
        """The kind of threat a warning makes, read from the clause it announces when that
        clause has force used by the warner's side or by no one named: 138, or 1385 for
        weapons of mass destruction. "Serbia warned that NATO would bomb Belgrade" is no
        threat by Serbia."""
        own = _countries(warners)
        words: set[str] = set()
        for clause in (c for c in warning.children if c.dep_ == "ccomp"):
            modal = any(
                a.lower_ in ("would", "will", "could", "might", "may") or a.lemma_ == "be"
                for a in clause.children
                if a.dep_ in ("aux", "auxpass")
            ) or clause.lemma_.lower() in ("be", "prepare", "ready")
            doers = [c for c in clause.children if c.dep_ == "nsubj"]
            ours = not doers or any(
                d.lower_ in ("we", "i")
                or not (found := self._actors_of(d, actors))
                or any(m.actor is not None and m.actor.country in own for m in found)
                for d in doers
            )
            if modal and ours:
                words |= {t.lemma_.lower() for t in _main_clause_words(clause)}
        if words & _WMD:
            return "1385"
        return "138" if words & _FORCE else None

    def _obligations(
        self,
        sentence: Any,
        actors: DocumentActors,
        document: Document,
        sentence_index: int,
        span: tuple[int, int],
    ) -> list[Event]:
        """ "Russia said Sudan must return the helicopter": whoever says another must act
        demands it (CAMEO 10x); "should" makes it an appeal (02x). Coded by the act named
        where the lexicon knows it, else the generic 100 / 020."""
        found: list[Event] = []
        words = sentence.text.lower()
        if "must" not in words and "should" not in words:
            return found
        for verb in sentence:
            modal = next(
                (c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in _OBLIGING),
                None,
            )
            if modal is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            reading = read_modality(verb)
            if reading.speaker is None or reading.modality.negated:
                continue
            speakers = self._actors_of(reading.speaker, actors)
            doers = [
                m for subject in self._subjects(verb)[0] for m in self._actors_of(subject, actors)
            ]
            if not speakers or not doers:
                continue
            family = _OBLIGING[modal]
            entry = self._entry_for(verb, actors) or next(
                (
                    e
                    for o in verb.children
                    if o.dep_ == "dobj"
                    for e in (self._entry_for(o, actors),)
                    if e is not None
                ),
                None,
            )
            code = (appeal_code(family, entry.code) if entry else None) or family + "0"
            speech = reading.speaker.head
            saying = _Trigger(
                speech,
                LexiconEntry(id=f"say-{modal}", lemmas=(speech.lemma_.lower(),), code=code),
                None,
            )
            modality = read_modality(speech).modality
            speaker = speakers[0]
            found.extend(
                self._event(
                    document, sentence_index, span, saying, speaker, doer, code, modality, None, 0.7
                )
                for doer in _unique(doers)
                if not _same(doer, speaker)
            )
        return found

    def _allegation(
        self,
        document: Document,
        sentence_index: int,
        span: tuple[int, int],
        trigger: _Trigger,
        sources: Sequence[Mention],
        quoted: Mention,
        reading: Any,
    ) -> list[Event]:
        """ "The US claimed that ISIL had attacked Iraq": to allege violence is to accuse
        (CAMEO 112), from the one who alleges to the one alleged to have done it. A rights
        monitor that finds or reports abuses ("Amnesty says protesters were killed by the
        army") accuses the perpetrators of them (1122; of war crimes, 1124)."""
        verb = reading.speaker.head
        lemma, act = verb.lemma_.lower(), trigger.entry.code
        if act[:2] not in _VIOLENT_ROOTS:
            return []
        if lemma in _ALLEGING:
            code, rule = "112", "allege-violence"
        elif lemma in _FINDING and _monitor(quoted):
            code, rule = ("1124" if act[:2] == "20" else "1122"), "monitor-finding"
        else:
            return []
        accused = [m for m in _unique(sources) if not _same(m, quoted)]
        alleging = _Trigger(verb, LexiconEntry(id=rule, lemmas=(lemma,), code=code), None)
        modality = read_modality(verb).modality
        return [
            self._event(
                document, sentence_index, span, alleging, quoted, target, code, modality, None, 0.7
            )
            for target in accused
        ]

    def _emit(
        self,
        events: list[Event],
        seen: set[tuple[str | None, str | None, str, int]],
        where: tuple[Document, int, tuple[int, int]],
        trigger: _Trigger,
        source: Mention,
        target: Mention,
        code: str,
        *,
        anchor: int,
        modality: Modality,
        quoted: Mention | None,
        confidence: float,
    ) -> bool:
        """Add the event unless the same actors and code came from the same word (``anchor``)
        already; whether it was added."""
        key = (source.code, target.code, code, anchor)
        if key in seen:
            return False
        seen.add(key)
        document, sentence_index, span = where
        events.append(
            self._event(
                document,
                sentence_index,
                span,
                trigger,
                source,
                target,
                code,
                modality,
                quoted,
                confidence,
            )
        )
        return True

    def _event(
        self,
        document: Document,
        sentence_index: int,
        span: tuple[int, int],
        trigger: _Trigger,
        source: Mention,
        target: Mention | None,
        code: str,
        modality: Modality,
        quoted: Mention | None,
        confidence: float,
    ) -> Event:
        token = trigger.token
        start = int(token.idx)
        citation = document.citation_at(start)
        goldstein, quad, plover_type, mode, context = (
            self._describe(code) if self._describe else (0.0, 0, "", "", "")
        )
        return Event(
            doc_id=document.id,
            sentence_index=sentence_index,
            sentence_span=span,
            source=source,
            target=target,
            cameo=code,
            trigger=token.text,
            trigger_span=(start, start + len(token.text)),
            goldstein=goldstein,
            quad_class=quad,
            plover_type=plover_type,
            plover_mode=mode,
            plover_context=context,
            cited_sources=citation.sources if citation else (),
            modality=modality,
            quoted=quoted,
            confidence=round(trigger.entry.confidence * confidence, 3),
            rule=trigger.entry.id,
            lexicon_version=self.lexicon.version,
            coder_version=CODER_VERSION,
        )


# "said its jets had not entered Estonian airspace": a denial the lexicon cannot see.
_OWN_DENIAL = LexiconEntry(id="denied-own-deed", lemmas=("say",), code="016", confidence=0.7)
_DENIABLE_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})

# "visiting President Lula", met by his host: a visit the lexicon cannot see as a verb.
_GUEST = LexiconEntry(id="visiting-guest", lemmas=("visiting",), code="042", confidence=0.8)


def _visiting(doc: Any, mention: Mention) -> Token | None:
    """The "visiting" that makes a mention a guest ("visiting Brazilian President Lula")."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return next((t for t in words or () if t.lower_ == "visiting" and t.dep_ == "amod"), None)


def _agentless_subject(trigger: _Trigger) -> bool:
    """ "The signing of the treaty by X and Y was welcomed": the subject of a passive that
    names no doer is an event of its own, not the object of one."""
    noun = trigger.carrier if trigger.carrier is not None else trigger.token
    governor = trigger.governor
    return (
        noun.dep_ == "nsubjpass"
        and governor is not None
        and not any(c.dep_ == "agent" for c in governor.children)
    )


def _reduced_passive(verb: Token) -> bool:
    """ "the civilians imprisoned for ...": a past participle describing a noun."""
    # A participle with an object, or hanging from a noun that heads the whole sentence, is
    # the small model misreading a main verb: "The coalition threatened on Monday to ...".
    return bool(
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ != "ROOT"
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)
    )


def _each_other(verb: Token) -> bool:
    """ "accused each other", "fought one another", "each side accused the other": the
    subjects act on one another."""
    each = any(
        c.dep_ == "nsubj" and any(g.lower_ == "each" for g in c.children) for c in verb.children
    )
    return any(
        c.dep_ in ("dobj", "dative")
        and c.lower_ in ("other", "another")
        and (each or any(g.lower_ in ("each", "one") for g in c.children))
        for c in verb.children
    )


def _is_time_phrase(prep: Token) -> bool:
    """ "on Monday", "in March": a time adjunct, not the phrase an entry asks for ("a
    strike on Monday" is no strike on a place)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _bare_passive(verb: Token) -> bool:
    """ "... and were released by Putin": a coordinated passive whose subject is shared."""
    return bool(
        verb.dep_ == "conj"
        and any(c.dep_ in ("auxpass", "agent") for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


# Appeals and demands whose code the action asked for can narrow.
_GENERIC_APPEALS = frozenset({"020", "100"})
# Accusations and warnings whose code the act they name can narrow.
_GENERIC_CHARGES = frozenset({"112", "130"})
# Entries whose pledge, when it names no act, is a deal concluded (057), as the gold sets'
# writers code "reached an agreement".
_CONCLUDING_ENTRIES = frozenset({"reach-agreement.v", "reach-agreement-phrasal.v"})
# Promises and rejections, narrowed by the act they concern.
_GENERIC_PLEDGES = {"030": intent_code, "120": refusal_code}


# Weapons named with an attack give CAMEO's sub-code: small arms, artillery, air.
_WEAPONS = {
    # Named agents or "chemical weapons" only: a "chemical plant" attacked is no gas attack.
    "2041": frozenset(
        {
            "sarin",
            "chlorine",
            "mustard gas",
            "nerve agent",
            "vx",
            "novichok",
            "poison gas",
            "toxic gas",
            "chemical weapon",
            "chemical weapons",
            "chemical munitions",
        }
    ),  # fmt: skip
    "1831": frozenset({"suicide", "suicide bomb", "suicide bomber", "suicide bombers"}),
    "1832": frozenset({"car bomb", "car bombs", "car-bomb", "truck bomb", "vehicle bomb"}),
    "1833": frozenset({"roadside bomb", "roadside bombs", "roadside mine", "ied", "ieds"}),
    "193": frozenset(
        {
            "gun",
            "guns",
            "gunfire",
            "rifle",
            "rifles",
            "sniper",
            "snipers",
            "bullet",
            "bullets",
            "machine-gun",
            "machinegun",
            "pistol",
            "pistols",
            "grenade",
            "grenades",
            "kalashnikov",
        }
    ),
    "194": frozenset(
        {
            "artillery",
            "tank",
            "tanks",
            "mortar",
            "mortars",
            "shell",
            "shells",
            "shelling",
            "howitzer",
            "howitzers",
            "cannon",
            "cannons",
            "gunboat",
            "gunboats",
            "warship",
            "warships",
        }
    ),
    # Drones before aircraft: "a drone strike" is CAMEO 2.0's remotely piloted munitions.
    "1952": frozenset({"drone", "drones", "uav", "uavs"}),
    "195": frozenset(
        {
            "missile",
            "missiles",
            "rocket",
            "rockets",
            "airstrike",
            "airstrikes",
            "aircraft",
            "warplane",
            "warplanes",
            "jet",
            "jets",
            "helicopter",
            "helicopters",
            "gunship",
            "gunships",
            "bomber",
            "bombers",
        }
    ),
}


def _street_protest(trigger: Token) -> bool:
    """ "Thousands protested in Tel Aviv": a protest in a place, or by a crowd, is a
    demonstration (CAMEO 141), not a verbal protest."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "outside", "near", "across", "through"):
            return True
        if child.dep_ == "nsubj" and (
            child.pos_ == "NUM" or child.lower_ in ("thousands", "hundreds", "tens", "crowds")
        ):
            return True
    return False


def _light_objects(verb: Token) -> list[Token]:
    """ "agreed to hold talks": the event nouns a light verb carries."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


def _against_policy(protest: Token, governor: Token | None) -> bool:
    """ "a strike against Macron's plan", "staged strikes in protest at the pension reform":
    what a protest is against is a policy. The phrase may hang from the protest's verb."""
    hosts = [protest] if governor is None else [protest, governor]
    opposed = _prep_objects(hosts, ("against", "over"))
    protests = [n for n in _prep_objects(hosts, ("in",)) if n.lemma_.lower() == "protest"]
    opposed += _prep_objects(protests, ("at", "against", "over"))  # "in protest at ..."
    # "against the removal of fuel subsidies": the policy is named with "of"
    opposed += _prep_objects(opposed, ("of",))
    return any(
        word.lemma_.lower() in _POLICY_NOUNS
        or any(m.lemma_.lower() in _POLICY_NOUNS for m in word.children if m.dep_ == "compound")
        for word in opposed
    )


def _particle_in(verb: Token) -> Token | None:
    """The "in" of "hauled in the envoy", parsed as a preposition: right after a verb that
    has no direct object."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.lower_ == "in" and after.head is verb and after.dep_ == "prep":
        return after
    return None


def _judged_clause(verb: Token) -> Token | None:
    """ "burning villages in what the U.N. called ethnic cleansing": the act judged is the
    clause the phrase hangs on."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
        return None
    clause = verb.head.head
    if clause.pos_ == "NOUN" and clause.dep_ in ("dobj", "pobj"):
        clause = clause.head  # "killing 18 people in what ...": the parser picks the noun
    return clause if clause.pos_ == "VERB" else None


def _complement_lemmas(verb: Token) -> set[str]:
    """What the object is called: "called the move unacceptable", "branded it an act of
    war", "described the vote as a farce"."""
    complements = [c for c in verb.children if c.dep_ in ("oprd", "attr", "acomp", "xcomp")]
    complements += _as_complements(verb)
    complements += [
        o
        for o in verb.children
        if o.dep_ == "dobj" and any(_quote_possessive(g) for g in o.children)
    ]
    # "called the decision completely unjustified": the small model may hang the judgement
    # on the noun, after it
    complements += [
        a for o in verb.children if o.dep_ == "dobj" for a in o.rights if a.dep_ == "amod"
    ]
    # "called the build-up 'unjustified, unexplained and deeply concerning'"
    complements += [g for c in complements for g in c.children if g.dep_ == "conj"]
    complements += _prep_objects(complements, ["of"])  # "an act of war"
    found: set[str] = set()
    for word in complements:
        found.add(word.lemma_.lower())
        found |= _modifier_lemmas(word)
    return found


def _aims_in_object(verb: Token) -> list[Token]:
    """ "launched drones and waves of missiles towards Israel": the aim of what was thrown
    may hang anywhere in the object phrase."""
    return [
        t
        for o in verb.children
        if o.dep_ == "dobj"
        for t in o.subtree
        if t.dep_ == "prep" and t.lower_ in _AIMING
    ]


def _quote_possessive(word: Token) -> bool:
    """ "the measures 'economic retaliation'": a noun the parser made possessive because a
    quotation mark follows it."""
    return word.dep_ == "poss" and any(
        c.dep_ == "case" and c.tag_ in ("``", "''") for c in word.children
    )


def _as_complements(verb: Token) -> list[Token]:
    """ "described the vote as a farce"; the small model may hang the "as" on the object and
    an adjective on the "as" itself ("described the detentions as 'arbitrary'")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [
        g
        for w in [verb, *objects]
        for c in w.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ in ("pobj", "amod", "acomp")
    ]


def _modifier_lemmas(word: Token) -> set[str]:
    """ "military aid", "war crimes", "crimes against humanity": the lemmas of the words
    naming a noun's kind."""
    kinds = {m.lemma_.lower() for m in word.children if m.dep_ in ("compound", "amod")}
    kinds.update(
        g.lemma_.lower()
        for g in _prep_objects([word], ["against"])
        if g.lemma_.lower() == "humanity"
    )
    return kinds


def _prep_objects(words: Sequence[Token], preps: Sequence[str]) -> list[Token]:
    """The objects of the words' prepositions among ``preps``: "against the reform"."""
    return [
        g
        for w in words
        for c in w.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


# What a warning says will happen, by the CAMEO threat it makes: "warned that Moscow was
# prepared to use nuclear weapons" (1385), "... would be met with fire and fury" (138).
_WMD = frozenset({"nuclear", "chemical", "biological", "atomic"})
_FORCE = frozenset(
    {
        "attack", "strike", "invade", "invasion", "war", "offensive", "fire", "fury", "force",
        "bomb", "bombing", "retaliate", "retaliation", "revenge", "destroy", "annihilate",
        "missile", "missiles", "troops", "military",
    }
)  # fmt: skip


def _main_clause_words(clause: Token) -> Iterator[Token]:
    """The clause's words without its conditions and purposes: in "would face sanctions if
    it invaded", the invasion is the condition, not the threat."""
    yield clause
    for child in clause.children:
        if child.dep_ not in ("advcl", "mark", "nsubj", "nsubjpass"):
            yield from child.subtree


_GOING_BACK = frozenset({"return", "go", "come", "get"})


def _destinations(verb: Token) -> list[Token]:
    """What a verb of going back goes back to: "return to talks"."""
    return _prep_objects([verb], ("to",)) if verb.lemma_.lower() in _GOING_BACK else []


_INQUIRIES = frozenset({"investigation", "probe", "inquiry", "enquiry"})


def _investigative(verb: Token) -> bool:
    """A search or raid done "as part of an investigation" or "in a probe" is the
    investigation's act (CAMEO 091), not coercion."""
    for noun in _prep_objects([verb], ("as", "in")):
        if noun.lemma_.lower() in _INQUIRIES:
            return True
        inner = _prep_objects([noun], ("of",)) if noun.lemma_.lower() == "part" else []
        if any(o.lemma_.lower() in _INQUIRIES for o in inner):
            return True
    return False


def _invited(verb: Token) -> bool:
    """Forces sent "at the request of" a government or "to help" it are protection (074),
    not a show of force (154)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "at":
            if any(g.lemma_.lower() in _INVITATIONS for g in child.children):
                return True
        elif child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in _HELPING:
            return True
    return False


_DECIDING = frozenset({"agree", "decide", "vote", "resolve"})


def _decided(verb: Token, code: str) -> bool:
    """A coercive act a body agreed or voted to take is taken (CAMEO has no intent to
    coerce; announcing one is a threat, deciding on it is the act)."""
    return (
        code[:2] != "13"
        and intent_code(code)[:2] == "13"
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _DECIDING
    )


_HOSTING = frozenset({"host", "receive", "welcome", "invite"})
_SPACES = frozenset({"airspace", "water", "waters"})
_WATCHING = frozenset({"intercept", "shadow", "tail", "escort", "track"})
_VESSELS = frozenset(
    {"ship", "vessel", "boat", "trawler", "tanker", "warship", "frigate", "ferry", "craft"}
    | {"cutter", "patrol", "dinghy", "barge", "freighter"}
)


def _object_sharer(verb: Token) -> Token | None:
    """ "rammed and boarded the boats": the verb after "and" that holds the object of a
    verb that has none."""
    if verb.pos_ != "VERB" or any(
        c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in verb.children
    ):
        return None
    if not any(c.dep_ == "cc" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)


# The kind of aid cut, by the words naming it: "security assistance", "budget support".
_AID_KINDS = (
    (
        "1622",
        frozenset({"military", "security", "defence", "defense", "weapon", "weapons", "arms"}),
    ),
    ("1623", frozenset({"humanitarian", "food", "relief"})),
    (
        "1621",
        frozenset(
            {"economic", "budget", "development", "financial", "funding", "fund", "funds"}
            | {"loan", "loans", "subsidy", "subsidies", "investment", "budgetary"}
        ),
    ),
)


def _agreed_act(verb: Token) -> bool:
    """ "reached a consensus to exchange information": the deal names an act to come."""
    return any(
        a.dep_ == "acl" and a.tag_ == "VB" and has_to(a)
        for o in verb.children
        if o.dep_ == "dobj"
        for a in o.children
    )


def _aid_kind(objects: set[str]) -> str | None:
    """ "suspended $2 billion in security assistance": military aid stopped is 1622,
    economic 1621, humanitarian 1623."""
    return next((code for code, words in _AID_KINDS if objects & words), None)


def _aimed_at_vessels(verb: Token) -> bool:
    """ "fired a water cannon at a Philippine boat": what was aimed at is a ship."""
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(g.lemma_.lower() in _VESSELS for g in _prep_objects(hosts, [*_AIMING, "on"]))


def _announced_expulsion(verb: Token, code: str) -> bool:
    """ "Britain will expel 23 Russian diplomats": a government announcing that it expels
    envoys or closes a mission has taken the step; only a condition ("would expel them
    unless ...") makes it a threat."""
    return (
        code[:3] == "161"
        and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)
        and not any(
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for c in verb.children
        )
    )


_PEACEKEEPING = frozenset({"peacekeeper", "peacekeepers", "peacekeeping", "peace-keeping"})


def _keeping_peace(verb: Token) -> bool:
    """Forces arriving invited, to help, or as or with peacekeepers ("landed in East Timor at
    the head of a multinational peacekeeping force"): protection (074)."""
    if _invited(verb):
        return True
    words = (w for c in verb.children if c.dep_ in ("nsubj", "prep") for w in c.subtree)
    return any(w.lemma_.lower() in _PEACEKEEPING or w.lower_ in _PEACEKEEPING for w in words)


def _military_objects(hosts: Sequence[Token]) -> bool:
    """ "struck military targets", "pounded army positions": what was hit is named as the
    armed forces' own."""
    return any(
        c.dep_ == "dobj" and any(m.lower_ in _MILITARY_MODIFIERS for m in c.children)
        for host in hosts
        for c in host.children
    )


def _toll(verb: Token, attacks: set[int]) -> bool:
    """ "opened fire on protesters, killing six": a participle counting the harmed, hung on
    a verb already coded as an attack, reports its toll rather than an attack of its own."""
    return (
        verb.lemma_.lower() in _HARMED
        and verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "conj", "xcomp")
        and verb.head.i in attacks
    )


def _mass_toll(verb: Token) -> bool:
    """ "killed hundreds of villagers", "killing at least 80 people", "scores of people": a
    count of fifty or more makes a killing of civilians a mass killing (CAMEO 202)."""
    if verb.lemma_.lower() != "kill":
        return False
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        v.lower_ in _MASS_COUNTS or any(_count(n) >= 50 for n in v.children if n.dep_ == "nummod")
        for v in victims
    )


def _count(number: Token) -> int:
    """A number written in digits ("8,000", "114"); 0 where it is none."""
    digits = number.text.replace(",", "")
    return int(digits) if digits.isdigit() else 0


def _weapon_code(trigger: Token, code: str) -> str | None:
    """ "attacked the town with artillery", "drones struck the base", "detonated a car
    bomb": the weapon narrows an attack (193-195, 1831-1833, 2041). A clause reporting
    the toll ("..., killing nine") takes the weapon of the attack it follows."""
    words = _weapon_words(trigger)
    if trigger.dep_ == "advcl" and trigger.head.pos_ == "VERB":
        words |= _weapon_words(trigger.head)
    for narrow, weapons in _WEAPONS.items():
        if narrow == "1952" and (words | _also_fired(trigger)) & _WEAPONS["195"]:
            continue  # "drones and cruise missiles": aerial weapons of more than one kind
        if words & weapons and (code == "190" or narrow[:3] == code or narrow == "2041"):
            return narrow
    return None


def _also_fired(trigger: Token) -> set[str]:
    """ "launched drones and waves of cruise missiles": what else the object names."""
    also = [
        conj
        for o in trigger.children
        if o.dep_ == "dobj"
        for conj in o.children
        if conj.dep_ == "conj"
    ]
    return {w.lower_ for w in [*also, *_prep_objects(also, ["of"])]}


def _weapon_words(trigger: Token) -> set[str]:
    """Words naming the weapon of an act: its instrument, subject or object, with their
    modifiers, alone and as pairs ("car bomb"), and what the object contains ("sarin")."""
    named: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("with", "using", "by", "from"):
            named.extend(obj for obj in child.children if obj.dep_ == "pobj")
        elif child.dep_ in ("nsubj", "dobj", "npadvmod"):
            named.append(child)
    words: set[str] = set()
    for word in named:
        words.add(word.lower_)
        # "anti-aircraft batteries", "anti-tank missiles": the modifiers name the enemy's arm.
        against = any(g.lower_.startswith("anti") for g in word.lefts)
        for g in word.children:
            if g.dep_ in ("compound", "amod") and not against:
                words.update((g.lower_, f"{g.lower_} {word.lower_}"))
            elif g.dep_ == "acl":  # "bombs containing sarin"
                words.update(o.lower_ for o in g.children if o.dep_ == "dobj")
    return words


def _inspectorate(mention: Mention) -> bool:
    """The UN's nuclear and chemical weapons inspectors, or anyone called an inspector."""
    code = mention.code or ""
    return code.startswith(("IGOUNOIAE", "IGOOPW")) or "inspector" in mention.text.lower()


def _told_to_leave(verb: Token) -> bool:
    """ "gave US diplomats 72 hours to leave the country": the deadline expels envoys."""
    envoys = any(
        c.dep_ in ("dative", "dobj", "iobj") and c.lemma_.lower() in _ENVOYS for c in verb.children
    )
    return envoys and any(
        w.lemma_.lower() in ("leave", "depart", "quit", "exit") for w in verb.subtree
    )


def _charged(accusation: Event, noun: Token, doc: Any) -> bool:
    """Whether an accusation names the deed ``noun`` names: "accusing Tehran of orchestrating
    a cyberattack" ... "the attack"."""
    span = doc.char_span(*accusation.trigger_span)
    if span is None or not len(span):
        return False
    lemma = noun.lemma_.lower()
    return any(
        word.i > span[0].i and word.lemma_.lower().endswith(lemma)
        for word in span[0].subtree
        if word.pos_ in ("NOUN", "VERB")
    )


def _reaction(code: str) -> bool:
    """Statements, appeals, praise and criticism: what answers an act rather than is one."""
    return code[:2] in ("01", "02", "11", "12") or code[:3] == "051"


def _monitor(mention: Mention) -> bool:
    """A human-rights organisation (Amnesty, HRW), whose findings of abuse accuse; a UN
    envoy or agency that reports killings is reporting them."""
    code = mention.code or ""
    return code.startswith("NGO") and "HRI" in code


# What an alleged crossing enters ("the line of control", "its airspace")
_CROSSED_GROUND = frozenset(
    {"border", "frontier", "boundary", "line", "lac", "loc", "airspace", "territory", "waters"}
)


def _crossing(act: Token) -> bool:
    """ "crossing the border", "crossing into the other's territory", "violating its
    airspace", "sending troops across the border": entering another's ground, an act of
    aggression when alleged."""
    if any(
        c.dep_ == "prep" and c.lower_ in ("across", "into") and g.lemma_.lower() in _CROSSED_GROUND
        for c in act.children
        for g in c.children
    ):
        return True
    if act.lemma_.lower() not in ("cross", "violate", "intrude", "infiltrate", "enter"):
        return False
    into = any(c.dep_ == "prep" and c.lower_ == "into" for c in act.children)
    return into or any(
        c.dep_ == "dobj" and (c.lemma_.lower() in _CROSSED_GROUND or c.lower_ in _CROSSED_GROUND)
        for c in act.children
    )


def _accusation_code(code: str) -> str | None:
    """CAMEO's accusation sub-codes by the act alleged: abuse of people (1122), aggression
    (1123), war crimes (1124)."""
    if code[:2] == "17" or code[:3] == "182":
        return "1122"
    if code[:2] in ("18", "19"):
        return "1123"
    if code[:2] == "20":
        return "1124"
    return None


def _judgement_charge(verb: Token) -> str | None:
    """ "called the strikes an act of aggression", "condemned the killings as genocide": a
    judgement naming an aggression or a war crime accuses of it (1123, 1124)."""
    named = _complement_lemmas(verb)
    if {"genocide", "cleansing", "humanity"} & named or {"war", "crime"} <= named:
        return "1124"
    # (not "an act of war", "an occupation" or "a massacre", which the sets' writers read
    # as criticism as often as not)
    if "aggression" in named:
        return "1123"
    return None


_FORCES = frozenset({"COP", "MIL", "GOV", "SPY"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "SPY"})
_DISSENT = frozenset({"OPP"})
_ARMED_GROUPS = frozenset({"REB", "INS", "SEP", "UAF", "CRM"})
_RULERS = frozenset({"LEG", "JUD"})
# Whom a government commands: its own forces, police, officials and state firms
_COMMANDED = _STATE_SECTORS | {"COP", "BUS"}
# People who bear no arms: force used on them is violence against civilians, not war
_UNARMED = frozenset({"CVL", "EDU", "MED", "HLH", "LAB", "REF", "IMG", "REL", "AGR", "NGO"})


_CLAIMED_ROOTS = frozenset({"17", "18", "19", "20"})


def _denied_to(
    code: str,
    modality: Modality,
    speaker: Mention,
    doers: Sequence[Mention],
    targets: Sequence[Mention],
    prior: tuple[int, Sequence[Event], Sequence[Event]],
) -> list[Mention]:
    """ "Russia's defence ministry said its jets had not violated anyone's airspace": saying
    one's own side did not do a hostile deed denies it, to whoever accused the speaker or
    else to those the deed would have been done to; "said it would not attack" is a vow."""
    if (
        not modality.negated
        or modality.future
        or modality.hypothetical
        or code[:2] not in _DENIABLE_ROOTS
        or speaker.actor is None
        or speaker.actor.country not in _countries(doers)
    ):
        return []
    sentence_index, history, events = prior
    own = _countries([speaker])
    return _accusers([speaker], sentence_index, [*history, *events]) or [
        t for t in targets if t.actor is not None and _other_side(t, own)
    ]


# Acts against another that a third party may be asked to join: criticism, pressure,
# sanctions (an appeal for them is an appeal for diplomatic support, 022 / 102)
_SIDING_ROOTS = frozenset({"11", "16"})


def _sent_to_own(code: str, source: Mention, target: Mention) -> bool:
    """ "promised to send FBI investigators", "sent navy ships": what a state sends or
    pledges abroad is its own people or things, named as the object, not the recipient."""
    material = code[:2] in ("06", "07") or code[:3] in ("031", "033")
    return (
        material
        and source.actor is not None
        and target.actor is not None
        and source.actor.country == target.actor.country
        and source.actor.code != target.actor.code
    )


# Verbs of getting in touch: "telephoned Ardern to offer condolences"
_CONTACTING = frozenset({"telephone", "phone", "call", "ring", "write", "cable", "visit", "meet"})

# Aid given or offered where a disaster is reported is humanitarian aid.
_HUMANITARIAN = {"033": "0333", "070": "073"}
_DISASTERS = frozenset(
    {"earthquake", "quake", "flood", "flooding", "cyclone", "typhoon", "hurricane", "tsunami"}
    | {"drought", "famine", "landslide", "mudslide", "eruption", "wildfire", "storm"}
)


def _after_disaster(sentence: Any) -> bool:
    """Whether the text up to the end of this sentence reports a natural disaster."""
    return any(t.lemma_.lower() in _DISASTERS for t in sentence.doc[: sentence.end])


def _armed_group(mention: Mention) -> bool:
    return mention.actor is not None and bool(set(mention.actor.sectors) & _ARMED_GROUPS)


def _last_attack_targets(
    claimants: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> list[Mention]:
    """ "Gunmen killed 58 tourists in Luxor ... Gamaa Islamiya claimed responsibility": a
    claim naming no deed owns the last attack reported in its sentence or the three before,
    whoever was said to carry it out, and is made to those it harmed."""
    own = _countries(claimants)
    attacks = [
        e
        for e in history
        if e.sentence_index >= sentence_index - 3
        and e.cameo[:2] in _CLAIMED_ROOTS
        and e.modality.factual
        and e.target is not None
        and e.target.actor is not None
        and e.target.actor.country not in own
    ]
    if not attacks:
        return []
    last = attacks[-1]
    return _unique([e.target for e in attacks if e.trigger_span == last.trigger_span and e.target])


def _accusers(
    deniers: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> list[Mention]:
    """ "South Korea accused the North of sinking the ship. Pyongyang denied it": a denial
    that names no one answers the last accusation aimed at the denier in its sentence or the
    three before, or else the last one of its sentence or the one before; and all who made
    it together ("Britain and the United States blamed Russia")."""
    countries = _countries(deniers)
    earlier = [
        e
        for e in history
        if e.sentence_index >= sentence_index - 3
        and e.cameo[:3] == "112"
        and not e.modality.negated
        and not any(_same(e.source, d) or _home(e.source, d) for d in deniers)
    ]
    # An accusation aimed at the denier may come a few sentences before ("HRW accused the
    # RSF ... The RSF denied ..."); one aimed at no one named only just before.
    aimed = [
        e
        for e in earlier
        if e.target is not None
        and e.target.actor is not None
        and e.target.actor.country in countries
    ]
    recent = [e for e in earlier if e.sentence_index >= sentence_index - 1]
    candidates = aimed or recent
    return _joint_makers(candidates, candidates[-1]) if candidates else []


def _judicial(mention: Mention) -> bool:
    """A court or a body that rules on disputes: the ICJ, the ICC, the WTO."""
    actor = mention.actor
    return (
        actor is not None and actor.kind == "igo" and ("JUD" in actor.code or "WTO" in actor.code)
    )


def _before_a_court(verb: Token, actors: DocumentActors) -> bool:
    """A complaint lodged at, with or before a court or the WTO is a legal case (115)."""
    complaints = [c for c in verb.children if c.dep_ == "dobj"]
    venues = _prep_objects([verb, *complaints], ("at", "with", "before", "to"))
    return any(_judicial(m) for v in venues for m in actors.at(v.i))


def _goods(verb: Token) -> list[Token]:
    """The object phrase of a verb of receiving: "delivery of four helicopters and arms"."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [o for g in found for o in _prep_objects([g], ["of"])]
    return found + [c for g in found for c in g.children if c.dep_ == "conj"]


def _trade_partners(verb: Token) -> list[Token]:
    """The seller or buyer named by the infinitive of a deal signed: "signed contracts to buy
    fighter jets from Russia" (hanging on the verb or on the contract)."""
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    clauses = [
        c
        for host in hosts
        for c in host.children
        if c.dep_ in ("xcomp", "advcl", "acl", "relcl")
        and c.lemma_.lower() in _TRADE_PARTNER_PREPS
        and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
    ]
    # "to buy 24 jets and 53 helicopters from Russia": the seller may hang on the goods
    heads = [
        (clause, head)
        for clause in clauses
        for goods in [c for c in clause.children if c.dep_ == "dobj"]
        for head in (clause, goods, *(c for c in goods.children if c.dep_ == "conj"))
    ] or [(clause, clause) for clause in clauses]
    return [
        obj
        for clause, head in heads
        for prep in head.children
        if prep.dep_ in ("prep", "dative")
        and prep.lower_ == _TRADE_PARTNER_PREPS[clause.lemma_.lower()]
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _joint_makers(events: Sequence[Event], chosen: Event) -> list[Mention]:
    """The sources of ``chosen`` and of the events done with it: of its sentence, at its
    target ("Britain and the United States blamed Russia")."""
    target = _target_code(chosen)
    return _unique(
        e.source
        for e in events
        if e.sentence_index == chosen.sentence_index and _target_code(e) == target
    )


def _presser(
    yielders: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> Mention | None:
    """ "X urged Morales to resign. Morales bowed to the pressure": a yield that names no one
    answers the last appeal, demand, threat or protest aimed at the yielder."""
    for event in reversed(_recent(history, sentence_index)):
        if (
            event.cameo[:2] in ("02", "10", "13", "14")
            and event.target is not None
            and any(_same(event.target, y) for y in yielders)
            and not any(_same(event.source, y) for y in yielders)
            and not event.modality.negated
        ):
            return event.source
    return None


_ACCUSING = frozenset({"accuse", "blame", "allege"})
# Words of a vow to hit back: "vowed to respond", "said it would retaliate", "warned of
# serious consequences", "vowed revenge".
_RETALIATION = frozenset(
    {
        "respond",
        "response",
        "retaliate",
        "retaliation",
        "revenge",
        "vengeance",
        "avenge",
        "reprisal",
        "retribution",
        "countermeasure",
        "counter-measure",
        "consequence",
        "punish",
        "punishment",
        "price",
        "unanswered",
        "unpunished",
    }
)


def _retaliating(verb: Token) -> bool:
    """Whether a threat is a vow to hit back, in the verb or what it vows (not in a
    condition: "would retaliate if attacked" is one, "if the West responds" is not)."""
    words = {verb.lemma_.lower()}
    frontier = [verb]
    for _ in range(3):
        frontier = [
            c
            for t in frontier
            for c in t.children
            if c.dep_ not in ("advcl", "ccomp", "nsubj", "nsubjpass", "mark", "conj")
        ]
        words |= {c.lemma_.lower() for c in frontier}
    return bool(words & _RETALIATION)


# What a reported copula lays at its subject's door: "said Iran was behind the attack",
# "believed Russia was responsible for it".
_BLAME_WORDS = frozenset({"behind", "responsible"})


def _blame_words(clause: Token) -> set[str]:
    """The words of ``_BLAME_WORDS`` a copular clause uses ("was behind", "responsible for")."""
    if clause.lemma_ != "be":
        return set()
    found = {c.lower_ for c in clause.children if c.dep_ == "prep" and c.lower_ == "behind"}
    found.update(
        c.lower_
        for c in clause.children
        if c.dep_ == "acomp"
        and c.lower_ == "responsible"
        and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children)
    )
    return found


def _warned_own_response(verb: Token) -> bool:
    """ "Seoul warned that it would retaliate", "warned that the strikes would not go
    unanswered": a warning whose clause vows hitting back (not "that sanctions would follow")."""
    if verb.lemma_.lower() not in ("warn", "threaten"):
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        # Whose response it is the targets say: "warned that Russia would retaliate" has one.
        if any(c.dep_ == "nsubj" for c in clause.children) and _retaliating(clause):
            return True
    return False


def _provoker(
    threateners: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> Mention | None:
    """ "Britain expelled 23 Russian diplomats. Moscow vowed to retaliate": a vow to hit back
    that names no one answers the last hostile act (verbal or material conflict) aimed at
    the vower's country, in its sentence or the one before. The rule of the mention says
    whether that act used force, which makes the vow a threat of force (138)."""
    countries = _countries(threateners)
    for event in reversed(_recent(history, sentence_index)):
        target = event.target
        if (
            event.quad_class in (3, 4)
            and not (event.modality.negated or event.modality.hypothetical)
            and target is not None
            and target.actor is not None
            and target.actor.country in countries
            and event.source.actor is not None
            and event.source.actor.country not in countries
        ):
            source, country_code = event.source, event.source.actor.country
            if event.cameo[:2] not in _ATTACK_ROOTS or country_code == UNKNOWN_COUNTRY:
                return replace(source, rule=f"{source.rule}+provoked+act")
            # "Indian jets struck ... Islamabad vowed to respond": hitting back at the country
            country = make_actor(country_code, (), kind="state")
            return replace(source, actor=country, rule=f"{source.rule}+provoked+force")
    return None


def _brokered_parties(
    mediators: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> list[Mention]:
    """ "Hamas freed hostages and Israel released prisoners, according to Qatar, which
    brokered the agreement": the parties are those who acted in this sentence, or else in
    the one before ("... fought for Malakal. IGAD, which brokered the truce, ...")."""
    recent = [
        e
        for e in _recent(history, sentence_index)
        if not e.modality.negated and not any(_same(e.source, m) for m in mediators)
    ]
    here = [e for e in recent if e.sentence_index == sentence_index]
    return _unique(e.source for e in (here or recent))


def _warring_sides(
    appealers: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> list[Mention]:
    """Both sides of the last fight reported, in this sentence or the one before, that the
    appealers are no party to."""
    own = _countries(appealers) | {m.actor.code for m in appealers if m.actor is not None}
    for event in reversed(_recent(history, sentence_index)):
        if event.cameo[:2] not in ("19", "20") or event.target is None:
            continue
        if event.modality.negated or event.modality.hypothetical:
            continue
        sides = [event.source, event.target]
        if any(m.actor is None or m.actor.code in own or m.actor.country in own for m in sides):
            continue
        return [replace(m, rule=f"{m.rule}+warring-side") for m in sides]
    return []


_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "cessation"})


def _despite_truce(trigger: _Trigger) -> bool:
    """Whether force is used "despite the ceasefire" or "in violation (breach) of the truce";
    the phrase may hang from the verb, its object or, for an event noun, the verb it leads."""
    token = trigger.token
    hosts = [token, *(c for c in token.children if c.dep_ == "dobj")]
    if trigger.governor is not None:
        hosts.append(trigger.governor)
    if token.dep_ == "nsubj":
        hosts.append(token.head)  # "Fighting erupted ... despite the ceasefire"
    breaches = [
        o for o in _prep_objects(hosts, ("in",)) if o.lemma_.lower() in ("violation", "breach")
    ]
    truces = [*_prep_objects(hosts, ("despite",)), *_prep_objects(breaches, ("of",))]
    return any(t.lemma_.lower() in _TRUCES for t in truces)


def _receiving_leader(host: Mention, sentence: Any, actors: DocumentActors) -> Mention:
    """ "Xi held talks with Lula, who is on a state visit to China": the visit to China is
    received by its leader named in the same sentence or, failing that, the one before (one
    leader only; two named leave the country as host)."""
    actor = host.actor
    if actor is None or actor.sectors or actor.kind != "state":
        return host
    spans = [sentence]
    if sentence.start > 0:
        spans.append(sentence.doc[sentence.start - 1].sent)  # "Xi held talks with Lula ..."
    for span in spans:
        leaders = {
            m.actor.code: m
            for t in span
            for m in actors.at(t.i)
            if m.actor is not None
            and m.actor.kind == "person"
            and m.actor.country == actor.country
            and m.actor.sectors[:1] == ("GOV",)
        }
        if leaders:
            return next(iter(leaders.values())) if len(leaders) == 1 else host
    return host


def _reported_relative(verb: Token) -> bool:
    """A relative clause that reports an act in the simple past ("Zelensky, who flew to
    Ankara to meet Erdogan"), in a perfect tense ("Guterres, who had met Haftar on April 5")
    or under way ("Lula, who is on a state visit to China", "who is paying a visit"), not a
    state or a scene ("gangs who control the capital", "who was visiting")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if verb.lower_ in ("is", "are"):
        return True  # "Lula, who is on a state visit to China"
    if verb.tag_ == "VBG":
        # "Ramaphosa, who is paying a state visit to China": under way as the text speaks
        return auxiliaries in (["is"], ["are"])
    if verb.tag_ == "VBN" and auxiliaries in (["had"], ["has"], ["have"]):
        return True  # an earlier act is still an act: the gold sets code it
    return verb.tag_ == "VBD" and not auxiliaries


def _clause_verb(token: Token) -> Token:
    """The token itself if it is a verb, else the nearest verb above it (the root if none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _relative_object(verb: Token) -> Token | None:
    """The noun a relative clause's verb acts on: "a move (that) Tehran condemned", not
    "the rebels who surrendered"."""
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return None
    # "a move that Tehran condemned": the relative pronoun stands for the noun
    if any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    subject = any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children)
    return verb.head if subject else None


def _other_side(mention: Mention, own: set[str | None]) -> bool:
    """A coded actor that is not the speaker's own, by code or by country."""
    actor = mention.actor
    return actor is not None and actor.code not in own and actor.country not in own


def _earlier_clause_subject(
    trigger: Token, actors: DocumentActors, own: set[str | None]
) -> Mention | None:
    """The actor that did what an earlier clause of the same sentence reports: "Japan removed
    South Korea from its list of trusted partners, and Moon called the decision reckless"."""
    clause = trigger
    while clause.dep_ == "relcl" or (clause.dep_ in ("conj", "advcl") and clause.head.i < clause.i):
        # "..., a move Kostunica denounced": the noun stands in apposition to the clause, or
        # to a noun in it ("sent troops into the zone, a move Egypt condemned").
        clause = _clause_verb(clause.head)
        for subject in clause.children:
            if subject.dep_ not in ("nsubj", "agent") or subject.i > trigger.i:
                continue
            doers = [subject, *(o for o in subject.children if o.dep_ == "pobj")]
            for mention in (m for d in doers for m in actors.at(d.i)):
                if _other_side(mention, own):
                    return mention
    return None


def _previous_subject(
    sentence: Any, actors: DocumentActors, own: set[str | None]
) -> Mention | None:
    """The actor that did what the sentence before reports: the subject of its main verb
    ("Argentina seized YPF. Spain denounced the move": Argentina)."""
    if sentence.start == 0:
        return None
    previous = sentence.doc[sentence.start - 1].sent
    root = next((t for t in previous if t.dep_ == "ROOT"), None)
    for subject in root.children if root is not None else ():
        if subject.dep_ != "nsubj":
            continue
        # "Investigators from the OPCW concluded ...": the body they come from.
        bodies = [
            o
            for p in subject.children
            if p.dep_ == "prep" and p.lower_ in ("from", "of")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        for mention in (*actors.at(subject.i), *(m for o in bodies for m in actors.at(o.i))):
            if _other_side(mention, own):
                return mention
    return None


def _repression(code: str, source: Mention, target: Mention) -> str:
    """Force used by a state's police or army on its own protesters is violent repression
    (CAMEO 175), not combat: "security forces opened fire on protesters"; force used by
    protesters on a state, their own or another's, is a riot (145): "protesters stormed the
    parliament", "... the US embassy"."""
    if code[:2] not in ("17", "18", "19") or source.actor is None or target.actor is None:
        return code
    src, tgt = source.actor, target.actor
    rioting = _DISSENT & set(src.sectors) and (_FORCES | _RULERS) & set(tgt.sectors)
    if not src.country or src.country != tgt.country:
        return "145" if rioting and code[:2] != "17" else code  # storming a foreign embassy
    if code[:2] != "17" and _FORCES & set(src.sectors) and _DISSENT & set(tgt.sectors):
        return "175"
    return "145" if rioting else code


_LEAVING_ENTRIES = frozenset({"retreat-from.v", "withdrawal.n", "exit-treaty.v"})


def _leaving_body(code: str, entry: LexiconEntry, target: Mention) -> str:
    """A state that withdraws from an international body ("withdrew from the ICC", "its
    withdrawal from ECOWAS", "quit NATO") breaks its ties with it (161), as quitting it does;
    troops withdrawing from a place retreat (0874), and leaving a treaty is 160."""
    if entry.id not in _LEAVING_ENTRIES or target.actor is None or target.actor.kind != "igo":
        return code
    return "161"


_MEETINGS = frozenset({"talks", "summit", "negotiations", "meeting", "dialogue", "consultations"})


def _hosted_parties(
    trigger: _Trigger, hosts: Sequence[Mention], guests: Sequence[Mention]
) -> list[tuple[Mention, Mention]]:
    """The guests of two or more other countries a host received "for talks" or "for a
    summit", each paired with the host."""
    if trigger.entry.code != "043" or trigger.entry.pos != "verb":
        return []
    meetings = _prep_objects([trigger.token], ("for",))
    if not any(m.lemma_.lower() in _MEETINGS or m.lower_ in _MEETINGS for m in meetings):
        return []
    own = _countries(hosts)
    parties = [g for g in guests if g.actor is not None and g.actor.country not in own]
    if len(_countries(parties)) < 2:
        return []
    return [(h, g) for h in hosts for g in parties]


def _specific_intents(events: list[Event]) -> list[Event]:
    """ "The two sides agreed to reopen embassies": the generic intent to cooperate (030)
    of "agreed" yields to what was agreed, coded between the same two actors."""
    pairs = {
        frozenset((e.source.code, e.target.code))
        for e in events
        if e.target is not None and e.cameo != "030"
    }
    return [
        e
        for e in events
        if not (
            e.cameo == "030"
            and e.target is not None
            and frozenset((e.source.code, e.target.code)) in pairs
        )
    ]


def _abroad(source: Mention, target: Mention) -> bool:
    """Whether an actor acts on another country's: restrictions a state or a body imposes on
    its own people are administrative (172), those imposed on another country's a sanction
    (163)."""
    if source.actor is None or target.actor is None:
        return False
    countries = {source.actor.country, target.actor.country}
    return len(countries) == 2 and UNKNOWN_COUNTRY not in countries and None not in countries


def _taken_by_force(code: str, source: Mention) -> str:
    """A state seizing a ship confiscates it (1711); pirates or rebels seizing one hijack it
    (181). A state detains people (173); an armed group that "captured two soldiers" or
    "detained aid workers" abducts them (181)."""
    if source.actor is None:
        return code
    sectors = set(source.actor.sectors)
    if code == "1711":
        return code if (_FORCES | {"JUD"}) & sectors or not sectors else "181"
    if code == "173" and sectors & _ARMED_GROUPS and not sectors & _FORCES:
        return "181"
    return code


def _home(a: Mention, b: Mention) -> bool:
    """One side is the other's own country or capital (visiting one's own people is not)."""
    if a.actor is None or b.actor is None or not a.actor.country:
        return False
    same = a.actor.country == b.actor.country and a.actor.country != "---"
    return same and "state" in (a.actor.kind, b.actor.kind)


# The lexicon entry whose event is the one reported last, done again by others.
FOLLOW_SUIT = "follow-suit.v"


def _followed(
    followers: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> Event | None:
    """The last act, reported in this sentence or the one before, that others than the
    followers did: what "followed suit" repeats."""
    own = {m.code for m in followers}
    for event in reversed(_recent(history, sentence_index)):
        if event.modality.factual and event.target is not None and event.source.code not in own:
            return event
    return None


def _recent(events: Sequence[Event], sentence_index: int) -> list[Event]:
    """The events of this sentence and the one before, which a reply may answer."""
    return [e for e in events if e.sentence_index >= sentence_index - 1]


def _in_clause(word: Token, phrase: Token) -> bool:
    """Whether a verb of the phrase stands between the phrase and ``word``."""
    for ancestor in word.ancestors:
        if ancestor == phrase:
            return False
        if ancestor.pos_ == "VERB":
            return True
    return False


_MISSION_WORDS = frozenset(
    {
        "mission",
        "contingent",
        "peacekeeping",
        "peacekeepers",
        "peacekeeper",
        "stabilisation",
        "stabilization",
        "request",
    }
)


def _on_mission(sentence: Any) -> bool:
    """A sentence that says the forces come on a mission or were asked for."""
    return any(t.lower_ in _MISSION_WORDS for t in sentence)


def _forces(*mentions: Mention) -> bool:
    """ "Kenyan police officers arrived in Haiti", "the CSTO's peacekeeping forces have
    arrived": troops arriving are deployed, not visiting."""
    return any(
        m.actor is not None
        and m.actor.kind in ("group", "igo")
        and m.text.lower().rsplit(" ", 1)[-1] in _FORCE_WORDS
        for m in mentions
    )


def _policed_at_home(source: Mention, target: Mention) -> bool:
    """Police act at home: the protesters or civilians a country's police act on are of that
    country where the text names none."""
    src, tgt = source.actor, target.actor
    return (
        src is not None
        and tgt is not None
        and "COP" in src.sectors
        and src.country != UNKNOWN_COUNTRY
        and bool(set(tgt.sectors) & _PROTESTING)
    )


def _of_country(mention: Mention, country: str | None) -> Mention:
    """A mention of no known country ("protesters", "the army") placed in ``country``."""
    actor = mention.actor
    if actor is None or not country or actor.country != UNKNOWN_COUNTRY:
        return mention
    return replace(mention, actor=make_actor(country, actor.sectors, kind=actor.kind))


_AID_CARGO = frozenset(
    {"aid", "food", "medicine", "supply", "supplies", "water", "relief", "rescuer", "rescue"}
    | {"assistance", "fuel", "flour", "wheat", "tent", "blanket", "vaccine", "dose", "medical"}
)
_CARRYING = frozenset({"carry", "bring", "deliver", "transport", "load", "pack", "fill"})
_CARRIERS = frozenset(
    {"plane", "aircraft", "airplane", "jet", "flight", "ship", "vessel", "boat", "helicopter"}
    | {"truck", "lorry", "convoy", "c-130", "freighter", "airlifter"}
)


_SENDING = frozenset({"send", "dispatch", "despatch", "fly", "airlift", "ship", "rush", "deploy"})


def _cargo(noun: Token, *, loose: bool = False) -> list[Token]:
    """ "a C-130 loaded with tents", "planes carrying rescuers and medical supplies": the
    words of what a carrier carries; ``loose`` also takes "ships with rescue teams" and
    "planes carrying X and Y" read as planes and Y, fit only where the carrier arrives."""
    held = [
        o
        for acl in noun.children
        if acl.dep_ == "acl" and acl.lemma_.lower() in _CARRYING
        for o in acl.children
        if o.dep_ in ("dobj", "prep")
    ]
    if loose:
        held += [c for c in noun.children if c.dep_ == "conj"]
    if loose and noun.lemma_.lower() in _CARRIERS:
        held += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"]
    return [g for o in held for g in o.subtree]


def _carrying_aid(verb: Token) -> bool:
    """ "Two planes carrying rescuers and medical supplies landed", "an aid convoy arrived",
    "a Japanese rescue team arrived": what arrives is aid."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() == "rescuer" or _modifier_lemmas(subject) & {
            "aid",
            "humanitarian",
            "relief",
            "rescue",
        }:
            return True
        if any(w.lemma_.lower() in _AID_CARGO for w in _cargo(subject, loose=True)):
            return True
    return False


def _force_subject(verb: Token) -> bool:
    """ "the forces of the CSTO have arrived": the subject names troops, its actor does not."""
    return any(c.dep_ == "nsubj" and c.lower_ in _FORCE_WORDS for c in verb.children)


def _as_country(mention: Mention) -> Mention:
    """The country a mention stands in ("Honiara", "the Bahraini government" as the place
    protected)."""
    actor = mention.actor
    if actor is None or actor.kind == "igo" or not actor.country or not actor.sectors:
        return mention
    return replace(mention, actor=make_actor(actor.country, (), kind="state"))


def _countries(mentions: Iterable[Mention]) -> set[str | None]:
    """The countries of a side's actors: what its own acts are not aimed at."""
    return {m.actor.country for m in mentions if m.actor is not None and m.actor.country}


def _own(mention: Mention, countries: set[str | None]) -> bool:
    """A bare country of the source side: "its border", "Russia's own troops"."""
    actor = mention.actor
    return actor is not None and not actor.sectors and actor.country in countries


# Sectors of society whose protest, aimed at no one named, is aimed at their government.
_PROTESTING = frozenset({"OPP", "CVL", "LAB", "EDU", "AGR", "REL", "MED", "HLH", "BUS", "REF"})


def _sole_country(sources: Sequence[Mention], sectors: frozenset[str]) -> str | None:
    """The one known country of the sources, where each of them has one of ``sectors``."""
    countries = {m.actor.country for m in sources if m.actor is not None}
    if len(countries) != 1 or not all(
        m.actor is not None and set(m.actor.sectors) & sectors for m in sources
    ):
        return None
    country = countries.pop()
    return None if not country or country == UNKNOWN_COUNTRY else country


def _own_government(trigger: _Trigger, sources: Sequence[Mention]) -> list[Mention]:
    """ "Thousands marched in Hong Kong against the extradition bill": a protest by
    people of one country, aimed at no one named, is aimed at its government (as CAMEO
    coders code domestic protest). The target is implied, so its span is the trigger's."""
    country = _sole_country(sources, _PROTESTING)
    if country is None:
        return []
    actor = make_actor(country, ("GOV",), kind="group")
    return [_word_mention(trigger.token, actor, "implied:government")]


# Restrictions a state lays on its people at large, and their lifting: an internet shutdown,
# a curfew, a state of emergency or martial law.
_ON_THE_PUBLIC = frozenset({"1721", "1723", "1724", "0813", "0814"})


def _own_people(trigger: _Trigger, sources: Sequence[Mention]) -> list[Mention]:
    """ "The government declared a state of emergency", "shut down the internet": laid on
    no one named, a restriction is laid on the state's own country (as the gold sets' writers
    code it). The target is implied, so its span is the trigger's."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "siege" for c in trigger.token.children):
        return []  # "ended the siege of the hotel": an assault's end, no state of siege
    if any(m.actor is not None and m.actor.kind == "igo" for m in sources):
        return []
    country = _sole_country(sources, OFFICE_SECTORS)
    if country is None:
        return []
    actor = make_actor(country, (), kind="state")
    return [_word_mention(trigger.token, actor, "implied:country")]


def _crowd_in(sentence: Any, actors: DocumentActors, sources: Sequence[Mention]) -> list[Mention]:
    """ "Protesters clashed with police, who fired tear gas": tear gas fired at no one named
    is fired at the protesters the sentence names."""
    own = {m.actor.code for m in sources if m.actor is not None}
    crowd = [
        m
        for t in sentence
        for m in actors.at(t.i)
        if m.actor is not None and m.actor.code not in own and set(m.actor.sectors) & _PROTESTING
    ]
    return crowd[:1]


def _former(mention: Mention) -> bool:
    """A person the knowledge base has out of office on the text's date (ELI)."""
    actor = mention.actor
    return actor is not None and actor.kind == "person" and actor.sectors == ("ELI",)


def _in_office(mention: Mention) -> Mention:
    """The government a former leader was part of."""
    assert mention.actor is not None
    actor = make_actor(mention.actor.country, ("GOV",), name=mention.actor.name, kind="person")
    return replace(mention, actor=actor, rule=f"{mention.rule}+in-office")


def _word_mention(word: Token, actor: Actor, rule: str) -> Mention:
    """An actor the text implies, spanning the word that implies it."""
    return Mention(word.text, word.idx, word.idx + len(word.text), actor, rule=rule)


def _travels(verb: Token) -> bool:
    """ "arrived in Riyadh for talks", "was in Washington for talks": travelling or being
    somewhere for a purpose."""
    lemma = verb.lemma_.lower()
    return lemma in _TRAVEL or (
        lemma == "be" and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in verb.children)
    )


_PRESSURE_PREPS = frozenset({"under", "amid", "after", "following", "despite"})
_YIELDING = frozenset({"bow", "yield", "cave", "succumb", "bend", "respond", "give", "end"})
_PROTEST_NOUNS = frozenset(
    {"protest", "demonstration", "protester", "demonstrator", "uprising", "unrest", "riot"}
    | {"march", "rally", "strike", "walkout", "blockade", "movement", "agitation"}
)
_FORCE_WORDS = frozenset(
    {"troops", "forces", "soldiers", "police", "officers", "peacekeepers", "marines", "units"}
    | {"contingent", "fighters", "militants", "rebels", "tanks", "warships", "paratroopers"}
)
_ASPECTUAL = frozenset({"keep", "continue", "start", "begin", "resume"})
_ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "consul", "staff"})
# What is stopped when a ceasefire is asked for: "to cease fire", "to end hostilities"
_FIGHTING = frozenset(
    {"fire", "hostilities", "fighting", "violence", "bloodshed", "war", "aggression"}
)
# Undoing or forgoing a course: "reverse the ban", "stop using cluster munitions"
_UNDOING = frozenset(
    {"reverse", "rescind", "revoke", "repeal", "reconsider", "rethink", "scrap", "abandon"}
    | {"cancel", "drop", "overturn", "annul", "retract", "withdraw", "halt", "stop", "end"}
    | {"cease", "refrain", "suspend", "freeze", "change", "amend", "review"}
)
_TOWNS = frozenset({"city", "town", "capital", "village", "port", "stronghold", "hub"})


def _is_place(token: Token, actors: DocumentActors) -> bool:
    """A named city or region, or a capital standing for its government."""
    return (
        token.i in actors.places
        or any(m.rule == "metonymy:capital" for m in actors.at(token.i))
        # "Goma, the main city in eastern Congo": the parser may not know the name
        or any(c.dep_ == "appos" and c.lemma_.lower() in _TOWNS for c in token.children)
    )


def _same(a: Mention, b: Mention) -> bool:
    if a.actor is None or b.actor is None:
        return True
    if a.actor.entity_id and a.actor.entity_id == b.actor.entity_id:
        return True
    return a.actor.code == b.actor.code


def _headline_partners(verb: Token, subjects: list[Token]) -> list[Token]:
    """ "Putin, Xi hold talks", "India, China agree": a headline joins its subjects with a
    comma, which the parser leaves hanging from the verb instead of coordinating."""
    if len(subjects) != 1:
        return []
    subject_start = min(t.i for t in subjects[0].subtree)
    partners = []
    for child in verb.children:
        if child.dep_ not in ("dep", "npadvmod"):
            continue
        span = [t.i for t in child.subtree]
        if (
            min(span) == child.sent.start
            and max(span) + 2 == subject_start
            and child.doc[max(span) + 1].text == ","
        ):
            partners.append(child)
    return partners


def _target_code(event: Event) -> str | None:
    return event.target.code if event.target is not None else None


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    result: list[Mention] = []
    for mention in mentions:
        if mention.actor is not None and not any(_same(mention, m) for m in result):
            result.append(mention)
    return result


def _pairs(
    entry: LexiconEntry, code: str, sources: Sequence[Mention], targets: Sequence[Mention]
) -> list[tuple[Mention, Mention, str]]:
    """Source → target pairs: one per compound member, both ways when reciprocal."""
    sources = _unique(sources)
    # "The two restated Russian and Chinese opposition": a bare country of the source side
    # is the source speaking of itself, not a target.
    # A state's government, forces or leaders speak for it too ("Shoukry warned that Egypt
    # would ..."); rebels attacking their own country are no such case.
    own = {
        m.actor.country
        for m in sources
        if m.actor is not None and (not m.actor.sectors or _STATE_SECTORS & set(m.actor.sectors))
    }
    # A curfew or an emergency is laid on the state's own country.
    targets = [
        t
        for t in _unique(targets)
        if t.actor is None
        or t.actor.sectors
        or t.actor.country not in own
        or code in _ON_THE_PUBLIC
    ]
    if entry.reciprocal and len(sources) >= 2:
        # "Israel and Hezbollah traded their heaviest fire": "their" is the subjects again;
        # "Russia and Estonia exchanged an Estonian officer", "... exchanged 230 prisoners":
        # what the pair trades is theirs or no one's, not a third party.
        sides = {m.actor.country for m in sources if m.actor is not None}
        targets = [
            t
            for t in targets
            if not any(_same(t, s) for s in sources)
            and not (
                t.actor is not None
                and (t.actor.country in sides or t.actor.country in (None, UNKNOWN_COUNTRY))
            )
        ]
    pairs: list[tuple[Mention, Mention, str]] = []
    if not targets:
        if entry.reciprocal and len(sources) >= 2:
            for a in sources:
                for b in sources:
                    if a is not b and not _same(a, b):
                        pairs.append((a, b, code))
        return pairs
    for source in sources:
        for target in targets:
            if _same(source, target):
                continue
            if code in _VISIT_CODES and (_home(source, target) or _forces(source, target)):
                continue  # "Modi arrived in New Delhi" is a return home, not a visit
            pairs.append((target, source, code) if entry.inward else (source, target, code))
            # Meeting, negotiating, exercising jointly and signing "with" Y are done
            # together; ratifying a treaty with Y is X's own act.
            signing = code == "057" and "ratify" not in entry.lemmas
            # "a clash with Chinese troops": both sides fought
            fighting = code[:2] == "19" and entry.pos == "noun"
            if entry.reciprocal and (code[:2] == "04" or code == "062" or signing or fighting):
                pairs.append((target, source, code))
            elif entry.reverse and code == entry.code:
                pairs.append((target, source, entry.reverse))
    return [(a, b, c) for a, b, c in pairs if not _one_side(c, a, b)]


def _one_side(code: str, source: Mention, target: Mention) -> bool:
    """A source and target that are one side, not two parties: what a state sends abroad
    named as its own (`_sent_to_own`), or a bare country beside an actor of its own state
    ("Russia" and "Putin" in one sentence). Protest is the exception to the second: "Israelis
    protested against the government" is the people against the state."""
    return _sent_to_own(code, source, target) or (
        code[:2] != "14" and code not in _ON_THE_PUBLIC and _country_and_its_own(source, target)
    )


def _protesters(
    yielders: Sequence[Mention], sentence_index: int, history: Sequence[Event]
) -> list[Mention]:
    """Those whose protest (14x) against the yielder's country was reported last."""
    countries = _countries(yielders)
    for event in reversed(_recent(history, sentence_index)):
        target = event.target
        if (
            event.cameo[:2] == "14"
            and event.modality.factual
            and target is not None
            and target.actor is not None
            and target.actor.country in countries
        ):
            return [event.source]
    return []


def _unarmed(mention: Mention) -> bool:
    """Civilians, pupils, journalists, aid and health workers: people who bear no arms."""
    actor = mention.actor
    return actor is not None and bool(actor.sectors) and set(actor.sectors) <= _UNARMED


def _only_own_side(targets: Sequence[Mention], sources: Sequence[Mention]) -> bool:
    """No target outside the sources' side: in "warned that it would retaliate", "it" is the
    warner, not the one warned."""
    own = {m.code for m in sources} | _countries(sources)
    return not any(_other_side(t, own) for t in targets)


def _own_command(commanders: Sequence[Mention], commanded: Mention) -> bool:
    """A government's order to its own forces, police, officials or state firms."""
    actor = commanded.actor
    if actor is None or not actor.sectors or not set(actor.sectors) <= _COMMANDED:
        return False
    return any(
        m.actor is not None and "GOV" in m.actor.sectors and m.actor.country == actor.country
        for m in commanders
    )


def _country_and_its_own(a: Mention, b: Mention) -> bool:
    """One side a bare country, the other an actor of that country that is not at odds with
    it (a state that frees its dissidents, rebels who take its towns, act on it)."""
    if a.actor is None or b.actor is None or a.actor.country != b.actor.country:
        return False
    if a.actor.country in (None, UNKNOWN_COUNTRY) or (a.actor.sectors and b.actor.sectors):
        return False
    sectors = set(a.actor.sectors or b.actor.sectors)
    return not sectors & (_DISSENT | _ARMED_GROUPS | {"RAD"})
