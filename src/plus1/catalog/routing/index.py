"""An in-memory index over all UPL gemeente products: BM25 over their words, plus phrase lookup.

Built once per process from the Product rows (512) and the knowledge files, so a question costs
no database round trip and ranks the same on PostgreSQL and SQLite.
"""

from __future__ import annotations

import functools
import logging
import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import DatabaseError, connections

from ..models import Product
from .knowledge import Knowledge, Mapping, knowledge
from .text import Reader, phrase_key, stem, words

logger = logging.getLogger(__name__)
PLACEHOLDER_URI_END = "/UPL-naam_nog_niet_beschikbaar"
UPL_SOURCE = "Uniforme Productnamenlijst (Logius), catalog/data/upl_gemeente_2025-04-30.json"
# How much one matching word counts in each field of a product.
NAME_WEIGHT = 3.0
PART_WEIGHT = 1.5  # a part of a compound in the name ("parkeer|kaart")
PROCESS_WEIGHT = 1.0  # words of the processes that serve the product
KNOWLEDGE_WEIGHT = 0.8  # words of the phrases that point at the product
PREFIX_FACTOR = 0.5  # a query stem that only starts a product word ("parkeer" -> "parkeervergunn")
BM25_K1 = 1.2
BM25_B = 0.5


@dataclass
class ProductEntry:
    product: Product
    fields: dict[str, float] = field(default_factory=dict)  # stem -> weighted term frequency
    length: int = 0


@dataclass
class RoutingIndex:
    reader: Reader
    knowledge: Knowledge
    entries: dict[int, ProductEntry]
    by_name: dict[str, int]
    postings: dict[str, list[tuple[int, float]]]  # stem -> (product id, weighted tf)
    idf: dict[str, float]
    sorted_stems: tuple[str, ...]
    average_length: float
    mappings_by_stem: dict[str, list[Mapping]]

    def prefix_stems(self, prefix: str) -> list[str]:
        index = bisect_left(self.sorted_stems, prefix)
        found = []
        while index < len(self.sorted_stems) and self.sorted_stems[index].startswith(prefix):
            found.append(self.sorted_stems[index])
            index += 1
        return found

    def bm25(self, stems: list[str]) -> dict[int, tuple[float, list[str]]]:
        """Score products for the query stems; returns id -> (score, stems that matched)."""
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, list[str]] = defaultdict(list)
        for query_stem in dict.fromkeys(stems):
            candidates = [(query_stem, 1.0)] if query_stem in self.postings else []
            if len(query_stem) >= 4:
                candidates += [(s, PREFIX_FACTOR) for s in self.prefix_stems(query_stem) if s != query_stem]
            best_for_product: dict[int, float] = {}
            for term, factor in candidates:
                idf = self.idf[term]
                for product_id, tf in self.postings[term]:
                    length = self.entries[product_id].length
                    norm = (
                        tf
                        * (BM25_K1 + 1)
                        / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length / self.average_length))
                    )
                    value = idf * norm * factor
                    if value > best_for_product.get(product_id, 0.0):
                        best_for_product[product_id] = value
            for product_id, value in best_for_product.items():
                scores[product_id] += value
                matched[product_id].append(query_stem)
        return {pid: (score, matched[pid]) for pid, score in scores.items()}


def _add(entry: ProductEntry, terms: list[str], weight: float) -> None:
    for term in terms:
        entry.fields[term] = entry.fields.get(term, 0.0) + weight


@functools.cache
def routing_index() -> RoutingIndex:
    known = knowledge()
    # The UPL's placeholder ("UPL-naam nog niet beschikbaar") is no product a resident can use.
    products = list(Product.objects.exclude(upl_uri__endswith=PLACEHOLDER_URI_END))
    by_name = {p.upl_name: p.id for p in products}
    knowledge_words: dict[str, list[str]] = defaultdict(list)
    vocabulary: set[str] = set()
    for mapping in known.mappings:
        vocabulary.update(mapping.words)
        if mapping.kind == "organisatie":
            continue
        for target in mapping.targets:
            knowledge_words[target].extend(w for w in mapping.words if w not in known.fillers)
    for product in products:
        vocabulary.update(words(product.upl_name))
        vocabulary.update(words(product.search_document))
    reader = Reader(vocabulary, fillers=known.fillers, variants=known.variants)

    entries: dict[int, ProductEntry] = {}
    for product in products:
        entry = ProductEntry(product=product)
        name_words = [w for w in words(product.upl_name) if w not in known.fillers]
        _add(entry, [stem(w) for w in name_words], NAME_WEIGHT)
        for word in name_words:
            parts = reader.split_compound(word)
            if parts:
                _add(entry, [stem(p) for p in parts if p not in known.fillers], PART_WEIGHT)
        process_words = [w for w in words(product.search_document) if w not in known.fillers]
        _add(entry, [stem(w) for w in process_words if w not in name_words], PROCESS_WEIGHT / 2)
        _add(entry, [stem(w) for w in knowledge_words.get(product.upl_name, [])], KNOWLEDGE_WEIGHT / 2)
        # Cap the weight of one word, so a product named in many phrases does not win on repetition.
        entry.fields = {term: min(tf, NAME_WEIGHT + PART_WEIGHT) for term, tf in entry.fields.items()}
        entry.length = len(name_words) + 1
        entries[product.id] = entry

    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for product_id, entry in entries.items():
        for term, tf in entry.fields.items():
            postings[term].append((product_id, tf))
    total = len(entries) or 1
    idf = {term: math.log(1 + (total - len(p) + 0.5) / (len(p) + 0.5)) for term, p in postings.items()}
    # A product's own name is a phrase too: "medisch vervoer" names its product outright.
    name_mappings = [
        Mapping("naam", product.upl_name, key, (product.upl_name,), UPL_SOURCE)
        for product in products
        if (key := phrase_key(product.upl_name)) and any(w not in known.fillers for w in key)
    ]
    mappings_by_stem: dict[str, list[Mapping]] = defaultdict(list)
    for mapping in (*known.mappings, *name_mappings):
        rarest = max(mapping.words, key=len)
        mappings_by_stem[stem(rarest)].append(mapping)
    return RoutingIndex(
        reader=reader,
        knowledge=known,
        entries=entries,
        by_name=by_name,
        postings=dict(postings),
        idf=idf,
        sorted_stems=tuple(sorted(postings)),
        average_length=sum(e.length for e in entries.values()) / total,
        mappings_by_stem=dict(mappings_by_stem),
    )


def warm_up(**_signal: object) -> None:
    """Build the index now (``plus1 serve`` calls it in the master before forking workers).

    Cheap when already built. The database connection it opened is closed again, so no worker
    inherits the master's socket. A database without the catalog tables yet (or any other failure)
    is no reason to fail the start: the first question in each worker builds the index instead.
    """
    try:
        routing_index()
    except DatabaseError:
        logger.warning("Routing index not built before fork: the catalog tables are not readable.")
    except Exception:  # a warm-up is optional: nothing in it may stop the server from starting
        logger.exception("Routing index not built before fork.")
    finally:
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:  # a test's transaction is left to the test
                connection.close()


def clear_index() -> None:
    routing_index.cache_clear()
