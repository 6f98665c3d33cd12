"""The back office's main menu shows each role the way to its own work, and no more."""

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

INCIDENTS = reverse("backoffice:incident-list")
FIGURES = reverse("backoffice:incident-figures")
REPORT = reverse("backoffice:incident-report")


def _menu(response) -> str:
    text = response.content.decode()
    return text[text.index('class="main-nav"') : text.index("</nav>")]


def test_the_agressiecoordinator_finds_the_register_and_its_figures_in_the_menu(client, gemeente_a, actor):
    log_in(
        client, make_employee("coordinator", gemeente=gemeente_a, role=Role.AGRESSIECOORDINATOR, actor=actor)
    )

    response = client.get(INCIDENTS)

    assert response.status_code == 200
    assert f'href="{INCIDENTS}" aria-current="page"' in _menu(response)
    assert f'href="{FIGURES}"' in _menu(response)


def test_a_teamleider_finds_the_figures_but_not_the_register(client, gemeente_a, team_a, actor):
    log_in(client, make_employee("lead", gemeente=gemeente_a, role=Role.TEAMLEIDER, team=team_a, actor=actor))

    menu = _menu(client.get(reverse("backoffice:inbox")))

    assert f'href="{FIGURES}"' in menu
    assert f'href="{INCIDENTS}"' not in menu


def test_a_behandelaar_sees_only_the_report_link(client, behandelaar_a):
    log_in(client, behandelaar_a)

    response = client.get(reverse("backoffice:inbox"))

    assert f'href="{REPORT}"' in response.content.decode()
    assert f'href="{INCIDENTS}"' not in _menu(response)
    assert f'href="{FIGURES}"' not in _menu(response)
