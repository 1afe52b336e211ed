"""A deterministic corpus of realistic news text for the benchmarks.

Sentences are assembled from templates written for Polybius (wire-report structures: meetings,
accusations, attacks, aid, sanctions, passive clauses, quotes, negation, reported speech)
filled with real actors, places and dates. Documents mix wire items with datelines and
Monitor-style briefs with a header and closing citations, like the text users code. The
same seed gives the same corpus, so figures from two runs compare.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BenchCorpus", "make_corpus", "seed_texts"]

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# (name, adjective, capital) of states that appear in the news we code
_COUNTRIES = (
    ("Russia", "Russian", "Moscow"), ("China", "Chinese", "Beijing"),
    ("the United States", "American", "Washington"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("Georgia", "Georgian", "Tbilisi"), ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"), ("Turkey", "Turkish", "Ankara"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Japan", "Japanese", "Tokyo"), ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"), ("Britain", "British", "London"),
    ("Syria", "Syrian", "Damascus"), ("Egypt", "Egyptian", "Cairo"),
    ("Belarus", "Belarusian", "Minsk"), ("Kazakhstan", "Kazakh", "Astana"),
    ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Poland", "Polish", "Warsaw"), ("North Korea", "North Korean", "Pyongyang"),
    ("South Korea", "South Korean", "Seoul"), ("Iraq", "Iraqi", "Baghdad"),
    ("Afghanistan", "Afghan", "Kabul"), ("Nigeria", "Nigerian", "Abuja"),
    ("Venezuela", "Venezuelan", "Caracas"), ("Mexico", "Mexican", "Mexico City"),
)  # fmt: skip

# (person, title, country index) — office holders of the years the corpus is dated in
_PEOPLE = (
    ("Vladimir Putin", "President", 0), ("Boris Yeltsin", "President", 0),
    ("Sergei Lavrov", "Foreign Minister", 0), ("Igor Ivanov", "Foreign Minister", 0),
    ("Xi Jinping", "President", 1), ("Jiang Zemin", "President", 1),
    ("Bill Clinton", "President", 2), ("Madeleine Albright", "Secretary of State", 2),
    ("Leonid Kuchma", "President", 3), ("Eduard Shevardnadze", "President", 4),
    ("Mohammad Khatami", "President", 5), ("Benjamin Netanyahu", "Prime Minister", 6),
    ("Recep Tayyip Erdogan", "Prime Minister", 7), ("Atal Bihari Vajpayee", "Prime Minister", 8),
    ("Nawaz Sharif", "Prime Minister", 9), ("Shinzo Abe", "Prime Minister", 10),
    ("Angela Merkel", "Chancellor", 11), ("Jacques Chirac", "President", 12),
    ("Tony Blair", "Prime Minister", 13), ("Bashar al-Assad", "President", 14),
    ("Hosni Mubarak", "President", 15), ("Alexander Lukashenko", "President", 16),
    ("Nursultan Nazarbayev", "President", 17), ("Robert Kocharian", "President", 18),
    ("Heydar Aliyev", "President", 19), ("Aleksander Kwasniewski", "President", 20),
)  # fmt: skip

_GROUPS = (
    "the European Union", "NATO", "the United Nations", "the OSCE", "the IMF",
    "the World Bank", "the African Union", "the Red Cross",
)  # fmt: skip
_SECTORS = (
    "troops", "police", "border guards", "officials", "diplomats", "rebels", "protesters",
    "lawmakers", "soldiers", "security forces", "opposition leaders", "militants",
)  # fmt: skip
_TOPICS = (
    "the gas pipeline", "the border dispute", "nuclear cooperation", "arms control",
    "the peace plan", "trade tariffs", "the refugee crisis", "oil exports", "missile defense",
    "the ceasefire", "visa rules", "the election results",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_AGENCIES = ("Reuters", "AP", "AFP", "Interfax", "Xinhua", "ITAR-TASS", "RIA Novosti", "BBC")
_NUMBERS = ("two", "three", "five", "twelve", "dozens of", "at least 20", "more than 100")

_TEMPLATES = (
    "{Title} {person} met {title2} {person2} in {capital} on {day} to discuss {topic}.",
    "{Adj} {sector} attacked {adj2} {sector2} near the border on {day}, officials said.",
    "{Country} accused {country2} of violating the agreement on {topic}.",
    "{Person} said on {day} that {country2} would face consequences"
    " if it did not withdraw its {sector}.",
    "{Country} pledged ${amount} million in economic aid to {country2}.",
    "{Group} imposed new sanctions on {country2} over {topic}.",
    "{Adj} {sector} arrested {number} {sector2} in {capital} after clashes on {day}.",
    "{Country2} was criticized by {group} for its handling of {topic}.",
    "\u201cWe will not accept any interference in our internal affairs,\u201d"
    " {person} told reporters in {capital}.",
    "{Title} {person} visited {capital2} on {day}, the first such trip in {years} years.",
    "{Country} and {country2} signed a memorandum on {topic} in {capital}.",
    "{Adj} officials denied that {country2} had supplied weapons to {sector} in the region.",
    "{Group} called on {country} and {country2} to resume talks on {topic}.",
    "{Country} expelled {number} {adj2} diplomats, accusing them of espionage.",
    "{Adj} {sector} fired on a convoy near {capital2}, killing {number} people.",
    "{Person} threatened to cut off {topic} unless {country2} paid its debts.",
    "{Country} did not rule out military action against {country2}, a spokesman said.",
    "The talks between {country} and {country2} on {topic} ended without agreement.",
    "{Country} recalled its ambassador from {capital2} for consultations on {day}.",
    "{Adj} {sector} demonstrated outside the {adj2} embassy in {capital}.",
    "{Group} praised {country} for its cooperation on {topic}.",
    "{Country2} rejected the proposal, calling it an attempt to isolate {capital2}.",
    "{Person} is expected to travel to {capital2} next month for talks with {person2}.",
    "According to {agency}, {adj} {sector} have been deployed along the border with {country2}.",
    "{Country} has offered to mediate between {country2} and {group}.",
    "{Person} warned that a {adj2} departure from the treaty would undermine stability.",
    "{Adj} and {adj2} ministers agreed to expand cooperation on {topic}.",
    "Opposition leaders in {capital} demanded the resignation of {title} {person}.",
    "{Country} may impose restrictions on imports from {country2}, officials said on {day}.",
    "{Number_cap} {sector} were wounded when {sector2} stormed a government building in {capital}.",
)

_HEADLINES = (
    "{Adj} leader looks to {capital2} for support",
    "Tensions rise over {topic}",
    "{Country} and {country2} edge toward agreement",
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(rng: random.Random, when: dt.date) -> str:
    template = rng.choice(_TEMPLATES)
    a, b = rng.sample(range(len(_COUNTRIES)), 2)
    person, title, _ = rng.choice(_PEOPLE)
    person2, title2, _ = rng.choice(_PEOPLE)
    sector, sector2 = rng.sample(_SECTORS, 2)
    values = {
        "country": _COUNTRIES[a][0], "adj": _COUNTRIES[a][1], "capital": _COUNTRIES[a][2],
        "country2": _COUNTRIES[b][0], "adj2": _COUNTRIES[b][1], "capital2": _COUNTRIES[b][2],
        "person": person, "title": title, "person2": person2, "title2": title2.lower(),
        "sector": sector, "sector2": sector2, "topic": rng.choice(_TOPICS),
        "group": rng.choice(_GROUPS), "day": rng.choice(_DAYS), "agency": rng.choice(_AGENCIES),
        "number": rng.choice(_NUMBERS), "amount": str(rng.randrange(5, 900, 5)),
        "years": str(rng.randrange(2, 30)),
    }  # fmt: skip
    values |= {f"{_cap(k)}": _cap(v) for k, v in list(values.items())}
    values["Number_cap"] = _cap(values["number"])
    return template.format(**values)


@dataclass(frozen=True, slots=True)
class BenchCorpus:
    """Documents as JSON-ready records (id, date, text) and how many sentences they hold."""

    records: tuple[dict[str, str], ...]
    sentences: int
    seed_briefs: int


def _document(rng: random.Random, index: int) -> tuple[dict[str, str], int]:
    when = dt.date(1998, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 23))
    count = rng.randrange(6, 15)
    sentences = [_sentence(rng, when) for _ in range(count)]
    if index % 4 == 0:  # a Monitor-style brief: header, paragraphs, closing citations
        header = (
            f"Publication: Monitor Volume: {rng.randrange(1, 9)} Issue: {rng.randrange(1, 240)}"
        )
        title = _cap(_sentence(rng, when).split(",")[0].rstrip("."))
        middle = len(sentences) // 2
        cite = f"({', '.join(rng.sample(_AGENCIES, 2))}, {when:%B} {when.day})"
        paragraphs = [
            " ".join(sentences[:middle]) + " " + cite,
            " ".join(sentences[middle:]) + " " + cite,
        ]
        text = f"{header}\n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
        count += 1
    else:  # a wire item with a dateline
        capital = rng.choice(_COUNTRIES)[2].upper()
        text = f"{capital}, {when:%B} {when.day} ({rng.choice(_AGENCIES)}) - " + " ".join(sentences)
    record = {"id": f"bench-{index:05d}", "date": when.isoformat(), "text": text}
    return record, count


def seed_texts() -> list[str]:
    """The seed briefs beside the project, when this is a development checkout."""
    if not SHARED_SEEDS.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(SHARED_SEEDS.glob("*.txt"))]


def _count_sentences(text: str) -> int:
    return len(re.findall(r"[.!?\u201d](?:\s|$)", text)) or 1


def make_corpus(*, sentences: int = 5000, seed: int = 9, use_seeds: bool = True) -> BenchCorpus:
    """About ``sentences`` sentences of news text in documents of 6-15 sentences."""
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    total = 0
    briefs = seed_texts() if use_seeds else []
    for number, text in enumerate(briefs):
        records.append({"id": f"seed-{number}", "text": text})
        total += _count_sentences(text)
    index = 0
    while total < sentences:
        record, count = _document(rng, index)
        records.append(record)
        total += count
        index += 1
    return BenchCorpus(records=tuple(records), sentences=total, seed_briefs=len(briefs))
