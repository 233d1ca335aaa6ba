"""The pages in a real browser: Debian's Chromium driven by Playwright, against a live server.

A uvicorn server on a free loopback port serves an SQLite store seeded with the
MINI bundle and the CMA records of ``test_pages.py``. Chromium comes from the
system (``apt-get install chromium``), never from ``playwright install``.

Set PEACETRACK_SCREENSHOTS=DIR to also save a desktop and a phone screenshot of
every page kind there.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson
import pytest
import uvicorn

from peacetrack.accounts import add_user
from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.store import Store, upgrade
from peacetrack.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

playwright_api = pytest.importorskip("playwright.sync_api")


def _seed_module() -> ModuleType:
    """The seed records of test_pages.py (test modules cannot import each other by name)."""
    spec = importlib.util.spec_from_file_location("pages_seed", Path(__file__).with_name("test_pages.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SEED = _seed_module()
CMA: str = SEED.CMA
HOSTILE: str = SEED.HOSTILE


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A live server on a seeded SQLite store: {"url": base URL, "token": an editor's token}."""
    folder = tmp_path_factory.mktemp("browser")
    store = Store(f"sqlite:///{folder / 'pages.db'}")
    upgrade(store)
    extra = folder / "journey.json"
    extra.write_bytes(orjson.dumps({"format": "peacetrack/1", **SEED.JOURNEY}))
    import_bundles(store, [str(MINI), str(extra)], author="fixture")
    with store.write() as conn:
        token = add_user(conn, "editor", "editor")
    store.dispose()
    app = create_app(store.url)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not live.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "token": token}
    live.should_exit = True
    thread.join(timeout=10)
    app.state.store.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records console errors, failed requests and dialogs (a script that ran)."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("response", lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, (
            f"{path}: {response.status if response else 'no response'}"
        )
        return response


@pytest.fixture
def page(browser: Any, server: dict[str, str]) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield Watched(context.new_page(), server["url"])
    context.close()


@pytest.fixture
def phone(browser: Any, server: dict[str, str]) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield Watched(context.new_page(), server["url"])
    context.close()


PAGES = [
    "/?as_of=2023-12-31",
    "/agreements",
    f"/agreements/{CMA}?as_of=2023-12-31",
    f"/provisions/{SEED.NO_FLY}?as_of=2023-12-31",
    "/events",
    f"/events/{SEED.SCRAPPED}",
    "/actors",
    "/actors/pspd",
    "/statements",
    "/statements/hostile-letter",
    "/gatherings",
    "/gatherings/hostile-gathering",
    "/library",
    "/search?q=no-fly",
    "/login",
    "/report?as_of=2023-12-31",
    "/forward?as_of=2024-12-31",
    "/environment",
]


def test_every_page_kind_loads_cleanly_and_runs_no_injected_script(page: Watched) -> None:
    for path in PAGES:
        page.go(path)
        assert page.page.locator("h1").first.is_visible(), path
        assert page.page.locator("main").count() == 1, path
        assert page.page.evaluate("document.documentElement.lang") == "en", path
    assert page.errors == []  # no console error, no CSP violation, no missing file
    assert page.dialogs == []  # the hostile <script> titles never ran


def test_switching_language_keeps_the_page_and_sticks(page: Watched) -> None:
    page.go(f"/agreements/{CMA}?as_of=2023-12-31")
    page.page.click("a.lang-switch")
    assert page.page.evaluate("document.documentElement.lang") == "ko"
    assert "as_of=2023-12-31" in page.page.url
    assert page.page.locator("h1").inner_text() == "역사적인 판문점선언 이행을 위한 군사분야 합의서"
    page.page.click("nav[aria-label='주 메뉴'] >> text=타임라인")
    assert page.page.evaluate("document.documentElement.lang") == "ko"  # the cookie remembers
    assert page.page.locator("h1").inner_text() == "타임라인"
    page.page.click("a.lang-switch")
    assert page.page.locator("h1").inner_text() == "Timeline"


def test_the_way_forward_in_both_languages(page: Watched) -> None:
    page.go("/")
    page.page.click("nav[aria-label='Main'] >> text=Way forward")
    assert page.page.locator("h1").inner_text() == "The way forward"
    page.page.fill("#as-of", "2024-12-31")
    page.page.click("form.as-of button")
    page.page.wait_for_url("**as_of=2024-12-31**")
    first = page.page.locator("#package-1")
    assert first.is_visible()
    parties = first.locator("tbody th").all_inner_texts()
    assert sorted(parties) == ["Democratic People's Republic of Korea", "Republic of Korea"]
    assert page.page.locator("section.ledger").count() >= 2
    page.page.select_option("#party", "kor")
    page.page.click("form.as-of button")
    page.page.wait_for_url("**party=kor**")
    assert page.page.locator("section.ledger").count() == 1
    page.page.click("a.lang-switch")
    assert page.page.evaluate("document.documentElement.lang") == "ko"
    assert page.page.locator("h1").inner_text() == "앞으로의 길"
    assert "첫걸음" in page.page.locator("#package-1 h3").inner_text()
    assert "대한민국" in page.page.locator("#package-1 tbody").inner_text()
    page.page.click("a.lang-switch")
    assert page.errors == []


