"""The browser enforces Plus1's Content-Security-Policy, and the e2e suite notices a violation.

Every e2e test fails on a CSP report in the console (conftest.py); this test shows that the
check is not vacuous: code that slips in an inline script or style is refused and reported.
"""

import pytest

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_inline_script_or_style_is_refused_and_reported(live_server, page, gemeente_a):
    page.goto(f"{live_server.url}/{gemeente_a.slug}/")
    assert page.csp_violations == []

    with page.expect_console_message(lambda message: "style-src" in message.text):
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.inlineRan = true;";
                document.body.appendChild(script);
                const style = document.createElement("style");
                style.textContent = "body { display: none; }";
                document.head.appendChild(style);
            }"""
        )

    assert page.evaluate("() => window.inlineRan === undefined")
    assert page.locator("h1").is_visible()
    assert any("script-src" in text for text in page.csp_violations), page.csp_violations
    assert any("style-src" in text for text in page.csp_violations), page.csp_violations
    page.csp_violations.clear()


def test_axe_runs_without_loosening_the_policy(live_server, page, gemeente_a):
    page.goto(f"{live_server.url}/{gemeente_a.slug}/")

    assert_accessible(page)
    assert page.csp_violations == []
