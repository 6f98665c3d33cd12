"""The worker never posts to an internal address, however the callback URL names it."""

import ipaddress
import socket

import httpx
import pytest

from plus1.core import outbound
from plus1.core.exceptions import FieldProblem
from plus1.notifications import services
from plus1.notifications.models import Abonnement, Delivery, DeliveryStatus
from plus1.notifications.tasks import deliver_notifications
from plus1.notifications.testing import publish_zaak_created

pytestmark = pytest.mark.django_db

NAME = "callback.gemeente.example.nl"
PUBLIC = "93.184.215.14"


def _subscribe(gemeente, url):
    return services.save_abonnement(tenant=gemeente, callback_url=url, auth="x", kanalen=[("zaken", {})])


@pytest.fixture
def dns(monkeypatch):
    """``dns[name] = [address, ...]``: what the resolver answers for that name from now on."""
    answers: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in answers[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


@pytest.fixture
def no_connections(monkeypatch):
    def send(*args, **kwargs):
        raise AssertionError("the worker connected")

    monkeypatch.setattr(httpx.Client, "send", send)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/callback",
        "http://localhost/callback",
        "http://api.localhost/callback",
        "http://2130706433/callback",  # 127.0.0.1 as one number
        "http://0x7f000001/callback",
        "http://017700000001/callback",
        "http://10.0.0.8/callback",
        "http://172.16.0.1/callback",
        "http://192.168.1.10/callback",
        "http://169.254.169.254/latest/meta-data/",  # the cloud's metadata service
        "http://100.64.0.1/callback",
        "http://0.0.0.0/callback",
        "http://224.0.0.1/callback",
        "http://255.255.255.255/callback",
        "http://[::1]/callback",
        "http://[::]/callback",
        "http://[::ffff:127.0.0.1]/callback",
        "http://[::ffff:a00:1]/callback",
        "http://[fe80::1]/callback",
        "http://[fc00::1]/callback",
        "http://[ff02::1]/callback",
        "http://[64:ff9b::a00:1]/callback",  # NAT64 of 10.0.0.1
    ],
)
def test_no_notation_of_an_internal_address_gets_through(url):
    with pytest.raises(outbound.RefusedURL, match="intern adres") as refused:
        outbound.check_url(url)
    assert refused.value.code == "bad-url"


@pytest.mark.parametrize("url", ["ftp://example.nl/x", "file:///etc/passwd", "geen-url", "http://"])
def test_only_http_and_https_urls_are_taken(url):
    with pytest.raises(outbound.RefusedURL) as refused:
        outbound.check_url(url, allow_private=True)
    assert refused.value.code == "invalid"


def test_a_name_with_one_internal_address_among_public_ones_is_refused(dns):
    dns[NAME] = [PUBLIC, "10.0.0.8"]
    with pytest.raises(outbound.RefusedURL, match=r"10\.0\.0\.8"):
        outbound.check_url(f"https://{NAME}/callback")
    dns[NAME] = [PUBLIC]
    assert outbound.check_url(f"https://{NAME}/callback").addresses == (ipaddress.ip_address(PUBLIC),)


def test_registering_an_internal_callback_is_refused_when_not_allowed(settings, gemeente_a, dns):
    settings.PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = False
    dns[NAME] = ["192.168.10.4"]
    for url in ("http://127.0.0.1:9000/cb", f"https://{NAME}/cb"):
        with pytest.raises(FieldProblem) as problem:
            services.save_abonnement(tenant=gemeente_a, callback_url=url, auth="x", kanalen=[("zaken", {})])
        assert problem.value.problems[0][:2] == ("callbackUrl", "bad-url")
    assert not Abonnement.objects.exists()

    settings.PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = True  # the demo and the tests
    services.save_abonnement(
        tenant=gemeente_a, callback_url="http://127.0.0.1:9000/cb", auth="x", kanalen=[("zaken", {})]
    )


