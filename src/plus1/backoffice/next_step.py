"""Which action a case handler takes next on a zaak, and which actions fit its status now.

The zaak page offers the next sensible step first, then the other actions that fit, and
last the actions that are possible but do not fit the status (a besluit while the aanvraag
has only just come in). Those ask the case handler to confirm, with the reason.

The rules read a ``Situation``: a few facts about the zaak's status and what is missing.
``situation_of`` reads them from a zaak; the rules themselves need no database, so the
status x action table is tested as plain data. The business rules of each action stay in
``plus1.cases.services``: this module only decides what to offer first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plus1.cases import selectors
from plus1.cases.models import Zaak
from plus1.cases.reachability import why_initiator_cannot_answer

# The ZGW direction of a document the resident sends in (ZaakTypeInformatieObjectType.direction).
INCOMING = "inkomend"
CONFIRM_FIELD = "bevestigd"


class Phase(StrEnum):
    """Where the zaak stands in its zaaktype's statuses."""

    # At the first status while later ones (before the end) exist: "Aanvraag ontvangen".
    RECEIVED = "received"
    # Any other open status; a zaaktype with one status before the end is handled at once.
    HANDLING = "handling"
    CLOSED = "closed"


@dataclass(frozen=True)
class Situation:
    phase: Phase
    status: str = ""
    is_assigned: bool = True
    has_open_question: bool = False
    can_ask: bool = True
    has_next_status: bool = True
    can_decide: bool = True
    has_besluit: bool = False
    misses_documents: bool = False


@dataclass(frozen=True)
class NextStep:
    """The step offered first: a title in plain words, why, and the action that does it."""

    title: str
    why: str
    action: str | None = None


@dataclass(frozen=True)
class Plan:
    """The actions of the page in the order offered; ``unfit`` maps an action to its reason."""

    next_step: NextStep
    first: str | None
    others: list[str]
    unfit: dict[str, str]


def situation_of(zaak: Zaak) -> Situation:
    """The facts the rules read, from the zaak and what its detail page already prefetched."""
    if not zaak.is_open:
        return Situation(phase=Phase.CLOSED)
    statustypen = sorted(zaak.zaaktype.statustypen.all(), key=lambda s: s.volgnummer)
    current = zaak.current_status.statustype if zaak.current_status_id else None
    later = [s for s in statustypen[:-1] if current is None or s.volgnummer > current.volgnummer]
    is_first = current is None or (bool(statustypen) and current.pk == statustypen[0].pk)
    incoming = {
        link.informatieobjecttype_id
        for link in zaak.zaaktype.document_types.all()
        if link.direction == INCOMING
    }
    documents = {document.informatieobjecttype_id for document in selectors.all_documents(zaak)}
    open_question = selectors.open_information_request(zaak)
    return Situation(
        phase=Phase.RECEIVED if is_first and later else Phase.HANDLING,
        status=current.omschrijving if current else "",
        is_assigned=zaak.assignee_id is not None,
        has_open_question=open_question is not None,
        can_ask=open_question is None and why_initiator_cannot_answer(zaak) is None,
        has_next_status=bool(later),
        can_decide=bool(zaak.zaaktype.besluittypen.all()),
        has_besluit=bool(zaak.besluiten.all()),
        misses_documents=bool(incoming) and not (incoming & documents),
    )


def next_step(situation: Situation) -> NextStep:
    """The one step that moves the zaak on, given its status and what is missing."""
    if situation.phase == Phase.CLOSED:
        return NextStep(
            _("De zaak is afgesloten"),
            _("Er hoeft niets meer te gebeuren. Moet de zaak toch weer open? Dat kan hieronder."),
        )
    if not situation.is_assigned:
        return NextStep(_("Pak de zaak op"), _("Nog niemand behandelt deze zaak."), "oppakken")
    if situation.has_open_question:
        return NextStep(
            _("Wacht op het antwoord van de inwoner"),
            _(
                "De termijn staat stil tot het antwoord er is. Kreeg u het antwoord op een andere "
                "manier, bijvoorbeeld aan de telefoon? Laat de termijn dan weer lopen."
            ),
            "hervatten",
        )
    if situation.phase == Phase.RECEIVED:
        if situation.misses_documents and situation.can_ask:
            return NextStep(
                _("Vraag om aanvullende informatie"),
                _("Bij de aanvraag zit nog geen document van de inwoner. Vraag erom als u het nodig hebt."),
                "vraag",
            )
        return NextStep(
            _("Neem de aanvraag in behandeling"),
            _("Zet de volgende status. De inwoner ziet dan dat u met de aanvraag bezig bent."),
            "status",
        )
    if situation.can_decide and not situation.has_besluit:
        return NextStep(
            _("Neem een besluit"),
            _("De zaak is in behandeling. Het besluit komt met een besluitbrief bij de documenten."),
            "besluit",
        )
    return NextStep(
        _("Sluit de zaak af"),
        _("Het besluit is genomen. Kies het resultaat; de inwoner ziet het in Mijn zaken.")
        if situation.has_besluit
        else _("Kies het resultaat; de inwoner ziet het in Mijn zaken."),
        "afsluiten",
    )


def why_unfit(situation: Situation, action: str) -> str:
    """Why ``action`` does not fit the zaak's status now, or "" when it fits.

    An action that does not fit is still possible (a request withdrawn on the first day is
    closed at once), but only after the case handler has read this reason and confirmed.
    """
    if situation.phase == Phase.CLOSED or action not in ("besluit", "afsluiten"):
        return ""
    if situation.has_open_question:
        return _(
            "De vraag aan de inwoner staat nog open. Wacht op het antwoord, of laat de termijn eerst "
            "weer lopen."
        )
    if action == "besluit" and situation.phase == Phase.RECEIVED:
        return _(
            "De zaak staat nog op '%(status)s'. Een besluit neemt u als de aanvraag in behandeling is."
        ) % {"status": situation.status}
    if action == "afsluiten" and not situation.has_besluit:
        if situation.can_decide:
            return _(
                "Er is nog geen besluit. Sluit een zaak zonder besluit alleen af als de aanvraag is "
                "ingetrokken of niet in behandeling wordt genomen."
            )
        if situation.phase == Phase.RECEIVED:
            return _(
                "De zaak staat nog op '%(status)s'. Sluit haar nu alleen af als de aanvraag is "
                "ingetrokken of niet in behandeling wordt genomen."
            ) % {"status": situation.status}
    return ""


def plan(situation: Situation, offered: Iterable[str]) -> Plan:
    """Order the ``offered`` actions: the next step first, then those that fit, then the others."""
    offered = list(offered)
    step = next_step(situation)
    first = step.action if step.action in offered else None
    unfit = {name: reason for name in offered if (reason := why_unfit(situation, name))}
    others = [name for name in offered if name != first and name not in unfit]
    return Plan(next_step=step, first=first, others=others, unfit=unfit)


def require_confirmation(form: forms.Form, reason: str) -> forms.Form:
    """Add the "I know, and go on" tick box to an action that does not fit the status now."""
    form.fields[CONFIRM_FIELD] = forms.BooleanField(
        label=gettext_lazy("Ik heb de reden gelezen en ga toch door"),
        error_messages={"required": gettext_lazy("Vink aan dat u toch doorgaat, of kies een andere actie.")},
    )
    form.confirm_reason = reason  # type: ignore[attr-defined]
    return form
