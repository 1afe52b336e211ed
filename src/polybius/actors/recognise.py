"""Recognise actor mentions in a parsed document and code them from context.

A noun phrase is coded from what the text says about it, lists second: the nationality
adjective or possessor gives the country ("Russian", "China's"), title and role words give
the sector ("Defense Minister" → MIL), a capital used as a subject stands for its
government ("Washington insisted" → USAGOV). Persons found in the knowledge base take the
role they held on the document's date; unknown persons keep the code their title gives and
are listed as unresolved.

The parse is read through spaCy's token attributes only (``dep_``, ``head``, ``ent_type_``
...), so this module does not import spaCy.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from polybius.model import Actor
from polybius.names import HYPHENATED_GIVEN_NAME

__all__ = [
    "name_like",
    "person_name",
    "PERSON_ROLES",
    "SPEAKING_FOR",
    "TITLE_NOUNS",
    "UNKNOWN_COUNTRY",
    "ActorKnowledge",
    "NounPhrase",
    "OFFICE_SECTORS",
    "agent_sectors",
    "countries_of_tokens",
    "make_actor",
    "noun_phrase",
    "phrase_actors",
]

log = logging.getLogger(__name__)

Token = Any  # a spaCy Token, read by attribute only

# Dependency labels that build a noun phrase to the left of its head.
_NP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "case", "punct"})
_TITLE_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "flat"})
_PERSON_ENTS = frozenset({"PERSON"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_ORG_ENTS = frozenset({"ORG", "NORP"})


class ActorKnowledge(Protocol):
    """What the recogniser asks of the knowledge base (see ``polybius.actors.kb``)."""

    def country(self, code: str) -> Any: ...
    def country_by_name(self, text: str) -> Any: ...
    def country_by_adjective(self, text: str) -> Any: ...
    def country_by_demonym(self, text: str) -> Any: ...
    def country_by_capital(self, text: str, date: dt.date | None = None) -> Any: ...
    def capital_sector(self, text: str) -> str | None: ...
    def igo_by_name(self, text: str, *, present: Any = ()) -> Any: ...
    def persons_by_name(self, text: str) -> list[Any]: ...
    def persons_by_surname(self, text: str) -> list[Any]: ...
    def person_code_at(
        self, person: Any, date: dt.date | None, title: Iterable[str] = ()
    ) -> str: ...
    def role_at(self, person: Any, date: dt.date | None) -> Any: ...
    def agent_sectors(self, phrase: str) -> tuple[str, ...] | None: ...
    def is_agent_word(self, word: str) -> bool: ...
    def match_agents(self, words: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]: ...


# Titles a later reference can use on its own ("the president", "his counterpart").
TITLE_NOUNS = frozenset(
    {
        "president",
        "minister",
        "premier",
        "chairman",
        "chancellor",
        "leader",
        "chief",
        "commander",
        "secretary",
        "envoy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "king",
        "prime",
        "counterpart",
        "head",
        "general",
        "admiral",
    }
)
# Those who speak for a body name it with "for": "a spokesperson for the UN rights office".
SPEAKING_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Role nouns that name one person ("the minister", "his counterpart"), not a body: the
# titles, less "prime" (a word of "prime minister"), and roles no reference stands on.
PERSON_ROLES = (TITLE_NOUNS - {"prime"}) | {
    "spokesperson",
    "queen",
    "emir",
    "prince",
    "governor",
    "mayor",
    "senator",
    "prosecutor",
    "judge",
}

# CAMEO's country part for an actor whose country the text does not give ("---REB").
UNKNOWN_COUNTRY = "---"


def make_actor(
    country: str | None,
    sectors: Iterable[str] = (),
    *,
    name: str | None = None,
    entity_id: str | None = None,
    kind: str = "unknown",
) -> Actor:
    """An Actor whose code is its country followed by its sectors, CAMEO style."""
    unique: list[str] = []
    for sector in sectors:
        if sector and sector not in unique and sector != country:
            unique.append(sector)
    code = (country or "") + "".join(unique)
    return Actor(
        code=code, country=country, sectors=tuple(unique), name=name, entity_id=entity_id, kind=kind
    )


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """``RUSMIL`` → (``RUS``, (``MIL``,)); ``IGOUNO`` stays one unit."""
    if code.startswith(("IGO", "NGO", "MNC")):
        return code[:3] + code[3:6] if len(code) >= 6 else code, _chunks(code[6:])
    return code[:3] or None, _chunks(code[3:])


def _chunks(rest: str) -> tuple[str, ...]:
    return tuple(rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3])


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A noun phrase seen from its head: the tokens that modify it and what they say."""

    head: Token
    tokens: tuple[Token, ...]  # in text order, head included

    @property
    def start(self) -> int:
        return int(self.tokens[0].idx)

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return int(last.idx + len(last.text))

    @property
    def text(self) -> str:
        # Doc.text rebuilds the whole document string: slice a span instead.
        first, last = self.tokens[0], self.tokens[-1]
        return str(first.doc[first.i : last.i + 1].text)

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens if t.pos_ not in ("DET", "PUNCT", "PART")]


