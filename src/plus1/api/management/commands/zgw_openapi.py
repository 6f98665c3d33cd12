"""``plus1 zgw-openapi [--write | --check] [NAME ...]``: our committed OpenAPI documents.

Without an option the documents go to stdout. ``--write`` stores each as
``src/plus1/api/<name>/openapi.yaml``; ``--check`` exits 1 and names the files that differ from
what the code generates (CI runs the same check as a test). APIs not built yet are skipped.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plus1.api import openapi, registry


def _shown(path: Path) -> str:
    return str(path.relative_to(registry.REPO_ROOT)) if path.is_relative_to(registry.REPO_ROOT) else str(path)


class Command(BaseCommand):
    help = "Generate, write or check the committed OpenAPI documents of the ZGW APIs."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", metavar="NAME", help=f"one of {', '.join(registry.APIS)}")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--write", action="store_true", help="write src/plus1/api/<name>/openapi.yaml")
        mode.add_argument("--check", action="store_true", help="exit 1 if a committed file is out of date")

    def handle(self, *args, names: list[str], write: bool, check: bool, **options):
        unknown = sorted(set(names) - set(registry.APIS))
        if unknown:
            raise CommandError(f"Unknown API: {', '.join(unknown)} (known: {', '.join(registry.APIS)})")
        documents = openapi.generate_all(names or None)
        if not documents:
            self.stderr.write("No ZGW API exists yet; nothing to do.")
            return
        if check:
            drifted = [document for document in documents if not document.is_up_to_date]
            for document in drifted:
                state = "differs from the code" if document.path.is_file() else "is missing"
                self.stderr.write(f"{_shown(document.path)} {state}")
            if drifted:
                raise CommandError("OpenAPI documents out of date: run `plus1 zgw-openapi --write`.")
            self.stdout.write(f"{len(documents)} OpenAPI document(s) up to date.")
        elif write:
            for document in documents:
                if document.is_up_to_date:
                    continue
                document.path.write_text(document.text, encoding="utf-8")
                self.stdout.write(f"wrote {_shown(document.path)}")
        else:
            for document in documents:
                self.stdout.write(document.text, ending="")
