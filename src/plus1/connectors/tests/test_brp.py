from plus1.connectors.brp import BrpSimulator


def test_the_simulator_knows_the_official_test_persons():
    person = BrpSimulator().get_person("999993653")

    assert person.full_name == "Suzanne Moulin"
    assert person.postcode == "3077 AW"
    assert person.address == "Boterdiep 31, 3077 AW Rotterdam"


def test_the_simulator_does_not_know_other_numbers():
    assert BrpSimulator().get_person("123456782") is None