def noun_phrase(head: Token) -> NounPhrase:
    """The head with its left modifiers (titles, adjectives, possessors), recursively."""
    collected = [head]
    stack = [child for child in head.lefts if child.dep_ in _NP_MODIFIERS]
    while stack:
        token = stack.pop()
        if token.dep_ == "punct" and token.text not in ("-", "–", "'", "’"):
            continue
        collected.append(token)
        # "German and French leaders": coordinated modifiers belong to the phrase.
        inner = _NP_MODIFIERS | {"conj", "cc"}
        stack.extend(child for child in token.lefts if child.dep_ in inner)
        stack.extend(child for child in token.rights if child.dep_ in inner)
    # A flat name continues to the right of the head in some parses ("Chi Haotian" as flat).
    collected.extend(child for child in head.rights if child.dep_ in ("flat", "compound"))
    tokens = tuple(sorted(set(collected), key=lambda t: t.i))
    # Keep the phrase contiguous: drop stray tokens separated from the head.
    contiguous = [head]
    by_index = {t.i: t for t in tokens}
    i = head.i - 1
    while i in by_index or (i - 1 in by_index and head.doc[i].text == ","):
        # "British, French and American warplanes": a list's commas do not end the phrase
        contiguous.insert(0, by_index.get(i, head.doc[i]))
        i -= 1
    i = head.i + 1
    while i in by_index:
        contiguous.append(by_index[i])
        i += 1
    while contiguous and contiguous[0].pos_ in ("DET", "PUNCT", "PART") and contiguous[0] != head:
        contiguous.pop(0)
    first = contiguous[0]
    if first.lower_ in ("led", "based") and first != head and first.i >= 2:
        # "Saudi-led forces", "a US-based charity": the leader's or the seat's nationality,
        # glued by a hyphen, is the phrase's
        hyphen, leader = first.doc[first.i - 1], first.doc[first.i - 2]
        if hyphen.text == "-" and not hyphen.whitespace_ and not leader.whitespace_:
            contiguous[:0] = [leader, hyphen]
    return NounPhrase(head=head, tokens=tuple(contiguous))


def _country_of_word(kb: ActorKnowledge, word: str) -> list[str]:
    """Countries named by one word: "Russian", "China", "U.S.-Japanese" (two)."""
    found = []
    parts = [word]
    if (
        "-" in word.strip("-")
        and not kb.country_by_adjective(word)
        and not kb.country_by_name(word)
    ):
        parts = [p for p in word.split("-") if p]
    for part in parts:
        country = (
            kb.country_by_adjective(part)
            or kb.country_by_name(part)
            or (kb.country_by_capital(part) if part[:1].isupper() else None)
        )
        if country is not None and country.code not in found:
            found.append(country.code)
        elif country is None and part[:1].isupper():
            code = _named_place_code(kb, part)
            if code and code not in found:
                found.append(code)
    return found


def countries_of_tokens(kb: ActorKnowledge, tokens: Sequence[Token]) -> list[str]:
    """Countries named by a run of words, longest names first: "North Korean" is PRK,
    not the "Korean" of South Korea; "Sri Lankan" needs both words."""
    found: list[str] = []
    tokens = list(tokens)
    i = 0
    while i < len(tokens):
        for n in (3, 2):
            window = tokens[i : i + n]
            if len(window) < n or window[-1].i - window[0].i != n - 1:
                continue
            text = " ".join(t.text for t in window)
            country = kb.country_by_adjective(text) or kb.country_by_name(text)
            if country is not None:
                if country.code not in found:
                    found.append(country.code)
                i += n
                break
        else:
            for code in _country_of_word(kb, tokens[i].text):
                if code not in found:
                    found.append(code)
            i += 1
    return found


