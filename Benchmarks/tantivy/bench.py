#!/usr/bin/env python3
"""tantivy on the same creators and the same query mix as the engine's Search benchmark.

    pip install tantivy                                   # 0.27.0 when this was written
    python3 bench.py /tmp/creators-bench/creators-1000000-1.jsonl
    python3 bench.py CORPUS --mix ../queries/mix-1000000.tsv --index /tmp/tantivy-1m --rounds 5

Builds a tantivy index of the corpus once (kept in /tmp/tantivy-<1m|100k>, never in the
repository; `--rebuild` makes it again), then runs every query of the mix that has a
tantivy equivalent on one thread, each asking for the exact count (`count=True`) and the
top `limit` hits (20 unless the query says otherwise), and prints p50/p99 per class and
overall. `like:` and `overlap:` have no tantivy equivalent (they need the engine's
lookalike vectors and audience sketches), so the lookalike and overlap classes are listed as
not run. The figures go to `results-<creators>.tsv` beside this script (and the per-query
totals and medians to `results-<creators>-queries.tsv`), where the Search suite reads them
to print the ratio.

What is indexed, per creator (the winning line of each id, as the engine keeps it: from the
generator's labels file when it is there, else the latest `updated_at`):

- Text fields `name`, `handle`, `bio`, `hashtags`, `captions` (positions, for phrases), with
  one analyser: a regex tokenizer that makes every Han, kana, Thai, Lao, Khmer and Myanmar
  character a token of its own and every other run of letters, marks, digits and `_` one
  token, then lower-casing and ASCII folding (`Café` -> `cafe`, full-width -> half-width).
  A CJK or Thai word in a query becomes a phrase of its characters, which finds exactly the
  texts that contain it: the unigram scheme of Lucene's StandardAnalyzer / CJK bigram
  family, chosen because the Python binding has no dictionary segmenter. Free text is an
  OR over the five fields with boosts (name 3, handle 3, hashtags 2, bio 1.5, captions 1);
  the words of a query are ANDed.
- Facets as raw (untokenised) strings: `platform`, `country`, `lang` (primary subtag),
  `category` (lower-case), `hashtag` (profile hashtags and the `#tags` of captions, folded).
- Numbers as fast fields, derived as profile-dump.md says: `followers` (tiers are follower
  ranges), `er` (provided, else the platform's rule), `views` (avg_views), `growth`,
  `price` (per post, else per video, in USD with the engine's built-in rate table),
  `credibility`, `gmv`.
- Audience shares as fast f64 fields, one per (distribution, key) that the mix uses, named
  `aud_<dimension>_<key>`, renormalised and rounded to four decimals like the engine does
  (since its index format 11); 0 for a key absent from a
  distribution that is present, no value when the distribution is absent.
- `quality`, a fast f64 field: the default order of queries without text or sort (the
  engine orders them by a quality score, so tantivy gets a top-k by a fast field too, not
  a free "first 20 in index order"). Formula: min(er / 3 %, 3) x credibility x
  (1 + growth clamped to -50 %..100 %), unknown parts neutral; a stand-in, only its cost
  matters here.

The writer runs with 2 threads and a 1 GB heap (the machine has 2 cores); the build time is
split into reading + JSON parsing + making documents in Python, adding them, and the final
commit with merges.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import tantivy

HERE = Path(__file__).resolve().parent
UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
TOKEN_PATTERN = "[" + UNSPACED + r"]|[[\p{L}\p{M}\p{N}\p{Pc}]--[" + UNSPACED + "]]+"
TEXT_FIELDS = {"name": 3.0, "handle": 3.0, "hashtags": 2.0, "bio": 1.5, "captions": 1.0}
FACET_FIELDS = ["platform", "country", "lang", "category", "hashtag"]
FLOAT_FIELDS = ["er", "views", "growth", "price", "credibility", "gmv"]
FOLLOWER_FEED = {"instagram", "facebook", "x", "xiaohongshu"}
VIEW_DRIVEN = {"tiktok", "douyin", "kuaishou", "youtube", "bilibili", "twitch"}
DISTRIBUTIONS = {"country": "countries", "lang": "languages", "gender": "genders", "age": "ages",
                 "interest": "interests"}
CAPTION_HASHTAG = re.compile(r"[#＃]([^\s#＃]+)")

# USD per unit: the engine's built-in table (Sources/CreatorEngine/Ingest/CurrencyRates.swift,
# CurrencyRates.builtIn, dated 2026-11-01), so that `price:` selects the same creators.
USD_PER_UNIT = {
    "USD": 1, "EUR": 1.08, "GBP": 1.27, "CHF": 1.13, "JPY": 0.0067, "CNY": 0.138,
    "HKD": 0.128, "TWD": 0.031, "KRW": 0.00073, "SGD": 0.75, "MYR": 0.22, "IDR": 0.000062,
    "THB": 0.029, "VND": 0.000039, "PHP": 0.0175, "INR": 0.012, "PKR": 0.0036, "BDT": 0.0083,
    "AUD": 0.66, "NZD": 0.60, "CAD": 0.73, "MXN": 0.055, "BRL": 0.18, "ARS": 0.00085,
    "CLP": 0.00105, "COP": 0.00025, "PEN": 0.27, "RUB": 0.011, "UAH": 0.024, "TRY": 0.025,
    "PLN": 0.25, "CZK": 0.043, "HUF": 0.0027, "SEK": 0.095, "NOK": 0.093, "DKK": 0.145,
    "SAR": 0.2667, "AED": 0.2723, "QAR": 0.2747, "ILS": 0.27, "EGP": 0.020, "NGN": 0.00065,
    "ZAR": 0.055, "KZT": 0.0019,
}


def analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(TOKEN_PATTERN))
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .build())


def audience_field(dimension: str, key: str) -> str:
    return f"aud_{dimension}_" + re.sub(r"[^A-Za-z0-9]", "_", key).replace("+", "plus")


# MARK: the mix


def read_mix(path: Path) -> list[tuple[int, str, str, dict]]:
    """(line number, class, engine query, tantivy description) of each query."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            klass, query, description = line.rstrip("\n").split("\t")
            rows.append((number, klass, query, json.loads(description)))
    return rows


