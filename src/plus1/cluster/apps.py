from django.apps import AppConfig


class ClusterConfig(AppConfig):
    name = "plus1.cluster"
    label = "cluster"
    verbose_name = "Cluster"