def _named_actor(
    kb: ActorKnowledge, text: str, date: dt.date | None, context: Context = frozenset
) -> Actor | None:
    """A non-person named actor of the knowledge base, coded as on the date.

    Of two sharing a name ("RSF"), the one of a country the text is about; else a user's or
    imported entry (loaded after the built-in files).
    """
    named = [p for p in kb.persons_by_name(text) if getattr(p, "kind", "person") != "person"]
    if not named or len({p.id for p in named}) > 2:
        return None
    local = [p for p in named if p.country in context()] if len(named) > 1 else []
    entry = (local or named)[-1]
    country, sectors = split_code(kb.person_code_at(entry, date))
    return make_actor(country, sectors, name=entry.name, entity_id=entry.id, kind=entry.kind)


def _local_namesake(
    kb: ActorKnowledge, text: str, date: dt.date | None, context: Context
) -> Actor | None:
    """A named group of a country the text is about that shares its name with an
    international body ("RSF": Sudan's militia, not Reporters Without Borders)."""
    named = _named_actor(kb, text, date, context)
    return named if named is not None and named.country in context() else None


def _named_place_code(kb: ActorKnowledge, word: str) -> str | None:
    """A user's or imported named actor coded as a bare country ("Gondor" → GON) can give
    the nationality of a role word next to it ("the Gondor government" → GONGOV)."""
    named = [p for p in kb.persons_by_name(word) if getattr(p, "kind", "person") != "person"]
    if len(named) != 1:
        return None
    code = kb.person_code_at(named[0], None)
    return code if len(code) == 3 and code.isalpha() and code.isupper() else None


# Words that put an office in the past; CAMEO codes former office holders as elites (ELI).
_FORMER = frozenset(
    {"former", "ex", "ousted", "sacked", "deposed", "toppled", "dismissed", "exiled"}
)
# Sectors of the state's own offices: its executive, forces, legislature and courts.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


# The countries a text is about, asked for only where two actors share a name (it costs).
Context = Callable[[], Collection[str]]

# Roles outside the state a text may give someone the knowledge base knows only in office.
_OUTSIDE_SECTORS = frozenset(
    {"OPP", "REB", "SEP", "INS", "UAF", "LAB", "HRI", "MED", "REL", "EDU", "BUS", "NGO", "ENV"}
)
_LEADING = (["leader"], ["leaders"], ["leadership"], ["chief"], ["head"], ["boss"], ["commander"])
# "the industry minister", "the Ministry of Labour": a portfolio word names what a minister is
# for, not a second sector; the office makes the actor the government.
_MINISTERIAL = (["minister"], ["ministers"], ["ministry"], ["ministries"])


_STATE_FORCES = frozenset({"MIL", "COP", "SPY"})


def agent_sectors(
    kb: ActorKnowledge, tokens: Sequence[Token]
) -> tuple[tuple[str, ...], tuple[Token, ...]]:
    """Sector codes named by title and role words, longest phrase first."""
    words = [t.text.lower() for t in tokens]
    matches = kb.match_agents(words)
    if not matches:
        lemmas = [t.lemma_.lower() for t in tokens]
        matches = kb.match_agents(lemmas)
    sectors: list[str] = []
    used: list[Token] = []
    matched: list[set[str]] = []
    if len(matches) > 1:
        # "the civilian leader", "a civilian government": a role that is not military, not
        # a civilian person; "the Royal Navy", "the Royal Thai Police": whose force it is,
        # not a royal.
        matches = [m for m in matches if words[m[0] : m[1]] not in (["civilian"], ["royal"])]
    # "anti-government protesters": what they oppose, not what they are
    matches = [m for m in matches if "anti" not in words[max(0, m[0] - 2) : m[0]]]
    # "a drug cartel leader", "the militia chief": a leader of the body the other words
    # name, not of the government.
    led = len(matches) > 1 and any(words[m[0] : m[1]] not in _LEADING for m in matches)
    ministerial = [m for m in matches if words[m[0] : m[1]] in _MINISTERIAL]
    if len(matches) > 1 and ministerial:  # "the industry minister", "the Minister of Industry"
        used.extend(t for m in matches if m not in ministerial for t in tokens[m[0] : m[1]])
        matches = ministerial[:1]
    for start, end, codes in matches:
        if led and words[start:end] in _LEADING:
            used.extend(tokens[start:end])
            continue
        if _FORMER.intersection(words[:start]) and set(codes) & OFFICE_SECTORS:
            codes = ("ELI",)  # "the ousted president", "a sacked minister": no office now
        for code in codes:
            if code not in sectors:
                sectors.append(code)
        used.extend(tokens[start:end])
        matched.append(set(codes))
    if any("GOV" in m and not m & _STATE_FORCES for m in matched) and any(
        m & _STATE_FORCES for m in matched
    ):
        # "government warplanes": the state's forces; "government" only says whose they are
        sectors.remove("GOV")
    return tuple(sectors), tuple(used)


