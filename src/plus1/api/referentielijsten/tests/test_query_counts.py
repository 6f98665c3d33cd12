"""Lists of the Referentielijsten API cost a fixed number of queries, however long they are."""

import pytest

pytestmark = pytest.mark.django_db

API = "/referentielijsten/api/v1"
# Every request first asks whether its host is a gemeente's own (portal.middleware).
HOST_LOOKUP = 1


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/procestypen", 1),
        # The count, then one page of 100 with each procestype joined in.
        ("/resultaten", 2),
        # The procestype of the filter, the count, the page.
        (
            "/resultaten?procesType=https://selectielijst.openzaak.nl/api/v1/procestypen/"
            "aa8aa2fd-b9c6-4e34-9a6c-58a677f60ea0",
            3,
        ),
        ("/resultaattypeomschrijvingen", 1),
        ("/communicatiekanalen", 2),
    ],
)
def test_a_list_needs_the_same_few_queries_for_every_row(client, django_assert_num_queries, path, queries):
    with django_assert_num_queries(HOST_LOOKUP + queries):
        response = client.get(f"{API}{path}", HTTP_HOST="localhost")

    assert response.status_code == 200
