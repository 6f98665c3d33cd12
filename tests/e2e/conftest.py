"""End-to-end tests: Debian's Chromium driven by Playwright against a live Plus1 server.

The test command installs Chromium (apt) and axe-core (npm) before it runs these; see
scripts/e2e-deps.sh. Every portal page a test visits is checked with axe for WCAG 2.2 AA.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("PLUS1_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(
    os.environ.get("PLUS1_AXE_JS", ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js")
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: run scripts/e2e-deps.sh"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def _open_page(browser):
    # The app's Content-Security-Policy stays on (no bypass_csp): Chromium reports every
    # blocked script, style or form target on the console, and a test fails on any of them.
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.csp_violations = violations
    return page


def _close_page(page) -> None:
    page.context.close()
    assert page.csp_violations == [], "Content-Security-Policy violations:\n" + "\n".join(page.csp_violations)


@pytest.fixture
def page(browser):
    page = _open_page(browser)
    yield page
    _close_page(page)


@pytest.fixture
def second_page(browser):
    """A second person in their own browser (e.g. the resident while an employee works)."""
    page = _open_page(browser)
    yield page
    _close_page(page)


def assert_no_csp_violations(page) -> None:
    assert page.csp_violations == [], "Content-Security-Policy violations:\n" + "\n".join(page.csp_violations)


def assert_accessible(page) -> None:
    """Run axe-core on the current page and fail on any WCAG 2.2 AA violation (or CSP violation)."""
    assert AXE_JS.exists(), f"axe-core not found at {AXE_JS}: run scripts/e2e-deps.sh"
    assert_no_csp_violations(page)
    # Evaluated through the DevTools protocol, which the page's CSP does not govern; a <script>
    # tag with axe inline would be (rightly) refused by the strict policy.
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
    assert violations == [], f"{page.url}: {json.dumps(violations, indent=1)}"