def phrase_actors(
    kb: ActorKnowledge,
    phrase: NounPhrase,
    *,
    date: dt.date | None,
    context: Context = frozenset,
) -> tuple[list[Actor], str]:
    """Code a noun phrase from its own words; returns the actors and the rule that decided.

    An empty list means the phrase names no actor (or one we cannot code).
    """
    head = phrase.head
    ent = head.ent_type_
    modifiers = [t for t in phrase.tokens if t != head]

    # A person: the knowledge base first, then title and nationality.
    name_tokens = _known_longer_name(kb, phrase, person_name(phrase)) or _known_name_end(kb, phrase)
    if name_tokens:
        name = " ".join(t.text for t in name_tokens)
        title_tokens = [t for t in modifiers if t not in name_tokens]
        countries = countries_of_tokens(kb, title_tokens)
        sectors, _ = agent_sectors(kb, title_tokens)
        title = [t.text.lower() for t in title_tokens]
        person = _find_person(kb, name, countries, date=date, title=title)
        for drop in (1, 2) if person is None and len(name_tokens) >= 3 else ():
            # "State Counsellor Aung San Suu Kyi": the model's entity may take in the title's
            # last word, and the name it gives is no one's.
            shorter = name_tokens[drop:]
            if len(shorter) < 2 or not all(
                kb.match_agents([t.text.lower()]) for t in name_tokens[:drop]
            ):
                break  # "Riyad al-Maliki" is not Nouri al-Maliki
            extra = [t.text.lower() for t in name_tokens[:drop]]
            found = _find_person(
                kb, " ".join(t.text for t in shorter), countries, date=date, title=title + extra
            )
            if found is not None:
                person, name_tokens = found, shorter
                title_tokens = [t for t in modifiers if t not in name_tokens]
                title = [t.text.lower() for t in title_tokens]
                break
        if person is not None:
            code = kb.person_code_at(person, date, title)
            if sectors and sectors[0] in _OUTSIDE_SECTORS and kb.role_at(person, date) is None:
                # "protest leader Nikol Pashinyan" out of office: what the text calls him.
                code = f"{person.country}{sectors[0]}" if person.country else code
            country, kb_sectors = split_code(code)
            actor = make_actor(
                country, kb_sectors, name=person.name, entity_id=person.id, kind="person"
            )
            return [actor], "kb:person"
        igo, igo_words = _igo_in_title(kb, title_tokens)
        rest = [t for t in title_tokens if t not in igo_words]
        if igo is not None and not countries_of_tokens(kb, rest):
            # "UN envoy Jan Smith", "ICC Prosecutor Karim A.A. Khan": the body's official,
            # not a citizen of the country the sentence is about.
            label = igo.names[0] if igo.names else igo.code
            return [make_actor(igo.code, name=label, kind="igo")], "kb:igo+title"
        if sectors and not countries:
            # "Prime Minister ... of Jordan": the nationality after the name
            countries = _of_phrase_countries(kb, head)[:1]
        if countries:
            return [
                make_actor(countries[0], sectors, name=name, kind="person")
            ], "title+nationality"
        if not sectors:
            # The small model takes some places for persons: "Buenos Aires", "northern Mali".
            place = _country_or_capital(kb, name, date)
            if place is not None:
                return place
        # A title alone ("President Suleiman") gives no country: better no code than "GOV".
        return [], ""

    text = phrase.text
    head_text = head.text

    korea = _korea_by_half(phrase, context)
    if korea is not None:
        return [korea], "korea:half"

    entity = _entity_text(head)
    # "the U.N. High Commissioner for Human Rights", "the Liberation Tigers of Tamil Eelam"
    long_name = _name_with_complement(phrase)

    # An international body, named in full or by acronym.
    igo = (
        kb.igo_by_name(entity or text)
        or kb.igo_by_name(head_text)
        or (kb.igo_by_name(long_name) if long_name else None)
    )
    if igo is not None:
        # "Russia's Security Council" is Russia's own body, not the UN's; "the East African
        # bloc IGAD" is still IGAD (a region owns no body).
        owners = [
            c
            for t in modifiers
            if t.dep_ in ("poss", "amod")
            for c in _country_of_word(kb, t.text)
            if getattr(kb.country(c), "kind", "") != "region"
        ]
        if owners:
            return [make_actor(owners[0], ["GOV"], name=text, kind="group")], "body+nationality"
    if igo is not None and not getattr(igo, "context_only", False):
        # "the Sudanese army and the RSF": a group of the country in view shares the name.
        local = _local_namesake(kb, entity or text, date, context)
        if local is not None:
            return [local], "kb:named"
        return [
            make_actor(igo.code, name=igo.names[0] if igo.names else igo.code, kind="igo")
        ], "kb:igo"

    # A named group, party or company from the knowledge base ("Hamas", "the Taliban").
    if head.pos_ == "PROPN" or ent in _ORG_ENTS:
        named = _named_actor(kb, entity or text, date, context)
        if named is None and long_name:
            named = _named_actor(kb, long_name, date, context)
        if named is not None:
            return [named], "kb:named"

    # A country named as a noun ("China", "the United States").
    if ent in _PLACE_ENTS or head.pos_ == "PROPN":
        # The name in full when the model tags no entity: "Buenos Aires", "New Delhi".
        proper = " ".join(t.text for t in phrase.tokens if t.pos_ == "PROPN")
        for candidate in (entity, head_text, proper):
            place = _country_or_capital(kb, candidate, date) if candidate else None
            if place is not None:
                return place

    # "the Russians", "the Chinese": the nation (its people).
    if head.pos_ in ("PROPN", "NOUN", "ADJ") and (ent == "NORP" or head.tag_ in ("NNPS", "NNS")):
        country = kb.country_by_adjective(head_text) or kb.country_by_demonym(head_text)
        if country is not None and head.dep_ not in ("amod", "compound"):
            return [make_actor(country.code, name=country.name, kind="state")], "kb:demonym"

    # A role or body with a nationality: "the Chinese leadership", "China's defense academy",
    # "a Vietnamese head of government" (a role named with "of" runs past the head).
    sectors, sector_tokens = agent_sectors(kb, (*phrase.tokens, *_of_complement(head)))
    if sectors and head in sector_tokens:
        # "ISIS militants", "Hezbollah fighters": the named group is the actor.
        for token in modifiers:
            if (
                (token.pos_ in ("PROPN", "NOUN") or _acronym(token))
                and token not in sector_tokens
                and token.text[:1].isupper()
            ):
                name = _entity_text(token) or token.text
                # "African Union troops", "U.N. peacekeepers": the body's own people.
                igo = kb.igo_by_name(name)
                local = _local_namesake(kb, name, date, context) if igo is not None else None
                if local is not None:
                    return [local], "kb:named+role"  # "Sudan's army and RSF fighters"
                if igo is not None and not getattr(igo, "context_only", False):
                    label = igo.names[0] if igo.names else igo.code
                    # "Iranian and European Union negotiators": the nations beside the body.
                    rest = [
                        t
                        for t in modifiers
                        if t not in sector_tokens and (_entity_text(t) or t.text) != name
                    ]
                    return [
                        make_actor(igo.code, name=label, kind="igo"),
                        *(
                            make_actor(c, sectors, name=text, kind="group")
                            for c in countries_of_tokens(kb, rest)
                        ),
                    ], "kb:igo+role"
                named = _named_actor(kb, name, date, context)
                # A named place coded as a bare country is a nationality ("the Gondor
                # government" → GONGOV), handled below.
                if named is not None and named.kind != "place" and named.sectors:
                    return [named], "kb:named+role"
    if sectors and head in sector_tokens:
        countries = countries_of_tokens(
            kb, [t for t in phrase.tokens if t not in sector_tokens or t.pos_ == "PROPN"]
        )
        if not countries:
            # "the government of Russia", "lawmakers in Fornost" — but "the US commander
            # in Iraq" is American.
            countries = _of_phrase_countries(kb, head)
        if countries:
            # "his Sudanese counterpart", "the Russian president": one person, whom "the two
            # ministers" or "he" may later mean.
            kind = "person" if head.lemma_.lower() in PERSON_ROLES else "group"
            actors = [make_actor(c, sectors, name=text, kind=kind) for c in countries]
            return actors, "agent+nationality"
    return [], ""


