"""The answer of the router: what the portal shows for one question, with the reasons why."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Product


@dataclass(frozen=True)
class Reason:
    """Why something came up, for explainability ("u schreef 'kliko': dat is een afvalcontainer").

    ``kind``: "naam" (words the question shares with the product's name, its processes or its
    mappings; ``via`` is the full UPL name when the question names the product outright),
    "synoniem" (everyday word in synonyms.yaml), "situatie" (situation or life event in
    situations.yaml), "organisatie" (organisations.yaml), "spelling" (typo corrected or compound
    split/joined: ``matched`` as typed, ``via`` as read), "keuze" (a best guess for a clarifying
    choice of a vague question; ``via`` is the choice's label), "algemeen" (no gemeente product
    fits well, so the organisation for general questions is offered). ``matched``: the words of the
    (normalised) query that triggered it. ``via``: the phrase of the mapping. ``source``: where the
    mapping comes from (URL, law or "geschreven voor Plus1"); empty for "naam" words.
    """

    kind: str
    matched: str
    via: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        """One short Dutch sentence for the resident."""
        if self.kind == "naam":
            return f"u zocht op '{self.matched}'"
        if self.kind == "spelling":
            return f"we lazen '{self.matched}' als '{self.via}'"
        if self.kind == "situatie":
            return f"bij '{self.via}' hoort dit vaak"
        if self.kind == "keuze":
            return f"past bij '{self.via}'"
        if self.kind == "algemeen":
            return "geen product van de gemeente past goed bij deze vraag"
        return (
            f"'{self.matched}' hoort bij '{self.via}'"
            if self.via and self.via != self.matched
            else (f"u zocht op '{self.matched}'")
        )


@dataclass(frozen=True)
class ProductMatch:
    """One ranked UPL product. ``product`` is the catalog Product (upl_name, upl_uri, slug)."""

    product: Product
    score: float
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ClarifyChoice:
    """One choice of a clarifying question: a Dutch label and where it leads.

    Send ``query`` to ``route()`` again to follow the choice (it is a clear question, so its
    answer has no further ``clarify``); ``products`` are the products that query leads to now.
    """

    key: str
    label: str
    query: str
    products: tuple[Product, ...] = ()


@dataclass(frozen=True)
class Elsewhere:
    """Another organisation this question belongs to (UWV, Belastingdienst, RDW ...)."""

    key: str
    name: str
    explanation: str
    url: str
    score: float = 0.0
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class RouteAnswer:
    """Everything the router found for one question.

    - ``products``: ranked best first, at most ``limit``; may be non-empty together with
      ``clarify`` (best guesses) or ``elsewhere`` (the gemeente also has something).
    - ``clarify``: empty when the question is clear, else 2 or 3 choices; ``clarify_question``
      is the Dutch question to show above them.
    - ``elsewhere``: organisations other than the gemeente, best first. ``is_elsewhere_first``
      says the question belongs there more than to any gemeente product: show it on top.
    - ``normalized_query``: the question as the engine read it (spoken-Dutch fillers dropped,
      typos corrected, compounds split), for the query log and for "bedoelde u ...".
    """

    query: str
    normalized_query: str
    products: list[ProductMatch] = field(default_factory=list)
    clarify: list[ClarifyChoice] = field(default_factory=list)
    clarify_question: str = ""
    elsewhere: list[Elsewhere] = field(default_factory=list)

    @property
    def is_elsewhere_first(self) -> bool:
        if not self.elsewhere:
            return False
        return not self.products or self.elsewhere[0].score >= self.products[0].score

    @property
    def has_answer(self) -> bool:
        """False means "no answer": nothing to show but a fallback (contact the gemeente)."""
        return bool(self.products or self.elsewhere or self.clarify)

    def ranked_keys(self) -> list[str]:
        """Products (by UPL name) and organisations ("elsewhere:uwv") in the order shown."""
        products = [m.product.upl_name for m in self.products]
        others = [f"elsewhere:{e.key}" for e in self.elsewhere]
        return others + products if self.is_elsewhere_first else products + others
