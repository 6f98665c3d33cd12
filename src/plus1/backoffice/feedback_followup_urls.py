"""Included without a namespace of its own: the names join the including app's namespace."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
