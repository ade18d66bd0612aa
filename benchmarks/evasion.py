"""Recall of hrdd on listed names disguised with each evasion technique, on the real lists.

    python benchmarks/evasion.py [--sample N]

Takes a seeded sample of N primary names (default 400, half people, half organisations)
from every imported list, disguises each with every technique in
tests/adversarial/disguise.py, screens the disguised name against all lists, and counts it
found when the same listed entity is among the hits at the review level or above. Prints
one row per technique (the undisguised names first, as the baseline), for the README.
"""

from __future__ import annotations

import argparse
import random
import sys

from _common import ROOT, matcher

sys.path.insert(0, str(ROOT))

from tests.adversarial.disguise import TECHNIQUES  # noqa: E402

from screen.match import Query  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=400)
    args = ap.parse_args()
    m = matcher(sources=("ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un"))
    people, orgs = [], []
    for idx in m.indexes:
        for i in range(len(idx.cards_json)):
            card = idx.card(i)
            if len(card.name) < 6 or not any(ch.isalpha() for ch in card.name):
                continue
            (people if card.kind == "person" else orgs if card.kind == "organisation" else []).append(card)
    rng = random.Random(20261123)
    sample = rng.sample(people, args.sample // 2) + rng.sample(orgs, args.sample - args.sample // 2)
    print(f"lists: {', '.join(m.sources)}; {len(sample)} listed names ({args.sample // 2} people, "
          f"{args.sample - args.sample // 2} organisations), seed 20261123")
    print("| technique | example | found | people | organisations |")
    print("|---|---|---|---|---|")
    rows = [("none (the listed name as published)", lambda s: s), *TECHNIQUES.items()]
    for label, disguise in rows:
        found = {"person": 0, "organisation": 0}
        for card in sample:
            hits = m.match(Query(disguise(card.name))).hits
            found[card.kind] += any(h.card.id == card.id for h in hits)
        half = len(sample) // 2
        example = disguise("Xinjiang Police College").encode("unicode_escape").decode("ascii") \
            if label.startswith(("zero", "bidi", "look", "full", "combining")) else disguise("Xinjiang Police College")
        total = sum(found.values())
        print(f"| {label} | `{example}` | {total / len(sample):.3f} ({total}/{len(sample)}) | "
              f"{found['person'] / half:.3f} | {found['organisation'] / (len(sample) - half):.3f} |")


if __name__ == "__main__":
    main()
