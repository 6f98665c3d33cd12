from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "plus1.accounts"
    label = "accounts"
    verbose_name = "Medewerkers"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import limit_resident_session, remember_authentication_time

        user_logged_in.connect(limit_resident_session, dispatch_uid="plus1-limit-resident-session")
        user_logged_in.connect(
            remember_authentication_time, dispatch_uid="plus1-remember-authentication-time"
        )
