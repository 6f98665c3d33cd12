from django.apps import AppConfig


class FormatsConfig(AppConfig):
    """No models: the interface formats (FORMAT_MODULE_PATH) and the ``plus1_formats`` template filters."""

    name = "plus1.formats"
    label = "formats"
    verbose_name = "Notatie van datums en getallen"
