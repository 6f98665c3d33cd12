"""Find products in everyday Dutch: one interface over PostgreSQL and SQLite full-text search.

A query goes through three steps:

1. **Synonyms.** Everyday words and phrases ("ondertrouw", "kliko") point straight at UPL
   products, from ``data/synonyms.yaml``.
2. **Typo tolerance.** A word the catalog does not know is replaced by the nearest known word
   ("parkeervergunnig" -> "parkeervergunning"), with rapidfuzz.
3. **Full-text search** in the database: PostgreSQL with its ``dutch`` configuration (stemming,
   stop words) over a GIN index, SQLite with an FTS5 table of Snowball-stemmed Dutch words.

Scores of the steps add up; a product found by a synonym ranks above one found only by a word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
import yaml
from django.db import connection, transaction
from rapidfuzz import fuzz, process

from .models import Product

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.yaml"
WORD = re.compile(r"[a-z0-9]+")
SYNONYM_SCORE = 10.0
TYPO_CUTOFF = 84
# Words that carry no meaning in a question to the gemeente ("ik ga verhuizen").
STOP_WORDS = frozenset(
    [
        # Verbs every request shares; as prefixes they would match dozens of products.
        "aanvragen",
        "aanvraag",
        "regelen",
        "doorgeven",
        "aan",
        "al",
        "alles",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "doe",
        "doen",
        "een",
        "en",
        "er",
        "ga",
        "gaan",
        "had",
        "heb",
        "hebben",
        "heeft",
        "het",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "kun",
        "kunnen",
        "maar",
        "me",
        "meer",
        "met",
        "mijn",
        "moet",
        "moeten",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "om",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uit",
        "van",
        "veel",
        "voor",
        "waar",
        "wanneer",
        "wat",
        "we",
        "wij",
        "wie",
        "wil",
        "willen",
        "word",
        "wordt",
        "ze",
        "zijn",
        "zo",
    ]
)


@dataclass(frozen=True)
class SearchHit:
    product: Product
    score: float


def normalise(text: str) -> str:
    """Lower case without accents: 'Geïnteresseerd' and 'geinteresseerd' are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("dutch")


def stem_all(tokens: list[str]) -> list[str]:
    return _stemmer().stemWords(tokens)


@functools.cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Everyday phrase (normalised) -> UPL product names."""
    if not SYNONYMS_FILE.exists():
        return {}
    raw = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    return {" ".join(words(phrase)): tuple(names) for phrase, names in raw.items()}


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """Every word residents can usefully type: product words, keywords and synonym words."""
    known: set[str] = set()
    for document in Product.objects.values_list("search_document", flat=True):
        known.update(words(document))
    for phrase in synonyms():
        known.update(phrase.split())
    return tuple(sorted(w for w in known if len(w) > 2))


def clear_caches() -> None:
    """Forget the cached vocabulary and the router's index, e.g. after the catalog changed."""
    from .routing.index import clear_index  # the router reads words with this module
    from .routing.knowledge import clear_knowledge

    _vocabulary.cache_clear()
    synonyms.cache_clear()
    clear_knowledge()
    clear_index()


def correct_typos(tokens: list[str]) -> list[str]:
    vocabulary = _vocabulary()
    known = set(vocabulary)
    corrected = []
    for token in tokens:
        if token in known or len(token) < 4 or token.isdigit():
            corrected.append(token)
            continue
        match = process.extractOne(token, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        corrected.append(match[0] if match else token)
    return corrected


def _synonym_scores(tokens: list[str]) -> dict[str, float]:
    """Score products named by any synonym phrase that occurs in the query (longest first)."""
    text = f" {' '.join(tokens)} "
    scores: dict[str, float] = {}
    for phrase, names in synonyms().items():
        if f" {phrase} " in text:
            weight = SYNONYM_SCORE * len(phrase.split())
            for name in names:
                scores[name] = max(scores.get(name, 0.0), weight)
    return scores


def search_products(query: str, *, limit: int = 10) -> list[SearchHit]:
    """Rank UPL gemeente products for an everyday Dutch question, best first."""
    tokens = words(query)[:20]
    if not tokens:
        return []
    tokens = correct_typos(tokens)
    by_name = _synonym_scores(tokens)
    content = [t for t in tokens if t not in STOP_WORDS] or tokens
    by_id = _full_text_scores(content, limit=limit * 3)

    if by_name:
        for product_id, name in Product.objects.filter(upl_name__in=by_name).values_list("id", "upl_name"):
            by_id[product_id] = by_id.get(product_id, 0.0) + by_name[name]
    best = sorted(by_id.items(), key=lambda item: (-item[1], item[0]))[:limit]
    products = Product.objects.in_bulk([product_id for product_id, _score in best])
    return [SearchHit(product=products[product_id], score=score) for product_id, score in best]


def _full_text_scores(tokens: list[str], *, limit: int) -> dict[int, float]:
    if connection.vendor == "postgresql":
        # Prefix matching ('kap:*') lets "kap" find "kappen"; the dutch config stems both sides.
        terms = " | ".join(f"{token}:*" for token in tokens)
        sql = (
            "SELECT id, ts_rank(to_tsvector('dutch', search_document), q) * 10 "
            "FROM catalog_product, to_tsquery('dutch', %s) q "
            "WHERE to_tsvector('dutch', search_document) @@ q ORDER BY 2 DESC LIMIT %s"
        )
        params: list = [terms, limit]
    else:
        terms = " OR ".join(f'"{stem}"*' for stem in stem_all(tokens))
        # bm25() is lower for better matches; negate it so higher is better everywhere.
        sql = (
            "SELECT rowid, -bm25(catalog_product_fts) FROM catalog_product_fts "
            "WHERE catalog_product_fts MATCH %s ORDER BY 2 DESC LIMIT %s"
        )
        params = [terms, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0]: float(row[1]) for row in cursor.fetchall()}


@transaction.atomic
def rebuild_search_index() -> None:
    """Recompute each product's search text from its name and the processes that serve it.

    Call after the catalog changed (the import does). On SQLite this also refills the FTS5
    table; PostgreSQL indexes the column itself.
    """
    from .models import ZaakType

    extra: dict[int, list[str]] = {}
    for product_id, omschrijving, keywords in ZaakType.objects.published().values_list(
        "product_id", "omschrijving", "keywords"
    ):
        extra.setdefault(product_id, []).extend([omschrijving, *keywords])
    products = list(Product.objects.only("id", "upl_name", "search_document"))
    for product in products:
        product.search_document = " ".join(dict.fromkeys([product.upl_name, *extra.get(product.id, [])]))
    Product.objects.bulk_update(products, ["search_document"], batch_size=200)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM catalog_product_fts")
            cursor.executemany(
                "INSERT INTO catalog_product_fts (rowid, document) VALUES (%s, %s)",
                [(p.id, " ".join(stem_all(words(p.search_document)))) for p in products],
            )
    clear_caches()
