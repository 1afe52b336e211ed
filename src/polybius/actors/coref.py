"""Resolve every actor mention of a document, following references back to their names.

No coreference model can be had offline, so this is a small rule system over the parse,
run in document order with a registry of who has been mentioned:

- a surname or given name of a person named earlier ("Chi", "Sergeev");
- a pronoun ("He did not elaborate", "his Chinese counterpart"): the last person who was a
  subject in this or the previous sentence, else the last person mentioned;
- a title without a name ("the Russian president", "the defense minister"): the last
  person of that country holding a matching title;
- "his Chinese counterpart": the last person of that country with the possessor's sector;
- plural references ("The two men", "the two countries", "both sides", "they"): the last
  two persons or countries mentioned, or the last compound actor;
- "the alliance": an alliance already named in the document (NATO); "the bloc", "the
  regional body", "the West African bloc": the last international body named.

Every resolved mention keeps the spans it was resolved through (``Mention.chain``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from polybius.actors.recognise import (
    OFFICE_SECTORS,
    PERSON_ROLES,
    SPEAKING_FOR,
    TITLE_NOUNS,
    UNKNOWN_COUNTRY,
    ActorKnowledge,
    NounPhrase,
    _conjuncts,
    _country_of_word,
    _entity_text,
    _of_phrase_countries,
    agent_sectors,
    countries_of_tokens,
    hyphen_tail,
    iter_candidate_heads,
    make_actor,
    name_like,
    noun_phrase,
    person_name,
    phrase_actors,
    split_code,
)
from polybius.model import Actor, Mention

__all__ = ["DocumentActors", "resolve_actors"]

log = logging.getLogger(__name__)

Token = Any

_MALE_FEMALE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "theirs"})
# Verbs whose teller a subject pronoun of the reported clause may stand for
_TELLING = frozenset({"say", "announce", "state", "declare", "claim", "confirm", "insist"})
_NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
# Role words that are also mass nouns; bare, they name no one ("use force", "for security").
_MASS_SENSES = frozenset(
    {"force", "defence", "defense", "security", "intelligence", "command", "leadership"}
)
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# How many sentences back a follow-up sentence naming no place takes its country from.
_LOOK_BACK = 3
_CLAUSE_LOCATIVE = _LOCATIVE | {"into"}
# What a state body owns or fields, which stands for it as a target: "an army convoy".
_INSTALLATIONS = frozenset(
    {"convoy", "base", "station", "post", "outpost", "checkpoint", "position", "barracks",
     "vehicle", "patrol", "garrison", "depot"}
)  # fmt: skip
# A state's envoys and missions work abroad: "the French ambassador" does not place the
# sentence in France, nor make "protesters" at "the US embassy" American.
_ENVOYS = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "embassy", "embassies", "diplomat",
     "diplomats", "consul", "consulate", "consulates", "legation", "attache", "charge"}
)  # fmt: skip
# Nouns of places: "the southern Tanzanian town of Songea" places the sentence in Tanzania.
_PLACE_NOUNS = frozenset(
    {
        "town",
        "city",
        "village",
        "capital",
        "region",
        "province",
        "district",
        "port",
        "territory",
        "state",
        "island",
        "countryside",
    }
)
_WILLING = frozenset(
    {"ready", "willing", "prepared", "determined", "eager", "keen", "committed", "unwilling"}
)
# "it is clear that", "it seems", "it was reported": no actor behind the pronoun.
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "remain", "take", "look", "become"})
_PLURAL_PERSON_NOUNS = frozenset(
    {
        "man",
        "men",
        "leader",
        "leaders",
        "minister",
        "ministers",
        "president",
        "presidents",
        "premier",
        "premiers",
        "chancellor",
        "chancellors",
        "secretary",
        "secretaries",
        "commander",
        "commanders",
        "delegation",
        "delegations",
        "negotiator",
        "negotiators",
        "official",
        "officials",
        "counterpart",
        "counterparts",
        "general",
        "generals",
        "woman",
        "women",
        "chief",
        "chiefs",
        "envoy",
        "envoys",
        "diplomat",
        "diplomats",
        "heads",  # "the two heads of state"
    }
)
_PLURAL_STATE_NOUNS = frozenset(
    {
        "country",
        "countries",
        "nation",
        "nations",
        "state",
        "states",
        "government",
        "governments",
        "capital",
        "capitals",
        "power",
        "powers",
        "neighbor",
        "neighbors",
        "neighbour",
        "neighbours",
    }
)
_PLURAL_SIDE_NOUNS = frozenset({"side", "sides", "party", "parties"})
_REFERRING_NOUNS = _PLURAL_PERSON_NOUNS | _PLURAL_STATE_NOUNS | _PLURAL_SIDE_NOUNS
# "the three countries": the size of a group a plural noun refers back to.
_GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6}
_PLACE_LIKE = frozenset({"GPE", "LOC", "FAC", "NORP", ""})
# "-flagged", "-owned": a ship's ties to a country, and the sector they name.
_SHIP_TIES: dict[str, tuple[str, ...]] = {
    "flagged": (),
    "registered": (),
    "owned": ("BUS",),
    "operated": ("BUS",),
}
# What journalists call an international body once they have named it: "the 27-member bloc".
_BODY_NOUNS = frozenset({"bloc", "body", "organisation", "organization", "grouping"})
_NAME_SKIP_DEPS = frozenset({"compound", "flat", "amod", "nmod", "nummod", "det", "case"})


# People coded by where they come from, and the words that open a phrase saying so
_ON_THE_MOVE = frozenset({"IMG", "REF"})
_SHARE_WORDS = frozenset({"most", "many", "all", "mostly", "mainly", "largely", "nearly", "some"})


@dataclass(slots=True)
class _Known:
    """A resolved mention in the registry, with what later references can match on."""

    mention: Mention
    sentence: int
    subject: bool
    name_parts: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()


@dataclass(slots=True)
class DocumentActors:
    """All actor mentions of a document, indexed by the token that carries them.

    ``by_head`` maps a phrase head (``Sergeev``, ``men`` in "The two men") to the actors it
    names; ``by_modifier`` maps a noun that is not an actor itself but is modified by one
    ("U.S. calls", "Washington's plans", "a Russian effort") to those actors.
    """

    by_head: dict[int, tuple[Mention, ...]] = field(default_factory=dict)
    by_modifier: dict[int, tuple[Mention, ...]] = field(default_factory=dict)
    # Places that are not actors ("the city of Kharkiv", "a village in Lebanon"): token
    # index → the country they lie in, so an attack on them is aimed at that country.
    places: dict[int, str] = field(default_factory=dict)
    unresolved: list[Mention] = field(default_factory=list)

    def at(self, token_index: int) -> tuple[Mention, ...]:
        return self.by_head.get(token_index, ())

    def modifying(self, token_index: int) -> tuple[Mention, ...]:
        return self.by_modifier.get(token_index, ())

    def mentions(self) -> list[Mention]:
        seen: dict[tuple[int, int, str | None], Mention] = {}
        for group in (*self.by_head.values(), *self.by_modifier.values()):
            for mention in group:
                seen.setdefault((mention.start, mention.end, mention.code), mention)
        return sorted(seen.values(), key=lambda m: (m.start, m.end))

    def countries_mentioned(self) -> list[str]:
        found: list[str] = []
        for mention in self.mentions():
            if mention.actor and mention.actor.country and mention.actor.country not in found:
                found.append(mention.actor.country)
        return found


class _Resolver:
    def __init__(
        self,
        kb: ActorKnowledge,
        *,
        date: dt.date | None,
        skip: Sequence[tuple[int, int]],
        gazetteer: Any = None,
    ):
        self.kb = kb
        self.gazetteer = gazetteer
        self.context_countries: set[str] = set()
        self.date = date
        self.skip = skip
        self.skip_tokens: set[int] = set()
        self._phrases: dict[int, Any] = {}
        self._sentence_tokens: tuple[int, list[Token]] = (-1, [])
        self.result = DocumentActors()
        self.persons: list[_Known] = []  # in order of mention
        self.states: list[_Known] = []
        self.groups: list[tuple[int, tuple[Mention, ...]]] = []  # plural mentions
        self.igos_seen: set[str] = set()
        self.igos: list[_Known] = []
        self._in_sentence: tuple[int, set[str]] = (-1, set())
        self.sentence_index = 0
        self.sentence: Any = None

    # -- registry -------------------------------------------------------------------
    def _register(
        self, head: Token, mentions: Sequence[Mention], title_words: Iterable[str] = ()
    ) -> None:
        subject = head.dep_ in ("nsubj", "nsubjpass")
        if len(mentions) > 1:
            self.groups.append((self.sentence_index, tuple(mentions)))
        for mention in mentions:
            actor = mention.actor
            if actor is None:
                continue
            known = _Known(mention, self.sentence_index, subject)
            if actor.kind == "person":
                parts = {p.lower() for p in (actor.name or mention.text).split() if p[:1].isupper()}
                known.name_parts = frozenset(parts)
                titles = {w.lower() for w in title_words}
                role = self._role_title(actor)
                if role:
                    titles.update(role.lower().split())
                known.title_words = frozenset(titles)
                self.persons.append(known)
            elif actor.kind == "igo":
                self.igos_seen.add(actor.code)
                self.igos.append(known)
                if head.lemma_.lower() in PERSON_ROLES:
                    # "The ICC's prosecutor said she ...": a body's officer is a person.
                    known.title_words = frozenset({head.lemma_.lower()})
                    self.persons.append(known)
            elif actor.kind == "state":
                self.states.append(known)

    def _role_title(self, actor: Actor) -> str:
        if not actor.entity_id:
            return ""
        for person in self.kb.persons_by_name(actor.name or ""):
            if person.id == actor.entity_id:
                role = self.kb.role_at(person, self.date)
                return str(getattr(role, "title", "") or "")
        return ""

    def _tokens(self, sentence: Any) -> list[Token]:
        """The sentence's tokens, made once: every pass over a span builds them anew."""
        start, tokens = self._sentence_tokens
        if start != sentence.start or not tokens:
            tokens = list(sentence)
            self._sentence_tokens = (sentence.start, tokens)
        return tokens

    def _phrase(self, head: Token) -> Any:
        """The noun phrase of ``head``, built once per document (several passes ask for it)."""
        phrase = self._phrases.get(head.i)
        if phrase is None:
            phrase = self._phrases[head.i] = noun_phrase(head)
        return phrase

    def _in_view(self) -> set[str]:
        """Countries named so far and in the current sentence, for names two actors share
        ("RSF"); worked out only when asked."""
        index, countries = self._in_sentence
        if index != self.sentence_index:
            countries = set(countries_of_tokens(self.kb, self._tokens(self.sentence)))
            self._in_sentence = (self.sentence_index, countries)
        return self.context_countries | countries

    def _in_skip(self, token: Token) -> bool:
        return token.i in self.skip_tokens

    # -- main loop ------------------------------------------------------------------
    def run(self, doc: Any) -> DocumentActors:
        # Headers and citations, as token indices: asked of nearly every token.
        self.skip_tokens = {
            token.i
            for start, end in self.skip
            for span in (doc.char_span(start, end, alignment_mode="expand"),)
            if span is not None
            for token in span
            if start <= token.idx < end
        }
        for index, sentence in enumerate(doc.sents):
            self.sentence_index, self.sentence = index, sentence
            for head in iter_candidate_heads(self._tokens(sentence)):
                if self._in_skip(head) or head.i in self.result.by_head:
                    continue
                if (
                    head.dep_ in _NAME_SKIP_DEPS
                    and head.head.pos_ in ("PROPN", "NOUN")
                    and head.head != head
                ):
                    continue
                self._resolve_head(head)
            self._register_coordinations(sentence)
            self._locate_domestic_agents(sentence)
            for token in self._tokens(sentence):
                if token.pos_ == "PRON" and not self._in_skip(token):
                    self._resolve_pronoun(token)
                elif (
                    token.pos_ == "NUM"
                    and token.lower_ in ("two", "both")
                    and not self._in_skip(token)
                ):
                    self._resolve_bare_two(token)
            for head in iter_candidate_heads(self._tokens(sentence)):
                # PROPN too: "President Bashar Assad Tuesday" parses Assad as a modifier.
                if (
                    head.pos_ not in ("NOUN", "PROPN")
                    or head.i in self.result.by_head
                    or head.i in self.result.by_modifier  # resolved early for a pronoun
                    or self._in_skip(head)
                ):
                    continue
                if (
                    head.dep_ in _NAME_SKIP_DEPS
                    and head.head.pos_ in ("PROPN", "NOUN")
                    and head.head != head
                ):
                    continue  # a word inside a larger name or phrase
                self._resolve_modifiers(head)
            self._resolve_places(sentence)
            self._unplaced_agents(sentence)
            self._installations(sentence)
        return self.result

    def _installations(self, sentence: Any) -> None:
        """ "Militants attacked a police station in Peshawar": a body's building, convoy or
        post with no nationality is that body's, of the one country the sentence is in."""
        country: str | None = None
        for head in self._tokens(sentence):
            if (
                head.pos_ != "NOUN"
                or head.lemma_.lower() not in _INSTALLATIONS
                or head.i in self.result.by_head
                or head.i in self.result.by_modifier
            ):
                continue
            sectors = tuple(s for s in self._modifier_sectors(head) if s in OFFICE_SECTORS)
            if not sectors:
                continue
            country = country or self._sentence_country(sentence)
            if country == UNKNOWN_COUNTRY:
                return
            mention = _role_mention(
                self._phrase(head), country, sectors, "installation+sentence-country"
            )
            self.result.by_modifier[head.i] = (mention,)

    def _resolve_places(self, sentence: Any) -> None:
        """Place names that name no actor (cities, regions) and the country they lie in."""
        if self.gazetteer is None:
            return
        # Every country named so far, as a noun or an adjective ("Ukrainian forces").
        for token in self._tokens(sentence):
            for m in (*self.result.at(token.i), *self.result.modifying(token.i)):
                if m.actor is not None and m.actor.country:
                    self.context_countries.add(m.actor.country)
        context = self.context_countries
        # Words of a body's name are no places: the "Human" of Human Rights Watch (Uman).
        named = [
            (m.start, m.end)
            for t in self._tokens(sentence)
            for m in self.result.at(t.i)
            if m.actor is not None and m.actor.kind != "state"
        ]
        for token in self._tokens(sentence):
            # The small model often misses city names ("Kharkiv") or calls them NORP.
            if token.ent_type_ not in _PLACE_LIKE or token.i in self.result.by_head:
                continue
            if (
                token.ent_iob_ == "I"
                and token.i + 1 < len(token.doc)
                and token.doc[token.i + 1].ent_iob_ == "I"
            ):
                continue  # resolve a multi-word name once, at its last word
            if self._in_skip(token) or token.pos_ != "PROPN":
                continue
            if any(start <= token.idx < end for start, end in named):
                continue
            if not token.ent_type_ and self._role_sectors(token):
                continue  # "Police have used tear gas": a role word, not Police in Poland
            place = self.gazetteer.resolve(
                _entity_text(token) or token.text, context_countries=context
            )
            if place is not None and place.country:
                self.result.places[token.i] = place.country

    def _locate_domestic_agents(self, sentence: Any) -> None:
        """ "Police detained protesters in Cairo": a role word with no nationality belongs
        to the one country where the sentence says things happen, if there is one."""
        places: set[str] = set()
        for token in self._tokens(sentence):
            if token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "outside"):
                for mention in self.result.at(token.i):
                    actor = mention.actor
                    if actor is not None and actor.kind == "state" and actor.country:
                        places.add(actor.country)
        if len(places) != 1:
            return
        (country,) = places
        for head in iter_candidate_heads(self._tokens(sentence)):
            if (
                not (_common_noun(head) or self._institution(head))
                or head.i in self.result.by_head
                or self._in_skip(head)
            ):
                continue
            if head.dep_ in _NAME_SKIP_DEPS and head.head.pos_ in ("PROPN", "NOUN"):
                continue
            sectors = self._role_sectors(head)
            if not sectors or head.lemma_.lower() in TITLE_NOUNS or self._of_actor(head):
                continue
            if any(
                c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PRON", "PROPN")
                for c in head.children
            ):
                continue  # "their embassies", "Hamas police": someone's own, not local
            origin = self._origin(head, sectors)
            place, how = (
                (origin, "agent+origin") if origin else (country, "agent+place-in-sentence")
            )
            self._store(head, (_role_mention(self._phrase(head), place, sectors, how),))

    def _unplaced_agents(self, sentence: Any) -> None:
        """ "Iranian authorities deployed riot police": a role word with no nationality
        belongs to the one country the sentence names; where it names none or several, it is
        still an actor, coded ``---`` plus its sectors as CAMEO writes an unknown country."""
        persons: list[Token] = []
        agents: list[tuple[Token, tuple[str, ...]]] = []
        for head in iter_candidate_heads(self._tokens(sentence)):
            if head.i in self.result.by_head or self._in_skip(head):
                continue
            if head.dep_ in _NAME_SKIP_DEPS and head.head.pos_ in ("PROPN", "NOUN"):
                continue
            if person_name(self._phrase(head)):
                persons.append(head)
                continue
            if not (_common_noun(head) or self._institution(head)):
                continue
            if head.i in self.result.by_modifier or self._of_actor(head):
                continue
            if head.lemma_.lower() in TITLE_NOUNS:
                # "the opposition leader" with no one named before: the role phrase codes it.
                sectors = self._phrase_sectors(head) if len(self._phrase(head).tokens) > 1 else None
            else:
                sectors = self._role_sectors(head)
            if head.lower_ in _MASS_SENSES and (
                not any(
                    c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in head.children
                )
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
            ):
                # "threatened force", "for security", "the defence of democracy": not a body
                # of people
                continue
            if sectors and not any(
                c.dep_ in ("poss", "compound", "amod", "nmod") and self._owner(c)
                for c in head.children
            ):
                agents.append((head, sectors))
        if not persons and not agents:
            return
        country = self._sentence_country(sentence)
        rule = "agent+sentence-country" if country != UNKNOWN_COUNTRY else "agent:no-country"
        if country != UNKNOWN_COUNTRY:
            for head in persons:
                self._titled_person(head, country)
        for head, sectors in agents:
            phrase = self._phrase(head)
            earlier = self._earlier_namesake(head)
            if earlier is not None:
                self._store(
                    head,
                    (
                        self._refer(
                            phrase.text, phrase.start, phrase.end, earlier, "coref:namesake"
                        ),
                    ),
                )
                continue
            own = self._country_in_phrase(head)
            if sectors[:1] == ("MIL",) and not own and self._unknown_people(head):
                sectors = ("REB",)  # "Tigrayan forces": a region's or a people's, not the state's
            # "the opposition leader" is one person, whom "he" may later mean.
            kind = "person" if head.lemma_.lower() in TITLE_NOUNS else "group"
            where = None if own else self._clause_place(head)
            origin = None if own else self._origin(head, sectors)
            actor = make_actor(
                own or origin or where or country, sectors, name=phrase.text, kind=kind
            )
            found = (
                "agent+of-place"
                if own
                else "agent+origin"
                if origin
                else "agent+clause-place"
                if where
                else rule
            )
            mention = Mention(phrase.text, phrase.start, phrase.end, actor, rule=found)
            self._store(head, (mention,))

    def _origin(self, head: Token, sectors: tuple[str, ...]) -> str | None:
        """ "130 migrants, most of them Sudanese", "50 migrants from Afghanistan": people
        on the move belong to where they come from, not to where the sentence happens."""
        if not set(sectors) & _ON_THE_MOVE:
            return None
        doc = head.doc
        after = [t for t in doc[head.i + 1 : head.i + 7] if t.sent == head.sent]
        if len(after) >= 2 and after[0].lower_ == "from":
            window = after[1:3]
        elif len(after) >= 3 and after[0].lower_ == "," and after[1].lower_ in _SHARE_WORDS:
            window = after[2:]
        else:
            return None
        for token in window:
            for mention in self.result.at(token.i):
                actor = mention.actor
                if actor is not None and actor.kind == "state" and not actor.sectors:
                    return actor.country
        return None

    def _earlier_namesake(self, head: Token) -> Mention | None:
        """ "Two Mossad agents tried to poison Meshaal ... Jordanian police arrested the two
        agents": a definite role word repeating the head of a group named earlier in the
        document is that group, not the sentence's country's."""
        if not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children
        ):
            return None
        lemma = head.lemma_.lower()
        by_head, by_modifier = self.result.by_head, self.result.by_modifier
        for index in range(head.i - 1, -1, -1):
            if head.doc[index].lemma_.lower() != lemma:
                continue
            # "Mossad agents": the agents are named by what modifies them
            named = by_head[index] if index in by_head else by_modifier.get(index, ())
            for mention in named:
                actor = mention.actor
                if (
                    actor is not None
                    and actor.sectors
                    and actor.country not in (None, UNKNOWN_COUNTRY)
                ):
                    return mention
        return None

    def _clause_place(self, head: Token) -> str | None:
        """ "fired rockets from Gaza and stormed into southern Israel, killing hundreds of
        people": the country where the clause the role word belongs to, or one it hangs
        from, says things happen."""
        token = head
        while token.head.i != token.i:
            token = token.head
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in _CLAUSE_LOCATIVE:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    if obj.tag_ == "WDT" and token.dep_ == "relcl":
                        obj = token.head  # "the mall in Nairobi, in which gunmen killed"
                    for place in (obj, *(c for c in obj.children if c.dep_ == "poss")):
                        country = self.result.places.get(place.i) or next(
                            (
                                m.actor.country
                                for m in self.result.at(place.i)
                                if m.actor is not None
                                and m.actor.kind == "state"
                                and (not m.actor.sectors or m.rule == "metonymy:capital")
                            ),
                            None,
                        )
                        if country and country != UNKNOWN_COUNTRY:
                            return country
        return None

    def _unknown_people(self, head: Token) -> bool:
        """A capitalised modifier that names no country, place or actor we know."""
        return any(
            c.dep_ in ("compound", "amod")
            and c.text[:1].isupper()
            and c.i not in self.result.places
            and not self.result.at(c.i)
            and not _country_of_word(self.kb, c.text)
            and not self.kb.is_agent_word(c.lower_)  # "Special Forces", "Republican Guard"
            for c in head.lefts
        )

    def _of_actor(self, head: Token) -> bool:
        """ "a delegation of U.S. senators", "a spokesman for the ministry": the group or
        the speaker is the actor its "of" ("for") phrase names."""
        speaks_for = head.lower_ in SPEAKING_FOR
        return any(
            self.result.at(obj.i) or self.result.modifying(obj.i)
            for prep in head.children
            if prep.dep_ == "prep"
            and (prep.lower_ == "of" or (speaks_for and prep.lower_ == "for"))
            for obj in prep.children
            if obj.dep_ == "pobj"
        )

    def _owner(self, modifier: Token) -> bool:
        """ "their embassies", "Hamas police": a pronoun or a name that is an actor makes the
        role word someone's own; "Maoist rebels" are still the country's."""
        if modifier.pos_ == "PRON":
            return True
        return modifier.pos_ == "PROPN" and bool(
            self.result.at(modifier.i) or self.result.modifying(modifier.i)
        )

    def _is_region(self, code: str) -> bool:
        """ "African", "European": a region places no one in a country."""
        country = self.kb.country(code)
        return country is not None and country.kind == "region"

    def _role_sectors(self, head: Token) -> tuple[str, ...] | None:
        """Sectors of a role word, its phrase first: "the opposition party" is the
        opposition, not a party."""
        return (
            self._phrase_sectors(head)
            or self.kb.agent_sectors(head.lower_)
            or self.kb.agent_sectors(head.lemma_.lower())
        )

    def _institution(self, head: Token) -> bool:
        """ "the National Assembly", "the Constitutional Court": a legislature or a court
        named by its role words alone, capitalised, belongs to the country the sentence is in
        (not the bodies of international organisations: "the General Assembly")."""
        if head.pos_ != "PROPN" or head.ent_type_ in ("PERSON", "GPE", "NORP"):
            return False
        words = [t for t in self._phrase(head).tokens if t.dep_ != "det"]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            return False
        sectors = self.kb.agent_sectors(" ".join(t.lower_ for t in words))
        return sectors in (("LEG",), ("JUD",))

    def _phrase_sectors(self, head: Token) -> tuple[str, ...] | None:
        """ "Trade unions": sectors of a role phrase the head ends, not of the head alone."""
        if not (self.kb.is_agent_word(head.lower_) or self.kb.is_agent_word(head.lemma_.lower())):
            return None  # the head of a role phrase is a word of one
        sectors, used = agent_sectors(self.kb, self._phrase(head).tokens)
        return sectors if sectors and head in used else None

    def _sentence_country(self, sentence: Any) -> str:
        """The one country where the sentence happens ("in Cairo") and whose agents act in it
        ("Iranian authorities"); a country that is only a party ("aid from China") places no
        one. A follow-up sentence naming none ("Police arrested 150 rioters overnight")
        happens where the last few before it did. ``---`` when there is none or several."""
        for _ in range(_LOOK_BACK + 1):
            countries = self._countries_placing(sentence)
            if countries or sentence.start == 0:
                break
            sentence = sentence.doc[sentence.start - 1].sent
        return next(iter(countries)) if len(countries) == 1 else UNKNOWN_COUNTRY

    def _countries_placing(self, sentence: Any) -> set[str]:
        countries: set[str] = set()
        for token in self._tokens(sentence):
            place = self.result.places.get(token.i)
            if place and not (token.dep_ == "compound" and token.head.lower_ in _ENVOYS):
                countries.add(place)
            located = token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE
            located = located or token.lemma_.lower() in _PLACE_NOUNS
            for m in (*self.result.at(token.i), *self.result.modifying(token.i)):
                actor = m.actor
                if (
                    actor is not None
                    and actor.country
                    and actor.country != UNKNOWN_COUNTRY
                    and actor.kind != "igo"
                    # "warned on Facebook": a company is no place where things happen
                    and not (actor.kind == "organisation" and actor.sectors == ("BUS",))
                    and (actor.sectors or located)
                    and not self._is_region(actor.country)
                    and _ENVOYS.isdisjoint(m.text.lower().split())
                ):
                    countries.add(actor.country)
        return countries

    def _titled_person(self, head: Token, country: str) -> None:
        """ "President Alvaro Uribe" in a sentence about Colombia only: a person the knowledge
        base does not know, coded from the title and the one country in view."""
        phrase = self._phrase(head)
        names = person_name(phrase)
        titles = [t for t in phrase.tokens if t not in names]
        titles += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        sectors, _ = agent_sectors(self.kb, titles)
        if not sectors:
            return
        name = " ".join(t.text for t in names) or head.text
        actor = make_actor(country, sectors, name=name, kind="person")
        rule = "title+sentence-country"
        mention = Mention(phrase.text, phrase.start, phrase.end, actor, rule=rule)
        self._store(head, (mention,), title_words=[t.text for t in titles])

    def _country_in_phrase(self, head: Token, depth: int = 0) -> str | None:
        """ "the mayor of the West Bank city of Nablus", "police in Cairo": the country of
        a place or state the role word's own phrase names."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for mention in self.result.at(obj.i):
                    actor = mention.actor
                    if actor is not None and actor.kind == "state" and actor.country:
                        return actor.country
                if self.result.places.get(obj.i):
                    return self.result.places[obj.i]
                if depth < 1:
                    found = self._country_in_phrase(obj, depth + 1)
                    if found:
                        return found
        return None

    def _register_coordinations(self, sentence: Any) -> None:
        """ "Moscow and Beijing", "Russia and China": a pair later plurals can refer to."""
        listed: set[int] = set()
        for token in self._tokens(sentence):
            # "Spain, Ireland and Norway": each conjunct hangs from the one before it.
            if token.dep_ == "conj" or token.i not in self.result.by_head or token.i in listed:
                continue
            conjuncts = _conjuncts(token)[1:]
            if not conjuncts:
                continue
            listed.update(c.i for c in conjuncts)
            members = [*self.result.at(token.i)]
            for conj in conjuncts:
                members.extend(self.result.at(conj.i))
            if len(members) > 1:
                self.groups.append((self.sentence_index, tuple(members)))

    def _plain_noun(self, head: Token) -> bool:
        """A common noun that cannot name an actor ("year", "talks"): no entity, no role
        word, no nationality noun, no reference ("the two sides") and no body's name."""
        if head.pos_ != "NOUN" or head.ent_type_ or hyphen_tail(head) or name_like(head):
            return False
        if self._person_word(head):
            return False
        lower, lemma = head.lower_, head.lemma_.lower()
        kb = self.kb
        return not (
            kb.is_agent_word(lower)
            or kb.is_agent_word(lemma)
            or lemma in TITLE_NOUNS
            or lower in _REFERRING_NOUNS
            or kb.country_by_demonym(head.text) is not None
            or kb.igo_by_name(lower, present=self.igos_seen) is not None
        )

    def _coordinated_bodies(self, head: Token, phrase: Any) -> tuple[Mention, ...]:
        """ "Congo's government and M23 rebels": the parser makes the first body a modifier
        of the second; they are two actors, each with its own modifiers."""
        first = next(
            (
                t
                for t in phrase.tokens
                if t.head is head
                and t.dep_ in ("nmod", "compound")
                and t.pos_ == "NOUN"
                and any(c.dep_ == "cc" and c.i < head.i - 1 for c in t.children)
            ),
            None,
        )
        if first is None or not (
            self.kb.agent_sectors(first.lemma_.lower())
            and self.kb.agent_sectors(head.lemma_.lower())
        ):
            return ()
        link = next(c for c in first.children if c.dep_ == "cc")
        left = NounPhrase(first, tuple(t for t in phrase.tokens if t.i < link.i))
        right = NounPhrase(head, tuple(t for t in phrase.tokens if t.i > link.i))
        found = [
            phrase_actors(self.kb, part, date=self.date, context=self._in_view)
            for part in (left, right)
        ]
        if any(len(actors) > 1 for actors, _ in found) or not any(a for a, _ in found):
            return ()
        # "Sudan's government and Darfur rebels": a body with no country of its own shares
        # the other's.
        country = next(a[0].country for a, _ in found if a)
        mentions = []
        for part, (actors, rule) in zip((left, right), found, strict=True):
            if actors:
                mentions.append(Mention(part.text, part.start, part.end, actors[0], rule=rule))
            else:
                sectors = self.kb.agent_sectors(part.head.lemma_.lower()) or ()
                mentions.append(_role_mention(part, country, sectors, "agent+shared-nationality"))
        return tuple(mentions)

    def _two_of_a_kind(self, head: Token, phrase: Any) -> bool:
        """ "the two governments", "both armies": a plural role word with no nationality of its
        own refers back to the last pair named, in that role."""
        lemma = head.lemma_.lower()
        if (
            head.pos_ != "NOUN"
            or lemma in _PLURAL_PERSON_NOUNS | _PLURAL_SIDE_NOUNS
            or not {t.lower_ for t in head.lefts} & {"two", "both"}
            or countries_of_tokens(self.kb, [t for t in phrase.tokens if t is not head])
        ):
            return False
        sectors = self.kb.agent_sectors(lemma)
        if not sectors:
            return False
        group = self._recent_pair(before=phrase.start, kind=None) or self._pair_before(head)
        bare = all(t is head or t.lower_ in ("the", "two", "both") for t in phrase.tokens)
        if not group and bare and self._earlier_namesake(head) is None:
            # "Kristersson visited Budapest for talks with Orban, during which the two
            # governments signed a deal": the last two people of two countries ("the two
            # agents" named before are those agents).
            people = self._distinct_last(self.persons, before=phrase.start, by_country=True)
            if len(people) == 2 and people[0].sentence >= self.sentence_index - 1:
                group = tuple(k.mention for k in people)
        if not group:
            return False
        mentions = tuple(
            _role_mention(
                phrase,
                m.actor.country,
                sectors,
                "coref:two-in-role",
                chain=((m.start, m.end), *m.chain)[:8],
            )
            for m in group
            if m.actor is not None and m.actor.country
        )
        if len(mentions) != 2:
            return False
        self._store_reference(head, mentions)
        return True

    def _body_reference(self, head: Token, phrase: Any) -> bool:
        """ "the bloc", "the regional body", "the West African bloc": the last international
        body named, once one has been; otherwise "the bloc" is a party, as before."""
        if (
            head.lower_ not in _BODY_NOUNS
            or not self.igos
            or not any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts)
            or self.kb.igo_by_name(phrase.text) is not None  # "the world body" is the UN
        ):
            return False
        modifiers = [t for t in phrase.tokens if t is not head and t.dep_ != "det"]
        if any(t.dep_ == "poss" or self.kb.agent_sectors(t.lower_) for t in modifiers):
            return False  # "the opposition bloc", "Russia's ruling bloc"
        countries = countries_of_tokens(self.kb, modifiers)
        if any(len(c) == 3 and not self._is_region(c) for c in countries):
            return False  # "the Kurdish bloc"
        antecedent = self.igos[-1].mention
        reference = self._refer(phrase.text, phrase.start, phrase.end, antecedent, "coref:body")
        self._store(head, (reference,))
        return True

    def _pair_before(self, head: Token) -> tuple[Mention, ...]:
        """ "Kyrgyz and Tajik troops fought ..., and the two governments ...": a pair named
        earlier in the same sentence, which is registered only once the sentence is done."""
        for token in self._tokens(self.sentence):
            if token.i >= head.i:
                break
            if token.dep_ == "conj" or token.i not in self.result.by_head:
                continue
            members = [m for t in _conjuncts(token) for m in self.result.at(t.i)]
            countries = {m.actor.country for m in members if m.actor is not None}
            if len(members) == 2 and len(countries) == 2:
                return tuple(members)
        return ()

    def _nationality_of_pair(self, head: Token, phrase: Any) -> tuple[Mention, ...]:
        """ "Kyrgyz and Tajik troops": the small model may make the first nationality the
        head and "Tajik troops" its conjunct; the first country's troops act too."""
        country = self.kb.country_by_demonym(head.text) or self.kb.country_by_adjective(head.text)
        # Only the tight shape "X and Y troops": not "two Russians and a Ukrainian leader".
        agents = [
            c
            for c in head.children
            if c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and any(
                m.i == head.i + 2 and self.kb.country_by_demonym(m.text) is not None
                for m in c.children
                if m.dep_ in ("compound", "amod")
            )
        ]
        bare = not any(c.i < head.i for c in head.children)
        linked = head.i + 1 < len(head.doc) and head.doc[head.i + 1].dep_ == "cc"
        if country is None or not agents or not bare or not linked:
            return ()
        sectors = self.kb.agent_sectors(agents[0].lemma_.lower())
        if not sectors:
            return ()
        return (_role_mention(phrase, country.code, sectors, "agent+paired-nationality"),)

    def _person_word(self, head: Token) -> bool:
        """ "... President Donald Trump ... Trump later praised Kim": a capitalised word the
        small model tags as a common noun, at the start of a sentence, that is part of the
        name of a person named earlier. Not the base's names alone: "Power cuts" is no
        Samantha Power."""
        if not head.text[:1].isupper() or head.text.isupper() or head.i != head.sent.start:
            return False
        return any(head.lower_ in k.name_parts for k in self.persons)

    def _resolve_head(self, head: Token) -> None:
        if self._plain_noun(head):
            return
        phrase = self._phrase(head)
        parts = self._coordinated_bodies(head, phrase) or self._nationality_of_pair(head, phrase)
        if parts:
            self._store(head, parts)
            return
        if (
            (head.pos_ == "NOUN" or _bare_title(head, phrase))
            and head.lemma_.lower() in _REFERRING_TITLES
            and self._title_reference(head, phrase)
        ):
            return
        if self._two_of_a_kind(head, phrase) or self._body_reference(head, phrase):
            return
        actors, rule = phrase_actors(self.kb, phrase, date=self.date, context=self._in_view)
        if actors:
            mentions = tuple(
                Mention(text=phrase.text, start=phrase.start, end=phrase.end, actor=a, rule=rule)
                for a in actors
            )
            if rule == "title+nationality":
                self.result.unresolved.extend(mentions)
            self._store(head, mentions, title_words=[t.text for t in phrase.tokens if t != head])
            return
        name = person_name(phrase)
        if name:
            mention = self._name_reference(head, phrase)
            if mention is not None:
                self._store(head, (mention,))
                return
            start, end = name[0].idx, name[-1].idx + len(name[-1].text)
            text = str(head.doc[name[0].i : name[-1].i + 1].text)
            self.result.unresolved.append(Mention(text, start, end, None, "unresolved"))
            return
        # "Guterres urged ...": the small model may tag a surname as a common noun, but not
        # outside an entity.
        if (
            head.pos_ == "PROPN"
            or (head.ent_type_ and head.text[:1].isupper())
            or self._person_word(head)
        ):
            mention = self._name_reference(head, phrase)
            if mention is not None:
                self._store(head, (mention,))
                return
        if head.pos_ == "NOUN" and head.dep_ == "conj" and self._shares_nationality(head, phrase):
            return
        if head.pos_ == "NOUN":
            self._resolve_nominal(head, phrase)

    def _shares_nationality(self, head: Token, phrase: Any) -> bool:
        """ "the Danish media and government": a role word coordinated with a coded one
        shares its nationality."""
        sectors = self.kb.agent_sectors(head.lower_) or self.kb.agent_sectors(head.lemma_.lower())
        first = self.result.at(head.head.i)
        countries = [m.actor.country for m in first if m.actor is not None and m.actor.country]
        if not first:
            # "Israeli tanks and troops": the first word names no actor, its nationality
            # still qualifies both.
            modifiers = [c for c in head.head.children if c.dep_ in ("amod", "compound")]
            countries = countries_of_tokens(self.kb, modifiers)
        if not sectors or not countries:
            return False
        if sectors[:1] == ("MIL",) and self._unknown_people(head):
            sectors = ("REB",)  # "Ethiopia's government and Tigrayan forces"
        mentions = tuple(
            _role_mention(
                phrase,
                c,
                sectors,
                "agent+shared-nationality",
                chain=((first[0].start, first[0].end),) if first else (),
            )
            for c in dict.fromkeys(countries)
        )
        self._store(head, mentions)
        return True

    def _store(
        self, head: Token, mentions: tuple[Mention, ...], title_words: Iterable[str] = ()
    ) -> None:
        self.result.by_head[head.i] = mentions
        self._register(head, mentions, title_words)

    # -- references -----------------------------------------------------------------
    def _name_reference(self, head: Token, phrase: Any) -> Mention | None:
        """A later mention of a person by part of the name: "Chi", "Sergeev"."""
        # "President Clinton" after "President Bill Clinton": the title is no part of the name
        name = person_name(phrase)
        words = {t.text.lower() for t in name or phrase.tokens if name_like(t) or t is head}
        for known in reversed(self.persons):
            if words and words <= known.name_parts:
                return self._refer(
                    phrase.text, phrase.start, phrase.end, known.mention, "coref:name"
                )
        people = self.kb.persons_by_name(head.text)
        if len(name) > 1:
            # "Chief prosecutor Tarek William Saab" is no company Saab (but "Abdul-Malik
            # al-Houthi" leads the movement of that name)
            people = [p for p in people if p.kind != "organisation"]
        if len(people) == 1:
            person = people[0]
            code = self.kb.person_code_at(person, self.date)
            country, sectors = split_code(code)
            actor = make_actor(
                country, sectors, name=person.name, entity_id=person.id, kind="person"
            )
            return Mention(phrase.text, phrase.start, phrase.end, actor, rule="kb:person-alias")
        return None

    def _refer(self, text: str, start: int, end: int, antecedent: Mention, rule: str) -> Mention:
        chain = ((antecedent.start, antecedent.end), *antecedent.chain)
        return Mention(text, start, end, antecedent.actor, rule=rule, chain=chain[:8])

    def _own_subject_span(self, pronoun: Token) -> tuple[int, int] | None:
        """ "Merkel ... pressed him": the character span of the subject of the verb whose
        object the pronoun is, which a non-reflexive object pronoun cannot mean."""
        if pronoun.dep_ not in ("dobj", "dative"):
            return None
        verb = pronoun.head
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject.idx, subject.idx + len(subject.text)
            if verb.dep_ in ("conj", "advcl") and verb.head is not verb:
                verb = verb.head  # "Merkel spoke with Putin and pressed him"
            elif verb.dep_ == "acl" and verb.head.dep_ == "dobj":
                verb = verb.head.head  # "Xi sent Biden a message congratulating him"
            else:
                return None
        return None

    def _last_person(
        self,
        *,
        before: int,
        prefer_subject: bool = True,
        besides: tuple[int, int] | None = None,
    ) -> _Known | None:
        recent = [
            k
            for k in self.persons
            if k.mention.start < before
            and not (besides and k.mention.start <= besides[0] < k.mention.end)
        ]
        if not recent:
            return None
        if prefer_subject:
            window = [k for k in recent if k.sentence >= self.sentence_index - 1 and k.subject]
            if window:
                return window[-1]
        return recent[-1]

    def _distinct_last(
        self, pool: Sequence[_Known], *, before: int, n: int = 2, by_country: bool = False
    ) -> list[_Known]:
        chosen: list[_Known] = []
        seen: set[str] = set()
        for known in reversed([k for k in pool if k.mention.start < before]):
            actor = known.mention.actor
            if actor is None:
                key = ""
            elif by_country:
                key = (
                    actor.country or actor.code
                )  # "both sides": two countries, not Baku and Azerbaijan
            else:
                key = actor.entity_id or actor.code
            if key and key not in seen and not any(_apposed(known, c) for c in chosen):
                seen.add(key)
                chosen.append(known)
            if len(chosen) == n:
                break
        return list(reversed(chosen))

    def _resolve_pronoun(self, token: Token) -> None:
        word = token.lower_
        if token.i in self.result.by_head:
            return
        start, end = token.idx, token.idx + len(token.text)
        if word in _MALE_FEMALE:
            known = self._last_person(before=start, besides=self._own_subject_span(token))
            if known is not None:
                mention = self._refer(token.text, start, end, known.mention, "coref:pronoun")
                self._store_reference(token, (mention,))
        elif word in ("it", "they") and (speaker := self._speaker(token)):
            # "Zimbabwe's military said it had taken Mugabe into custody", "army officers
            # said they had arrested the president": the teller of its own deed
            mentions = tuple(
                self._refer(token.text, start, end, m, "coref:speaker") for m in speaker
            )
            self._store_reference(token, mentions)
        elif word in _NEUTER_PRONOUNS:
            antecedent = self._neuter_antecedent(token)
            if antecedent is not None:
                mention = self._refer(token.text, start, end, antecedent, "coref:it")
                self._store_reference(token, (mention,))
        elif word in _PLURAL_PRONOUNS:
            group = self._clause_subject_group(token) or self._last_group(before=start)
            if group:
                mentions = tuple(
                    self._refer(token.text, start, end, m, "coref:plural") for m in group
                )
                self._store_reference(token, mentions)

    def _speaker(self, token: Token) -> tuple[Mention, ...]:
        """The body or group whose own statement a subject pronoun stands in: "it" for a
        singular teller, "they" for a plural one, not a person ("he said it was ...")."""
        clause = token.head
        if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_ not in _TELLING:
            return ()
        tellers = [c for c in clause.head.children if c.dep_ == "nsubj"]
        if len(tellers) != 1:
            return ()
        teller = tellers[0]
        plural = teller.tag_ in ("NNS", "NNPS")
        if (token.lower_ == "they") != plural or teller.pos_ == "PRON":
            return ()
        found = self.result.at(teller.i)
        if len(found) != 1 or found[0].actor is None or found[0].actor.kind == "person":
            return ()
        return found

    def _blamed_for(self, token: Token) -> Mention | None:
        """ "criticised Washington over its arms sales", "thanked Japan for its support":
        the possessive in a reason given for an act on someone is theirs."""
        noun = token.head
        prep = noun.head
        if token.dep_ != "poss" or noun.dep_ != "pobj" or prep.lower_ not in ("over", "for"):
            return None
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ != "VERB":
            return None
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.i < token.i:
                found = [
                    m
                    for m in self.result.at(obj.i)
                    if m.actor is not None and m.actor.kind != "person"
                ]
                return found[0] if len(found) == 1 else None
        return None

    def _neuter_antecedent(self, token: Token) -> Mention | None:
        """ "Russia said it would ...", "China ... Its navy": a country, body or group, the
        subject of a clause above the pronoun, else the last one that was a subject."""
        if token.dep_ == "nsubjpass" or (
            token.dep_ == "nsubj"
            and token.head.lemma_.lower() in _EXPLETIVE_HEADS
            and not any(
                c.dep_ == "acomp" and c.lemma_.lower() in _WILLING for c in token.head.children
            )  # "it was ready to resume talks" is the country speaking
            and not _takes_action(token.head)
        ):
            return None
        blamed = self._blamed_for(token)
        if blamed is not None:
            return blamed
        accused = self._main_clause_object(token)
        if accused is not None:
            return accused
        current = token
        for _ in range(8):
            if current.head == current:
                break
            current = current.head
            for subject in current.children:
                if subject.dep_ not in ("nsubj", "nsubjpass") or subject.i >= token.i:
                    continue
                found = [
                    m
                    for m in self.result.at(subject.i)
                    if m.actor is not None and m.actor.kind != "person"
                ]
                if len(found) == 1:
                    return found[0]
                if found:
                    return None  # "Russia and China said it ...": no single antecedent
        recent = [
            k
            for k in self.states
            if k.subject and k.sentence >= self.sentence_index - 1 and k.mention.start < token.idx
        ]
        return recent[-1].mention if recent else None

    def _main_clause_object(self, token: Token) -> Mention | None:
        """ "cut ties with Qatar, accusing it of ...": the object of a participle that shares
        the main clause's subject is not that subject (it would be "itself"), but whom the
        main clause acts on."""
        verb = token.head
        if (
            token.dep_ != "dobj"
            or verb.tag_ != "VBG"
            or verb.dep_ != "advcl"
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        ):
            return None
        for word in verb.head.subtree:
            if word.i >= verb.i:
                break
            if word.dep_ in ("dobj", "pobj"):
                found = [
                    m
                    for m in self.result.at(word.i)
                    if m.actor is not None and m.actor.kind != "person"
                ]
                if found:
                    return found[0]
        return None

    def _store_reference(self, token: Token, mentions: tuple[Mention, ...]) -> None:
        """A reference is a mention too, but it does not become a new antecedent for names."""
        self.result.by_head[token.i] = mentions
        subject = token.dep_ in ("nsubj", "nsubjpass")
        for mention in mentions:
            if mention.actor and mention.actor.kind == "person" and len(mentions) == 1:
                parts = next(
                    (k.name_parts for k in self.persons if k.mention.actor == mention.actor),
                    frozenset(),
                )
                titles = next(
                    (k.title_words for k in self.persons if k.mention.actor == mention.actor),
                    frozenset(),
                )
                self.persons.append(_Known(mention, self.sentence_index, subject, parts, titles))
        if len(mentions) > 1:
            self.groups.append((self.sentence_index, mentions))

    def _clause_subject_group(self, token: Token) -> tuple[Mention, ...]:
        """ "Moscow and Beijing have made clear that their partnership ...": a possessive or
        reflexive plural refers to the plural subject of a clause above it."""
        if token.dep_ in ("nsubj", "nsubjpass"):
            return ()
        current = token.head
        for _ in range(8):
            subjects = [
                c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
            ]
            for subject in subjects:
                members = [*self.result.at(subject.i)]
                for conj in subject.children:
                    if conj.dep_ == "conj":
                        members.extend(self.result.at(conj.i))
                if len(members) > 1:
                    return tuple(members)
                if subject.tag_ in ("NNS", "NNPS"):
                    # "G7 leaders gathered for their annual summit": one body's people, who
                    # may be named by a modifier only
                    if not members and subject.i not in self.result.by_modifier:
                        self._resolve_modifiers(subject)
                    members = members or [*self.result.modifying(subject.i)]
                    if len(members) == 1:
                        return tuple(members)
            if current.head == current:
                break
            current = current.head
        return ()

    def _last_group(self, *, before: int) -> tuple[Mention, ...]:
        for sentence, group in reversed(self.groups):
            if sentence >= self.sentence_index - 2 and group[0].start < before:
                return group
        return ()

    def _salient_pair(self, *, before: int) -> list[_Known]:
        """ "X held talks with Y and will meet Z. The two men ...": the subject of the last
        sentence that names two people, and the first other person it names."""
        looked = 0
        # A sentence that names no one (a live blog's "18:00 EAT -") does not count.
        for sentence in range(self.sentence_index, self.sentence_index - 4, -1):
            here = [k for k in self.persons if k.sentence == sentence and k.mention.start < before]
            if here:
                looked += 1
            if looked > 2:
                break
            subjects = [k for k in here if k.subject]
            if not subjects:
                continue
            first = subjects[0]
            others = [
                k for k in here if k.mention.actor != first.mention.actor and not _apposed(k, first)
            ]
            # "Abiy arrived on the first visit by an Ethiopian leader and was welcomed by
            # Isaias": the other of the pair is of another country where one is named.
            country = first.mention.actor.country if first.mention.actor else None
            abroad = [k for k in others if k.mention.actor and k.mention.actor.country != country]
            if others:
                return [first, (abroad or others)[0]]
        return []

    def _recent_group(self, *, before: int, size: int) -> tuple[Mention, ...]:
        """The last group of ``size`` actors of different countries named together."""
        for sentence, group in reversed(self.groups):
            if sentence < self.sentence_index - 3:
                break
            members = [m for m in group if m.actor is not None]
            countries = {m.actor.country for m in members if m.actor is not None}
            if len(members) == size == len(countries) and group[0].start < before:
                return tuple(members)
        return ()

    def _recent_pair(self, *, before: int, kind: str | None) -> tuple[Mention, ...]:
        """The last pair named together ("Moscow and Beijing") within three sentences."""
        for sentence, group in reversed(self.groups):
            if sentence < self.sentence_index - 3:
                break
            members = [m for m in group if m.actor is not None and kind in (None, m.actor.kind)]
            if len(members) != 2 or group[0].start >= before:
                continue
            # "both sides" of a civil war are one country's army and its rebels (not China
            # and its own government).
            opposed = (
                kind is None
                and members[0].code != members[1].code
                and all(m.actor is not None and m.actor.sectors for m in members)
            )
            if opposed or not _same_country(*members):
                return tuple(members)
        return ()

    def _resolve_bare_two(self, token: Token) -> None:
        """ "The two also restated ...": NUM "two" heading its own phrase."""
        if (
            token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj")
            or token.i in self.result.by_head
        ):
            return
        if not any(child.lower_ == "the" for child in token.lefts) and token.lower_ != "both":
            return
        self._plural_reference(
            token, token.text, token.idx, token.idx + len(token.text), kind="any"
        )

    def _resolve_nominal(self, head: Token, phrase: Any) -> None:
        lemma = head.lower_
        numbers = {t.lower_ for t in head.lefts}
        size = next((_GROUP_SIZES[n] for n in numbers if n in _GROUP_SIZES), 0)
        if size and lemma in _REFERRING_NOUNS:
            # "the three countries": the last group of three named together.
            group = self._recent_group(before=phrase.start, size=size)
            if group:
                refs = tuple(
                    self._refer(phrase.text, phrase.start, phrase.end, m, "coref:group")
                    for m in group
                )
                self._store_reference(head, refs)
            return
        plural_cue = bool(numbers & {"two", "both"})
        text, start, end = phrase.text, phrase.start, phrase.end
        if plural_cue and lemma in _PLURAL_PERSON_NOUNS:
            self._plural_reference(head, text, start, end, kind="person")
            return
        if plural_cue and lemma in _PLURAL_STATE_NOUNS:
            self._plural_reference(head, text, start, end, kind="state")
            return
        if (plural_cue or "each" in numbers) and lemma in _PLURAL_SIDE_NOUNS:
            # "each side accused the other": each of the last pair named
            self._plural_reference(head, text, start, end, kind="any")
            return
        igo = self.kb.igo_by_name(head.lower_, present=self.igos_seen)
        if igo is not None and igo.context_only:
            actor = make_actor(igo.code, name=igo.names[0] if igo.names else igo.code, kind="igo")
            self._store(head, (Mention(text, start, end, actor, rule="coref:context-alias"),))

    def _plural_reference(self, head: Token, text: str, start: int, end: int, *, kind: str) -> None:
        if kind == "any":
            # "both sides": the last pair named together, from two different countries.
            group = self._recent_pair(before=start, kind=None)
            if group:
                mentions = tuple(self._refer(text, start, end, m, "coref:two") for m in group)
                self._store_reference(head, mentions)
                return
        if kind in ("person", "any"):
            persons = self._salient_pair(before=start) or self._distinct_last(
                self.persons, before=start
            )
            recent = persons and persons[0].sentence >= self.sentence_index - 3
            if len(persons) == 2 and (kind == "person" or recent):
                mentions = tuple(
                    self._refer(text, start, end, k.mention, "coref:two") for k in persons
                )
                self._store_reference(head, mentions)
                return
        group = self._recent_pair(before=start, kind="state")
        if group:
            mentions = tuple(self._refer(text, start, end, m, "coref:two") for m in group)
            self._store_reference(head, mentions)
            return
        # "The United States urged both sides": the speaker is not one of the sides.
        states = self._distinct_last(
            [k for k in self.states if not (k.sentence == self.sentence_index and k.subject)],
            before=start,
            by_country=True,
        )
        if len(states) < 2:
            persons = self._distinct_last(self.persons, before=start)
            states = persons if len(persons) == 2 else states
            if len(states) == 2:
                mentions = tuple(
                    Mention(
                        text,
                        start,
                        end,
                        make_actor(k.mention.actor.country, kind="state"),
                        rule="coref:two-countries",
                        chain=((k.mention.start, k.mention.end),),
                    )
                    for k in states
                    if k.mention.actor
                )
                self._store_reference(head, mentions)
            return
        mentions = tuple(self._refer(text, start, end, k.mention, "coref:two") for k in states)
        self._store_reference(head, mentions)

    def _title_reference(self, head: Token, phrase: Any) -> bool:
        """ "the Russian president", "his Chinese counterpart", "the defense minister"."""
        modifiers = [t for t in phrase.tokens if t != head]
        if not any(
            t.lower_ in ("the", "his", "her", "their", "its") or t.dep_ == "poss"
            for t in head.lefts
        ):
            return False
        # "the President of Guyana" after the President of Venezuela is another one
        countries = countries_of_tokens(self.kb, modifiers) or _of_phrase_countries(self.kb, head)
        start = phrase.start
        candidates = [k for k in self.persons if k.mention.start < start]
        if countries:
            candidates = [
                k for k in candidates if k.mention.actor and k.mention.actor.country in countries
            ]
        if head.lower_ == "counterpart":
            owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON":
                self._resolve_pronoun(owner)
            owner_mentions = self.result.at(owner.i) if owner is not None else ()
            if owner_mentions and owner_mentions[0].actor:
                owner_actor = owner_mentions[0].actor
                candidates = [
                    k
                    for k in candidates
                    if k.mention.actor
                    and k.mention.actor.entity_id != owner_actor.entity_id
                    and k.mention.actor.country != owner_actor.country
                    and k.mention.actor.sectors[:1] == owner_actor.sectors[:1]
                ] or [
                    k
                    for k in candidates
                    if k.mention.actor and k.mention.actor.country != owner_actor.country
                ]
        else:
            candidates = [k for k in candidates if head.lower_ in k.title_words]
            # "Macron spoke with President Zelensky ... The President reaffirmed": of two
            # holders of the title, the one who was the subject, as readouts write.
            if len(_countries_of(candidates)) > 1:
                candidates = [k for k in candidates if k.subject] or candidates
        if not candidates:
            return False
        known = candidates[-1]
        mention = self._refer(phrase.text, phrase.start, phrase.end, known.mention, "coref:title")
        self._store_reference(head, (mention,))
        return True

    # -- modifiers ------------------------------------------------------------------
    def _resolve_modifiers(self, head: Token) -> None:
        """Actors that modify a non-actor noun: "U.S. calls", "a Russian effort", "Chi's visit"."""
        found: list[Mention] = []
        for child in head.lefts:
            if child.dep_ not in ("compound", "amod", "nmod", "poss"):
                continue
            for token in (child, *[c for c in child.children if c.dep_ == "conj"]):
                found.extend(self._modifier_mentions(token))
            found.extend(self._flag_mentions(child))
        # "Indian army posts", "Iranian military targets": a nationality and a role word
        # side by side name that country's body.
        sectors = self._modifier_sectors(head)
        if sectors and found and all(m.rule == "modifier:nationality" for m in found):
            found = [
                replace(
                    m,
                    actor=make_actor(m.actor.country, sectors, name=m.text, kind="group"),
                    rule="modifier:nationality+role",
                )
                for m in found
                if m.actor is not None
            ]
        # "Europe's largest power plant", "the Middle East peace plan": a region owns nothing.
        found = [m for m in found if not (m.actor and self._is_region(m.actor.country or ""))]
        # "Yemen's Houthi movement": the group, not the country it is of as well.
        found = [m for m in found if not any(_narrower(o, m) for o in found)]
        if found:
            self.result.by_modifier[head.i] = tuple(found)
            if len(found) > 1:
                self.groups.append((self.sentence_index, tuple(found)))

    def _flag_mentions(self, word: Token) -> list[Mention]:
        """ "the British-flagged tanker", "a Greek-owned ship": the country a ship flies the
        flag of, or whose firms own it (BUS)."""
        sectors = _SHIP_TIES.get(word.lower_)
        if sectors is None or word.dep_ != "amod":
            return []
        found = []
        for child in word.lefts:
            if child.dep_ in ("npadvmod", "compound", "amod", "nmod"):
                found += [
                    replace(m, actor=make_actor(m.actor.country, sectors, kind="group"))
                    if sectors and m.actor is not None and m.actor.kind == "state"
                    else m
                    for m in self._modifier_mentions(child)
                ]
        return found

    def _modifier_sectors(self, head: Token) -> tuple[str, ...]:
        """Sectors of the role words before a noun that are no actors themselves: "army" in
        "Indian army posts", "police" in "a police station"."""
        return tuple(
            dict.fromkeys(
                sector
                for child in head.lefts
                if child.dep_ in ("compound", "amod") and child.i not in self.result.by_head
                for sector in self.kb.agent_sectors(_compound_words(child))
                or self.kb.agent_sectors(child.lower_)
                or ()
            )
        )

    def _modifier_mentions(self, token: Token) -> list[Mention]:
        if token.i in self.result.by_head:
            return list(self.result.by_head[token.i])
        start, end = token.idx, token.idx + len(token.text)
        if token.pos_ == "PROPN":
            # "NATO air strikes", "the Yeltsin visit": a name used as a modifier.
            phrase = noun_phrase(token)
            actors, rule = phrase_actors(self.kb, phrase, date=self.date, context=self._in_view)
            if actors:
                found = [
                    Mention(phrase.text, phrase.start, phrase.end, a, rule=rule) for a in actors
                ]
                self._register(token, found)
                return found
            named = self._name_reference(token, phrase)
            if named is not None:
                return [named]
        # "North Korean artillery": the small model hangs "North" from "Korean".
        before = [c for c in token.lefts if c.dep_ in ("amod", "compound") and c.i == token.i - 1]
        if before:
            text = f"{before[0].text} {token.text}"
            country = self.kb.country_by_adjective(text)
            if country is not None:
                actor = make_actor(country.code, kind="state")
                return [Mention(text, before[0].idx, end, actor, rule="modifier:nationality")]
        codes = _country_of_word(self.kb, token.text)
        mentions = []
        for code in codes:
            actor = make_actor(code, kind="state")
            mentions.append(Mention(token.text, start, end, actor, rule="modifier:nationality"))
        return mentions


