"""Frozen features: every sentence alone and the (question, reply) pair, mean-pooled at chosen layers.
usage: encode.py NAME MODEL.onnx TOKENIZER.json QUERY_PREFIX PASSAGE_PREFIX LAYERS(e.g. 8,10,12)
writes WORK/NAME.npz (vectors [inputs, layers, dim] and the row index of each reply)."""
import collections, sys, time
import numpy as np, onnx, onnxruntime as ort
from tokenizers import Tokenizer
from common import U, WORK, QUESTIONS, split

name, model, tok, qp, pp, layers = sys.argv[1:7]
layers = [int(x) for x in layers.split(',')]
m = onnx.load(model)
depth = 1 + max(int(n.name.split('layer.')[1].split('/')[0]) for n in m.graph.node if '/encoder/layer.' in n.name)
outs = []
for layer in layers:
    if layer == depth:
        outs.append('last_hidden_state')
        continue
    out = f'/encoder/layer.{layer - 1}/output/LayerNorm/Add_1_output_0'
    m.graph.output.append(onnx.helper.make_tensor_value_info(out, onnx.TensorProto.FLOAT, None))
    outs.append(out)
so = ort.SessionOptions()
so.intra_op_num_threads = 2
so.add_session_config_entry('session.intra_op.allow_spinning', '0')
session = ort.InferenceSession(m.SerializeToString(), so)
names = [i.name for i in session.get_inputs()]
t = Tokenizer.from_file(tok)
t.enable_truncation(512)
inputs, index = [], {}


def add(a, b=None):
    if (a, b) not in index:
        index[(a, b)] = len(inputs)
        inputs.append((a, b))
    return index[(a, b)]


sent_rows = [[add(pp + s) for s in split(r['text'])] for r in U]
pair_rows = [add(qp + QUESTIONS[r['crit']], pp + r['text']) for r in U]
encs = [t.encode(a, b) if b is not None else t.encode(a) for a, b in inputs]
dim = session.run(['last_hidden_state'], {k: np.ones((1, 2), np.int64) for k in names})[0].shape[-1]
v = np.zeros((len(inputs), len(layers), dim), np.float32)
by_len = collections.defaultdict(list)
for i, e in enumerate(encs):
    by_len[len(e.ids)].append(i)
t0 = time.time()
for _, ix in sorted(by_len.items()):
    for j in range(0, len(ix), 8):   # unpadded batches of equal length
        b = ix[j:j + 8]
        ids = np.array([encs[i].ids for i in b], np.int64)
        feed = {'input_ids': ids, 'attention_mask': np.ones_like(ids)}
        if 'token_type_ids' in names:
            feed['token_type_ids'] = np.array([encs[i].type_ids for i in b], np.int64)
        for k, h in enumerate(session.run(outs, feed)):
            v[b, k] = h.mean(1)
print(f'{name}: {len(inputs)} inputs encoded in {time.time() - t0:.0f} s')
starts = np.cumsum([0] + [len(r) for r in sent_rows])
np.savez(f'{WORK}/{name}.npz', v=v, layers=np.array(layers), sent=np.concatenate(sent_rows), starts=starts,
         pair=np.array(pair_rows))