def _igo_in_title(kb: ActorKnowledge, title: Sequence[Token]) -> tuple[Any, list[Token]]:
    """The international body a person's title names, and its words: "UN" in "UN envoy",
    "African Union Commission" in "African Union Commission chairman"."""
    words = [t for t in title if t.text[:1].isupper()]
    for size in range(min(len(words), 5), 0, -1):
        for at in range(len(words) - size + 1):
            run = words[at : at + size]
            if any(b.i != a.i + 1 for a, b in zip(run, run[1:], strict=False)):
                continue
            igo = kb.igo_by_name(" ".join(t.text for t in run))
            if igo is not None and not getattr(igo, "context_only", False):
                return igo, run
    return None, []


def _acronym(token: Token) -> bool:
    """ "ECOWAS leaders": the small model tags some acronyms before a noun as adjectives."""
    return token.pos_ == "ADJ" and len(token.text) > 2 and token.text.isupper()


def _country_or_capital(
    kb: ActorKnowledge, name: str, date: dt.date | None
) -> tuple[list[Actor], str] | None:
    """A country named as a noun ("China"), or its capital standing for its government."""
    country = kb.country_by_name(name)
    if country is not None:
        return [make_actor(country.code, name=country.name, kind="state")], "kb:country"
    capital = kb.country_by_capital(name, date)
    if capital is not None:
        sector = kb.capital_sector(name) or "GOV"
        return [make_actor(capital.code, [sector], name=name, kind="state")], "metonymy:capital"
    return None


