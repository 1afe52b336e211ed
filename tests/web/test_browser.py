"""The explorer in a real headless Chromium (Debian's, driven by Playwright).

CI installs both with ``scripts/install_browser.sh``; without them these tests skip.
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
LOCAL = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: run scripts/install_browser.sh (apt-get install chromium)"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sync_api = pytest.importorskip(
            "playwright.sync_api", reason="playwright is missing: pip install playwright"
        )
    with sync_api.sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1300, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def _serve(db: Path) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "polybius.web", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "/api/summary", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    pytest.fail("the server did not answer within 30 s")
                try:  # wait a moment for the server, or learn that it exited
                    process.wait(timeout=0.1)
                except subprocess.TimeoutExpired:
                    continue
                log.seek(0)
                pytest.fail(f"the server did not start: {log.read().decode(errors='replace')}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    yield from _serve(web_db)


def expect(locator: object) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)  # type: ignore[arg-type]


def _open(context: object, url: str) -> tuple[object, list[str]]:
    page = context.new_page()  # type: ignore[attr-defined]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    return page, requested


def _only_local(requested: list[str]) -> None:
    hosts = {urlsplit(u).hostname for u in requested if not u.startswith(("data:", "blob:"))}
    assert hosts <= LOCAL, f"requests left the machine: {sorted(hosts - LOCAL)}"


def test_filter_the_events_table(browser_context: object, server: str) -> None:
    page, requested = _open(browser_context, server)
    assert page.locator("#event-table tbody tr").count() == 3
    page.fill("#event-filters input[name=actor]", "UKR")
    page.click("#event-search")
    expect(page.locator("#event-table tbody tr")).to_have_count(1)
    row = page.locator("#event-table tbody tr").first
    assert "UKR" in row.inner_text() and "RUS" in row.inner_text()
    row.click()
    page.wait_for_selector("#event-detail .report")
    assert "accuse-verb" in page.inner_text("#event-detail")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)
    _only_local(requested)
    page.close()


def test_click_a_point_of_the_dyad_chart(browser_context: object, server: str) -> None:
    page, requested = _open(browser_context, server)
    page.click("#tabs button[data-tab=dyad]")
    page.fill("#dyad-form input[name=a]", "RUS")
    page.fill("#dyad-form input[name=b]", "UKR")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_selector("#dyad-chart .bars path", state="attached")
    bars = page.locator("#dyad-chart .bars path")
    boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
    box = next(b for b in boxes if b and b["height"] > 1)  # the verbal-conflict bar
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#dyad-events tbody tr")
    assert "2008-03-01" in page.inner_text("#dyad-events-title")
    assert "UKR" in page.inner_text("#dyad-events tbody tr")
    assert "RUS and UKR" in (page.locator("#dyad-chart .gtitle").text_content() or "")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dyad.png"), full_page=True)
    _only_local(requested)
    page.close()


def test_network_view_draws_actors(browser_context: object, server: str) -> None:
    page, requested = _open(browser_context, server)
    page.click("#tabs button[data-tab=network]")
    page.wait_for_selector("#network g.node")
    nodes = page.locator("#network g.node")
    actors = {nodes.nth(i).get_attribute("data-actor") for i in range(nodes.count())}
    assert actors == {"RUS", "CHN", "UKR", "JPN"}
    assert page.locator("#network line.edge").count() == 3
    page.locator("#network g.node[data-actor=JPN] circle").click()
    expect(page.locator("#event-table tbody tr")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    _only_local(requested)
    page.close()


def test_open_a_document_and_see_its_spans(browser_context: object, server: str) -> None:
    page, requested = _open(browser_context, server)
    page.fill("#event-filters input[name=code]", "040")
    page.click("#event-search")
    expect(page.locator("#event-table tbody tr")).to_have_count(1)
    page.locator("#event-table tbody tr").first.click()
    page.click("#event-detail button.open-doc")
    page.wait_for_selector("#doc-text mark.role-trigger")
    marks = {
        role: page.locator(f"#doc-text mark.role-{role}").all_inner_texts()
        for role in ("trigger", "source", "target", "date", "place")
    }
    assert marks == {
        "trigger": ["met"],
        "source": ["Russian President Vladimir Putin"],
        "target": ["Chinese President Hu Jintao"],
        "date": ["on Monday"],
        "place": ["Moscow"],
    }
    # The other event of the document is marked too, and one click selects it.
    page.locator("#doc-text mark.role-other").first.click()
    expect(page.locator("#doc-text mark.role-trigger")).to_have_text("accused")
    explanation = page.inner_text("#doc-reports .report.selected")
    assert "accuse-verb" in explanation and "kb:country" in explanation
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)
    _only_local(requested)
    page.close()


@pytest.mark.model
def test_explorer_on_the_example_briefs(browser_context: object, tmp_path: Path) -> None:
    from polybius.api import code

    briefs = Path(__file__).resolve().parents[2] / "examples" / "briefs"
    db = tmp_path / "briefs.duckdb"
    code([str(briefs)], db=db)
    for url in _serve(db):
        page, requested = _open(browser_context, url)
        assert page.locator("#event-table tbody tr").count() > 0
        page.click("#tabs button[data-tab=documents]")
        page.locator("#doc-list a").first.click()
        page.wait_for_selector("#doc-text mark.role-trigger")
        for mark in page.locator("#doc-text mark.role-trigger").all_inner_texts():
            assert mark.strip()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "briefs-document.png"), full_page=True)
        _only_local(requested)
        page.close()
