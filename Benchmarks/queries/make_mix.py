#!/usr/bin/env python3
"""Makes the fixed query mix of the search benchmark from a generated corpus.

    python3 make_mix.py /tmp/creators-bench/creators-1000000-1.jsonl
    # -> Benchmarks/queries/mix-1000000.tsv

Each output line is `class <TAB> query <TAB> tantivy`: the class, the query in the engine's
language (shared/spec/query-dsl.md) and the same query for tantivy as a small JSON tree
(read by ../tantivy/bench.py), or `{"unsupported": "..."}` where tantivy has no equivalent
(`like:`, `overlap:`). Lines starting with `#` are comments.

Every value comes from real profiles of the corpus: a random sample of creators ("seeds",
fixed seed, so the mix is the same on every run) supplies the facet values, the numbers
around which ranges are drawn, the words and phrases of text queries (from their bios and
captions) and the creators of `like:` and `overlap:`. So every facet, range, text and
audience query matches at least its seed, and the mix follows the corpus's own
distribution of countries, platforms, categories and languages.

Which lines are creators: with the generator's labels file (`<corpus>.labels.jsonl`, written
by `creators generate`) exactly the winning line of each creator; without it, the line with
the latest `updated_at` per id whose JSON parses (malformed lines the engine would reject
may then slip through as seeds, rarely).

Only the standard library is used (Python 3.11).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

# Queries per class. The total is at least 200 (the minimum).
CLASS_SIZES = {
    "facet": 40,
    "range": 40,
    "text": 50,
    "sorted": 35,
    "audience": 35,
    "lookalike": 25,
    "overlap": 20,
}

SEED_SAMPLE = 6000  # creators read in full to draw values from

TIER_FOLLOWERS = {  # profile-dump.md, "Follower tiers": inclusive bounds, None = open
    "nano": (None, 9_999),
    "micro": (10_000, 49_999),
    "mid": (50_000, 499_999),
    "macro": (500_000, 999_999),
    "mega": (1_000_000, None),
}
TIERS = list(TIER_FOLLOWERS)

# Function words left out of single-word text queries: people search for topics, not "the".
STOPWORDS = set(
    """the and for with you your are this that from have not but all new what how who get out
    day our its just more my me we us one can will was has any off when why too it is to of in
    on at by or an as be do so if up no yes
    los las una uno del con por para que mas muy sus como pero sin sobre este esta todo
    das dos uma com por para que não mais muito sem seu sua como mas
    les des une pour avec que qui sur pas dans est vous nous mes tes ses aux par plus
    der die das und mit für von den dem ein eine ist nicht auf sich ich du wir
    yang dan untuk dengan ini itu dari ada aku kamu di ke pada juga
    il la le di da per con che non una sono
    você minha meu için bir ve bu của và là có những một cho với""".split()
)

# Scripts written without spaces between words: their "words" are taken from the profile's
# hashtags that also occur in its running text (the generator's vocabulary), not from spaces.
def is_unspaced_script(character: str) -> bool:
    code = ord(character)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF  # Han
        or 0xF900 <= code <= 0xFAFF
        or 0x0E00 <= code <= 0x0E7F  # Thai
        or 0x0E80 <= code <= 0x0EFF  # Lao
        or 0x1000 <= code <= 0x109F  # Myanmar
        or 0x1780 <= code <= 0x17FF  # Khmer
    )


def is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LM"


# MARK: numbers as the query language writes them


def amount_text(value: float) -> str:
    """10000 -> 10k, 1500000 -> 1.5m, 250 -> 250 (values are already round)."""
    decimal = Decimal(repr(float(value))).normalize()
    for suffix, scale in (("m", Decimal(1_000_000)), ("k", Decimal(1_000))):
        if abs(decimal) >= scale:
            scaled = (decimal / scale).normalize()
            if scaled == scaled.quantize(Decimal("0.01")):
                return format(scaled, "f") + suffix
    return format(decimal.quantize(Decimal(1)) if decimal == decimal.to_integral() else decimal, "f")


def percent_text(percent: Decimal) -> str:
    return format(percent.normalize(), "f") + "%"


def percent_fraction(percent: Decimal) -> float:
    """The double the engine's parser makes of `<percent>%`: the decimal, correctly rounded."""
    return float(percent / 100)


