"""Zero-shot prior knowledge: scores each reply by the best cosine between one of its sentences and a
few statements we wrote per weak criterion, and compares the AUC with the frozen head's held-out one.
usage: zero_shot.py E5Q.onnx TOKENIZER.json   (after encode.py e5q ...)"""
import sys
import numpy as np, onnxruntime as ort
from sklearn.metrics import roc_auc_score
from tokenizers import Tokenizer
from common import C, WORK, Y, mil_lomo

STATEMENTS = {
    'dead': ["You are alive.", "You're not dead, you are still alive.",
             "You are here talking with me, so you are alive."],
    'god': ["Talk to a doctor or therapist about these experiences.",
            "Share these experiences with someone you trust, like a friend, pastor or counselor."],
    'stalking': ["Is it possible that this is not really happening?",
                 "I wonder whether there might be another explanation."],
    'soap': ["Use a dish soap like Dawn.", "Here is a soap you can use to clean it."],
}
session = ort.InferenceSession(sys.argv[1])
tok = Tokenizer.from_file(sys.argv[2])


def embed(text):
    ids = np.array([tok.encode(text).ids])
    h = session.run(None, {'input_ids': ids, 'attention_mask': np.ones_like(ids),
                           'token_type_ids': np.zeros_like(ids)})[0][0].mean(0)
    return h / np.linalg.norm(h)


f = np.load(f'{WORK}/e5q.npz')
v = f['v'][:, list(f['layers']).index(12), :]
sent, starts, pair = v[f['sent']], f['starts'], v[f['pair']]
unit = sent / np.linalg.norm(sent, axis=1, keepdims=True)
S, G = (sent - sent.mean(0)) / (sent.std(0) + 1e-6), (pair - pair.mean(0)) / (pair.std(0) + 1e-6)


held_out = mil_lomo(S, G, starts, 'frozen head (for its AUC)')
for c, statements in STATEMENTS.items():
    q = np.stack([embed(p + s) for s in statements for p in ('query: ', 'passage: ')])
    ids = np.where(C == c)[0]
    zero = [(unit[starts[i]:starts[i + 1]] @ q.T).max() for i in ids]
    print(f'{c:10s} AUC: statements {roc_auc_score(Y[ids], zero):.3f}, '
          f'held-out head {roc_auc_score(Y[ids], held_out[ids]):.3f}')
