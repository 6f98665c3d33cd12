"""Hostile input to the Worldline protocol code and its simulator: refused, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plus1.connectors import worldline

from .test_worldline_simulator import _form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("shasign", ["É" * 128, "😀"])
def test_verify_refuses_a_non_ascii_signature_as_a_bad_signature(shasign):
    params = worldline.feedback_params({"ORDERID": "P1X", "STATUS": "9", "AMOUNT": "62.5"}, sha_out="geheim")

    with pytest.raises(worldline.BadSignature):
        worldline.verify(params | {"SHASIGN": shasign}, "geheim")


@pytest.mark.parametrize("name", ["pay", "decide"])
def test_the_simulator_refuses_a_non_ascii_signature_with_a_400(name):
    client = Client(raise_request_exception=False)

    page = client.post(reverse(f"worldline-simulator:{name}"), _form(SHASIGN="É" * 128) | {"choice": "pay"})

    assert page.status_code == 400
