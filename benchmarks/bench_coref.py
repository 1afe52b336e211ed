"""What following references back to names costs: the actor stage with and without coref.

Usage: python benchmarks/bench_coref.py [REPEATS]

Builds a 500-sentence news document (ten five-sentence paragraph templates, filled with
ten pairs of leaders, so pronouns, surnames and "the two leaders" abound), parses it once,
then times on the same parse:

- recogniser alone: every candidate head coded from its own words
  (``iter_candidate_heads`` + ``noun_phrase`` + ``phrase_actors``), no references;
- with coreference: ``resolve_actors`` (the recogniser plus the reference rules);
- the rest of the pipeline on that parse (event coder, dates, places), for scale.

It prints the best of REPEATS runs (default 5) of each and the slowdown that coreference
adds, relative to the recogniser alone and to the whole coding of a parsed document
(acceptance: at most 20 %). It also counts the mentions each way, so the cost can be
weighed against what the references recover.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable

from polybius.actors.coref import resolve_actors
from polybius.actors.recognise import iter_candidate_heads, noun_phrase, phrase_actors
from polybius.api import get_pipeline
from polybius.ingest.readers import read_text_document
from polybius.pipeline import Settings

DATE = dt.date(2023, 6, 15)

LEADERS = [
    # (full name, surname, title, adjective, country)
    ("Vladimir Putin", "Putin", "president", "Russian", "Russia"),
    ("Xi Jinping", "Xi", "president", "Chinese", "China"),
    ("Emmanuel Macron", "Macron", "president", "French", "France"),
    ("Olaf Scholz", "Scholz", "chancellor", "German", "Germany"),
    ("Recep Tayyip Erdogan", "Erdogan", "president", "Turkish", "Turkey"),
    ("Narendra Modi", "Modi", "prime minister", "Indian", "India"),
    ("Fumio Kishida", "Kishida", "prime minister", "Japanese", "Japan"),
    ("Joe Biden", "Biden", "president", "American", "the United States"),
    ("Volodymyr Zelensky", "Zelensky", "president", "Ukrainian", "Ukraine"),
    ("Luiz Inacio Lula da Silva", "Lula", "president", "Brazilian", "Brazil"),
]

PARAGRAPHS = [
    "{A1} {T1} {P1} met {A2} {T2} {P2} in {C2} on Monday. {S1} said the talks were frank. "
    "He praised his {A2} counterpart for his patience. The two leaders signed a trade "
    "agreement. They also agreed to meet again next year.",
    "{S2} accused {C1} of meddling in the region on Tuesday. The {A2} {T2} said {C1} had "
    "broken its promises. {S1} rejected the charge. He told reporters that {C2} was "
    "spreading lies. Both sides later called for calm.",
    "{C1} and {C2} held a round of talks in Geneva. Officials from the two countries "
    "discussed security. {S1} sent his foreign minister to the talks. She urged {C2} to "
    "release detained journalists. {S2} said he would consider the request.",
    "The {A1} {T1} visited {C2} on Wednesday. {S1} laid a wreath at a war memorial. His "
    "host, {P2}, hosted a dinner in his honour. The {A2} leader promised economic aid. "
    "He said his government would send experts within a month.",
    "{A2} troops clashed with {A1} forces near the border. {S2} condemned the attack. He "
    "demanded that {C1} withdraw its soldiers. {S1} denied that his army had crossed the "
    "border. The United Nations urged both countries to show restraint.",
    "{P1} telephoned {P2} on Thursday. The two men discussed the war. {S2} thanked him for "
    "his support. {S1} offered to mediate between the parties. They agreed to keep in "
    "touch.",
    "{C2} expelled two {A1} diplomats on Friday. The {A1} {T1} called the move "
    "provocative. {S1} threatened to retaliate. {S2} said his government had evidence of "
    "spying. He refused to say more.",
    "{S1} hosted {S2} at a summit on climate. The two leaders pledged to cut emissions. "
    "{S2} said he hoped {C1} would keep its word. His {A1} counterpart promised new "
    "investment. They issued a joint statement.",
    "Protesters in {C1} marched against the government of {P1}. They demanded new "
    "elections. {S1} said the protests were organised from abroad. He blamed {C2} for the "
    "unrest. {S2} dismissed the accusation as absurd.",
    "{A1} police arrested a {A2} journalist on Saturday. {S2} asked {S1} to free him. The "
    "{A1} {T1} said the case was for the courts. He added that the journalist had broken "
    "the law. {C2} recalled its ambassador.",
]


def build_document() -> str:
    """Ten paragraph templates × ten leader pairs = 500 sentences."""
    paragraphs = []
    for shift in range(len(LEADERS)):
        for index, template in enumerate(PARAGRAPHS):
            one = LEADERS[(index + shift) % len(LEADERS)]
            two = LEADERS[(index + shift + 1 + shift % 3) % len(LEADERS)]
            paragraphs.append(
                template.format(
                    P1=one[0],
                    S1=one[1],
                    T1=one[2],
                    A1=one[3],
                    C1=one[4],
                    P2=two[0],
                    S2=two[1],
                    T2=two[2],
                    A2=two[3],
                    C2=two[4],
                )
            )
    return "\n\n".join(paragraphs)


def _best(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str]) -> int:
    repeats = int(argv[1]) if len(argv) > 1 else 5
    pipeline = get_pipeline(Settings())
    pipeline.warm_up()
    text = build_document()
    started = time.perf_counter()
    doc = pipeline.nlp(text)
    parse_s = time.perf_counter() - started
    sentences = list(doc.sents)
    document = read_text_document(text, doc_id="bench-coref", date=DATE)
    kb = pipeline.kb

    def recogniser_alone() -> int:
        found = 0
        for sentence in sentences:
            for head in iter_candidate_heads(sentence):
                actors, _ = phrase_actors(kb, noun_phrase(head), date=DATE)
                found += len(actors)
        return found

    def with_coref() -> int:
        return len(resolve_actors(doc, kb=kb, date=DATE).mentions())

    def whole() -> int:
        return len(pipeline.code_parsed(document, doc).events)

    alone_s = _best(recogniser_alone, repeats)
    coref_s = _best(with_coref, repeats)
    whole_s = _best(whole, repeats)
    mentions = resolve_actors(doc, kb=kb, date=DATE).mentions()
    by_reference = sum(1 for m in mentions if m.rule.startswith("coref"))
    print(f"document: {len(sentences)} sentences, {len(doc)} tokens; parse {parse_s:.2f} s")
    print(f"recogniser alone   {alone_s * 1000:8.1f} ms  ({recogniser_alone()} actor codes)")
    print(
        f"with coreference   {coref_s * 1000:8.1f} ms  ({len(mentions)} mentions, "
        f"{by_reference} resolved through a reference)"
    )
    print(f"whole coding of the parsed document (actors+events+when/where) {whole_s * 1000:.1f} ms")
    extra = coref_s - alone_s
    print(f"coreference slowdown vs recogniser alone: {extra / alone_s:+.1%}")
    print(
        f"coreference share of coding a parsed document: {extra / whole_s:.1%}; "
        f"of parse + coding: {extra / (whole_s + parse_s):.1%} (acceptance: <= 20%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
