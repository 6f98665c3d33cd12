"""Included without a namespace of its own: the names join the including app's namespace (issue 21)."""

urlpatterns: list = []
