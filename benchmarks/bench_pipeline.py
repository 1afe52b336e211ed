"""The performance benchmark: parse-only vs end-to-end, per stage, memory, and scaling.

    python benchmarks/bench_pipeline.py                      # ~5,000 sentences, everything
    python benchmarks/bench_pipeline.py --sentences 1000 --skip-dask --no-profile

In one run, on the same corpus (benchmarks/corpus.py plus the seed briefs when
../shared/seeds is present) and the same spaCy pipeline:

* spaCy parse only (``nlp.pipe`` with the pipeline's model, components and batch size);
* end to end on one core (ingest + parse + every stage), the ratio to parse-only
  (acceptance >= 0.8), and the time of each stage after the parse;
* the DuckDB store (``Store.add`` per document, as ``polybius code --db`` does);
* local scaling, 1 vs 2 worker processes (acceptance >= 1.7x) and peak RSS per worker
  (acceptance < 1 GB);
* a Dask LocalCluster with 1 vs 2 workers (acceptance >= 1.6x), when dask is installed;
* a py-spy profile (pyinstrument without py-spy) of the stages after the parse, the
  slowest one named, in benchmarks/out/.

Prints a table and writes benchmarks/out/pipeline.json. Scaling is timed after the workers
have loaded the model (the load time is printed apart), so it measures coding, not start-up.
The machine's load average is printed: on a shared machine, wall-clock figures drop, and the
CPU-time ratio is the one to trust.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # one core means one BLAS thread too (before numpy loads)

from corpus import make_corpus  # noqa: E402

from polybius.ingest.readers import IngestOptions, iter_documents  # noqa: E402
from polybius.model import CodedDocument, Document  # noqa: E402
from polybius.pipeline import Pipeline, Settings  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
_MB = 1024 * 1024


def _ru_maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


class _RssSampler:
    """Peak resident memory of each child process, sampled every 0.1 s."""

    def __init__(self) -> None:
        import psutil

        self._me = psutil.Process()
        self.peaks: dict[int, float] = defaultdict(float)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            for child in self._me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / _MB
                except Exception:  # noqa: BLE001 - a child may exit between list and read
                    continue
                self.peaks[child.pid] = max(self.peaks[child.pid], rss)

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _timed_stages(pipeline: Pipeline, timings: dict[str, float]) -> None:
    """Replace each stage's function with one that adds its time to ``timings``."""

    def wrap(name: str, run: Callable[[Pipeline, Any], None]) -> Callable[[Pipeline, Any], None]:
        def timed(p: Pipeline, work: Any) -> None:
            started = time.perf_counter()
            try:
                run(p, work)
            finally:
                timings[name] += time.perf_counter() - started

        return timed

    pipeline.stages = tuple(replace(s, run=wrap(s.name, s.run)) for s in pipeline.stages)


def _post_parse_timer(pipeline: Pipeline, timings: dict[str, float]) -> None:
    """Time ``code_parsed`` (every stage after the parse plus assembling the record)."""
    original = pipeline.code_parsed

    def timed(document: Document, doc: Any) -> CodedDocument:
        started = time.perf_counter()
        try:
            return original(document, doc)
        finally:
            timings["post_parse_total"] += time.perf_counter() - started

    pipeline.code_parsed = timed  # type: ignore[method-assign]


def _ingest(path: Path) -> tuple[list[Document], float]:
    started = time.perf_counter()
    documents = [
        d for d in iter_documents([path], options=IngestOptions()) if isinstance(d, Document)
    ]
    return documents, time.perf_counter() - started


