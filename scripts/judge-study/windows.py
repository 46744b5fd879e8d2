"""Sentences plus windows of W consecutive sentences as the head's instances (needs encode.py's e5q.npz).
usage: windows.py E5Q.onnx TOKENIZER.json [W]"""
import collections, sys
import numpy as np, onnxruntime as ort
from tokenizers import Tokenizer
from common import U, Y, MIL, WORK, lomo, split

model, tok, W = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2
so = ort.SessionOptions()
so.intra_op_num_threads = 2
so.add_session_config_entry('session.intra_op.allow_spinning', '0')
session = ort.InferenceSession(model, so)
t = Tokenizer.from_file(tok)
t.enable_truncation(512)
inputs, index, win_rows = [], {}, []
for r in U:
    s = split(r['text'])
    rows = []
    for w in (' '.join(s[i:i + W]) for i in range(max(1, len(s) - W + 1))):
        if w not in index:
            index[w] = len(inputs)
            inputs.append(w)
        rows.append(index[w])
    win_rows.append(rows)
encs = [t.encode('passage: ' + x) for x in inputs]
vw = np.zeros((len(inputs), 384), np.float32)
by_len = collections.defaultdict(list)
for i, e in enumerate(encs):
    by_len[len(e.ids)].append(i)
for _, ix in sorted(by_len.items()):
    for j in range(0, len(ix), 8):
        b = ix[j:j + 8]
        ids = np.array([encs[i].ids for i in b])
        vw[b] = session.run(None, {'input_ids': ids, 'attention_mask': np.ones_like(ids),
                                   'token_type_ids': np.zeros_like(ids)})[0].mean(1)
f = np.load(f'{WORK}/e5q.npz')
v = f['v'][:, list(f['layers']).index(12), :]
sent, starts = v[f['sent']], f['starts']
pair = v[f['pair']]
pair = (pair - pair.mean(0)) / (pair.std(0) + 1e-6)
wst = np.cumsum([0] + [len(x) for x in win_rows])
both = np.vstack([sent, vw[np.concatenate(win_rows)]])
both = (both - both.mean(0)) / (both.std(0) + 1e-6)
S, V = both[:len(sent)], both[len(sent):]


def gather(ids, mode):
    parts, st, n = [], [], 0
    for i in ids:
        x = np.vstack(([S[starts[i]:starts[i + 1]]] if 's' in mode else [])
                      + ([V[wst[i]:wst[i + 1]]] if 'w' in mode else []))
        st.append(n)
        n += len(x)
        parts.append(x)
    return np.vstack(parts), np.array(st)


for mode in ('s', 'w', 'sw'):
    def fit_predict(a, b):
        xa, sa = gather(a, mode)
        xb, sb = gather(b, mode)
        return MIL(20, 60).fit(xa, sa, pair[a], Y[a]).predict(xb, sb, pair[b])
    lomo(fit_predict, f'instances={mode}, windows of {W}')
