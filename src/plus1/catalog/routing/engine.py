"""The router: knowledge phrases + BM25 over all UPL gemeente products, with reasons for each."""

from __future__ import annotations

from collections import defaultdict

from plus1.tenants.models import Organisation

from .answer import ClarifyChoice, Elsewhere, ProductMatch, Reason, RouteAnswer
from .index import RoutingIndex, routing_index
from .knowledge import Clarification, Mapping
from .text import stem

MAX_QUERY_LENGTH = 200
NATIONAL_SOURCE = "https://www.rijksoverheid.nl/contact/contactgegevens/postbus-51"
PHRASE_WORD_SCORE = 10.0  # per meaningful word of a matched phrase ("boom kappen" = 20)
PHRASE_FILLER_SCORE = 2.0  # per filler word in it ("kan niet meer alleen wonen")
SITUATION_DECAY = 0.06  # situations list their products best first
ELSEWHERE_MIN_SCORE = 10.0
RELATIVE_FLOOR = 0.15  # products below this share of the best score are left out
# A product "fits well" when its reasons explain at least this share of the question's words;
# otherwise the router does not let it outrank other organisations (see _weigh_elsewhere).
WELL_FITTING_SHARE = 0.5


def route(query: str, *, gemeente: Organisation | None = None, limit: int = 5) -> RouteAnswer:
    """Route an everyday Dutch question to UPL gemeente products, clarifying choices or elsewhere.

    ``query``: what the resident typed (any length; only the first 200 characters are read).
    ``gemeente``: the gemeente whose portal asks (None: the collective's national view); the
    ranking is the same for every gemeente today, the argument is there for local mappings.
    ``limit``: at most this many products. Covers all 512 gemeente products of the UPL, also
    those no gemeente runs online. Never raises on odd input; an empty query gives an empty answer.
    Takes no database write; reads the Product rows once per process (``clear_index`` forgets).

    How: the words are read (fillers of spoken Dutch dropped, compounds split and joined, typos
    corrected), then two lexical scores add up per product: knowledge phrases that occur in the
    question (synonyms.yaml, situations.yaml; 10 per word) and BM25 over the product's name, its
    processes' words and its phrases' words. organisations.yaml phrases score other organisations
    the same way; clarify questions in situations.yaml are asked when only a vague phrase matched.
    """
    index = routing_index()
    text = (query or "")[:MAX_QUERY_LENGTH]
    reading = index.reader.read(text)
    if not reading.content:
        return RouteAnswer(query=query, normalized_query=reading.normalized)
    products: list[ProductMatch] = []
    elsewhere: list[Elsewhere] = []

    query_stems = {stem(t) for t in reading.tokens}
    matches = _matching_phrases(index, query_stems)
    product_scores: dict[int, float] = defaultdict(float)
    product_reasons: dict[int, list[Reason]] = defaultdict(list)
    org_scores: dict[str, float] = defaultdict(float)
    org_reasons: dict[str, list[Reason]] = defaultdict(list)
    specific_words: set[str] = set()

    for mapping, weight in matches:
        reason = Reason(
            kind=mapping.kind, matched=" ".join(mapping.words), via=mapping.phrase, source=mapping.source
        )
        if mapping.kind == "organisatie":
            key = mapping.targets[0]
            if weight > org_scores[key]:
                org_scores[key] = weight
                org_reasons[key].insert(0, reason)
            continue
        specific_words.update(mapping.words)
        for position, name in enumerate(mapping.targets):
            product_id = index.by_name.get(name)
            if product_id is None:
                continue
            value = weight * (1 - SITUATION_DECAY * position) if mapping.ordered else weight
            # A product keeps its best phrase, plus a little for each further phrase.
            best = product_scores[product_id]
            product_scores[product_id] = max(best, value) + min(best, value) * 0.1
            product_reasons[product_id].append(reason)

    stems = [stem(t) for t in reading.content]
    bm25_hits: dict[int, list[str]] = {}
    for product_id, (score, hit_stems) in index.bm25(stems).items():
        bm25_hits[product_id] = hit_stems
        product_scores[product_id] += score
        shown = [t for t in reading.content if stem(t) in hit_stems]
        product_reasons[product_id].append(Reason(kind="naam", matched=" ".join(shown)))

    spelling = [Reason(kind="spelling", matched=orig, via=read) for read, orig in reading.corrections.items()]
    ranked = sorted(
        product_scores.items(), key=lambda item: (-item[1], index.entries[item[0]].product.upl_name)
    )
    # A long tail of products that share one common word with the question helps nobody.
    best = max([score for _id, score in ranked[:1]] + list(org_scores.values()), default=0.0)
    floor = RELATIVE_FLOOR * best
    if ranked:
        top_id, top_score = ranked[0]
        _weigh_elsewhere(
            index,
            org_scores,
            org_reasons,
            top_score,
            share=_explained_share(
                [w for w in reading.content if w not in index.knowledge.persons], product_reasons[top_id]
            ),
            phrase=any(r.kind != "naam" or r.via for r in product_reasons[top_id]),
            national=any(mapping.national for mapping, _weight in matches),
        )
    for product_id, score in ranked[:limit]:
        if score < floor:
            break
        used = {w for r in product_reasons[product_id] for w in r.matched.split()}
        reasons = _sorted_reasons(product_reasons[product_id]) + [r for r in spelling if r.via in used]
        products.append(
            ProductMatch(
                product=index.entries[product_id].product, score=round(score, 2), reasons=tuple(reasons)
            )
        )

    general = index.knowledge.national_organisation
    for key, score in sorted(org_scores.items(), key=lambda item: (-item[1], item[0] == general)):
        organisation = index.knowledge.organisations.get(key)
        if organisation is None or score < ELSEWHERE_MIN_SCORE:
            continue
        elsewhere.append(
            Elsewhere(
                key=key,
                name=organisation.name,
                explanation=organisation.explanation,
                url=organisation.url,
                score=score,
                reasons=tuple(org_reasons[key][:1]),
            )
        )

    answer = RouteAnswer(
        query=query, normalized_query=reading.normalized, products=products, elsewhere=elsewhere
    )
    clarification = _clarification(index, reading.content, query_stems, specific_words)
    if clarification is None or answer.is_elsewhere_first:
        return answer
    return RouteAnswer(
        query=query,
        normalized_query=reading.normalized,
        products=_guesses_first(index, clarification, products, limit=limit),
        elsewhere=elsewhere,
        clarify_question=clarification.question,
        clarify=[
            ClarifyChoice(
                key=choice.key,
                label=choice.label,
                query=choice.query,
                products=tuple(
                    index.entries[index.by_name[name]].product
                    for name in choice.products
                    if name in index.by_name
                ),
            )
            for choice in clarification.choices
        ],
    )