def audience_keys(rows) -> list[tuple[str, str]]:
    keys = set()

    def visit(node):
        if isinstance(node, dict):
            if "audience" in node:
                dimension, key, _ = node["audience"]
                keys.add((dimension, key))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for row in rows:
        visit(row[3])
    return sorted(keys)


# MARK: documents


def primary_subtag(language: str) -> str:
    return re.split(r"[-_]", language, maxsplit=1)[0].lower()


def fold_keyword(text: str) -> str:
    """Hashtag folding for raw terms: compatibility forms, accents off, case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")).casefold()


def number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def derived(profile: dict) -> dict:
    """The values the engine derives (profile-dump.md, "Derived values and unknowns")."""
    followers = profile["followers"]
    er = number(profile.get("engagement_rate"))
    if er is None:
        likes, comments = number(profile.get("avg_likes")), number(profile.get("avg_comments"))
        if likes is not None and comments is not None:
            if profile["platform"] in FOLLOWER_FEED and followers > 0:
                er = (likes + comments) / followers
            elif profile["platform"] in VIEW_DRIVEN:
                views = number(profile.get("avg_views"))
                if views:
                    er = (likes + comments + (number(profile.get("avg_shares")) or 0)) / views
    history = profile.get("follower_history") or []
    growth = (history[-1][1] - history[0][1]) / history[0][1] if len(history) >= 2 and history[0][1] > 0 else None
    price = None
    quote = profile.get("price") or {}
    amount = number(quote.get("per_post"))
    if amount is None:
        amount = number(quote.get("per_video"))
    rate = USD_PER_UNIT.get(str(quote.get("currency", "")).upper())
    if amount is not None and rate is not None:
        price = amount * rate
    audience = profile.get("audience") or {}
    return {
        "er": er, "views": number(profile.get("avg_views")), "growth": growth, "price": price,
        "credibility": number(audience.get("credibility")),
        "gmv": number((profile.get("commerce") or {}).get("gmv_30d_usd")),
    }


def distributions(profile: dict) -> dict[str, dict[str, float]]:
    """Renormalised audience distributions, keys normalised as the engine does."""
    audience = profile.get("audience") or {}
    result = {}
    for dimension, name in DISTRIBUTIONS.items():
        shares = audience.get(name)
        if not isinstance(shares, dict):
            continue
        merged: dict[str, float] = defaultdict(float)
        for key, value in shares.items():
            if number(value) is None:
                continue
            if dimension == "country":
                key = key.upper()
            elif dimension == "lang":
                key = primary_subtag(key)
            elif dimension == "interest":
                key = key.lower()
            merged[key] += value
        total = sum(merged.values())
        if total > 0:
            result[dimension] = {key: four_decimals(value / total) for key, value in merged.items()}
    return result


def four_decimals(share: float) -> float:
    """The share as the engine keeps and compares it (index format 11): rounded to four
    decimals, halves away from zero, as Swift's `(share * 10_000).rounded() / 10_000`."""
    scaled = share * 10_000
    whole = math.floor(scaled)
    return (whole + (1 if scaled - whole >= 0.5 else 0)) / 10_000


