"""``plus1 api-client create``: register an application that may call the ZGW APIs."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from plus1.apiclients.services import AutorisatieSpec, case_data_autorisaties, create_application
from plus1.audit.services import Actor
from plus1.catalog.constants import Vertrouwelijkheid
from plus1.catalog.models import ZaakType
from plus1.core.exceptions import FieldProblem
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_gemeente


class Command(BaseCommand):
    help = (
        "Registreer een applicatie voor de ZGW API's (client-id en geheim) bij een gemeente. "
        "Voor een koppeling is --all-case-data de veilige keuze: alles op de zaakgegevens, "
        "maar geen applicaties wijzigen."
    )

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Maak een applicatie aan.")
        create.add_argument(
            "--gemeente", required=True, help="CBS-code van de gemeente, bijvoorbeeld GM0363."
        )
        create.add_argument("--client-id", required=True)
        create.add_argument(
            "--secret", required=True, help="Het gedeelde geheim waarmee de JWT's zijn ondertekend."
        )
        create.add_argument("--label", default="", help="Naam van de applicatie (standaard de client-id).")
        grant = create.add_mutually_exclusive_group(required=True)
        grant.add_argument(
            "--all-case-data",
            action="store_true",
            help=(
                "Aanbevolen voor koppelingen: alle autorisaties op zaken, documenten, besluiten, "
                "catalogi en notificaties van deze gemeente, en autorisaties alleen lezen. De "
                "applicatie kan geen applicaties aanmaken, wijzigen of verwijderen, ook zichzelf "
                "niet. Geldt voor de typen die nu bestaan; een later type voegt u toe in de admin."
            ),
        )
        grant.add_argument(
            "--all-autorisaties",
            action="store_true",
            help=(
                "Alle autorisaties (heeftAlleAutorisaties), alleen voor de gegevens van deze "
                "gemeente. Let op: dit omvat ook het aanmaken, wijzigen en verwijderen van alle "
                "applicaties van de gemeente. Alleen voor een beheerapplicatie."
            ),
        )
        grant.add_argument(
            "--read-zaken",
            action="store_true",
            help="Alleen zaken.lezen (tot en met zeer geheim) voor elk zaaktype dat de gemeente gebruikt.",
        )

    def handle(self, *args, action: str, **options) -> None:
        try:
            gemeente = get_gemeente(cbs_code=options["gemeente"])
        except Organisation.DoesNotExist:
            raise CommandError(f"Geen gemeente met CBS-code {options['gemeente']}.") from None
        autorisaties = []
        if options["read_zaken"]:
            zaaktypen = ZaakType.objects.filter(process__adoptions__tenant=gemeente).distinct()
            autorisaties = [
                AutorisatieSpec(
                    component="zrc",
                    scopes=["zaken.lezen"],
                    zaaktype=zaaktype,
                    max_confidentiality=Vertrouwelijkheid.ZEER_GEHEIM,
                )
                for zaaktype in zaaktypen
            ]
        if options["all_case_data"]:
            autorisaties = case_data_autorisaties(gemeente)
        try:
            application = create_application(
                tenant=gemeente,
                label=options["label"] or options["client_id"],
                client_ids=[options["client_id"]],
                secret=options["secret"],
                actor=Actor.system("plus1 api-client"),
                has_all_autorisaties=options["all_autorisaties"],
                autorisaties=autorisaties,
            )
        except FieldProblem as exc:
            raise CommandError(
                "; ".join(f"{name}: {reason}" for name, _code, reason in exc.problems)
            ) from None
        client_id = options["client_id"]
        self.stdout.write(
            f"Applicatie {application.label} aangemaakt voor {gemeente.name} (client-id {client_id})."
        )