def _explained_share(content: list[str], reasons: list[Reason]) -> float:
    """The share of the question's words a product's reasons explain (people do not count)."""
    wanted = {stem(w) for w in content}
    explained = {stem(w) for r in reasons for w in r.matched.split()}
    return len(wanted & explained) / len(wanted) if wanted else 1.0


def _weigh_elsewhere(
    index: RoutingIndex,
    org_scores: dict[str, float],
    org_reasons: dict[str, list[Reason]],
    top_score: float,
    *,
    share: float,
    phrase: bool,
    national: bool,
) -> None:
    """When the best gemeente product explains little of the question, do not let it outrank the rest.

    An organisation the question names goes before a product that explains less than half of the
    question's words, when no knowledge phrase points at that product, or when the question has a
    word of national scope ("wet", "kabinet", "Europees Parlement": law and policy are the Rijk's).
    With no organisation named, no knowledge phrase behind the best product and at most half of the
    question explained (a guess from shared words), the organisation for general questions is offered
    first (organisations.yaml ``national_scope``: the Rijksoverheid, Postbus 51).
    """
    matched = [key for key, score in org_scores.items() if score >= ELSEWHERE_MIN_SCORE]
    if matched:
        if share < WELL_FITTING_SHARE and (not phrase or national):
            for key in matched:
                org_scores[key] += top_score
        return
    fallback = index.knowledge.national_organisation
    if phrase or share > WELL_FITTING_SHARE or fallback not in index.knowledge.organisations:
        return
    org_scores[fallback] = max(top_score, ELSEWHERE_MIN_SCORE)
    org_reasons[fallback].insert(
        0, Reason(kind="algemeen", matched="", via="algemene vraag", source=NATIONAL_SOURCE)
    )


