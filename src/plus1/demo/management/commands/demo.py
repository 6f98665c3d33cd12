from django.core.management.base import BaseCommand

from plus1.demo.history import ZAKEN_PER_GEMEENTE
from plus1.demo.loader import DEMO_API_CLIENT_ID, DEMO_API_SECRET, DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent): the library, a few gemeenten, employees and zaken."

    def add_arguments(self, parser):
        parser.add_argument(
            "--history-zaken",
            type=int,
            default=ZAKEN_PER_GEMEENTE,
            help="past zaken per gemeente (a year of history for the dashboard)",
        )

    def handle(self, *args, **options):
        summary = load_demo(history_zaken=options["history_zaken"])
        self.stdout.write(self.style.SUCCESS("Demo klaar."))
        self.stdout.write(f"  {summary.processes} basisprocessen in de gedeelde catalogus")
        self.stdout.write(
            f"  gemeenten: {', '.join(g.name for g in summary.gemeenten)}; {summary.zaken} zaken"
        )
        self.stdout.write(
            "\nPortaal: http://127.0.0.1:8000/ (bijvoorbeeld /utrecht/; DigiD-demo: log in met BSN 999993653)"
        )
        self.stdout.write(
            f"Beheer:  http://127.0.0.1:8000/admin/, log in met (wachtwoord voor iedereen: {DEMO_PASSWORD},"
            " daarna de code uit de authenticator-app, zie onder):"
        )
        for username, what in summary.logins:
            self.stdout.write(f"  {username:<32} {what}")
        self.stdout.write(
            "\nBackoffice: http://127.0.0.1:8000/backoffice/ (wachtwoord hetzelfde, daarna een code uit een"
            " authenticator-app):"
        )
        for username, what in summary.employees:
            self.stdout.write(f"  {username:<32} {what}")
        self.stdout.write(f"  Geheime sleutel van de authenticator-app (voor iedereen): {DEMO_TOTP_SECRET}")
        self.stdout.write("  Zonder app: `plus1 totp <gebruikersnaam>` toont de code van dit moment.")
        self.stdout.write(
            f"\nZGW API's: http://127.0.0.1:8000/zaken/api/v1/ (en catalogi, documenten, besluiten, ...):"
            f" client-id {DEMO_API_CLIENT_ID}, geheim {DEMO_API_SECRET} (gemeente Utrecht; docs/api.md)"
        )