ROUND_VALUES = sorted(step * 10 ** power for power in range(0, 13) for step in (1, 2, 5))


def round_down(value: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above value (at least 1)."""
    return max([v for v in ROUND_VALUES if v <= value] or [1])


def round_up(value: float) -> float:
    """The smallest 1, 2 or 5 x 10^k not below value."""
    return min(v for v in ROUND_VALUES if v >= value)


# MARK: the profile values the engine derives (profile-dump.md, "Derived values and unknowns")

FOLLOWER_FEED_PLATFORMS = {"instagram", "facebook", "x", "xiaohongshu"}
VIEW_DRIVEN_PLATFORMS = {"tiktok", "douyin", "kuaishou", "youtube", "bilibili", "twitch"}


def engagement_rate(profile: dict) -> float | None:
    if isinstance(profile.get("engagement_rate"), (int, float)):
        return float(profile["engagement_rate"])
    likes, comments = profile.get("avg_likes"), profile.get("avg_comments")
    if likes is None or comments is None:
        return None
    if profile["platform"] in FOLLOWER_FEED_PLATFORMS:
        return (likes + comments) / profile["followers"] if profile["followers"] > 0 else None
    if profile["platform"] in VIEW_DRIVEN_PLATFORMS:
        views = profile.get("avg_views")
        return (likes + comments + (profile.get("avg_shares") or 0)) / views if views else None
    return None


def growth(profile: dict) -> float | None:
    history = profile.get("follower_history") or []
    if len(history) < 2 or history[0][1] <= 0:
        return None
    return (history[-1][1] - history[0][1]) / history[0][1]


def usd_price(profile: dict) -> float | None:
    """Only USD prices are used for drawing bounds (a bound is a bound in any case)."""
    price = profile.get("price") or {}
    if price.get("currency") != "USD":
        return None
    value = price.get("per_post", price.get("per_video"))
    return float(value) if isinstance(value, (int, float)) else None


def distribution(profile: dict, name: str) -> dict[str, float]:
    shares = (profile.get("audience") or {}).get(name) or {}
    total = sum(v for v in shares.values() if isinstance(v, (int, float)))
    return {k: v / total for k, v in shares.items() if total > 0 and isinstance(v, (int, float))}


# MARK: clauses: the engine's text and tantivy's JSON node, made together


@dataclass
class Clause:
    dsl: str
    node: dict | None  # None: no tantivy equivalent


def terms(field_name: str, values: list[str], dsl_name: str | None = None) -> Clause:
    return Clause(f"{dsl_name or field_name}:{','.join(values)}", {"terms": [field_name, values]})


def numeric(field_name: str, dsl_value: str, gte=None, lte=None, gt=None, lt=None) -> Clause:
    bounds = {k: v for k, v in (("gte", gte), ("lte", lte), ("gt", gt), ("lt", lt)) if v is not None}
    return Clause(f"{field_name}:{dsl_value}", {"range": [field_name, bounds]})


def negate(clause: Clause) -> Clause:
    return Clause("-" + clause.dsl, {"not": clause.node} if clause.node is not None else None)


def tier_clause(tiers: list[str], dsl_value: str) -> Clause:
    """Tiers are follower ranges: tantivy gets the union of their follower bounds."""
    ordered = sorted(tiers, key=TIERS.index)
    low = TIER_FOLLOWERS[ordered[0]][0]
    high = TIER_FOLLOWERS[ordered[-1]][1]
    bounds = {}
    if low is not None:
        bounds["gte"] = low
    if high is not None:
        bounds["lte"] = high
    return Clause(f"tier:{dsl_value}", {"range": ["followers", bounds]})


# MARK: words of a profile's texts


def profile_texts(profile: dict) -> list[str]:
    texts = [profile.get("bio"), profile.get("name")]
    texts += [post.get("caption") for post in profile.get("recent_posts") or [] if isinstance(post, dict)]
    return [text for text in texts if isinstance(text, str) and text]


def spaced_words(text: str) -> list[list[str]]:
    """Runs of consecutive usable words in text (split at spaces; a token that is not all
    letters and marks, or is a mention, hashtag or the keyword OR/NOT, breaks a run)."""
    runs, run = [], []
    for raw in text.split():
        token = raw.strip(".,!?;:¡¿…·|/()[]{}\"'“”‘’«»、。，！？：；")
        usable = (
            token
            and not raw.startswith(("@", "#"))
            and all(is_word_character(c) for c in token)
            and not any(is_unspaced_script(c) for c in token)
            and token.upper() not in ("OR", "NOT", "AND")
            and token == raw.strip(".,!?;:…")  # no inner punctuation was stripped away
        )
        if usable:
            run.append(token)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def topic_word(word: str) -> bool:
    return len(word) >= 3 and word.lower() not in STOPWORDS


def unspaced_words(profile: dict) -> list[str]:
    """Hashtags in an unspaced script that also occur in the profile's running text (not
    only after a '#'): words as the creator's own vocabulary cuts them."""
    texts = profile_texts(profile)
    words = []
    for tag in profile.get("hashtags") or []:
        if not isinstance(tag, str):
            continue
        word = tag.lstrip("#＃")
        if not (2 <= len(word) <= 8) or not all(is_word_character(c) for c in word):
            continue
        if not any(is_unspaced_script(c) for c in word):
            continue
        for text in texts:
            start = text.find(word)
            while start != -1:
                if start == 0 or text[start - 1] not in "#＃":
                    words.append(word)
                    break
                start = text.find(word, start + 1)
            if words and words[-1] == word:
                break
    return sorted(set(words))