def _name_with_complement(phrase: NounPhrase) -> str:
    """The name a capitalised head runs on to through a capitalised "for", "of" or "without"
    phrase ("Doctors Without Borders", "the Liberation Tigers of Tamil Eelam"), or ""."""
    head = phrase.head
    if not head.text[:1].isupper():
        return ""
    for prep in head.rights:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("for", "of", "without")
            and prep.i == phrase.tokens[-1].i + 1
        ):
            # up to the object: "..., which has fought for a homeland" is not the name
            objects = [c.i for c in prep.children if c.dep_ == "pobj"]
            tail = [t for t in prep.subtree if not objects or t.i <= objects[0]]
            if all(t.text[:1].isupper() or t.lower_ in ("the", "and", "of") for t in tail[1:]):
                return str(head.doc[phrase.tokens[0].i : tail[-1].i + 1].text)
    return ""


def _entity_text(token: Token) -> str:
    if not token.ent_type_:
        return ""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    words = [t for t in doc[start:end] if t.pos_ not in ("DET",) and t.dep_ != "case"]
    if not words:
        return ""
    return str(doc[words[0].i : words[-1].i + 1].text)


def _of_complement(head: Token) -> tuple[Token, ...]:
    """ "of government" in "head of government", "for defence" in "minister for defence",
    "of foreign affairs": the words right after "of" or "for" (a country there, "the
    president of Russia", names no role and is read by ``_of_phrase_countries``)."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.i == head.i + 1:
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.pos_ not in ("NOUN", "PROPN"):
                    continue
                between = list(head.doc[prep.i + 1 : obj.i])
                if len(between) <= 2 and all(
                    t.head == obj and t.dep_ in ("compound", "amod") for t in between
                ):
                    return (prep, *between, obj)
    return ()


def _of_phrase_countries(kb: ActorKnowledge, head: Token) -> list[str]:
    """ "the government of Russia", "forces from Chad": a country in an of/from phrase."""
    found: list[str] = []
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    # "lawmakers in Fornost and Gondor", "the presidents of Bosnia, Serbia
                    # and Croatia": every conjunct counts, the model's entity or the word.
                    for place in _conjuncts(obj):
                        found.extend(
                            _country_of_word(kb, _entity_text(place) or place.text)
                            or _country_of_word(kb, place.text)
                            or _formal_country(kb, place)
                        )
    complement = _of_complement(head)
    if not found and complement:
        # "the Minister for Foreign Affairs of Ireland": the country follows the portfolio
        found = _of_phrase_countries(kb, complement[-1])
    return found


_STATE_FORMS = frozenset({"republic", "kingdom", "state", "federation", "emirate", "sultanate"})


def _formal_country(kb: ActorKnowledge, word: Token) -> list[str]:
    """ "the Government of the Republic of Colombia": a country by its formal name."""
    if word.lemma_.lower() not in _STATE_FORMS:
        return []
    name = " ".join(t.text for t in word.subtree if t.dep_ not in ("cc", "conj", "punct"))
    country = kb.country_by_name(name)
    if country is not None:
        return [country.code]
    # "the Cooperative Republic of Guyana": a form the table lacks, of a country it has
    return [
        code
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
        for code in _country_of_word(kb, obj.text)
    ][:1]


def _conjuncts(token: Token) -> list[Token]:
    """A word and the words coordinated with it, however deep the chain: "A, B and C"."""
    chain = [token]
    for word in chain:
        chain.extend(c for c in word.children if c.dep_ == "conj")
        # "Mali, Burkina Faso and Niger": the small model may make the second an apposition
        # that carries the rest of the list.
        chain.extend(
            c
            for c in word.children
            if c.dep_ == "appos"
            and word.pos_ == c.pos_ == "PROPN"
            and any(g.dep_ == "conj" for g in c.children)
        )
    return chain


def _find_person(
    kb: ActorKnowledge,
    name: str,
    countries: Sequence[str],
    *,
    date: dt.date | None = None,
    title: Sequence[str] = (),
) -> Any:
    """The knowledge-base person named, if one fits what the text says.

    Several people share a name ("President Bush"): the one of the text's country who
    holds an office on the date, with the title the text gives, is meant.
    """
    candidates = kb.persons_by_name(name)
    if not candidates and " " in name:
        # Transliterations vary ("Igor Sergeev"/"Igor Sergeyev"): try the surname alone.
        candidates = kb.persons_by_name(name.split()[-1])
        candidates = [p for p in candidates if _first_name_fits(p, name)]
    if not candidates and countries and date is not None and " " not in name:
        # "Bolivia's Morales": a surname two people share, with the nationality that tells
        # them apart, for the one of them in office on the date.
        candidates = [
            p
            for p in kb.persons_by_surname(name)
            if p.country in countries and kb.role_at(p, date) is not None and _holds(kb, p, date)
        ]
    if countries:
        narrowed = [p for p in candidates if p.country in countries]
        candidates = narrowed or candidates
    if len(candidates) > 1 and date is not None:
        in_office = [
            p for p in candidates if kb.role_at(p, date) is not None and _holds(kb, p, date)
        ]
        titled = [p for p in in_office if _title_fits(kb.role_at(p, date), title)]
        candidates = titled or in_office or candidates
    return candidates[0] if len(candidates) == 1 else None


def _holds(kb: ActorKnowledge, person: Any, date: dt.date) -> bool:
    role = kb.role_at(person, date)
    return role is not None and role.valid_on(date)


def _title_fits(role: Any, title: Sequence[str]) -> bool:
    words = set(str(getattr(role, "title", "")).lower().split())
    return bool(words & set(title)) if title else True


def _first_name_fits(person: Any, name: str) -> bool:
    first = name.split()[0].lower()
    names = [person.name, *getattr(person, "aliases", ())]
    return any(n.lower().startswith(first) for n in names)


def _known_longer_name(kb: ActorKnowledge, phrase: NounPhrase, name: list[Token]) -> list[Token]:
    """ "Sheikh Hasina": the small model may leave a name's first word out of the entity,
    where it passes for a title; the knowledge base knows the whole name."""
    if not name:
        return name
    tokens = list(phrase.tokens)
    at = tokens.index(name[0]) if name[0] in tokens else 0
    longer = list(name)
    for token in reversed(tokens[:at]):
        if token.tag_ != "NNP" or not name_like(token):
            break
        longer.insert(0, token)
        if kb.persons_by_name(" ".join(t.text for t in longer)):
            return longer
    return name


def _korea_by_half(phrase: NounPhrase, context: Context) -> Actor | None:
    """ "Moon's visit to the North": in a text about Korea, "the North" is North Korea and
    "the South" South Korea, as Korean and wire reporting write them."""
    head = phrase.head
    if head.lower_ not in ("north", "south") or [t.lower_ for t in phrase.tokens] != [head.lower_]:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if not {"PRK", "KOR"} & set(context()):
        return None
    return make_actor("PRK" if head.lower_ == "north" else "KOR", kind="state")


# Lower-case words inside names: "Ursula von der Leyen", "Abdullah bin Zayed"
_NAME_PARTICLES = frozenset(
    {"von", "der", "van", "de", "del", "da", "dos", "la", "le", "bin", "al"}
)


def _known_name_end(kb: ActorKnowledge, phrase: NounPhrase) -> list[Token]:
    """ "President Ursula von der Leyen": the small model may mark no PERSON in a name (it
    tags "Leyen" a place); the words ending the phrase that the knowledge base knows as a
    person's whole name are one."""
    if phrase.head.pos_ != "PROPN":
        return []
    tokens = list(phrase.tokens)
    for size in range(min(5, len(tokens)), 1, -1):
        words = tokens[-size:]
        if not words[0].text[:1].isupper() or not all(
            w.pos_ == "PROPN" or w.lower_ in _NAME_PARTICLES for w in words
        ):
            continue
        named = kb.persons_by_name(" ".join(w.text for w in words))
        if any(getattr(p, "kind", "person") == "person" for p in named):
            return words
    return []