def test_the_environment_opens_the_events_behind_a_bar_in_both_languages(page: Watched) -> None:
    page.go("/")
    page.page.click("nav[aria-label='Main'] >> text=Environment")
    assert page.page.locator("h1").inner_text() == "The security environment"
    bars = page.page.locator("svg.climate-chart a.climate-bar")
    assert bars.count() > 3
    bars.first.click()
    page.page.wait_for_url("**period=**")
    assert page.page.locator("#opened").is_visible()
    assert page.page.locator("#opened ~ table a, table.behind a").count() >= 1
    page.page.click("a.lang-switch")
    assert page.page.evaluate("document.documentElement.lang") == "ko"
    assert page.page.locator("h1").inner_text() == "안보 환경"
    assert "사건" in page.page.locator("#opened").inner_text()
    page.page.select_option("#by", "week")
    page.page.click("form.environment-form button")
    page.page.wait_for_url("**by=week**")
    assert page.page.locator("table.environment-table tbody tr").count() > 10
    page.page.click("a.lang-switch")
    assert page.errors == []


def test_changing_the_date_redraws_the_overview(page: Watched) -> None:
    page.go("/")
    page.page.fill("#as-of", "2019-06-30")
    page.page.click("form.as-of button")
    page.page.wait_for_url("**as_of=2019-06-30**")
    assert page.page.locator("#h-agreements").inner_text() == "Scores by agreement, 30 Jun 2019"
    assert "0 provisions reversed" in page.page.locator("#h-reversed").inner_text()


def test_three_clicks_from_the_overview_to_the_evidence_of_a_reversal(page: Watched) -> None:
    """Which provisions of the CMA were reversed in 2023, and on what evidence?"""
    page.go("/")
    page.page.fill("#as-of", "2023-12-31")
    page.page.click("form.as-of button")  # 1: the overview as of the end of 2023
    page.page.click(f"table.scores a[href^='/agreements/{CMA}']")  # 2: the CMA
    notice = page.page.locator(".reversed-notice")
    assert "2 provisions reversed as of 31 Dec 2023" in notice.inner_text()
    assert "since 23 Nov 2023" in notice.inner_text() and "since 22 Nov 2023" in notice.inner_text()
    notice.locator("a", has_text="1.1").click()  # 3: the provision and its evidence
    assert page.page.locator("h1").inner_text().startswith("Provision 1.1")
    step = page.page.locator("#step-2023-11-23")
    assert "Full implementation → Not initiated" in step.inner_text()
    source = step.locator(f"a[href='{SEED.SCRAPPED_SOURCE}']")
    assert source.is_visible() and source.inner_text() == "North scraps military pact"
    assert page.errors == []


def test_keyboard_focus_is_visible_and_the_chart_answers_keys(page: Watched) -> None:
    page.go("/?as_of=2023-12-31")
    page.page.keyboard.press("Tab")
    skip = page.page.locator(".skip-link")
    assert page.page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0  # shown on screen when focused
    assert page.page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.page.keyboard.press("Enter")
    assert page.page.evaluate("document.activeElement.id") == "main"
    for _ in range(3):
        page.page.keyboard.press("Tab")
    outline = page.page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert outline == ["solid", "3px"]
    page.page.focus("svg.trajectory")
    page.page.keyboard.press("End")
    last = page.page.locator(".chart-readout").inner_text()
    page.page.keyboard.press("ArrowLeft")
    before = page.page.locator(".chart-readout").inner_text()
    assert last and before and last != before
    assert "Comprehensive Military Agreement" in before
    assert page.page.locator(".chart-tip").is_visible()
    page.page.keyboard.press("Escape")
    assert page.page.locator(".chart-tip").is_hidden()


def test_pointer_over_the_chart_shows_that_months_scores(page: Watched) -> None:
    page.go("/?as_of=2023-12-31")
    chart = page.page.locator("svg.trajectory")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    chart.hover(position={"x": box["width"] * 0.3, "y": box["height"] * 0.5})
    tip = page.page.locator(".chart-tip")
    assert tip.is_visible()
    assert "Panmunjom Declaration" in tip.inner_text()


def test_timeline_form_and_month_bars_filter_events(page: Watched) -> None:
    page.go("/events")
    page.page.select_option("#f-type", "declaration")
    page.page.click("form.filters button[type=submit]")
    assert page.page.locator(".result-count").inner_text() == "1 event"
    page.go("/events")
    page.page.locator("svg.bars a").last.click()
    assert "from=" in page.page.url and "to=" in page.page.url
    assert page.page.locator("article.event").count() >= 1


def test_editor_signs_in_with_a_token_and_reviews(page: Watched, server: dict[str, str]) -> None:
    page.page.goto(page.base + "/review")  # 401 with the sign-in form
    page.errors.clear()
    page.page.fill("#token", server["token"])
    page.page.click("form.login-form button")
    page.page.wait_for_url("**/review")
    assert page.page.locator("h1").inner_text() == "Review"
    assert "Nothing to review" in page.page.locator("main").inner_text()
    page.page.click("text=Sign out")
    page.page.wait_for_url(server["url"] + "/")


def test_phone_width_pages_do_not_scroll_sideways(phone: Watched) -> None:
    for path in PAGES:
        phone.go(path)
        overflow = phone.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the screen"


@pytest.mark.skipif(not os.environ.get("PEACETRACK_SCREENSHOTS"), reason="set PEACETRACK_SCREENSHOTS=DIR")
def test_screenshots(browser: Any, server: dict[str, str]) -> None:
    folder = Path(os.environ["PEACETRACK_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    for width, label in ((1280, "desktop"), (390, "phone")):
        context = browser.new_context(viewport={"width": width, "height": 900})
        shot = context.new_page()
        for lang in ("en", "ko"):
            for path in PAGES:
                sep = "&" if "?" in path else "?"
                shot.goto(f"{server['url']}{path}{sep}lang={lang}")
                name = path.strip("/").split("?")[0].replace("/", "_") or "overview"
                shot.screenshot(path=str(folder / f"{name}-{lang}-{label}.png"), full_page=True)
        context.close()
    assert shutil.disk_usage(folder).free > 0
