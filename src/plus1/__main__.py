"""The ``plus1`` command.

Plus1's own commands (``serve``, ``demo``, ``worker``, ``catalog import``) sit next to every
Django management command, so ``plus1 migrate`` and ``plus1 createsuperuser`` work as well.
"""

import os
import sys

ALIASES = {
    ("catalog", "import"): ["import_catalog"],
    ("processing-log",): ["processing_log"],
    ("api-client",): ["api_client"],
    ("zgw-openapi",): ["zgw_openapi"],
    ("zgw-conformance",): ["zgw_conformance"],
    ("routing-eval",): ["routing_eval"],
}


def translate(argv: list[str]) -> list[str]:
    """Map the friendly spelling (``catalog import PATH``) onto the management command."""
    for prefix, command in ALIASES.items():
        if tuple(argv[: len(prefix)]) == prefix:
            return command + argv[len(prefix) :]
    if argv[:1] == ["migrate"] and "--noinput" not in argv:
        return [*argv, "--noinput"]
    return argv


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.dev")
    from django.core.management import execute_from_command_line

    args = translate(list(sys.argv[1:] if argv is None else argv))
    execute_from_command_line(["plus1", *args])


if __name__ == "__main__":
    main()
