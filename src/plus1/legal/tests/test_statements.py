"""Every gemeente's portal links its privacy, accessibility and cookie statements and colofon."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.legal.constants import LegalPageKind
from plus1.legal.selectors import blocks_of, get_statement
from plus1.legal.services import save_legal_page

pytestmark = pytest.mark.django_db

PAGES = {
    "portal:privacy": "Privacyverklaring",
    "portal:accessibility": "Toegankelijkheidsverklaring",
    "portal:cookies": "Cookieverklaring",
    "portal:colophon": "Colofon",
}


def test_every_portal_footer_links_the_four_statements_and_each_opens(client, gemeente_a):
    home = client.get(reverse("portal:home", args=[gemeente_a.slug]))

    footer = home.text[home.text.index('<footer class="page-footer">') :]
    for name, title in PAGES.items():
        url = reverse(name, args=[gemeente_a.slug])
        assert f'href="{url}"' in footer
        page = client.get(url)
        assert page.status_code == 200
        assert f"<h1>{title}</h1>" in page.text
        assert gemeente_a.name in page.text


def test_the_default_texts_name_the_gemeente_and_how_to_reach_it(client, gemeente_a):
    gemeente_a.contact_phone, gemeente_a.contact_email = "14 030", "info@utrecht.example"
    gemeente_a.save()

    page = client.get(reverse("portal:privacy", args=[gemeente_a.slug])).text

    assert "Gemeente Utrecht is verantwoordelijk voor uw gegevens" in page
    assert "info@utrecht.example" in page and "14 030" in page
    assert "{" not in re.sub(r"<[^>]+>", "", page), "a placeholder was left unfilled"


def test_a_gemeentes_own_text_replaces_the_default_only_for_that_gemeente(
    client, gemeente_a, gemeente_b, actor
):
    save_legal_page(
        tenant=gemeente_a, kind="colofon", title="Colofon", body="Gemaakt door {gemeente}.", actor=actor
    )

    own = client.get(reverse("portal:colophon", args=[gemeente_a.slug])).text
    other = client.get(reverse("portal:colophon", args=[gemeente_b.slug])).text

    assert "Gemaakt door Utrecht." in own and "Plus1 is open-source software" not in own
    assert "Gemaakt door" not in other and "Plus1 is open-source software" in other


def test_the_collectives_text_is_the_default_for_every_gemeente_without_its_own(
    gemeente_a, gemeente_b, collective, actor
):
    save_legal_page(
        tenant=collective, kind="cookies", title="Cookies", body="Alleen functioneel.", actor=actor
    )
    save_legal_page(tenant=gemeente_b, kind="cookies", title="Cookies B", body="Eigen tekst.", actor=actor)

    assert get_statement(gemeente=gemeente_a, kind="cookies").blocks[0].text == "Alleen functioneel."
    statement_b = get_statement(gemeente=gemeente_b, kind="cookies")
    assert statement_b.title == "Cookies B" and statement_b.is_own_text


def test_saving_a_statement_leaves_an_audit_row(gemeente_a, actor):
    from plus1.audit.models import AuditEntry

    page = save_legal_page(tenant=gemeente_a, kind="privacy", title="P", body="Tekst", actor=actor)
    save_legal_page(tenant=gemeente_a, kind="privacy", title="P", body="Nieuwe tekst", actor=actor)

    entries = AuditEntry.objects.filter(object_type="legal.legalpage", object_id=str(page.pk)).order_by("pk")
    assert [e.action for e in entries] == ["create_legalpage", "change_legalpage"]
    assert entries[1].before == {"title": "P", "body": "Tekst"}


def test_plain_text_becomes_headings_paragraphs_and_lists():
    blocks = blocks_of("Intro regel\nloopt door.\n\n## Kop\n- een\n- twee\nNa de lijst.")

    assert [(b.kind, b.text, b.items) for b in blocks] == [
        ("p", "Intro regel loopt door.", ()),
        ("h2", "Kop", ()),
        ("ul", "", ("een", "twee")),
        ("p", "Na de lijst.", ()),
    ]


def test_the_cookie_statement_names_exactly_the_cookies_the_portal_sets(client, gemeente_a):
    """Walk a resident's visit (pages, language switch, log-in, log-out) and collect every cookie."""
    set_cookies: set[str] = set()

    def visit(response):
        set_cookies.update(name for name, morsel in response.cookies.items() if morsel.value)
        return response

    visit(client.get(reverse("portal:home", args=[gemeente_a.slug])))
    visit(client.post(reverse("set_language"), {"language": "en", "next": "/"}))
    visit(client.post(reverse("set_language"), {"language": "nl", "next": "/"}))
    client.force_login(get_user_model().digid_objects.digid_create("999993653"))
    visit(client.get(reverse("portal:my-zaken", args=[gemeente_a.slug])))
    visit(client.post(reverse("portal:logout", args=[gemeente_a.slug])))
    visit(client.get(reverse("portal:home", args=[gemeente_a.slug])))
    set_cookies.add(settings.SESSION_COOKIE_NAME)  # force_login set it without a response

    statement = get_statement(gemeente=gemeente_a, kind=LegalPageKind.COOKIES)
    listed = {item.split(":")[0] for block in statement.blocks for item in block.items}
    assert set_cookies <= listed, f"not in the cookie statement: {set_cookies - listed}"
    assert listed == {"sessionid", "csrftoken", "django_language", "messages"}


def test_statements_are_edited_only_by_the_gemeentes_own_beheerders(client, gemeente_a, gemeente_b, actor):
    from plus1.accounts.constants import Role
    from plus1.accounts.services import create_employee, grant_role
    from plus1.core.testing import log_in_to_admin

    page_a = save_legal_page(tenant=gemeente_a, kind="privacy", title="A", body="Geheim A", actor=actor)
    beheerder_b = create_employee(username="beheer-b", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_b, user=beheerder_b, role=Role.BEHEERDER, actor=actor)
    log_in_to_admin(client, beheerder_b)

    listing = client.get(reverse("admin:legal_legalpage_changelist"))
    change = client.get(reverse("admin:legal_legalpage_change", args=[page_a.pk]))
    add = client.get(reverse("admin:legal_legalpage_add") + "?kind=privacy")

    assert listing.status_code == 200 and "Geheim A" not in listing.text
    assert change.status_code in (302, 403, 404)
    assert add.status_code == 200 and "functionaris gegevensbescherming" in add.text
    assert gemeente_a.name not in add.text.split('name="tenant"')[1].split("</select>")[0]
