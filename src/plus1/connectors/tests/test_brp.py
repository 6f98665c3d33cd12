from plus1.connectors.brp import BrpSimulator, NoBrp


def test_the_simulator_knows_the_official_test_persons():
    person = BrpSimulator().get_person("999993653")

    assert person.full_name == "Suzanne Moulin"
    assert person.postcode == "3077 AW"
    assert person.address == "Boterdiep 31, 3077 AW Rotterdam"


def test_the_simulator_does_not_know_other_numbers():
    assert BrpSimulator().get_person("123456782") is None


def test_without_a_brp_link_nobody_is_known_not_even_a_test_person():
    # The production choice without a BRP client: zaken then name "Inwoner", nothing prefilled.
    assert NoBrp().get_person("999993653") is None
