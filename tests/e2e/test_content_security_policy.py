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


def test_the_django_admin_works_under_the_policy(live_server, page, gemeente_a):
    from django.contrib.auth import get_user_model

    from plus1.accounts.selectors import current_totp_code
    from plus1.accounts.services import register_totp_device
    from plus1.backoffice.tests.conftest import DEMO_KEY

    user = get_user_model().objects.create_superuser("beheer-csp", "csp@example.org", "een-lang-wachtwoord")
    register_totp_device(user=user, key=DEMO_KEY)
    # The admin sends you to the employees' log-in (password, then code) and back.
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "beheer-csp")
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_selector("#id_code")
    page.fill("#id_code", current_totp_code(user))
    page.click("button:has-text('Inloggen')")
    page.wait_for_selector("#site-name")

    page.goto(f"{live_server.url}/admin/tenants/organisation/?q=Utrecht")
    page.wait_for_selector("#result_list")
    page.click("#result_list tbody a >> nth=0")
    page.wait_for_selector("#content-main form")
    page.goto(f"{live_server.url}/admin/accounts/user/add/")
    page.wait_for_selector("#content-main form")

    assert page.csp_violations == []
