"""Which stand-ins for real services are switched on: the DigiD/eHerkenning and BRP simulators.

Read by the production settings (which refuse to start with any of them) and by the deploy
check ``plus1.E001`` (for settings assembled another way), so both judge alike. Plain Python,
no Django imports: settings modules import this before Django is set up.
"""

from __future__ import annotations

from collections.abc import Iterable

# Authentication backends that let anyone in as anyone: they take a typed BSN or KvK number.
SIMULATOR_BACKENDS = (
    "digid_eherkenning.mock.backends.DigiDBackend",
    "plus1.connectors.eherkenning_mock.EherkenningMockBackend",
)
# BRP clients that answer with invented (test) persons instead of the BRP.
SIMULATOR_BRP_CLIENTS = ("plus1.connectors.brp.BrpSimulator",)
# Klantinteracties clients that keep a zaak's contactmoment and verzoek relations in memory only.
SIMULATOR_KLANTINTERACTIES_CLIENTS = ("plus1.connectors.klantinteracties.KlantinteractiesSimulator",)


def switched_on_simulators(
    *, digid_mock: bool, backends: Iterable[str], brp_client: str, klantinteracties_client: str = ""
) -> list[str]:
    """One sentence per simulator that is on, naming the variable that switches it off."""
    found = []
    if digid_mock:
        found.append(
            "PLUS1_DIGID_MOCK is on: the DigiD and eHerkenning simulators let anyone log in "
            "as any BSN or KvK number. Set PLUS1_DIGID_MOCK=false."
        )
    for backend in backends:
        # PLUS1_DIGID_MOCK already adds these backends; named apart only when added otherwise.
        if backend in SIMULATOR_BACKENDS and not digid_mock:
            found.append(
                f"AUTHENTICATION_BACKENDS holds the simulator {backend}: it lets anyone log in "
                "as anyone. Set PLUS1_DIGID_MOCK=false and do not add it yourself."
            )
    if brp_client in SIMULATOR_BRP_CLIENTS:
        found.append(
            f"PLUS1_BRP_CLIENT is the simulator {brp_client}, which answers with test persons. "
            "Set it to your BRP client, or to plus1.connectors.brp.NoBrp without a BRP link."
        )
    if klantinteracties_client in SIMULATOR_KLANTINTERACTIES_CLIENTS:
        found.append(
            f"PLUS1_KLANTINTERACTIES_CLIENT is the simulator {klantinteracties_client}, which keeps "
            "contactmoment and verzoek relations in memory only. Set it to "
            "plus1.connectors.klantinteracties.KlantinteractiesApi, or to "
            "plus1.connectors.klantinteracties.NoKlantinteracties without such an API."
        )
    return found
