import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from plus1.catalog.importer.loader import LIBRARY_DIR, CatalogImportError, import_library
from plus1.catalog.models import (
    Adoption,
    BesluitType,
    InformatieObjectType,
    Process,
    StatusType,
    ZaakType,
)

pytestmark = pytest.mark.django_db

# The processes issue #2 names; the shipped library must cover every one of them.
REQUIRED_PROCESSES = {
    "geboorteaangifte",
    "huwelijksaangifte",
    "verhuismelding",
    "overlijdensaangifte",
    "brp-uittreksel",
    "parkeervergunning",
    "gehandicaptenparkeerkaart",
    "afvalcontainer",
    "melding-openbare-ruimte",
    "evenementenvergunning",
    "omgevingsvergunning-kap",
    "wmo-voorziening",
    "huishoudelijke-hulp",
    "jeugdhulp",
    "schuldhulpverlening",
    "bijstand",
    "bijzondere-bijstand",
    "belastingkwijtschelding",
    "bezwaar",
    "klacht",
    "verklaring-omtrent-gedrag",
    "standplaatsvergunning",
    "terrasvergunning",
    "hondenbelasting",
    "brp-geheimhoudingsverzoek",
}


def _catalog_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Process, ZaakType, StatusType, InformatieObjectType, BesluitType, Adoption)
    }


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    """A copy of part of the real library that a test may break."""
    (tmp_path / "informatieobjecttypen").mkdir()
    for name in ("algemeen.yaml", "vergunningen.yaml"):
        shutil.copy(LIBRARY_DIR / "informatieobjecttypen" / name, tmp_path / "informatieobjecttypen" / name)
    (tmp_path / "processen").mkdir()
    shutil.copy(LIBRARY_DIR / "processen" / "parkeervergunning.yaml", tmp_path / "processen")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_library_imports_and_covers_every_required_process(collective):
    report = import_library()

    identificaties = set(Process.objects.for_tenant(collective).values_list("identificatie", flat=True))
    assert identificaties >= REQUIRED_PROCESSES
    assert len(identificaties) >= 25
    assert len(report.created) == ZaakType.objects.published().count() >= 25
    for zaaktype in ZaakType.objects.select_related("process"):
        assert zaaktype.lead_time_source, f"{zaaktype.identificatie} names the legal source of its lead time"
        assert zaaktype.statustypen.exists() and zaaktype.resultaattypen.exists()


def test_the_melding_openbare_ruimte_can_be_made_without_logging_in(collective):
    import_library()

    zaaktype = ZaakType.objects.get(process__identificatie="melding-openbare-ruimte")
    assert zaaktype.allows_anonymous


def test_importing_the_same_files_twice_changes_nothing(small_library, collective):
    first = import_library(small_library)
    counts = _catalog_counts()

    second = import_library(small_library)

    assert first.created == ["parkeervergunning v2"]
    assert second.created == [] and second.unchanged == ["parkeervergunning v2"]
    assert _catalog_counts() == counts


def test_archive_rules_are_derived_from_the_selectielijst(small_library, collective):
    import_library(small_library)

    verleend = ZaakType.objects.get().resultaattypen.get(omschrijving="Vergunning verleend")
    assert verleend.selectielijstklasse.volledig_nummer == "11.1.2"
    assert verleend.archiefnominatie == "vernietigen"
    assert verleend.archiefactietermijn == "P1Y"
    assert verleend.selectielijstklasse.url.startswith("https://selectielijst.openzaak.nl/api/v1/resultaten/")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "lead_time: P8W",
            "lead_time: acht weken",
            "parkeervergunning.yaml:18: lead_time: geen geldige ISO 8601",
        ),
        (
            "product: parkeervergunning",
            "product: parkeerplek",
            "parkeervergunning.yaml:6: product: 'parkeerplek'",
        ),
        (
            "  - omschrijving: In behandeling\n",
            "  - omschrijvin: In behandeling\n",
            "statustypen[2].omschrijvin",
        ),
        (
            'selectielijstklasse: "11.2"',
            'selectielijstklasse: "5.1"',
            "resultaattypen[2].selectielijstklasse: 5.1",
        ),
        ("generic: Geweigerd", "generic: Weggegooid", "resultaattypen[2].generic: 'Weggegooid'"),
        ("    data_type: phone", "    data_type: telefoon", "eigenschappen[4].data_type: kies uit"),
        (
            "suspension_allowed: true",
            "suspension_allowed: misschien",
            "suspension_allowed: hier hoort true of false",
        ),
        ("  - informatieobjecttype: Aanvraagformulier", "  - informatieobjecttype: Formulier", "'Formulier'"),
        ("version: 2\n", "version: 2\nversion: 3\n", "version: dit veld staat twee keer"),
        ("statustypen:\n  - omschrijving", "statustypen:\n  - omschrijving: [", "dit is geen geldige YAML"),
    ],
    ids=[
        "bad-duration",
        "unknown-product",
        "typo-in-field-name",
        "selectielijst-class-of-other-procestype",
        "unknown-generic-result",
        "unknown-data-type",
        "not-a-boolean",
        "unknown-document-type",
        "duplicate-key",
        "broken-yaml",
    ],
)
def test_a_broken_file_names_file_line_and_field_and_changes_nothing(
    small_library, collective, old, new, expected
):
    _edit(small_library / "processen" / "parkeervergunning.yaml", old, new)
    counts = _catalog_counts()

    with pytest.raises(CatalogImportError) as error:
        import_library(small_library)

    assert expected in str(error.value)
    assert "processen/parkeervergunning.yaml:" in str(error.value)
    assert _catalog_counts() == counts


