from django.core.management.base import BaseCommand, CommandError

from plus1.catalog.importer.loader import LIBRARY_DIR, CatalogImportError, import_library


class Command(BaseCommand):
    help = (
        "Import base processes from YAML files (a file or a folder; by default the library "
        "shipped with Plus1). Importing again changes nothing; a broken file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(LIBRARY_DIR))

    def handle(self, *args, path, **options):
        try:
            report = import_library(path)
        except CatalogImportError as exc:
            raise CommandError(str(exc)) from exc
        for name in report.created:
            self.stdout.write(f"  nieuw gepubliceerd: {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.files} bestanden gelezen: {len(report.created)} zaaktypeversies nieuw, "
                f"{len(report.unchanged)} ongewijzigd, {report.created_informatieobjecttypen} "
                "informatieobjecttypen nieuw."
            )
        )
