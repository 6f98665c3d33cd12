from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "plus1.feedback"
    label = "feedback"
    verbose_name = "Klantwaardering"
