from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from plus1.accounts.selectors import current_totp_code


class Command(BaseCommand):
    help = "Print the current log-in code of an employee's authenticator app (demo and tests only)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        code = current_totp_code(user) if user else None
        if code is None:
            raise CommandError(f"{username} heeft geen authenticator-app ingesteld.")
        self.stdout.write(code)