def _role_mention(
    phrase: Any,
    country: str | None,
    sectors: Iterable[str],
    rule: str,
    chain: tuple[tuple[int, int], ...] = (),
) -> Mention:
    """The phrase as a country's body in a role ("the two governments", "Kyrgyz ... troops")."""
    actor = make_actor(country, sectors, name=phrase.text, kind="group")
    return Mention(phrase.text, phrase.start, phrase.end, actor, rule=rule, chain=chain)


def _common_noun(head: Token) -> bool:
    """A noun, or a capitalised one the small model calls a name because it opens the
    sentence ("Police have used tear gas")."""
    return head.pos_ == "NOUN" or (
        head.pos_ == "PROPN"
        and head.i == head.sent.start
        and not head.ent_type_
        and not any(c.dep_ in ("compound", "flat") for c in head.children)
    )


def _apposed(a: _Known, b: _Known) -> bool:
    """ "Egypt's foreign minister Sameh Shoukry": a title and a name side by side, one person."""
    x, y = a.mention, b.mention
    near = abs(x.start - y.end) <= 3 or abs(y.start - x.end) <= 3
    return near and x.code == y.code


# "it would take measures", "it took steps": a country acting, not "it took years".
_ACTIONS_TAKEN = frozenset(
    {"measure", "countermeasure", "step", "action", "decision", "part", "control", "charge"}
)


