"""Real DigiD and eHerkenning without their SAML configuration: a clear page, a failing check."""

import pytest
from digid_eherkenning.models import DigidConfiguration
from django.test import override_settings

from plus1.connectors.checks import check_saml_configured

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="plus1.connectors.tests.saml_urls")
@pytest.mark.parametrize(
    ("url", "service"), [("/digid/login/", "DigiD"), ("/eherkenning/login/", "eHerkenning")]
)
def test_logging_in_without_a_saml_configuration_says_it_is_not_possible_now(client, url, service):
    response = client.get(url, {"next": "/utrecht/mijn-zaken/"})

    assert response.status_code == 503
    assert f"Inloggen met {service} is nu niet mogelijk" in response.content.decode()


@override_settings(ROOT_URLCONF="plus1.connectors.tests.saml_urls")
def test_a_configuration_without_a_certificate_is_not_enough(client):
    # The row the admin creates on first visit, with metadata but no certificate uploaded yet.
    # (an update: save() would fetch the metadata from the identity provider).
    DigidConfiguration.get_solo()
    DigidConfiguration.objects.update(
        entity_id="https://plus1.example.nl",
        base_url="https://plus1.example.nl",
        idp_metadata_file="metadata.xml",
    )

    response = client.get("/digid/login/")

    assert response.status_code == 503


@override_settings(DIGID_MOCK=False)
def test_the_deploy_check_fails_while_digid_and_eherkenning_are_not_configured():
    messages = {message.id: message.msg for message in check_saml_configured()}

    assert set(messages) == {"plus1.E002", "plus1.E003"}
    assert messages["plus1.E002"].startswith("DigiD is switched on but its SAML configuration")


def test_the_deploy_check_leaves_the_simulator_to_the_simulator_check(settings):
    settings.DIGID_MOCK = True

    assert check_saml_configured() == []
