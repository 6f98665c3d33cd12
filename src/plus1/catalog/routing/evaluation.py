"""Measure the router on everyday questions: top-1, top-3 and "no answer" rates.

The questions live in catalog/data/evaluation/: ``questions_tune.yaml`` (the knowledge may be
tuned on it), ``questions_heldout.yaml`` (written first, never tuned on) and Rijksoverheid's questions,
written by others, split by a fixed rule (sha256 of the text, see the file headers) into
``questions_public_tune.yaml`` (general improvements may be tuned on it) and
``questions_public_heldout.yaml`` (kept aside: never tuned on, its failures are not listed).
Each question has ``accept`` (UPL names) and/or ``elsewhere`` (one organisation key or a list);
any one of them counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .engine import route

EVALUATION_DIR = Path(__file__).resolve().parent.parent / "data" / "evaluation"
PARTS = {
    "tune": "questions_tune.yaml",
    "heldout": "questions_heldout.yaml",
    # Rijksoverheid's own questions, not written by Plus1; mostly national information questions.
    "public-tune": "questions_public_tune.yaml",
    "public-heldout": "questions_public_heldout.yaml",
}
# Names that report several parts together as one figure.
PART_GROUPS = {"public": ("public-tune", "public-heldout")}
# Parts kept aside from tuning: the command gives their figures but never lists their failures,
# so nobody tunes on them by accident.
KEPT_ASIDE = frozenset({"public-heldout"})


@dataclass(frozen=True)
class Question:
    text: str
    accepted: frozenset[str]  # UPL names and "elsewhere:<key>"
    source: str


@dataclass(frozen=True)
class Outcome:
    question: Question
    ranked: tuple[str, ...]
    clarified: bool

    @property
    def rank(self) -> int | None:
        """1-based position of the first accepted answer, None when absent."""
        for position, key in enumerate(self.ranked, start=1):
            if key in self.question.accepted:
                return position
        return None


@dataclass
class Report:
    part: str
    outcomes: list[Outcome] = field(default_factory=list)

    def _rate(self, hit) -> float:
        return sum(1 for o in self.outcomes if hit(o)) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def top1(self) -> float:
        return self._rate(lambda o: o.rank == 1)

    @property
    def top3(self) -> float:
        return self._rate(lambda o: o.rank is not None and o.rank <= 3)

    @property
    def no_answer(self) -> float:
        return self._rate(lambda o: not o.ranked)

    @property
    def clarified(self) -> float:
        return self._rate(lambda o: o.clarified)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.rank != 1]


def load_questions(path: Path) -> list[Question]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    questions = []
    for item in raw.get("questions", []):
        accepted = set(item.get("accept", []) or [])
        others = item.get("elsewhere") or []
        for key in [others] if isinstance(others, str) else others:
            accepted.add(f"elsewhere:{key}")
        questions.append(
            Question(text=item["q"], accepted=frozenset(accepted), source=item.get("source", ""))
        )
    return questions


def evaluate(questions: list[Question], *, part: str = "") -> Report:
    report = Report(part=part)
    for question in questions:
        answer = route(question.text, limit=5)
        report.outcomes.append(
            Outcome(question=question, ranked=tuple(answer.ranked_keys()), clarified=bool(answer.clarify))
        )
    return report


def evaluate_part(part: str, *, directory: Path = EVALUATION_DIR) -> Report:
    """Evaluate one part of PARTS, or a group of PART_GROUPS as one figure."""
    members = PART_GROUPS.get(part, (part,))
    questions = [q for member in members for q in load_questions(directory / PARTS[member])]
    return evaluate(questions, part=part)


def failures_may_be_listed(part: str) -> bool:
    return not KEPT_ASIDE & set(PART_GROUPS.get(part, (part,)))