# MARK: the mix


@dataclass
class Seed:
    profile: dict
    lang: str
    handle_unique: bool

    @property
    def p(self) -> dict:
        return self.profile


@dataclass
class MixMaker:
    seeds: list[Seed]
    rng: random.Random
    countries: list[str] = field(default_factory=list)  # most common creator countries
    rows: list[tuple[str, str, dict]] = field(default_factory=list)

    # -- facet clauses drawn from one seed ------------------------------------------------

    def facet_clauses(self, seed: Seed, count: int) -> list[Clause]:
        p, rng = seed.p, self.rng
        makers = []
        if p.get("country"):
            def country():
                values = [p["country"]]
                if rng.random() < 0.3:
                    other = rng.choice(self.countries[:12])
                    if other != p["country"]:
                        values.append(other)
                return terms("country", values)
            makers.append(country)
        def platform():
            values = [p["platform"]]
            if rng.random() < 0.3:
                other = rng.choice(["tiktok", "instagram", "youtube", "x", "facebook", "douyin", "xiaohongshu"])
                if other != p["platform"]:
                    values.append(other)
            return terms("platform", values)
        makers.append(platform)
        categories = [c for c in p.get("categories") or [] if isinstance(c, str)]
        if categories:
            def category():
                chosen = rng.sample(categories, min(len(categories), 1 if rng.random() < 0.7 else 2))
                chosen = [c.lower() for c in chosen]
                if len(chosen) == 2 and rng.random() < 0.5:
                    a, b = chosen
                    return Clause(f"(category:{a} OR category:{b})",
                                  {"or": [{"terms": ["category", [a]]}, {"terms": ["category", [b]]}]})
                return terms("category", chosen)
            makers.append(category)
        langs = sorted({primary_subtag(l) for l in p.get("languages") or [] if isinstance(l, str)})
        if langs:
            makers.append(lambda: terms("lang", [rng.choice(langs)]))
        tier = tier_of(p["followers"])
        def tier_maker():
            roll = rng.random()
            index = TIERS.index(tier)
            if roll < 0.4:
                return tier_clause([tier], tier)
            if roll < 0.8:
                low = TIERS[max(0, index - rng.randint(0, 1))]
                high = TIERS[min(len(TIERS) - 1, index + rng.randint(0, 1))]
                span = TIERS[TIERS.index(low): TIERS.index(high) + 1]
                return tier_clause(span, f"{low}..{high}" if low != high else low)
            if tier != "nano":
                return negate(tier_clause(["nano"], "nano"))
            return tier_clause([tier], tier)
        makers.append(tier_maker)
        ascii_tags = [t.lstrip("#").lower() for t in p.get("hashtags") or []
                      if isinstance(t, str) and t.lstrip("#").isascii() and t.lstrip("#").isalnum()]
        if ascii_tags:
            makers.append(lambda: terms("hashtag", [rng.choice(ascii_tags)]))
        rng.shuffle(makers)
        clauses = [make() for make in makers[:count]]
        # Now and then exclude a platform the seed is not on (a realistic "-platform:x").
        if rng.random() < 0.2 and not any(c.dsl.startswith("platform:") for c in clauses):
            excluded = rng.choice([x for x in ("tiktok", "instagram", "youtube", "facebook", "x") if x != p["platform"]])
            clauses.append(negate(terms("platform", [excluded])))
        return clauses

    # -- numeric clauses around a seed's own values --------------------------------------

    def range_clauses(self, seed: Seed, count: int) -> list[Clause]:
        p, rng = seed.p, self.rng
        makers = []
        followers = p["followers"]
        if followers > 0:
            def followers_maker():
                low = round_down(followers / rng.choice([1.5, 2, 4]))
                high = round_up(followers * rng.choice([1.5, 2, 4]))
                roll = rng.random()
                if roll < 0.6:
                    return numeric("followers", f"{amount_text(low)}..{amount_text(high)}", gte=low, lte=high)
                if roll < 0.8:
                    return numeric("followers", f">={amount_text(low)}", gte=low)
                return numeric("followers", f"<{amount_text(high)}", lt=high)
            makers.append(followers_maker)
        er = engagement_rate(p)
        if er is not None and er > 0.002:
            def er_maker():
                low = Decimal(str(max(0.5, int(er * 200) / 2 - rng.choice([0, 0.5, 1]))))  # percent, halves
                if rng.random() < 0.7:
                    return numeric("er", f">={percent_text(low)}", gte=percent_fraction(low))
                high = low + Decimal(rng.choice([3, 5, 10]))
                return numeric("er", f"{percent_text(low)}..{percent_text(high)}",
                               gte=percent_fraction(low), lte=percent_fraction(high))
            makers.append(er_maker)
        views = p.get("avg_views")
        if isinstance(views, (int, float)) and views >= 100:
            def views_maker():
                low = round_down(views / rng.choice([1, 2, 3]))
                return numeric("views", f">{amount_text(low)}", gt=low) if rng.random() < 0.5 else \
                    numeric("views", f">={amount_text(low)}", gte=low)
            makers.append(views_maker)
        price = usd_price(p)
        if price is not None and price > 0:
            def price_maker():
                high = round_up(price * rng.choice([1, 1.5, 3]))
                if rng.random() < 0.7:
                    return numeric("price", f"<={amount_text(high)}", lte=high)
                low = round_down(price / 3)
                return numeric("price", f"{amount_text(low)}..{amount_text(high)}", gte=low, lte=high)
            makers.append(price_maker)
        credibility = (p.get("audience") or {}).get("credibility")
        if isinstance(credibility, (int, float)) and credibility >= 0.3:
            def credibility_maker():
                low = Decimal(int(credibility * 20) * 5 - rng.choice([0, 5, 10]))
                return numeric("credibility", f">={percent_text(low)}", gte=percent_fraction(low))
            makers.append(credibility_maker)
        gmv = (p.get("commerce") or {}).get("gmv_30d_usd")
        if isinstance(gmv, (int, float)) and gmv >= 100:
            def gmv_maker():
                low = round_down(gmv / rng.choice([1, 2, 5]))
                return numeric("gmv", f">={amount_text(low)}", gte=low)
            makers.append(gmv_maker)
        g = growth(p)
        if g is not None and g > 0.01:
            def growth_maker():
                low = Decimal(max(1, int(g * 100) - rng.choice([0, 1, 3])))
                return numeric("growth", f">={percent_text(low)}", gte=percent_fraction(low))
            makers.append(growth_maker)
        rng.shuffle(makers)
        return [make() for make in makers[:count]]

    # -- audience clauses ------------------------------------------------------------

    def audience_clauses(self, seed: Seed, count: int) -> list[Clause]:
        p, rng = seed.p, self.rng
        makers = []
        for dsl_key, dump_key, field_prefix in (("country", "countries", "country"), ("lang", "languages", "lang"),
                                                ("gender", "genders", "gender"), ("age", "ages", "age"),
                                                ("interest", "interests", "interest")):
            shares = {k: v for k, v in distribution(p, dump_key).items() if k != "other" and v >= 0.08}
            if not shares:
                continue
            def maker(dsl_key=dsl_key, field_prefix=field_prefix, shares=shares):
                key = rng.choice(sorted(shares))
                share = shares[key]
                if dsl_key == "country":
                    key = key.upper()
                elif dsl_key != "age":
                    key = key.lower()
                if rng.random() < 0.85 or share > 0.9:
                    threshold = Decimal(max(5, int(share * 20) * 5 - rng.choice([0, 5, 10])))
                    op, bound = ">=", "gte"
                else:
                    threshold = Decimal(min(100, (int(share * 20) + 1) * 5 + rng.choice([0, 5])))
                    op, bound = "<=", "lte"
                return Clause(f"aud.{dsl_key}:{key}{op}{percent_text(threshold)}",
                              {"audience": [field_prefix, key, {bound: percent_fraction(threshold)}]})
            makers.append(maker)
        rng.shuffle(makers)
        return [make() for make in makers[:count]]

    # -- the classes -----------------------------------------------------------------

    def add(self, klass: str, clauses: list[Clause], tail: str = "", sort: dict | None = None,
            limit: int = 20, unsupported: str | None = None) -> None:
        query = " ".join(c.dsl for c in clauses) + (" " + tail if tail else "")
        if unsupported or any(c.node is None for c in clauses):
            description = {"unsupported": unsupported or "a clause with no tantivy equivalent"}
        else:
            description = {"query": {"and": [c.node for c in clauses]}, "limit": limit}
            if sort:
                description["sort"] = sort
        self.rows.append((klass, query.strip(), description))

    def pick(self, predicate=lambda s: True) -> Seed:
        while True:
            seed = self.rng.choice(self.seeds)
            if predicate(seed):
                return seed

    def make_facet(self, n: int) -> None:
        for _ in range(n):
            seed = self.pick()
            self.add("facet", self.facet_clauses(seed, self.rng.choice([1, 2, 2, 3, 3, 4])))

    def make_range(self, n: int) -> None:
        for _ in range(n):
            seed = self.pick()
            clauses = self.range_clauses(seed, self.rng.choice([1, 2, 2, 3]))
            clauses += self.facet_clauses(seed, self.rng.choice([0, 1, 1, 2]))
            self.add("range", clauses)

    def make_text(self, n: int) -> None:
        # Round-robin over the corpus's most common content languages, so every script is in.
        by_lang = defaultdict(list)
        for seed in self.seeds:
            by_lang[seed.lang].append(seed)
        langs = [lang for lang, _ in Counter(s.lang for s in self.seeds).most_common(16)]
        made = 0
        attempts = 0
        while made < n and attempts < 100 * n:
            lang = langs[attempts % len(langs)]
            attempts += 1
            seed = self.rng.choice(by_lang[lang])
            text = self.text_clauses(seed)
            if not text:
                continue
            filters = self.facet_clauses(seed, self.rng.choice([0, 1, 1, 2]))
            if self.rng.random() < 0.15:
                filters += self.range_clauses(seed, 1)
            self.add("text", text + filters)
            made += 1

    def text_clauses(self, seed: Seed) -> list[Clause]:
        p, rng = seed.p, self.rng
        unspaced = unspaced_words(p)
        runs = [run for text in profile_texts(p) for run in spaced_words(text)]
        words = sorted({w for run in runs for w in run if topic_word(w)})
        prefers_unspaced = seed.lang in ("zh", "ja", "th") and unspaced
        shape = rng.random()
        if prefers_unspaced or (unspaced and not words):
            chosen = rng.sample(unspaced, min(len(unspaced), 1 if shape < 0.7 else 2))
            if len(chosen) == 1 and shape < 0.3:
                return [Clause(f'"{chosen[0]}"', {"phrase": chosen[0]})]
            return [Clause(w, {"word": w}) for w in chosen]
        phrases = [run[i:i + k] for run in runs for k in (2, 3) for i in range(len(run) - k + 1)
                   if any(topic_word(w) for w in run[i:i + k])]
        if phrases and shape < 0.35:
            phrase = " ".join(rng.choice(phrases))
            return [Clause(f'"{phrase}"', {"phrase": phrase})]
        if not words:
            return []
        chosen = rng.sample(words, min(len(words), 1 if shape < 0.75 else 2))
        return [Clause(w, {"word": w}) for w in chosen]

    def make_sorted(self, n: int) -> None:
        sorts = [("-er", "er", "desc"), ("-followers", "followers", "desc"), ("followers", "followers", "asc"),
                 ("-er", "er", "desc"), ("-views", "views", "desc")]
        for _ in range(n):
            seed = self.pick()
            dsl_sort, field_name, order = self.rng.choice(sorts)
            clauses = self.facet_clauses(seed, self.rng.choice([1, 2, 2, 3]))
            if self.rng.random() < 0.4:
                clauses += self.range_clauses(seed, 1)
            limit = self.rng.choice([20, 20, 20, 50, 100])
            tail = f"sort:{dsl_sort}" + (f" limit:{limit}" if limit != 20 else "")
            self.add("sorted", clauses, tail, sort={"field": field_name, "order": order}, limit=limit)

    def make_audience(self, n: int) -> None:
        made = 0
        while made < n:
            seed = self.pick(lambda s: bool(s.p.get("audience")))
            clauses = self.audience_clauses(seed, self.rng.choice([1, 1, 2, 2, 3]))
            if not clauses:
                continue
            clauses += self.facet_clauses(seed, self.rng.choice([0, 1, 1, 2]))
            if self.rng.random() < 0.3:
                clauses += self.range_clauses(seed, 1)
            self.add("audience", clauses)
            made += 1

    def reference(self, seed: Seed) -> str:
        """`@handle` when the handle names one creator only, else the id."""
        if seed.handle_unique and self.rng.random() < 0.6:
            return "@" + seed.p["handle"]
        return seed.p["id"]

    def make_lookalike(self, n: int) -> None:
        for _ in range(n):
            seed = self.pick(lambda s: bool(s.p.get("audience")) and referable(s.p))
            clauses = [Clause(f"like:{self.reference(seed)}", None)]
            roll = self.rng.random()
            if roll < 0.35:
                clauses += self.facet_clauses(seed, self.rng.choice([1, 2]))
            elif roll < 0.5:
                clauses += self.range_clauses(seed, 1)
            elif roll < 0.6:
                clauses.append(Clause("-risk:high", None))
            self.add("lookalike", clauses, unsupported="like: ranks by the engine's lookalike vectors")

    def make_overlap(self, n: int) -> None:
        for index in range(n):
            seed = self.pick(lambda s: len((s.p.get("audience") or {}).get("sample") or []) >= 50 and referable(s.p))
            reference = self.reference(seed)
            roll = self.rng.random()
            if index % 4 == 0:  # the spec's example
                clauses = [Clause(f"like:{reference}", None), Clause(f"overlap:{reference}<=15%", None),
                           Clause("risk:low", None)]
            elif roll < 0.7:
                bound = self.rng.choice([10, 15, 15, 20, 30])
                clauses = [Clause(f"overlap:{reference}<={bound}%", None)]
                clauses += self.facet_clauses(seed, self.rng.choice([1, 2]))
            else:
                bound = self.rng.choice([1, 2, 5])
                clauses = [Clause(f"overlap:{reference}>={bound}%", None)]
                clauses += self.facet_clauses(seed, 1)
            self.add("overlap", clauses, unsupported="overlap: estimates audience overlap from the engine's sketches")


