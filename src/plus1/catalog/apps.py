from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "plus1.catalog"
    label = "catalog"
    verbose_name = "Catalogus"

    def ready(self):
        from plus1.catalog.routing.index import warm_up
        from plus1.core.management.commands.serve import before_fork

        before_fork.connect(warm_up, dispatch_uid="catalog-routing-index")