def person_name(phrase: NounPhrase) -> list[Token]:
    """The words of the person's name that ends a phrase, or [] if it names no person.

    The name is the run of proper nouns ending at the head that holds the small model's
    PERSON entity nearest the head: "Jailed Kremlin critic Alexei Navalny" (its entity
    starts at "Jailed") is Alexei Navalny with title "Jailed Kremlin critic"; in "Aung San
    Suu Kyi" the entity stops at "San", the name does not.
    """
    head = phrase.head
    tail = hyphen_tail(head)
    if (not name_like(head) and not tail) or head.ent_type_ not in (*_PERSON_ENTS, ""):
        return []
    tokens = list(phrase.tokens)
    if tail:
        # The parse may scatter the name's words ("Moon Jae" hung elsewhere): read the text.
        tokens = list(head.doc[max(head.sent.start, head.i - 5) : head.i + 1])
    if head not in tokens:
        return []
    at = tokens.index(head)
    run: list[Token] = []
    seen_person = False
    for token in reversed(tokens[: at + 1]):
        if token.text == "-" and run:
            run.append(token)  # "al-Bashir"
            continue
        if not name_like(token) and not (token is head and tail):
            break
        if token.ent_type_ in _PERSON_ENTS:
            seen_person = True
        elif seen_person:
            break  # the entity ended: what precedes it is title
        run.append(token)
    hyphenated = (tail and len(run) >= 3) or (
        HYPHENATED_GIVEN_NAME.fullmatch(head.text) is not None and len(run) >= 2
    )
    if not seen_person and not hyphenated:
        return []  # a hyphenated given name is a name even where no entity marks it
    run.reverse()
    while run and run[0].text == "-":
        run.pop(0)
    return run