def quality(values: dict) -> float:
    er, credibility, growth = values["er"], values["credibility"], values["growth"]
    score = min(er / 0.03, 3.0) if er is not None else 0.5
    score *= credibility if credibility is not None else 0.7
    if growth is not None:
        score *= 1 + max(-0.5, min(growth, 1.0))
    return score


def document(profile: dict, audience_fields: list[tuple[str, str]]) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", profile["id"])
    for field_name in ("name", "handle", "bio"):
        if isinstance(profile.get(field_name), str):
            doc.add_text(field_name, profile[field_name])
    tags = [t.lstrip("#＃") for t in profile.get("hashtags") or [] if isinstance(t, str)]
    for tag in tags:
        doc.add_text("hashtags", tag)
    folded_tags = {fold_keyword(t) for t in tags if t}
    for post in profile.get("recent_posts") or []:
        caption = post.get("caption") if isinstance(post, dict) else None
        if isinstance(caption, str) and caption:
            doc.add_text("captions", caption)
            folded_tags.update(fold_keyword(t) for t in CAPTION_HASHTAG.findall(caption))
    for tag in folded_tags:
        doc.add_text("hashtag", tag)
    doc.add_text("platform", profile["platform"].lower())
    if isinstance(profile.get("country"), str):
        doc.add_text("country", profile["country"].upper())
    for language in {primary_subtag(l) for l in profile.get("languages") or [] if isinstance(l, str)}:
        doc.add_text("lang", language)
    for category in {c.lower() for c in profile.get("categories") or [] if isinstance(c, str)}:
        doc.add_text("category", category)
    doc.add_integer("followers", profile["followers"])
    values = derived(profile)
    for field_name in FLOAT_FIELDS:
        if values[field_name] is not None:
            doc.add_float(field_name, values[field_name])
    doc.add_float("quality", quality(values))
    shares = distributions(profile)
    for dimension, key in audience_fields:
        if dimension in shares:
            doc.add_float(audience_field(dimension, key), shares[dimension].get(key, 0.0))
    return doc


