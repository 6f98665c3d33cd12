"""The routing knowledge and the evaluation questions refer to real UPL products and
organisations, and the evaluation command reports its rates."""

from io import StringIO

import pytest
import yaml
from django.core.management import call_command

from plus1.catalog.models import Product
from plus1.catalog.routing.evaluation import EVALUATION_DIR, PARTS, load_questions
from plus1.catalog.routing.index import clear_index
from plus1.catalog.routing.knowledge import DATA, knowledge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index():
    clear_index()
    yield
    clear_index()


def upl_names() -> set[str]:
    return set(Product.objects.values_list("upl_name", flat=True))


def test_every_mapping_and_clarifying_choice_names_a_real_upl_product():
    assert knowledge().product_names() - upl_names() == set()


def test_every_situation_and_organisation_has_a_source():
    situations = yaml.safe_load((DATA / "situations.yaml").read_text(encoding="utf-8"))
    organisations = yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8"))

    entries = situations["situations"] + situations["clarify"] + organisations["organisations"]
    assert [e for e in entries if not str(e.get("source", "")).strip()] == []
    assert all(o["url"].startswith("https://") and o["explanation"] for o in organisations["organisations"])


def test_every_clarify_question_offers_two_or_three_choices():
    assert all(2 <= len(c.choices) <= 3 for c in knowledge().clarifications)


def test_the_evaluation_is_large_enough_and_every_answer_exists():
    organisations = set(knowledge().organisations)
    names = upl_names()
    sizes = {}
    for part, filename in PARTS.items():
        questions = load_questions(EVALUATION_DIR / filename)
        sizes[part] = len(questions)
        for question in questions:
            assert question.accepted, question.text
            assert question.source, question.text
            unknown = {
                key
                for key in question.accepted
                if (
                    key.removeprefix("elsewhere:") not in organisations
                    if key.startswith("elsewhere:")
                    else key not in names
                )
            }
            assert unknown == set(), question.text
    assert sizes["heldout"] >= 100
    assert sum(sizes.values()) >= 300


def test_the_evaluation_command_reports_top_1_top_3_and_no_answer(tmp_path):
    fixture = tmp_path / "questions.yaml"
    fixture.write_text(
        "questions:\n"
        '- {q: "kliko kapot", accept: [afvalcontainer], source: test}\n'
        '- {q: "huurtoeslag", elsewhere: toeslagen, source: test}\n'
        '- {q: "rijbewijs verlopen", accept: [paspoort], source: "test: a wrong key, so a failure"}\n'
        '- {q: "qqqq zzzz", accept: [paspoort], source: "test: nothing known"}\n',
        encoding="utf-8",
    )
    out = StringIO()

    call_command("routing_eval", questions=str(fixture), failures=True, stdout=out)

    report = out.getvalue()
    assert "4 questions  top-1 0.500  top-3 0.500  no answer 0.250" in report
    assert "'rijbewijs verlopen'" in report
    assert "'kliko kapot'" not in report


def test_the_evaluation_command_refuses_a_missing_file():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("routing_eval", questions="/nonexistent/questions.yaml", stdout=StringIO())


def test_the_public_questions_are_split_by_the_rule_in_their_headers():
    import hashlib

    for part, parity in (("public-tune", 0), ("public-heldout", 1)):
        questions = load_questions(EVALUATION_DIR / PARTS[part])
        assert questions
        assert {hashlib.sha256(q.text.encode()).digest()[0] % 2 for q in questions} == {parity}
        assert "sha256" in (EVALUATION_DIR / PARTS[part]).read_text(encoding="utf-8").split("questions:")[0]


def test_the_command_never_lists_the_failures_of_the_part_kept_aside():
    out = StringIO()

    call_command("routing_eval", part="public-heldout", failures=True, stdout=out)

    report = out.getvalue()
    assert report.startswith("public-heldout: ")
    assert "failures not listed" in report
    assert "accepted:" not in report


def test_the_command_reports_the_two_public_halves_together():
    out = StringIO()

    call_command("routing_eval", part="public", stdout=out)

    sizes = sum(len(load_questions(EVALUATION_DIR / PARTS[p])) for p in ("public-tune", "public-heldout"))
    assert out.getvalue().startswith(f"public: {sizes} questions")