def referable(profile: dict) -> bool:
    """An id or handle that the query language reads back as one value."""
    return re.fullmatch(r"[A-Za-z0-9_.:\-]+", profile["id"]) is not None and \
        re.fullmatch(r"[A-Za-z0-9_.]+", profile["handle"]) is not None


def primary_subtag(language: str) -> str:
    """`pt-BR` -> `pt`, as the engine stores content languages."""
    return re.split(r"[-_]", language, maxsplit=1)[0].lower()


def tier_of(followers: int) -> str:
    for name, (low, high) in TIER_FOLLOWERS.items():
        if (low is None or followers >= low) and (high is None or followers <= high):
            return name
    return "mega"


# MARK: reading the corpus

HANDLE = re.compile(rb'"handle":"((?:[^"\\]|\\.)*)"')
ID = re.compile(rb'"id":"((?:[^"\\]|\\.)*)"')
UPDATED = re.compile(rb'"updated_at":"([^"]*)"')


def creator_lines(corpus: Path) -> set[int] | None:
    """1-based winning line of every creator, from the generator's labels; None without them."""
    labels = Path(str(corpus) + ".labels.jsonl")
    if not labels.exists():
        return None
    lines = set()
    with labels.open("rb") as handle:
        for raw in handle:
            if raw.startswith(b'{"id":'):
                lines.add(json.loads(raw)["line"])
    return lines