def name_like(token: Token) -> bool:
    """A word that can be part of a person's name: a proper noun, or a capitalised word the
    small model tags as a common noun inside a PERSON entity ("Morales said") or a
    hyphenated given name kept whole by the NLP stage ("Park Geun-hye")."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN" or not token.text[:1].isupper() or token.text.isupper():
        return False
    return (
        token.ent_type_ in _PERSON_ENTS or HYPHENATED_GIVEN_NAME.fullmatch(token.text) is not None
    )


def hyphen_tail(token: Token) -> bool:
    """ "Moon Jae-in": the small model tags the last syllable of a hyphenated given name
    as a common word; it is a name's tail when glued by a hyphen to a proper noun."""
    doc = token.doc
    return (
        token.i >= 2
        and doc[token.i - 1].text == "-"
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 2].whitespace_
        and doc[token.i - 2].pos_ == "PROPN"
        and token.text[:1].islower()
        and token.ent_type_ in (*_PERSON_ENTS, "")
    )


def iter_candidate_heads(sentence: Any) -> Iterator[Token]:
    """Tokens that can head an actor phrase: nouns, proper nouns, and NORP adjectives used alone."""
    for token in sentence:
        if token.pos_ in ("PROPN", "NOUN"):
            yield token
        elif token.pos_ == "ADJ" and token.ent_type_ == "NORP" and token.dep_ not in ("amod",):
            yield token