def _takes_action(verb: Token) -> bool:
    return verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ACTIONS_TAKEN for c in verb.children
    )


def _narrower(a: Mention, b: Mention) -> bool:
    """``a`` names a body of the country that ``b`` names alone."""
    return bool(
        a.actor
        and b.actor
        and a.actor.sectors
        and not b.actor.sectors
        and a.actor.country == b.actor.country
    )


def _compound_words(word: Token) -> str:
    """ "coast guard" in "coast guard ships": a modifier with the nouns before it."""
    before = [c for c in word.lefts if c.dep_ == "compound"]
    return " ".join(t.lower_ for t in (*before, word))


def _same_country(a: Mention, b: Mention) -> bool:
    return bool(a.actor and b.actor and a.actor.country == b.actor.country)


def resolve_actors(
    doc: Any,
    *,
    kb: ActorKnowledge,
    date: dt.date | None,
    skip_spans: Sequence[tuple[int, int]] = (),
    gazetteer: Any = None,
) -> DocumentActors:
    """Every actor mention of a parsed document; ``skip_spans`` (headers, citations) are ignored."""
    return _Resolver(kb, date=date, skip=skip_spans, gazetteer=gazetteer).run(doc)


# Titles "the X" may refer back by, and the words a bare title may carry ("the Crown Prince").
_REFERRING_TITLES = TITLE_NOUNS | {"prince", "emir", "queen"}
_TITLE_PARTS = frozenset(
    {"the", "crown", "vice", "prime", "deputy", "foreign", "defence", "defense"}
)


def _bare_title(head: Token, phrase: Any) -> bool:
    """ "The President met with the King, the Crown Prince": a capitalised title with no name,
    which the small model tags as a proper noun, refers back like "the president"."""
    return head.pos_ == "PROPN" and all(
        t.lower_ in _TITLE_PARTS or t.lower_ in TITLE_NOUNS or t == head for t in phrase.tokens
    )


def _countries_of(known: Sequence[_Known]) -> set[str | None]:
    return {k.mention.actor.country for k in known if k.mention.actor is not None}