def winners_without_labels(corpus: Path) -> set[int]:
    """The line with the latest `updated_at` per id (ties: the later line)."""
    best: dict[bytes, tuple[bytes, int]] = {}
    with corpus.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            found_id, found_updated = ID.search(raw), UPDATED.search(raw)
            if not found_id:
                continue
            updated = found_updated.group(1) if found_updated else b""
            key = found_id.group(1)
            if key not in best or updated >= best[key][0]:
                best[key] = (updated, number)
    return {number for _, number in best.values()}


def valid_seed(profile) -> bool:
    if not isinstance(profile, dict):
        return False
    if not all(isinstance(profile.get(k), str) and profile.get(k) for k in ("id", "platform", "handle")):
        return False
    if not isinstance(profile.get("followers"), int) or profile["followers"] < 0:
        return False
    rate = profile.get("engagement_rate")
    return rate is None or (isinstance(rate, (int, float)) and 0 <= rate <= 1)


def read_seeds(corpus: Path, rng: random.Random) -> tuple[list[Seed], list[str], int]:
    winners = creator_lines(corpus)
    if winners is None:
        winners = winners_without_labels(corpus)
    chosen = set(rng.sample(sorted(winners), min(SEED_SAMPLE, len(winners))))
    handles: Counter[bytes] = Counter()
    seed_lines: dict[int, bytes] = {}
    with corpus.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number not in winners:
                continue
            found = HANDLE.search(raw)
            if found:
                handles[found.group(1)] += 1
            if number in chosen:
                seed_lines[number] = raw
    seeds, countries = [], Counter()
    for number in sorted(seed_lines):
        try:
            profile = json.loads(seed_lines[number])
        except ValueError:
            continue
        if not valid_seed(profile):
            continue
        languages = [primary_subtag(l) for l in profile.get("languages") or [] if isinstance(l, str)]
        lang = languages[0] if languages else "?"
        unique = handles[profile["handle"].encode()] == 1
        seeds.append(Seed(profile, lang, unique))
        if profile.get("country"):
            countries[profile["country"]] += 1
    return seeds, [c for c, _ in countries.most_common()], len(winners)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a dump made by `creators generate` (JSONL)")
    parser.add_argument("--out", type=Path, help="default: mix-<creators>.tsv beside this script")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the mix (default 1)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    seeds, countries, creators = read_seeds(args.corpus, rng)
    if len(seeds) < 100:
        print(f"only {len(seeds)} usable creators in {args.corpus}", file=sys.stderr)
        return 1
    maker = MixMaker(seeds, rng, countries)
    maker.make_facet(CLASS_SIZES["facet"])
    maker.make_range(CLASS_SIZES["range"])
    maker.make_text(CLASS_SIZES["text"])
    maker.make_sorted(CLASS_SIZES["sorted"])
    maker.make_audience(CLASS_SIZES["audience"])
    maker.make_lookalike(CLASS_SIZES["lookalike"])
    maker.make_overlap(CLASS_SIZES["overlap"])

    out = args.out or Path(__file__).resolve().parent / f"mix-{creators}.tsv"
    with out.open("w", encoding="utf-8") as handle:
        handle.write(f"# query mix of the search benchmark: make_mix.py {args.corpus.name} --seed {args.seed}; "
                     f"{len(maker.rows)} queries from {len(seeds)} sampled creators of {creators}\n")
        handle.write("# class\tquery (query-dsl.md)\ttantivy equivalent (JSON, see ../tantivy/bench.py)\n")
        for klass, query, description in maker.rows:
            assert "\t" not in query and "\n" not in query, query
            handle.write(f"{klass}\t{query}\t{json.dumps(description, ensure_ascii=False, separators=(',', ':'))}\n")
    counts = Counter(row[0] for row in maker.rows)
    print(f"wrote {len(maker.rows)} queries to {out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
