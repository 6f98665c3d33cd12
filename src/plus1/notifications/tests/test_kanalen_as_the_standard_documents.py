"""The kanalen and kenmerken Plus1 registers and documents are the ones the standard APIs document.

Each standard API's OpenAPI description has a ``### Notificaties`` section: the kanaal, its main
resource and its kenmerken. Ours are read from the project's copy of the standard documents.
"""

import re
from pathlib import Path

import pytest
import yaml

from plus1.notifications.kanalen import KANALEN, STANDARD_KANALEN, describe

# The project's copy of the standard (read as files: this layer does not import the API package).
STANDARD = Path(__file__).resolve().parents[2] / "api" / "standard"
SOURCES = ("zaken-1.7.0", "documenten-1.7.0", "besluiten-1.1.0", "catalogi-1.3.3", "autorisaties-1.1.0")


def _documented() -> dict[str, tuple[str, list[str]]]:
    """Kanaal -> (main resource, kenmerken) from the standard's OpenAPI descriptions."""
    found = {}
    for source in SOURCES:
        document = yaml.safe_load((STANDARD / f"{source}.yaml").read_text(encoding="utf-8"))
        description = document["info"]["description"]
        for block in description.split("Deze API publiceert notificaties op het kanaal")[1:]:
            naam = re.match(r"\s*`([^`]+)`", block).group(1)
            resource = re.search(r"\*\*Main resource\*\*\s*`([^`]+)`", block).group(1)
            kenmerken_part = block.split("**Kenmerken**", 1)[1].split("**Resources", 1)[0]
            found[naam] = (resource, re.findall(r"^\* `([^`]+)`", kenmerken_part, flags=re.M))
    return found


def test_every_kanaal_of_the_standard_is_registered_with_its_kenmerken():
    documented = _documented()

    assert set(documented) == set(STANDARD_KANALEN)
    for naam, (resource, kenmerken) in documented.items():
        assert STANDARD_KANALEN[naam] == kenmerken, naam
        assert KANALEN[naam].main_resource == resource, naam


@pytest.mark.parametrize("naam", list(KANALEN))
def test_our_description_names_the_kanaal_resource_and_kenmerken(naam):
    text = describe(naam)

    assert f"op het kanaal `{naam}`" in text
    assert f"`{KANALEN[naam].main_resource}`" in text
    assert all(f"* `{kenmerk}`:" in text for kenmerk in STANDARD_KANALEN[naam])
