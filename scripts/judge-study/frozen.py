"""Leave-one-model-out κ of the frozen-encoder head for feature variants.
usage: frozen.py 'NAME:L1+L2[,NAME2:L]' [sentence_l2 pair_l2] ...  (layers concatenated, encoders too)"""
import sys
import numpy as np
from common import MIL, WORK, Y, lomo


def std(z):
    return (z - z.mean(0)) / (z.std(0) + 1e-6)


def features(spec):
    sents, pairs, starts = [], [], None
    for part in spec.split(','):
        name, layers = part.split(':')
        f = np.load(f'{WORK}/{name}.npz')
        sel = [list(f['layers']).index(int(x)) for x in layers.split('+')]
        v = f['v'][:, sel, :].reshape(len(f['v']), -1)
        sents.append(v[f['sent']])
        pairs.append(v[f['pair']])
        starts = f['starts']
    return std(np.hstack(sents)), std(np.hstack(pairs)), starts


spec = sys.argv[1]
lam, lamg = (float(sys.argv[2]), float(sys.argv[3])) if len(sys.argv) > 3 else (20, 60)
S, G, starts = features(spec)


def gather(ids):
    rows = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in ids])
    return S[rows], np.cumsum([0] + [starts[i + 1] - starts[i] for i in ids])[:-1]


def fit_predict(a, b):
    xa, sa = gather(a)
    xb, sb = gather(b)
    return MIL(lam, lamg).fit(xa, sa, G[a], Y[a]).predict(xb, sb, G[b])


lomo(fit_predict, f'{spec} λ={lam:g}/{lamg:g}')
