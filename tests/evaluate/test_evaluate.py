"""The evaluation harness: score.py's metrics, our gold format, and `polybius eval`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from polybius import evaluate
from polybius.errors import IngestError
from polybius.evaluate import (
    PRF,
    load_gold_jsonl,
    run_gold_jsonl,
    score_petrarch,
    triples_of,
    write_predictions,
)
from polybius.model import Event, Mention, Modality

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold_two_docs.jsonl"
SHARED_PETRARCH = Path(__file__).resolve().parents[3] / "shared" / "eval" / "petrarch"


# ---------------------------------------------------------------- metrics


def test_exact_and_triple_counts_on_a_tiny_set() -> None:
    gold = {
        "a": [("USA", "CHN", "042")],
        "b": [("RUS", "UKR", "190"), ("UKR", "RUS", "190")],
        "c": [],
    }
    predictions = {
        "a": [("USA", "CHN", "042"), ("USA", "CHN", "042")],  # duplicate counts once
        "b": [("RUS", "UKR", "193")],
        "c": [],
    }
    score = score_petrarch(predictions, gold)
    assert score.records == 3
    assert score.exact == 2  # a, and c (nothing expected, nothing predicted)
    assert score.triple == PRF(tp=1, predicted=2, gold=3)
    assert score.triple.precision == pytest.approx(0.5)
    assert score.triple.recall == pytest.approx(1 / 3)
    assert score.triple.f1 == pytest.approx(0.4)
    assert score.root == PRF(tp=2, predicted=2, gold=3)
    assert score.dyad == PRF(tp=2, predicted=2, gold=3)
    assert score.code == PRF(tp=1, predicted=2, gold=2)  # 193 is not 190
    assert [m.id for m in score.misses] == ["b"]


def test_root_f1_and_per_root_table() -> None:
    gold = {"a": [("ISR", "PSE", "190")], "b": [("FRA", "DEU", "042")]}
    predictions = {"a": [("ISR", "PSE", "193")], "b": [("FRA", "DEU", "043")]}
    score = score_petrarch(predictions, gold)
    assert score.triple.f1 == 0.0
    assert score.root.f1 == pytest.approx(1.0)
    by_root = dict(score.by_root)
    assert by_root["19"] == PRF(1, 1, 1)
    assert by_root["04"] == PRF(1, 1, 1)


def test_empty_expected_records_and_missing_predictions() -> None:
    gold = {"quiet": [], "busy": [("USA", "IRN", "172")]}
    score = score_petrarch({"quiet": [("USA", "IRN", "010")]}, gold)
    assert score.exact == 0
    assert score.triple == PRF(0, 1, 1)
    nothing = score_petrarch({}, {"quiet": []})
    assert nothing.exact == 1
    assert (nothing.triple.precision, nothing.triple.recall) == (1.0, 1.0)
    missed = score_petrarch({}, {"busy": [("USA", "IRN", "172")]})
    assert (missed.triple.precision, missed.triple.recall, missed.triple.f1) == (0.0, 0.0, 0.0)


def test_triples_of_reads_score_py_dicts() -> None:
    events = [{"source": " USA", "target": "CHN ", "code": "042"}, {"source": "USA", "code": "010"}]
    assert triples_of(events) == {("USA", "CHN", "042"), ("USA", "", "010")}
    assert triples_of(None) == frozenset()


def test_to_json_round_trips_the_numbers() -> None:
    score = score_petrarch({"a": [("USA", "CHN", "042")]}, {"a": [("USA", "CHN", "043")]})
    data = json.loads(score.to_json())
    assert data["triple"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 1, "gold": 1}
    assert data["root"]["f1"] == 1.0
    assert data["misses"][0]["expected"] == [["USA", "CHN", "043"]]


# ---------------------------------------------------------------- gold format


def test_load_gold_jsonl_reads_the_two_documents() -> None:
    documents = load_gold_jsonl(GOLD)
    assert [d.id for d in documents] == ["summit", "modal"]
    assert str(documents[1].date) == "2024-03-12"
    modal = documents[1].events
    assert [(e.negated, e.hypothetical) for e in modal] == [(True, False), (False, True)]
    assert all(not e.factual for e in modal)
    assert len([e for e in documents[0].events if e.factual]) == 3


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "Hi."}', "has no string 'id'"),
        ('{"id": "x", "text": "Hi.", "date": "May"}', "bad date"),
        ('{"id": "x", "text": "Hi.", "events": [{"target": "USA"}]}', "without 'source'"),
        (
            '{"id": "x", "text": "Hi.", "events": [{"source": "A", "code": "01", "negated": 1}]}',
            "'negated' is not true/false",
        ),
    ],
)
def test_bad_gold_lines_name_the_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(IngestError, match=reason) as info:
        load_gold_jsonl(path)
    assert "bad.jsonl:2:" in str(info.value)


def _event(source: str, target: str, code: str, **modality: bool) -> Event:
    return Event(
        doc_id="d",
        sentence_index=0,
        sentence_span=(0, 1),
        source=Mention(source, 0, 1, rule="test", actor=_actor(source)),
        target=Mention(target, 0, 1, rule="test", actor=_actor(target)),
        cameo=code,
        trigger="x",
        trigger_span=(0, 1),
        modality=Modality(**modality),
    )


def _actor(code: str) -> object:
    from polybius.model import Actor

    return Actor(code=code)


def test_run_gold_jsonl_scores_factual_triples_and_flags_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coded = {
        "summit": evaluate._Coded(
            events=(
                _event("RUSGOV", "CHNGOV", "040"),
                _event("CHNGOV", "RUSGOV", "040"),
                _event("RUSGOV", "CHN", "042"),
            )
        ),
        "modal": evaluate._Coded(
            events=(
                _event("DEU", "FRA", "111", negated=True),
                _event("JPN", "PRK", "163"),  # coded as fact: a false positive, a missed flag
            )
        ),
    }
    monkeypatch.setattr(evaluate, "_code_texts", lambda items, settings: coded)
    run = run_gold_jsonl(GOLD)
    assert run.score.records == 2
    assert run.score.triple == PRF(tp=2, predicted=4, gold=3)
    assert run.score.exact == 0
    assert run.negated == PRF(1, 1, 1)
    assert run.hypothetical == PRF(0, 0, 1)
    assert json.loads(run.to_json())["hypothetical"]["r"] == 0.0


def test_write_predictions_is_score_py_input(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    write_predictions({"a": {("USA", "CHN", "042")}, "b": set()}, out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == [
        {"id": "a", "events": [{"source": "USA", "target": "CHN", "code": "042"}]},
        {"id": "b", "events": []},
    ]


def test_plover_spans_come_from_the_markup() -> None:
    record = {
        "text": "The Asia-Pacific forum agreed to set up a centre in Tokyo, officials said.",
        "textInfo": {
            "markup": "The (SRC: Asia-Pacific forum) (EVT: agreed) to set up in (TAR: Tokyo)"
        },
        "source": [{"actorText": "Asia-Pacific forum"}],
        "target": [{"actorText": "Tokyo"}],
    }
    spans = evaluate._plover_spans(record)
    text = record["text"]
    assert spans.source is not None and spans.target is not None
    assert text[spans.source[0] : spans.source[1]] == "Asia-Pacific forum"
    assert text[spans.target[0] : spans.target[1]] == "Tokyo"


def test_plover_spans_reciprocal_and_split_actor_text() -> None:
    record = {
        "text": "Senior Hungarian and Romanian officials agreed on Wednesday.",
        "textInfo": {"markup": "Senior (SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials"},
    }
    spans = evaluate._plover_spans(record)
    text = record["text"]
    assert spans.source and text[spans.source[0] : spans.source[1]] == "Hungarian"
    assert spans.target and text[spans.target[0] : spans.target[1]] == "Romanian"
    split = {
        "text": "U.S. and Russian negotiators met.",
        "source": [{"actorText": "U.S. ... negotiators"}],
    }
    found = evaluate._plover_spans(split)
    assert found.source and split["text"][found.source[0] : found.source[1]] == "negotiators"
    assert found.target is None


def test_default_shared_dir_honours_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLYBIUS_SHARED", "/data/eval")
    assert evaluate.default_shared_dir() == Path("/data/eval")
    monkeypatch.delenv("POLYBIUS_SHARED")
    assert evaluate.default_shared_dir("/work/main") == Path("/work/shared/eval")


# ---------------------------------------------------------------- CLI


def test_eval_without_shared_data_says_so_and_exits_0(tmp_path: Path) -> None:
    from polybius.cli.eval_commands import eval_command

    result = CliRunner().invoke(eval_command, ["--shared", str(tmp_path / "nowhere")])
    assert result.exit_code == 0, result.output
    assert "evaluation data not found" in result.output


def test_eval_gold_suite_needs_a_file() -> None:
    from polybius.cli.eval_commands import eval_command

    result = CliRunner().invoke(eval_command, ["gold"])
    assert result.exit_code == 2
    assert "--gold" in result.output


@pytest.mark.model
def test_eval_gold_end_to_end(tmp_path: Path) -> None:
    from polybius.cli.eval_commands import eval_command

    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        eval_command, ["--gold", str(GOLD), "--json", str(report), "--show-errors", "2"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert list(data) == ["gold"]
    gold = data["gold"]
    assert gold["score"]["records"] == 2
    assert gold["score"]["triple"]["gold"] == 3
    assert gold["negated"]["gold"] == 1 and gold["hypothetical"]["gold"] == 1
    assert gold["score"]["triple"]["tp"] >= 1  # "met" between two named presidents
    assert "gold gold_two_docs.jsonl" in result.output


# ---------------------------------------------------------------- agreement with score.py


def _perturbed(records: list[dict[str, object]]) -> dict[str, set[tuple[str, str, str]]]:
    """Predictions derived from the expectations with every kind of error in them."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    for index, record in enumerate(records):
        expected = sorted(triples_of(record["expected"]))  # type: ignore[arg-type]
        kind = index % 5
        if kind == 0:
            predicted = set(expected)
        elif kind == 1:
            predicted = set(expected[:-1])
        elif kind == 2:
            predicted = {(s, t, "010") for s, t, _ in expected[:1]} | set(expected[1:])
        elif kind == 3:
            predicted = set()
        else:
            predicted = {(t, s, c[:2] + "1") for s, t, c in expected} | {("USA", "", "042")}
        if index % 7 == 0:
            continue  # no prediction line at all
        out[str(record["id"])] = predicted
    return out


