from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person may do inside one organisation."""

    CATALOG_MANAGER = "catalog_manager", _("Catalogusbeheerder")
    BEHEERDER = "beheerder", _("Functioneel beheerder")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BEHANDELAAR = "behandelaar", _("Behandelaar")
    # Works for a chain partner (GGD, schuldhulp ...): sees only the zaken shared with it.
    PARTNER_MEDEWERKER = "partner_medewerker", _("Medewerker ketenpartner")
    # Supervises the use of personal data (AVG art. 38-39): reads the processing log, no zaken.
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer / security officer")
    # Reads the klantwaardering dashboards and benchmark of the gemeente; no zaken.
    KWALITEITSMEDEWERKER = "quality_officer", _("Kwaliteitsmedewerker klantwaardering")
    # Sees and handles every aggression incident report of the gemeente (Veilige Publieke Taak).
    AGRESSIECOORDINATOR = "aggression_coordinator", _("Agressiecoördinator")
    # P&O: the competence framework, role profiles, rolduiding, learning offer and every team's view.
    HR = "hr", _("HR-adviseur (P&O)")
    # Leads the employees of the teams they are a member of: their assessments, plans and team view.
    # A teamleider is a leidinggevende too (plus1.development.policies).
    LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")


# The roles that work in the back office of a gemeente.
EMPLOYEE_ROLES = (Role.BEHANDELAAR, Role.TEAMLEIDER, Role.BEHEERDER)

# Everyone who may enter a gemeente's back office: the employees, and the privacy officer
# (who sees the processing log only, and zaken only when also holding an employee role), the
# quality staff (klantwaardering) and the agressiecoördinator (incident register).
BACK_OFFICE_ROLES = (
    *EMPLOYEE_ROLES,
    Role.PRIVACY_OFFICER,
    Role.KWALITEITSMEDEWERKER,
    Role.AGRESSIECOORDINATOR,
    Role.HR,
    Role.LEIDINGGEVENDE,
)

# What an employee's authenticator app is called in Plus1.
TOTP_DEVICE_NAME = "Authenticator-app"
