from django.core.management.base import BaseCommand

from plus1.catalog.routing.evaluation import PARTS, Report, evaluate_part


class Command(BaseCommand):
    help = (
        "Measure 'Waar kan ik terecht?' on the evaluation questions in catalog/data/evaluation: "
        "top-1, top-3 and 'no answer' rates per part (tune: the knowledge is tuned on it; heldout: "
        "written first, never tuned on). -v 2 lists the questions whose first answer is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--part", choices=[*PARTS, "all"], default="all")

    def handle(self, *args, part, verbosity, **options):
        parts = list(PARTS) if part == "all" else [part]
        for name in parts:
            report = evaluate_part(name)
            self._print(report, verbose=verbosity >= 2)

    def _print(self, report: Report, *, verbose: bool) -> None:
        self.stdout.write(
            f"{report.part}: {len(report.outcomes)} questions  top-1 {report.top1:.3f}  "
            f"top-3 {report.top3:.3f}  no answer {report.no_answer:.3f}  "
            f"(clarifying choices offered {report.clarified:.3f})"
        )
        if not verbose:
            return
        for outcome in report.failures():
            where = f"rank {outcome.rank}" if outcome.rank else "not in top 5"
            self.stdout.write(
                f"  [{where}] {outcome.question.text!r}\n"
                f"      accepted: {sorted(outcome.question.accepted)}\n"
                f"      got: {list(outcome.ranked[:3])}"
            )
