"""required_when: a field or document that an earlier answer makes required (catalog.conditions)."""

import shutil
from pathlib import Path

import pytest

from plus1.catalog.conditions import is_required, requirement_hint, triggering_answer
from plus1.catalog.importer.loader import LIBRARY_DIR, CatalogImportError, import_library
from plus1.catalog.models import ZaakType

pytestmark = pytest.mark.django_db

STATEMENT = "Verklaring gebruik auto van werkgever of leasebedrijf"
CONDITION = "required_when: {field: auto_eigendom, equals: [Van mijn werkgever, Van een leasebedrijf]}"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / "informatieobjecttypen").mkdir()
    for name in ("algemeen.yaml", "vergunningen.yaml"):
        shutil.copy(LIBRARY_DIR / "informatieobjecttypen" / name, tmp_path / "informatieobjecttypen" / name)
    (tmp_path / "processen").mkdir()
    shutil.copy(LIBRARY_DIR / "processen" / "parkeervergunning.yaml", tmp_path / "processen")
    return tmp_path


def _edit(library: Path, old: str, new: str) -> None:
    path = library / "processen" / "parkeervergunning.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in the file"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(library: Path) -> str:
    with pytest.raises(CatalogImportError) as caught:
        import_library(library)
    return str(caught.value)


def test_the_employers_statement_is_required_only_after_choosing_employer_or_lease(library, collective):
    import_library(library)

    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    link = zaaktype.document_types.get(informatieobjecttype__omschrijving=STATEMENT)
    assert link.is_required is False
    assert link.required_when == {
        "field": "auto_eigendom",
        "values": ["Van mijn werkgever", "Van een leasebedrijf"],
    }
    assert is_required(link, {"auto_eigendom": "Van mijn werkgever"})
    assert triggering_answer(link, {"auto_eigendom": "Van een leasebedrijf"}) == "Van een leasebedrijf"
    assert not is_required(link, {"auto_eigendom": "Van mij"})
    assert not is_required(link, {})
    assert requirement_hint(link) == "verplicht als u 'Van mijn werkgever' of 'Van een leasebedrijf' koos"


def test_a_field_can_depend_on_an_earlier_choice_and_is_then_not_always_required(library, collective):
    _edit(
        library,
        "    step: Contact\n",
        "    step: Contact\n    required_when: {field: auto_eigendom, equals: Van een leasebedrijf}\n",
    )
    _edit(library, "    required: false\n    help_text: We bellen", "    help_text: We bellen")

    import_library(library)

    phone = ZaakType.objects.get(process__identificatie="parkeervergunning").eigenschappen.get(
        name="telefoonnummer"
    )
    assert phone.is_required is False
    assert phone.required_when == {"field": "auto_eigendom", "values": ["Van een leasebedrijf"]}


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        (
            "required_when: {field: eigendom, equals: Van mijn werkgever}",
            "documents[2].required_when.field: 'eigendom' is geen veld van dit proces",
        ),
        (
            "required_when: {field: auto_eigendom, equals: Van mijn baas}",
            "documents[2].required_when.field: 'Van mijn baas' is geen antwoord van 'auto_eigendom'; "
            "kies uit: 'Van mij', 'Van mijn werkgever', 'Van een leasebedrijf'",
        ),
        (
            "required_when: {field: kenteken, equals: AB-123-C}",
            "'kenteken' is geen keuzeveld of ja/nee-veld",
        ),
        (
            "required_when: {field: auto_eigendom, equals: Van mij}\n    required: true",
            "gebruik required of required_when, niet allebei",
        ),
    ],
)
def test_a_condition_naming_an_unknown_field_or_answer_is_an_import_error(
    library, collective, condition, message
):
    _edit(library, CONDITION, condition)

    problems = _problems(library)

    assert "processen/parkeervergunning.yaml:" in problems
    assert message in problems
    assert not ZaakType.objects.exists()


def test_a_field_cannot_depend_on_a_later_question(library, collective):
    # kenteken (the first field) on auto_eigendom (the second).
    _edit(
        library,
        "    step: Auto\n",
        "    step: Auto\n    required_when: {field: auto_eigendom, equals: Van mij}\n",
    )

    problems = _problems(library)

    assert "eigenschappen[1].required_when.field: 'auto_eigendom' komt pas later in het formulier" in problems


def test_a_process_without_conditions_keeps_its_digest(library, collective):
    """Files loaded before required_when existed are not reported as changed."""
    _edit(library, CONDITION + "\n", "required: false\n")
    import_library(library)
    before = ZaakType.objects.get().source_digest

    report = import_library(library)

    assert report.unchanged == ["parkeervergunning v2"]
    assert ZaakType.objects.get().source_digest == before
