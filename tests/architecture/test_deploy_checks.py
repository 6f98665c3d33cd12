"""``plus1 check --deploy`` refuses a simulator however the settings were put together."""

from django.core.checks import run_checks
from django.test import override_settings

REAL_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "digid_eherkenning.backends.DigiDBackend",
    "digid_eherkenning.backends.eHerkenningBackend",
]


def _deploy_check_ids() -> set[str]:
    return {message.id for message in run_checks(tags=["security"], include_deployment_checks=True)}


def test_the_settings_of_the_tests_are_not_deployable_with_their_simulators():
    # plus1.conf.test switches the DigiD mock on and uses the BRP simulator.
    assert "plus1.E001" in _deploy_check_ids()


NO_KLANTINTERACTIES = "plus1.connectors.klantinteracties.NoKlantinteracties"


@override_settings(
    DIGID_MOCK=False,
    AUTHENTICATION_BACKENDS=REAL_BACKENDS,
    PLUS1_BRP_CLIENT="plus1.connectors.brp.NoBrp",
    PLUS1_KLANTINTERACTIES_CLIENT=NO_KLANTINTERACTIES,
)
def test_settings_without_a_simulator_pass_the_simulator_check():
    from plus1.core.checks import check_no_simulators

    assert check_no_simulators() == []


@override_settings(
    DIGID_MOCK=False,
    AUTHENTICATION_BACKENDS=[*REAL_BACKENDS, "digid_eherkenning.mock.backends.DigiDBackend"],
    PLUS1_BRP_CLIENT="plus1.connectors.brp.NoBrp",
    PLUS1_KLANTINTERACTIES_CLIENT=NO_KLANTINTERACTIES,
)
def test_a_simulator_backend_added_by_hand_is_refused():
    from plus1.core.checks import check_no_simulators

    [error] = check_no_simulators()
    assert error.id == "plus1.E001"
    assert "digid_eherkenning.mock.backends.DigiDBackend" in error.msg


@override_settings(
    DIGID_MOCK=False, AUTHENTICATION_BACKENDS=REAL_BACKENDS, PLUS1_KLANTINTERACTIES_CLIENT=NO_KLANTINTERACTIES
)
def test_the_brp_simulator_is_refused():
    from plus1.core.checks import check_no_simulators

    [error] = check_no_simulators()
    assert "PLUS1_BRP_CLIENT" in error.msg


@override_settings(
    DIGID_MOCK=False,
    AUTHENTICATION_BACKENDS=REAL_BACKENDS,
    PLUS1_BRP_CLIENT="plus1.connectors.brp.NoBrp",
    PLUS1_KLANTINTERACTIES_CLIENT="plus1.connectors.klantinteracties.KlantinteractiesSimulator",
)
def test_the_klantinteracties_simulator_is_refused():
    from plus1.core.checks import check_no_simulators

    [error] = check_no_simulators()
    assert "PLUS1_KLANTINTERACTIES_CLIENT" in error.msg


@override_settings(PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS=True)
def test_callbacks_to_internal_addresses_are_a_deploy_warning():
    assert "plus1.W001" in _deploy_check_ids()


@override_settings(PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS=False)
def test_without_internal_callbacks_there_is_no_such_warning():
    assert "plus1.W001" not in _deploy_check_ids()