def _single_core(path: Path, settings: Settings, *, profile: bool, repeat: int) -> dict[str, Any]:
    documents, ingest_s = _ingest(path)
    pipeline = Pipeline(settings)
    started = time.perf_counter()
    pipeline.warm_up()
    load_s = time.perf_counter() - started
    warm = documents[:8]  # first calls fill caches; both measurements start warm
    list(pipeline.code_documents(warm))

    texts = [d.text for d in documents]
    timings: dict[str, float] = defaultdict(float)
    _timed_stages(pipeline, timings)
    _post_parse_timer(pipeline, timings)
    parse_s = coding_s = parse_cpu_s = coding_cpu_s = float("inf")
    best: dict[str, float] = {}
    coded: list[CodedDocument] = []
    for _ in range(repeat):  # alternate the two, keep the best of each: the machine is shared
        started, cpu = time.perf_counter(), time.process_time()
        parsed = list(pipeline.nlp.pipe(texts, batch_size=settings.batch_size))
        parse_s = min(parse_s, time.perf_counter() - started)
        parse_cpu_s = min(parse_cpu_s, time.process_time() - cpu)
        sentences = sum(1 for doc in parsed for _ in doc.sents)
        tokens = sum(len(doc) for doc in parsed)
        del parsed
        timings.clear()
        started, cpu = time.perf_counter(), time.process_time()
        coded = list(pipeline.code_documents(documents))
        elapsed = time.perf_counter() - started
        coding_cpu_s = min(coding_cpu_s, time.process_time() - cpu)
        if elapsed < coding_s:
            coding_s, best = elapsed, dict(timings)
    e2e_s = ingest_s + coding_s
    stage_s = {name: best.get(name, 0.0) for name in (s.name for s in pipeline.stages)}
    assemble_s = best["post_parse_total"] - sum(stage_s.values())

    from polybius.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "one.duckdb")
        started = time.perf_counter()
        for item in coded:  # what `polybius code --db` does today
            store.add(item)
        store_s = time.perf_counter() - started
        store.close()
        store = Store.open(Path(tmp) / "many.duckdb")
        started = time.perf_counter()
        store.add_many(coded, batch_size=100)
        store_batched_s = time.perf_counter() - started
        store.close()

    slowest = max(stage_s, key=lambda name: stage_s[name])
    profile_paths: list[str] = []
    if profile:
        profile_paths = _profile_post_parse(pipeline, documents[:150], slowest)

    return {
        "documents": len(documents),
        "sentences": sentences,
        "tokens": tokens,
        "events": sum(len(c.events) for c in coded),
        "model_load_s": load_s,
        "ingest_s": ingest_s,
        "parse_only_s": parse_s,
        "parse_only_sentences_per_s": sentences / parse_s,
        "end_to_end_s": e2e_s,
        "end_to_end_sentences_per_s": sentences / e2e_s,
        "end_to_end_documents_per_s": len(documents) / e2e_s,
        "ratio_end_to_end_to_parse": parse_s / e2e_s,
        "parse_only_cpu_s": parse_cpu_s,
        "end_to_end_cpu_s": coding_cpu_s + ingest_s,
        "ratio_end_to_end_to_parse_cpu": parse_cpu_s / (coding_cpu_s + ingest_s),
        "parse_in_pipeline_s": coding_s - best["post_parse_total"],
        "repeat": repeat,
        "stage_s": {
            "ingest": ingest_s,
            **stage_s,
            "assemble_record": assemble_s,
            "store (add per document)": store_s,
            "store (add_many, 100 per batch)": store_batched_s,
        },
        "post_parse_share_of_parse": best["post_parse_total"] / parse_s,
        "store_documents_per_s": len(coded) / store_s,
        "store_add_many_s": store_batched_s,
        "store_add_many_documents_per_s": len(coded) / store_batched_s,
        "end_to_end_with_store_sentences_per_s": sentences / (e2e_s + store_batched_s),
        "ratio_end_to_end_with_store_to_parse": parse_s / (e2e_s + store_batched_s),
        "slowest_stage": slowest,
        "profile": profile_paths,
        "peak_rss_mb_this_process": _ru_maxrss_mb(),
    }


