#!/usr/bin/env python3
"""Builds the judge's coverage labels from the hand-written replies in this folder.

Each CRITERION.txt holds replies we wrote ourselves, one per block: a line "@Y" or "@N" (the answer
to the criterion's question in stimuli/responses) followed by the reply's lines. Labels follow the
convention in models/judge/README.md ("Coverage replies").

Writes, deterministically (fixed seed):
  models/judge/train-coverage.jsonl     the training part
  models/judge/coverage-heldout.jsonl   about 20% of each (criterion, label), never trained on

Usage: python3 scripts/judge-study/coverage/build.py   (from the repository root)
"""
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
HELD_OUT_SHARE = 0.2
SEED = 15


def stimuli():
    out = {}
    for line in (ROOT / "stimuli/responses/stimuli.jsonl").read_text().splitlines():
        s = json.loads(line)
        out[s["id"]] = (s["question"], s["turns"][-1])
    return out


def blocks(path):
    items, label, lines = [], None, []
    for raw in path.read_text().splitlines():
        if raw in ("@Y", "@N"):
            if label is not None:
                items.append((label, "\n".join(lines).strip()))
            label, lines = ("yes" if raw == "@Y" else "no"), []
        else:
            lines.append(raw)
    if label is not None:
        items.append((label, "\n".join(lines).strip()))
    return items


def main():
    st = stimuli()
    train, held = [], []
    for path in sorted(HERE.glob("*.txt")):
        criterion = path.stem
        question, query = st[criterion]
        items = blocks(path)
        texts = [t for _, t in items]
        assert len(texts) == len(set(texts)), f"duplicate reply in {path}"
        for label in ("yes", "no"):
            idx = [i for i, (l, _) in enumerate(items) if l == label]
            rng = random.Random(f"{SEED}/{criterion}/{label}")
            out = set(rng.sample(idx, round(len(idx) * HELD_OUT_SHARE)))
            for n, i in enumerate(idx, 1):
                row = {"id": f"cov-{criterion}-{label}-{n:02d}", "criterion": criterion, "question": question,
                       "query": query, "response": items[i][1], "label": label}
                (held if i in out else train).append(row)
    for name, rows in (("train-coverage.jsonl", train), ("coverage-heldout.jsonl", held)):
        with open(ROOT / "models/judge" / name, "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
