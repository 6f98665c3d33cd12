from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plus1.catalog.routing.evaluation import (
    PART_GROUPS,
    PARTS,
    Report,
    evaluate,
    evaluate_part,
    failures_may_be_listed,
    load_questions,
)


class Command(BaseCommand):
    help = (
        "Measure 'Waar kan ik terecht?' on the evaluation questions in catalog/data/evaluation: "
        "top-1, top-3 and 'no answer' rates per part (tune: the knowledge is tuned on it; heldout: "
        "written first, never tuned on; public-tune / public-heldout: Rijksoverheid's questions split "
        "by a fixed rule, only public-tune is tuned on; public: both halves together). --failures "
        "(or -v 2) lists the questions whose first answer is wrong, never for public-heldout."
    )

    def add_arguments(self, parser):
        parser.add_argument("--part", choices=[*PARTS, *PART_GROUPS, "all"], default="all")
        parser.add_argument("--failures", action="store_true", help="list the failing questions (as -v 2)")
        parser.add_argument("--questions", help="a YAML file of questions instead of the shipped parts")

    def handle(self, *args, part, questions, failures, verbosity, **options):
        verbose = failures or verbosity >= 2
        if questions:
            path = Path(questions)
            if not path.is_file():
                raise CommandError(f"Bestand niet gevonden: {path}")
            self._print(evaluate(load_questions(path), part=path.name), verbose=verbose)
            return
        parts = list(PARTS) if part == "all" else [part]
        for name in parts:
            report = evaluate_part(name)
            self._print(report, verbose=verbose and failures_may_be_listed(name))
            if verbose and not failures_may_be_listed(name):
                self.stdout.write("  (failures not listed: this part is kept aside from tuning)")

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