def schema(audience_fields: list[tuple[str, str]]) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    for field_name in TEXT_FIELDS:
        builder.add_text_field(field_name, tokenizer_name="creator_text", index_option="position")
    for field_name in FACET_FIELDS:
        builder.add_text_field(field_name, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("followers", indexed=True, fast=True)
    for field_name in FLOAT_FIELDS:
        builder.add_float_field(field_name, indexed=True, fast=True)
    builder.add_float_field("quality", fast=True)
    for dimension, key in audience_fields:
        builder.add_float_field(audience_field(dimension, key), indexed=True, fast=True)
    return builder.build()


def creator_lines(corpus: Path) -> set[int] | None:
    labels = Path(str(corpus) + ".labels.jsonl")
    if not labels.exists():
        return None
    with labels.open("rb") as handle:
        return {json.loads(raw)["line"] for raw in handle if raw.startswith(b'{"id":')}


def winning_profiles(corpus: Path):
    """Yields the profile of each creator once (see the module's doc)."""
    winners = creator_lines(corpus)
    if winners is not None:
        with corpus.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if number in winners:
                    yield json.loads(raw)
        return
    latest: dict[str, tuple[str, int]] = {}
    with corpus.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                profile = json.loads(raw)
                key, updated = profile["id"], str(profile.get("updated_at", ""))
                int(profile["followers"])
            except (ValueError, KeyError, TypeError):
                continue
            if key not in latest or updated >= latest[key][0]:
                latest[key] = (updated, number)
    keep = {number for _, number in latest.values()}
    with corpus.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number in keep:
                yield json.loads(raw)


def build(corpus: Path, index_path: Path, audience_fields, heap: int, threads: int) -> dict:
    if index_path.exists():
        shutil.rmtree(index_path)
    index_path.mkdir(parents=True)
    index = tantivy.Index(schema(audience_fields), path=str(index_path))
    index.register_tokenizer("creator_text", analyzer())
    writer = index.writer(heap_size=heap, num_threads=threads)
    started = time.perf_counter()
    making = adding = 0.0
    documents = 0
    batch = []

    def flush():
        nonlocal adding
        began = time.perf_counter()
        for doc in batch:
            writer.add_document(doc)
        adding += time.perf_counter() - began
        batch.clear()

    began = time.perf_counter()
    for profile in winning_profiles(corpus):
        batch.append(document(profile, audience_fields))
        documents += 1
        if len(batch) == 10_000:
            making += time.perf_counter() - began
            flush()
            began = time.perf_counter()
            if documents % 100_000 == 0:
                print(f"  {documents} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    making += time.perf_counter() - began
    flush()
    began = time.perf_counter()
    writer.commit()
    writer.wait_merging_threads()
    committing = time.perf_counter() - began
    total = time.perf_counter() - started
    index.reload()
    stats = {
        "documents": documents, "seconds": total, "read_parse_make_seconds": making, "add_seconds": adding,
        "commit_merge_seconds": committing, "threads": threads, "heap_bytes": heap,
        "segments": index.searcher().num_segments,
        "index_bytes": sum(f.stat().st_size for f in index_path.iterdir() if f.is_file()),
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "audience_fields": [list(k) for k in audience_fields], "tantivy": tantivy.__version__,
    }
    (index_path / "bench-build.json").write_text(json.dumps(stats, indent=1))
    return stats


# MARK: queries


class QueryBuilder:
    def __init__(self, index: tantivy.Index, text_analyzer: tantivy.TextAnalyzer):
        self.schema = index.schema
        self.analyzer = text_analyzer

    def text(self, words: str) -> tantivy.Query:
        tokens = self.analyzer.analyze(words)
        if not tokens:
            return tantivy.Query.empty_query()
        per_field = []
        for field_name, boost in TEXT_FIELDS.items():
            if len(tokens) == 1:
                query = tantivy.Query.term_query(self.schema, field_name, tokens[0])
            else:
                query = tantivy.Query.phrase_query(self.schema, field_name, tokens)
            per_field.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, boost)))
        return tantivy.Query.boolean_query(per_field)

    def range(self, field_name: str, bounds: dict) -> tantivy.Query:
        kind = tantivy.FieldType.Integer if field_name == "followers" else tantivy.FieldType.Float
        convert = int if kind == tantivy.FieldType.Integer else float
        lower = bounds.get("gte", bounds.get("gt"))
        upper = bounds.get("lte", bounds.get("lt"))
        return tantivy.Query.range_query(
            self.schema, field_name, kind,
            lower_bound=convert(lower) if lower is not None else None,
            upper_bound=convert(upper) if upper is not None else None,
            include_lower="gt" not in bounds, include_upper="lt" not in bounds)

    def node(self, node: dict, scored: bool) -> tantivy.Query:
        """A query for one node; `scored` is false for filters, which then add no score."""
        (kind, value), = node.items()
        if kind == "and":
            clauses = []
            for child in value:
                if "not" in child:
                    clauses.append((tantivy.Occur.MustNot, self.node(child["not"], False)))
                else:
                    clauses.append((tantivy.Occur.Must, self.node(child, scored)))
            if not any(occur == tantivy.Occur.Must for occur, _ in clauses):
                clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
            return tantivy.Query.boolean_query(clauses)
        if kind == "or":
            return tantivy.Query.boolean_query([(tantivy.Occur.Should, self.node(c, scored)) for c in value])
        if kind == "not":
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                                (tantivy.Occur.MustNot, self.node(value, False))])
        if kind in ("word", "phrase"):
            return self.text(value)
        if kind == "terms":
            field_name, values = value
            if len(values) == 1:
                query = tantivy.Query.term_query(self.schema, field_name, values[0], index_option="basic")
            else:
                query = tantivy.Query.term_set_query(self.schema, field_name, values)
        elif kind == "range":
            query = self.range(*value)
        elif kind == "audience":
            dimension, key, bounds = value
            query = self.range(audience_field(dimension, key), bounds)
        else:
            raise ValueError(f"unknown node {kind}")
        return query if not scored else tantivy.Query.const_score_query(query, 0.0)


