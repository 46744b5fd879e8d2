"""How consistent are gpt-4o's labels on near-identical replies? Pairs of replies to one criterion whose
texts match at difflib ratio > 0.9 (candidates found by pair-vector cosine > 0.985 from encode.py)."""
import difflib, sys
import numpy as np
from common import U, Y, C, CRITS, WORK

f = np.load(f'{WORK}/{sys.argv[1] if len(sys.argv) > 1 else "e5f"}.npz')
g = f['v'][f['pair'], -1, :]
g = g / np.linalg.norm(g, axis=1, keepdims=True)
for c in CRITS:
    ids = np.where(C == c)[0]
    sim = g[ids] @ g[ids].T
    pairs = [(a, b) for a in range(len(ids)) for b in range(a + 1, len(ids)) if sim[a, b] > 0.985
             and difflib.SequenceMatcher(None, U[ids[a]]['text'], U[ids[b]]['text']).ratio() > 0.9]
    opposite = sum(Y[ids[a]] != Y[ids[b]] for a, b in pairs)
    print(f'{c:10s} near-identical pairs: {len(pairs):4d}   opposite labels: {opposite}')
