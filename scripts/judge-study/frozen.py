"""Leave-one-model-out κ of the frozen-encoder head for feature variants.
usage: frozen.py 'NAME:L1+L2[,NAME2:L]' [sentence_l2 pair_l2] ...  (layers concatenated, encoders too)"""
import sys
import numpy as np
from common import WORK, mil_lomo


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
mil_lomo(S, G, starts, f'{spec} λ={lam:g}/{lamg:g}', lam, lamg)
