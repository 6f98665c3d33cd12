"""Every request field has a data class (contact, personal, case) that decides what a chain
partner may see of its answer: inferred from type and name unless the library or the admin
says otherwise (docs/catalog-format.md, docs/chain-partners.md)."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_employee, grant_role
from plus1.catalog.data_classes import infer_data_class
from plus1.catalog.importer.loader import LIBRARY_DIR, import_library
from plus1.catalog.importer.schema import ProcessSpec
from plus1.catalog.models import Eigenschap, ZaakType
from plus1.core.testing import log_in_to_admin

from .factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "data_type", "expected"),
    [
        ("telefoonnummer", "phone", "contact"),
        ("contact", "phone", "contact"),
        ("email_partner", "email", "contact"),
        ("huisnummer", "number", "contact"),
        ("postcode_briefadres", "postcode", "contact"),
        ("bsn_partner", "bsn", "personal"),
        ("geboortedatum", "date", "personal"),
        ("voornamen", "text", "personal"),
        ("namens_ander", "boolean", "case"),
        ("kenteken", "text", "case"),
        ("ingangsdatum", "date", "case"),
    ],
)
def test_the_class_is_inferred_from_type_and_name(name, data_type, expected):
    assert infer_data_class(name, data_type) == expected


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / "informatieobjecttypen").mkdir()
    for name in ("algemeen.yaml", "vergunningen.yaml"):
        shutil.copy(LIBRARY_DIR / "informatieobjecttypen" / name, tmp_path / "informatieobjecttypen" / name)
    (tmp_path / "processen").mkdir()
    shutil.copy(LIBRARY_DIR / "processen" / "parkeervergunning.yaml", tmp_path / "processen")
    return tmp_path


def _classes(identificatie: str) -> dict[str, str]:
    zaaktype = ZaakType.objects.get(process__identificatie=identificatie)
    return dict(zaaktype.eigenschappen.values_list("name", "data_class"))


def test_an_imported_field_gets_its_inferred_class_unless_the_file_names_one(library, collective):
    path = library / "processen" / "parkeervergunning.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "    data_type: choice\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + "    data_class: personal\n", 1), encoding="utf-8")

    import_library(library)

    classes = _classes("parkeervergunning")
    assert classes["telefoonnummer"] == "contact"
    assert classes["kenteken"] == "case"
    assert classes["auto_eigendom"] == "personal", "named in the file"


def test_a_file_without_data_class_keeps_the_digest_it_was_published_with(library, collective):
    """Processes loaded before the field existed are not reported as changed by the next import."""
    import_library(library)

    text = (library / "processen" / "parkeervergunning.yaml").read_text(encoding="utf-8")
    spec = ProcessSpec.model_validate(yaml.safe_load(text))
    # The digest as computed before ``data_class`` was part of the format.
    before = spec.model_dump(mode="json", exclude={"eigenschappen": {"__all__": {"data_class"}}})
    # ``required_when`` (a later field too) counts only where the file sets it.
    for item in [*before.get("eigenschappen", []), *before.get("documents", [])]:
        if item.get("required_when") is None:
            item.pop("required_when", None)
    canonical = json.dumps(before, sort_keys=True, ensure_ascii=False)
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    assert zaaktype.source_digest == hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_a_field_added_without_a_class_gets_the_inferred_one():
    zaaktype = ZaakTypeFactory()
    phone = Eigenschap.objects.create(
        zaaktype=zaaktype, order=1, name="mobiel", label="Mobiel nummer", data_type="text", step="Contact"
    )
    assert phone.data_class == "contact"


def test_the_class_is_editable_in_the_admin_for_a_concept_only(client, collective, actor):
    manager = create_employee(username="catalogus", password="een-lang-wachtwoord")
    grant_role(tenant=collective, user=manager, role=Role.CATALOG_MANAGER, actor=actor)
    concept = ZaakTypeFactory()
    published = ZaakTypeFactory(published=True)
    for zaaktype in (concept, published):
        zaaktype.eigenschappen.create(order=1, name="telefoon", label="Telefoon", data_type="phone", step="A")
    log_in_to_admin(client, manager)

    concept_page = client.get(reverse("admin:catalog_zaaktype_change", args=[concept.pk])).text
    published_page = client.get(reverse("admin:catalog_zaaktype_change", args=[published.pk])).text

    assert 'name="eigenschappen-0-data_class"' in concept_page
    assert 'name="eigenschappen-0-data_class"' not in published_page
    assert "Contactgegevens" in published_page, "shown read-only"