def _stems(phrase_words: tuple[str, ...]) -> set[str]:
    return {stem(w) for w in phrase_words}


def _matching_phrases(index: RoutingIndex, query_stems: set[str]) -> list[tuple[Mapping, float]]:
    fillers = index.knowledge.fillers
    found: list[tuple[Mapping, float]] = []
    seen: set[int] = set()
    for query_stem in query_stems:
        for mapping in index.mappings_by_stem.get(query_stem, ()):
            if id(mapping) in seen:
                continue
            seen.add(id(mapping))
            if _stems(mapping.words) <= query_stems:
                content = sum(1 for w in mapping.words if w not in fillers)
                if not content:
                    continue
                filler = len(mapping.words) - content
                # A national-scope word says "law or policy", not which organisation: it never
                # outweighs an organisation the question names ("inloggen bij de overheid": DigiD).
                weight = PHRASE_WORD_SCORE * content + PHRASE_FILLER_SCORE * filler * (not mapping.national)
                found.append((mapping, weight * mapping.strength))
    # Longest match: a phrase whose words all belong to another matched phrase says less than it
    # ("bezwaar" inside "bezwaar belastingaanslag"), so only the longer one counts.
    word_sets = [frozenset(m.words) for m, _ in found]
    found = [
        item
        for item, words in zip(found, word_sets, strict=True)
        if not any(words < other for other in word_sets)
    ]
    found.sort(key=lambda item: -item[1])
    return found


def _clarification(
    index: RoutingIndex, content: list[str], query_stems: set[str], specific_words: set[str]
) -> Clarification | None:
    """The clarify question whose trigger matched, if nothing in the question is more specific.

    More specific: a knowledge phrase with a word outside the trigger, or any other word the
    catalog knows (people - "mijn moeder" - do not count).
    """
    known = index.knowledge
    best: tuple[int, Clarification] | None = None
    for clarification in known.clarifications:
        for trigger in clarification.triggers:
            if not trigger or not _stems(trigger) <= query_stems or (best and len(trigger) <= best[0]):
                continue
            trigger_stems = _stems(trigger)
            extra = {
                w
                for w in (specific_words | set(content))
                if stem(w) not in trigger_stems
                and w not in known.fillers
                and w not in known.persons
                and (w in specific_words or index.reader.is_known(w))
            }
            if not extra:
                best = (len(trigger), clarification)
    return best[1] if best else None


def _guesses_first(
    index: RoutingIndex, clarification: Clarification, products: list[ProductMatch], *, limit: int
) -> list[ProductMatch]:
    """For a vague question, the best guesses are one product per choice (its best scoring), then the rest."""
    by_name = {m.product.upl_name: m for m in products}
    guesses: list[ProductMatch] = []
    chosen: set[str] = set()
    for choice in clarification.choices:
        options = [name for name in choice.products if name not in chosen and name in index.by_name]
        if not options:
            continue
        name = max(options, key=lambda n: by_name[n].score if n in by_name else -1.0)
        chosen.add(name)
        if name in by_name:
            guesses.append(by_name[name])
        else:
            product = index.entries[index.by_name[name]].product
            reason = Reason(kind="keuze", matched="", via=choice.label, source=clarification.source)
            guesses.append(ProductMatch(product=product, score=0.0, reasons=(reason,)))
    return (guesses + [m for m in products if m.product.upl_name not in chosen])[:limit]


def _sorted_reasons(reasons: list[Reason]) -> list[Reason]:
    order = {"situatie": 0, "synoniem": 1, "naam": 2}
    unique = list(dict.fromkeys(reasons))
    if any(r.kind == "naam" and r.via for r in unique):
        # The question names the product outright; its loose word matches add nothing.
        unique = [r for r in unique if r.kind != "naam" or r.via]
    return sorted(unique, key=lambda r: order.get(r.kind, 3))[:4]