def _profile_post_parse(pipeline: Pipeline, documents: list[Document], stage: str) -> list[str]:
    """Profile the stages after the parse on pre-parsed documents; the slowest is a subtree.

    py-spy samples from outside the process and adds no overhead. pyinstrument, the fallback,
    hooks every call and inflates code that creates many spaCy Token objects.
    """
    parsed = list(
        pipeline.nlp.pipe([d.text for d in documents], batch_size=pipeline.settings.batch_size)
    )

    def work() -> None:
        for _ in range(3):
            for document, doc in zip(documents, parsed, strict=True):
                pipeline.code_parsed(document, doc)

    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / f"profile_post_parse_slowest_{stage.split('.')[1]}"
    py_spy = shutil.which("py-spy")
    if py_spy is None:
        from pyinstrument import Profiler

        profiler = Profiler()
        with profiler:
            work()
        text = profiler.output_text(unicode=False, color=False)
        stem.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")
        stem.with_suffix(".txt").write_text(text, encoding="utf-8")
        return [str(stem.with_suffix(".html")), str(stem.with_suffix(".txt"))]
    raw = stem.with_suffix(".raw")
    command = [py_spy, "record", "--pid", str(os.getpid()), "--rate", "250", "--format", "raw"]
    recorder = subprocess.Popen(
        [*command, "--output", str(raw)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(1.0)  # let py-spy attach
    work()
    recorder.send_signal(signal.SIGINT)
    recorder.wait(timeout=60)
    if not raw.exists():
        return []
    summary = stem.with_suffix(".txt")
    summary.write_text(_summarise_stacks(raw, root="code_parsed"), encoding="utf-8")
    return [str(raw), str(summary)]


def _summarise_stacks(raw: Path, *, root: str, top: int = 40) -> str:
    """Inclusive and self time per function (and per line) below ``root`` in py-spy stacks."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0

    def short(frame: str) -> str:
        return re.sub(r"\(.*?(?:site-packages|src)/", "(", frame)

    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        starts = [k for k, frame in enumerate(frames) if root in frame]
        if not starts:
            continue
        frames = frames[starts[0] :]
        samples = int(count)
        total += samples
        for name in {re.sub(r":\d+\)$", ")", short(f)) for f in frames}:
            inclusive[name] += samples
        own[short(frames[-1])] += samples
    lines = [f"py-spy samples below {root}: {total} (250 Hz)", "", "inclusive (function):"]
    lines += [f"{100 * n / total:6.1f}%  {name}" for name, n in inclusive.most_common(top)]
    lines += ["", "self (function:line):"]
    lines += [f"{100 * n / total:6.1f}%  {name}" for name, n in own.most_common(top)]
    return "\n".join(lines) + "\n"


def _local(path: Path, settings: Settings, workers: int) -> dict[str, Any]:
    from polybius.parallel import WorkerPool

    started = time.perf_counter()
    with _RssSampler() as sampler, WorkerPool(settings=settings, workers=workers) as pool:
        pool.wait_ready()
        startup_s = time.perf_counter() - started
        cpu_before = _children_cpu()
        started = time.perf_counter()
        count = sum(1 for _ in pool.code(iter_documents([path])))
        coding_s = time.perf_counter() - started
        cpu_after = _children_cpu()
    worker_cpu = sorted(
        (cpu_after[pid] - cpu_before.get(pid, 0.0) for pid in cpu_after), reverse=True
    )[:workers]
    peaks = sorted(sampler.peaks.values(), reverse=True)[:workers]
    return {
        "workers": workers,
        "startup_s": startup_s,
        "coding_s": coding_s,
        "documents": count,
        "worker_cpu_s": worker_cpu,
        "peak_rss_mb_per_worker": peaks,
    }


def _children_cpu() -> dict[int, float]:
    import psutil

    times = {}
    for child in psutil.Process().children(recursive=True):
        try:
            cpu = child.cpu_times()
        except psutil.Error:
            continue
        times[child.pid] = cpu.user + cpu.system
    return times


def _dask(path: Path, settings: Settings, workers: int, partition_size: int) -> dict[str, Any]:
    import distributed

    from polybius.scale import PipelinePlugin, code_on_cluster

    started = time.perf_counter()
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    try:
        with distributed.Client(cluster) as client:
            client.register_plugin(PipelinePlugin(settings), name=PipelinePlugin.name)
            startup_s = time.perf_counter() - started
            with tempfile.TemporaryDirectory() as tmp, _RssSampler() as sampler:
                summary = code_on_cluster(
                    [path],
                    cluster=client,
                    out_dir=tmp,
                    settings=settings,
                    partition_size=partition_size,
                )
            worker_pids = set(client.run(os.getpid).values())
    finally:
        cluster.close()
    return {
        "workers": workers,
        "startup_s": startup_s,
        "coding_s": summary.seconds,
        "partitions": summary.partitions,
        "documents": summary.documents,
        "events": summary.events,
        "peak_rss_mb_per_worker": sorted((sampler.peaks[p] for p in worker_pids), reverse=True),
    }


def _row(label: str, value: str, target: str = "") -> str:
    return f"  {label:<46} {value:>16}  {target}"


def _check(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _report(results: dict[str, Any]) -> Iterator[str]:
    single = results["single_core"]
    seeds = results["corpus"]["seed_briefs"]
    yield (
        f"Polybius pipeline benchmark: {single['documents']} documents, "
        f"{single['sentences']} sentences, {single['tokens']} tokens"
    )
    yield f"  ({seeds} seed briefs; {results['machine']})"
    loads = results["load_average_before"][0], results["load_average_after"][0]
    busy = max(loads) > (os.cpu_count() or 1)
    note = " (above the core count: other work shared the CPUs, figures are low)" if busy else ""
    yield f"  load average before/after: {loads[0]:.2f}/{loads[1]:.2f}{note}"
    yield _row("model load (s)", f"{single['model_load_s']:.2f}")
    yield _row("spaCy parse only (sentences/s)", f"{single['parse_only_sentences_per_s']:.1f}")
    yield _row("end to end, 1 core (sentences/s)", f"{single['end_to_end_sentences_per_s']:.1f}")
    yield _row("end to end, 1 core (documents/s)", f"{single['end_to_end_documents_per_s']:.2f}")
    ratio = single["ratio_end_to_end_to_parse"]
    yield _row(
        "end-to-end / parse-only throughput", f"{ratio:.2f}", f">= 0.80 {_check(ratio >= 0.8)}"
    )
    cpu_ratio = single["ratio_end_to_end_to_parse_cpu"]
    yield _row(
        "same, by CPU time (robust on a busy machine)",
        f"{cpu_ratio:.2f}",
        f">= 0.80 {_check(cpu_ratio >= 0.8)}",
    )
    with_store = single["ratio_end_to_end_with_store_to_parse"]
    yield _row("same, including the store (add_many)", f"{with_store:.2f}")
    share = single["post_parse_share_of_parse"]
    yield _row("stages after the parse, share of parse time", f"{share:.0%}", "<= 25%")
    yield "  time per stage (s, whole corpus):"
    yield _row("  parse (inside the pipeline)", f"{single['parse_in_pipeline_s']:.2f}")
    for name, seconds in single["stage_s"].items():
        yield _row(
            f"  {name}",
            f"{seconds:.2f}",
            f"{single['sentences'] / seconds:,.0f} sentences/s" if seconds else "",
        )
    yield _row("slowest stage after the parse", single["slowest_stage"])
    for path in single["profile"]:
        yield _row("profile", Path(path).name)
    local = results.get("local")
    if local:
        one, two = local
        speedup = one["coding_s"] / two["coding_s"]
        yield _row(
            "local, 1 worker (s, after load)",
            f"{one['coding_s']:.2f}",
            f"load {one['startup_s']:.1f} s",
        )
        yield _row(
            "local, 2 workers (s, after load)",
            f"{two['coding_s']:.2f}",
            f"load {two['startup_s']:.1f} s",
        )
        yield _row("local speed-up 2 vs 1", f"{speedup:.2f}x", f">= 1.70 {_check(speedup >= 1.7)}")
        bound = sum(one["worker_cpu_s"]) / max(two["worker_cpu_s"])
        yield _row("  by worker CPU time (each on its own core)", f"{bound:.2f}x")
        peak = max(one["peak_rss_mb_per_worker"] + two["peak_rss_mb_per_worker"])
        yield _row("peak RSS per local worker (MB)", f"{peak:.0f}", f"< 1024 {_check(peak < 1024)}")
    dask = results.get("dask")
    if dask:
        one, two = dask
        speedup = one["coding_s"] / two["coding_s"]
        yield _row(
            "Dask, 1 worker (s, after load)",
            f"{one['coding_s']:.2f}",
            f"{one['partitions']} partitions",
        )
        yield _row("Dask, 2 workers (s, after load)", f"{two['coding_s']:.2f}")
        yield _row("Dask speed-up 2 vs 1", f"{speedup:.2f}x", f">= 1.60 {_check(speedup >= 1.6)}")
        peak = max(one["peak_rss_mb_per_worker"] + two["peak_rss_mb_per_worker"])
        yield _row("peak RSS per Dask worker (MB)", f"{peak:.0f}", f"< 1024 {_check(peak < 1024)}")
    elif "dask_skipped" in results:
        yield _row("Dask", results["dask_skipped"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000, help="corpus size (default 5000)")
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--skip-local", action="store_true", help="skip the local scaling runs")
    parser.add_argument("--skip-dask", action="store_true", help="skip the Dask runs")
    parser.add_argument("--no-profile", action="store_true", help="skip the pyinstrument profile")
    parser.add_argument("--no-seeds", action="store_true", help="leave out ../shared/seeds")
    parser.add_argument("--repeat", type=int, default=2, help="best of N for parse and end to end")
    parser.add_argument("--json", type=Path, default=OUT / "pipeline.json")
    args = parser.parse_args(argv)

    settings = Settings(batch_size=args.batch_size)
    corpus = make_corpus(sentences=args.sentences, use_seeds=not args.no_seeds)
    if not corpus.seed_briefs and not args.no_seeds:
        print("note: ../shared/seeds is absent; the corpus is the generated text only")
    results: dict[str, Any] = {
        "command": " ".join(["python benchmarks/bench_pipeline.py", *(argv or sys.argv[1:])]),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "settings": {"model": settings.model, "batch_size": settings.batch_size},
        "corpus": {
            "documents": len(corpus.records),
            "sentences_estimate": corpus.sentences,
            "seed_briefs": corpus.seed_briefs,
        },
    }
    results["load_average_before"] = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus.records),
            encoding="utf-8",
        )
        results["single_core"] = _single_core(
            path, settings, profile=not args.no_profile, repeat=args.repeat
        )
        if not args.skip_local:
            results["local"] = [_local(path, settings, n) for n in (1, 2)]
        if not args.skip_dask:
            try:
                import distributed  # noqa: F401
            except ImportError:
                results["dask_skipped"] = "skipped: pip install 'polybius[scale]'"
            else:
                size = max(4, len(corpus.records) // 16)
                results["dask"] = [_dask(path, settings, n, size) for n in (1, 2)]
    results["load_average_after"] = os.getloadavg()
    print("\n".join(_report(results)))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"  results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