def test_one_broken_file_stops_the_good_ones_too(small_library, collective):
    good = (small_library / "processen" / "parkeervergunning.yaml").read_text(encoding="utf-8")
    broken = good.replace(
        "identificatie: parkeervergunning", "identificatie: parkeervergunning-twee"
    ).replace("lead_time: P8W", "lead_time: lang")
    (small_library / "processen" / "parkeervergunning-twee.yaml").write_text(broken, encoding="utf-8")

    with pytest.raises(CatalogImportError, match=r"parkeervergunning-twee\.yaml"):
        import_library(small_library)

    assert not ZaakType.objects.exists()
    assert not InformatieObjectType.objects.exists()


def test_a_published_version_cannot_be_changed_by_editing_its_file(small_library, collective):
    import_library(small_library)
    path = small_library / "processen" / "parkeervergunning.yaml"
    _edit(path, "service_norm: P2W", "service_norm: P1W")

    with pytest.raises(CatalogImportError, match="al gepubliceerd met andere inhoud"):
        import_library(small_library)

    assert ZaakType.objects.get().service_norm == "P2W"


def test_raising_the_version_publishes_a_new_version_next_to_the_old(small_library, collective):
    import_library(small_library)
    v2 = small_library / "processen" / "parkeervergunning-v3.yaml"
    shutil.copy(small_library / "processen" / "parkeervergunning.yaml", v2)
    _edit(v2, "version: 2", "version: 3")
    _edit(v2, "valid_from: 2026-12-01", "valid_from: 2027-01-01")
    _edit(v2, "service_norm: P2W", "service_norm: P1W")

    report = import_library(small_library)

    assert report.created == ["parkeervergunning v3"]
    old, new = ZaakType.objects.order_by("version")
    assert (old.service_norm, new.service_norm) == ("P2W", "P1W")
    assert str(old.valid_until) == "2026-12-31" and new.valid_until is None


def test_a_new_version_must_start_later_than_the_published_one(small_library, collective):
    import_library(small_library)
    v2 = small_library / "processen" / "parkeervergunning-v3.yaml"
    shutil.copy(small_library / "processen" / "parkeervergunning.yaml", v2)
    _edit(v2, "version: 2", "version: 3")

    with pytest.raises(CatalogImportError, match=r"parkeervergunning-v3.yaml:4: valid_from: moet later zijn"):
        import_library(small_library)
    assert ZaakType.objects.count() == 1


def test_the_command_reports_problems_and_fails(small_library, collective):
    _edit(small_library / "processen" / "parkeervergunning.yaml", "lead_time: P8W", "lead_time: 8")

    with pytest.raises(CommandError, match=r"parkeervergunning\.yaml:18: lead_time: hier hoort tekst"):
        call_command("import_catalog", str(small_library))


def test_the_plus1_cli_spells_catalog_import_as_two_words():
    from plus1.__main__ import translate

    assert translate(["catalog", "import", "library/extra"]) == ["import_catalog", "library/extra"]
    assert translate(["catalog", "import"]) == ["import_catalog"]
    assert translate(["migrate"]) == ["migrate", "--noinput"]


def test_the_plus1_command_is_installed():
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "help", "import_catalog"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Import base processes" in result.stdout