def test_the_worker_refuses_an_internal_callback_records_why_and_never_connects(
    settings, gemeente_a, subscriber, no_connections
):
    # Registered while allowed (or before this check existed); the worker checks again.
    _subscribe(gemeente_a, subscriber.url)
    settings.PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = False
    publish_zaak_created(gemeente_a, {"bronorganisatie": "100000009"})
    deliver_notifications.call()
    delivery = Delivery.objects.get()
    # Not retried: the address will not become allowed by waiting.
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert delivery.last_error.startswith("Geweigerd, niet verstuurd")
    assert "intern adres (127.0.0.1)" in delivery.last_error
    assert subscriber.attempts == []


def test_a_name_that_moved_to_an_internal_address_after_registration_is_not_called(
    settings, gemeente_a, dns, no_connections
):
    settings.PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = False
    dns[NAME] = [PUBLIC]
    services.save_abonnement(
        tenant=gemeente_a, callback_url=f"https://{NAME}/cb", auth="x", kanalen=[("zaken", {})]
    )
    dns[NAME] = ["127.0.0.1"]  # DNS rebinding: the name now points inside
    publish_zaak_created(gemeente_a, {"bronorganisatie": "100000009"})
    deliver_notifications.call()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "intern adres (127.0.0.1)" in delivery.last_error


def test_the_post_goes_to_the_address_that_was_checked_not_to_a_second_lookup(subscriber, dns, monkeypatch):
    port = httpx.URL(subscriber.url).port
    dns[NAME] = ["127.0.0.1"]
    # Only for this test: take the subscriber's loopback address as if it were public.
    monkeypatch.setattr(outbound, "is_public_address", lambda address: str(address) == "127.0.0.1")
    target = outbound.check_url(f"http://{NAME}:{port}/callback")
    dns[NAME] = ["10.255.255.1"]  # answers differently the second time: must not be asked again
    with outbound.new_client(timeout=2) as client:
        response = outbound.post(client, target, json={"kanaal": "zaken"})
    assert response.status_code == 204
    assert subscriber.received == [{"kanaal": "zaken"}]
    assert subscriber.headers[0]["Host"] == f"{NAME}:{port}"


def test_a_redirect_is_not_followed_and_counts_as_a_failure(gemeente_a, subscriber):
    _subscribe(gemeente_a, subscriber.url)
    subscriber.answers = [302]
    publish_zaak_created(gemeente_a, {"bronorganisatie": "100000009"})
    deliver_notifications.call()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_error) == (DeliveryStatus.PENDING, "HTTP 302")
    assert len(subscriber.attempts) == 1


def _certificate(tmp_path, name: str):
    """A self-signed certificate for ``name``: (certificate file, key file)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


def test_https_to_the_checked_address_still_checks_the_certificate_for_the_host_name(
    subscriber, dns, monkeypatch, tmp_path
):
    import ssl

    cert_file, key_file = _certificate(tmp_path, NAME)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert_file, key_file)
    subscriber.wrap_tls(server_context)
    port = httpx.URL(subscriber.url).port
    dns[NAME] = ["127.0.0.1"]
    monkeypatch.setattr(outbound, "is_public_address", lambda address: str(address) == "127.0.0.1")
    trusted = ssl.create_default_context(cafile=str(cert_file))
    with httpx.Client(verify=trusted, timeout=2) as client:
        response = outbound.post(client, outbound.check_url(f"https://{NAME}:{port}/cb"), json={"a": "b"})
        assert response.status_code == 204
        assert subscriber.headers[0]["Host"] == f"{NAME}:{port}"
        # A certificate for another name is refused, as without the pinning.
        dns["other.example.nl"] = ["127.0.0.1"]
        with pytest.raises(httpx.ConnectError, match=r"CERTIFICATE_VERIFY_FAILED|hostname"):
            outbound.post(client, outbound.check_url(f"https://other.example.nl:{port}/cb"), json={})