@pytest.mark.parametrize("suite", ["petrarch2_gsr", "petrarch2_unittest", "petrarch2_pytest"])
def test_scores_equal_reference_score_py(tmp_path: Path, suite: str) -> None:
    scorer, records_path = SHARED_PETRARCH / "score.py", SHARED_PETRARCH / "records.jsonl"
    if not scorer.is_file():
        pytest.skip(f"{scorer} is absent: the reference scorer lives beside the project only")
    records = evaluate.load_petrarch_records(records_path, suites=(suite,))
    predictions = _perturbed(records)
    pred_path, report = tmp_path / "pred.jsonl", tmp_path / "ref.json"
    write_predictions(predictions, pred_path)
    subprocess.run(
        [
            sys.executable,
            str(scorer),
            str(pred_path),
            "--records",
            str(records_path),
            "--suite",
            suite,
            "--by",
            "none",
            "--json",
            str(report),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    reference = json.loads(report.read_text())["overall"]
    gold = {str(r["id"]): triples_of(r["expected"]) for r in records}  # type: ignore[arg-type]
    ours = score_petrarch(predictions, gold).to_dict()
    assert ours["records"] == reference["records"]
    assert ours["exact"] == reference["exact"]
    assert ours["exact_acc"] == reference["exact_acc"]
    for view in ("triple", "root", "dyad", "code"):
        assert ours[view] == reference[view], view