def has_text(node) -> bool:
    if isinstance(node, dict):
        return "word" in node or "phrase" in node or any(has_text(v) for v in node.values())
    if isinstance(node, list):
        return any(has_text(v) for v in node)
    return False


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest rank."""
    if not sorted_values:
        return math.nan
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def run(index: tantivy.Index, rows, rounds: int) -> tuple[dict, list]:
    text_analyzer = analyzer()
    index.register_tokenizer("creator_text", text_analyzer)
    builder = QueryBuilder(index, text_analyzer)
    searcher = index.searcher()
    prepared = []
    for number, klass, query_text, description in rows:
        if "unsupported" in description:
            prepared.append((number, klass, query_text, None, description["unsupported"]))
            continue
        tree = description["query"]
        with_text = has_text(tree)
        query = builder.node(tree, scored=with_text)
        sort = description.get("sort")
        options = {"limit": description.get("limit", 20), "count": True}
        if sort:
            options["order_by_field"] = sort["field"]
            options["order"] = tantivy.Order.Desc if sort["order"] == "desc" else tantivy.Order.Asc
        elif not with_text:
            options["order_by_field"] = "quality"
            options["order"] = tantivy.Order.Desc
        prepared.append((number, klass, query_text, (query, options), None))

    timings: dict[int, list[float]] = defaultdict(list)
    totals: dict[int, int] = {}
    for round_number in range(rounds + 1):  # round 0 warms up and is not counted
        for number, _, _, work, _ in prepared:
            if work is None:
                continue
            query, options = work
            began = time.perf_counter_ns()
            result = searcher.search(query, **options)
            hits = result.hits
            elapsed = (time.perf_counter_ns() - began) / 1e6
            if round_number == 0:
                totals[number] = result.count
                assert len(hits) <= options["limit"]
            else:
                timings[number].append(elapsed)

    per_class: dict[str, list[float]] = defaultdict(list)
    queries_per_class: dict[str, int] = defaultdict(int)
    per_query = []
    for number, klass, query_text, work, unsupported in prepared:
        if work is None:
            per_query.append((number, klass, None, None, query_text, unsupported))
            queries_per_class[klass] += 1
            continue
        queries_per_class[klass] += 1
        per_class[klass].extend(timings[number])
        per_class["all"].extend(timings[number])
        median = percentile(sorted(timings[number]), 0.5)
        per_query.append((number, klass, totals[number], median, query_text, None))
    queries_per_class["all"] = sum(1 for row in prepared if row[3] is not None)
    summary = {}
    for klass, count in queries_per_class.items():
        values = sorted(per_class.get(klass, []))
        summary[klass] = {"queries": count, "runs": len(values), "p50": percentile(values, 0.5),
                          "p99": percentile(values, 0.99), "mean": sum(values) / len(values) if values else math.nan}
    return summary, per_query


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--mix", type=Path, help="default: ../queries/mix-<creators>.tsv")
    parser.add_argument("--index", type=Path, help="default: /tmp/tantivy-<1m|100k|N>")
    parser.add_argument("--rebuild", action="store_true", help="build the index even if it is there")
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each query (after one warm-up)")
    parser.add_argument("--threads", type=int, default=2, help="writer threads (default 2)")
    parser.add_argument("--heap", type=int, default=1_000_000_000, help="writer heap in bytes, all threads")
    args = parser.parse_args()

    match = re.search(r"creators-(\d+)-", args.corpus.name)
    creators = int(match.group(1)) if match else 0
    short = {1_000_000: "1m", 100_000: "100k"}.get(creators, str(creators))
    mix = args.mix or HERE.parent / "queries" / f"mix-{creators}.tsv"
    index_path = args.index or Path(f"/tmp/tantivy-{short}")
    rows = read_mix(mix)
    wanted_audience = audience_keys(rows)

    stats_path = index_path / "bench-build.json"
    stats = json.loads(stats_path.read_text()) if stats_path.exists() else None
    if stats is None or args.rebuild or [tuple(k) for k in stats["audience_fields"]] != wanted_audience:
        print(f"building the tantivy index of {args.corpus} in {index_path} …", file=sys.stderr)
        stats = build(args.corpus, index_path, wanted_audience, args.heap, args.threads)
    index = tantivy.Index.open(str(index_path))

    print(f"{stats['tantivy']} (PyPI binding), {stats['documents']} documents in {index_path}: "
          f"built in {stats['seconds']:.1f} s with {stats['threads']} writer threads "
          f"(reading + JSON + documents in Python {stats['read_parse_make_seconds']:.1f} s, "
          f"add_document {stats['add_seconds']:.1f} s, commit + merges {stats['commit_merge_seconds']:.1f} s), "
          f"{stats['segments']} segments, {stats['index_bytes'] / 2**20:.0f} MiB, "
          f"peak RSS {stats['peak_rss_bytes'] / 2**20:.0f} MiB")
    load_before = os.getloadavg()[0]
    summary, per_query = run(index, rows, args.rounds)
    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    print(f"mix {mix.name}: {len(rows)} queries, {args.rounds} timed runs each, one thread, "
          f"count + top-k per query; {load}")
    print(f"{'class':<10} {'queries':>7} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    order = ["facet", "range", "text", "sorted", "audience", "lookalike", "overlap", "all"]
    for klass in sorted(summary, key=lambda k: order.index(k) if k in order else 99):
        figures = summary[klass]
        if figures["runs"] == 0:
            print(f"{klass:<10} {figures['queries']:>7}   not run: no tantivy equivalent")
            continue
        print(f"{klass:<10} {figures['queries']:>7} {figures['p50']:>8.3f} {figures['p99']:>8.3f} {figures['mean']:>8.3f}")

    with (HERE / f"results-{creators}.tsv").open("w", encoding="utf-8") as handle:
        handle.write(f"# {stats['tantivy']} on {stats['documents']} creators, mix {mix.name}, "
                     f"{args.rounds} timed runs per query, one thread, {load}; milliseconds; written by bench.py\n")
        handle.write(f"# build: {stats['seconds']:.1f} s, {stats['threads']} writer threads, {stats['segments']} segments\n")
        handle.write("# class\tqueries\tp50_ms\tp99_ms\n")
        for klass in sorted(summary, key=lambda k: order.index(k) if k in order else 99):
            figures = summary[klass]
            if figures["runs"]:
                handle.write(f"{klass}\t{figures['queries']}\t{figures['p50']:.4f}\t{figures['p99']:.4f}\n")
    with (HERE / f"results-{creators}-queries.tsv").open("w", encoding="utf-8") as handle:
        handle.write("# mix line\tclass\ttantivy total\tmedian ms\tquery\n")
        for number, klass, total, median, query_text, unsupported in per_query:
            if unsupported:
                handle.write(f"{number}\t{klass}\t-\t-\t{query_text}\n")
            else:
                handle.write(f"{number}\t{klass}\t{total}\t{median:.4f}\t{query_text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
