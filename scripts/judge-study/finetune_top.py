"""Fine-tunes the top K layers of e5-small-v2 (fp32) as a cross-encoder of (question, reply), with one
logistic output per criterion, and reports leave-one-model-out κ. The lower layers stay frozen: their
output is computed once by ONNX Runtime and cached, the top layers are re-implemented in JAX from the
ONNX file's weights (checked against ONNX Runtime's output before training).
With WARM=1 in the environment, each fold's head starts from a balanced logistic regression (L2 60)
fitted on the frozen pooled vectors, and its learning rate drops to 1e-4; EPOCHS=0 then reproduces the
frozen (question, reply) pair head, a check of the set-up.
usage: finetune_top.py E5_FP32.onnx TOKENIZER.json K EPOCHS LR"""
import os, sys, time
import numpy as np, onnx, onnxruntime as ort, jax, jax.numpy as jnp
from onnx import numpy_helper
from tokenizers import Tokenizer
from common import U, Y, C, CRITS, MODELS, QUESTIONS, report

model_path, tok_path, K, EPOCHS, LR = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
WARM = os.environ.get('WARM') == '1'
HEAD_LR = 1e-4 if WARM else 1e-3
m = onnx.load(model_path)
cut = f'/encoder/layer.{11 - K}/output/LayerNorm/Add_1_output_0'
m.graph.output.append(onnx.helper.make_tensor_value_info(cut, onnx.TensorProto.FLOAT, None))
so = ort.SessionOptions()
so.intra_op_num_threads = 2
session = ort.InferenceSession(m.SerializeToString(), so)
tok = Tokenizer.from_file(tok_path)
tok.enable_truncation(320)
H, check = [], []
for i, r in enumerate(U):
    e = tok.encode('query: ' + QUESTIONS[r['crit']], 'passage: ' + r['text'])
    ids = np.array([e.ids])
    h, last = session.run([cut, 'last_hidden_state'], {'input_ids': ids, 'attention_mask': np.ones_like(ids),
                                                        'token_type_ids': np.array([e.type_ids])})
    H.append(h[0].astype(np.float16))
    if i < 3:
        check.append(last[0])
cix = np.array([CRITS.index(c) for c in C])
y = Y.astype(np.float32)
init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
node = {n.name: n for n in m.graph.node}


def layer_params(L):
    p, q = f'/encoder/layer.{L}/', f'encoder.layer.{L}.'
    w = lambda name: jnp.array(init[node[p + name].input[1]])
    b = lambda name: jnp.array(init[q + name])
    return dict(q=w('attention/self/query/MatMul'), bq=b('attention.self.query.bias'),
                k=w('attention/self/key/MatMul'), bk=b('attention.self.key.bias'),
                v=w('attention/self/value/MatMul'), bv=b('attention.self.value.bias'),
                o=w('attention/output/dense/MatMul'), bo=b('attention.output.dense.bias'),
                g1=b('attention.output.LayerNorm.weight'), b1=b('attention.output.LayerNorm.bias'),
                f1=w('intermediate/dense/MatMul'), bf1=b('intermediate.dense.bias'),
                f2=w('output/dense/MatMul'), bf2=b('output.dense.bias'),
                g2=b('output.LayerNorm.weight'), b2=b('output.LayerNorm.bias'))


def ln(x, g, b):
    mu = x.mean(-1, keepdims=True)
    return (x - mu) / jnp.sqrt(((x - mu) ** 2).mean(-1, keepdims=True) + 1e-12) * g + b


def layer(p, x, mask):
    B, T, _ = x.shape
    heads = lambda z: z.reshape(B, T, 12, 32).transpose(0, 2, 1, 3)
    q, k, v = heads(x @ p['q'] + p['bq']), heads(x @ p['k'] + p['bk']), heads(x @ p['v'] + p['bv'])
    a = jax.nn.softmax(q @ k.transpose(0, 1, 3, 2) / np.sqrt(32.0) + (1.0 - mask)[:, None, None, :] * -1e4, -1)
    x = ln((a @ v).transpose(0, 2, 1, 3).reshape(B, T, 384) @ p['o'] + p['bo'] + x, p['g1'], p['b1'])
    f = jax.nn.gelu(x @ p['f1'] + p['bf1'], approximate=False) @ p['f2'] + p['bf2']
    return ln(f + x, p['g2'], p['b2'])


def pooled(params, x, mask):
    for p in params['layers']:
        x = layer(p, x, mask)
    return (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)


def forward(params, x, mask):
    return pooled(params, x, mask) @ params['W'] + params['b']


def fresh():
    return dict(layers=[layer_params(L) for L in range(12 - K, 12)], W=jnp.zeros((384, 10)), b=jnp.zeros(10))


p0 = fresh()
for i in range(3):
    z = jnp.array(H[i].astype(np.float32))[None]
    for p in p0['layers']:
        z = layer(p, z, jnp.ones((1, z.shape[1])))
    print('top layers vs ONNX Runtime, max |diff|:', float(jnp.abs(z[0] - check[i]).max()))


def loss(params, x, mask, ci, yy, w):
    z = jnp.take_along_axis(forward(params, x, mask), ci[:, None], 1)[:, 0]
    return ((jnp.maximum(z, 0) - z * yy + jnp.log1p(jnp.exp(-jnp.abs(z)))) * w).sum() / w.sum()


step = jax.jit(jax.value_and_grad(loss))
predict_logits = jax.jit(forward)
pool_fn = jax.jit(pooled)


def batches(idx, bs, rng):
    idx = np.array(idx)
    lens = np.array([len(H[i]) for i in idx])
    order = idx[np.argsort(lens + (rng.uniform(0, 20, len(idx)) if rng is not None else 0))]
    bl = [order[i:i + bs] for i in range(0, len(order), bs)]
    if rng is not None:
        rng.shuffle(bl)
    for b in bl:
        T = int(np.ceil(max(len(H[i]) for i in b) / 32) * 32)
        x, mk = np.zeros((len(b), T, 384), np.float32), np.zeros((len(b), T), np.float32)
        for j, i in enumerate(b):
            x[j, :len(H[i])], mk[j, :len(H[i])] = H[i], 1
        yield b, jnp.array(x), jnp.array(mk)


def warm_head(params, tr):
    """Each criterion's column from a balanced, L2-penalised logistic regression on the frozen vectors."""
    from scipy.optimize import minimize
    z = np.zeros((len(y), 384), np.float32)
    for b, x, mk in batches(tr, 32, None):
        z[b] = np.array(pool_fn(params, x, mk))
    W, bias = np.zeros((384, 10), np.float32), np.zeros(10, np.float32)
    for c in range(10):
        ii = np.array([i for i in tr if cix[i] == c])
        yy = y[ii]
        if len(set(yy)) < 2:
            continue
        mu, sd = z[ii].mean(0), z[ii].std(0) + 1e-6
        xs = (z[ii] - mu) / sd
        w = np.where(yy == 1, 0.5 / yy.mean(), 0.5 / (1 - yy.mean()))
        n = len(ii)

        def f(th):
            s_ = xs @ th[:-1] + th[-1]
            q = 1 / (1 + np.exp(-s_))
            g = w * (q - yy) / n
            return ((w * (np.logaddexp(0, s_) - yy * s_)).sum() / n + 30 * th[:-1] @ th[:-1] / n,
                    np.append(xs.T @ g + 60 * th[:-1] / n, g.sum()))
        th = minimize(f, np.zeros(385), jac=True, method='L-BFGS-B', options=dict(maxiter=500)).x
        W[:, c] = th[:-1] / sd
        bias[c] = th[-1] - (th[:-1] / sd) @ mu
    return dict(params, W=jnp.array(W), b=jnp.array(bias))


def train(tr, seed=0):
    rng = np.random.default_rng(seed)
    params = fresh()
    if WARM:
        params = warm_head(params, tr)
    mom = jax.tree_util.tree_map(jnp.zeros_like, params)
    vel = jax.tree_util.tree_map(jnp.zeros_like, params)
    w = np.zeros(len(y), np.float32)
    for c in range(10):
        ii = [i for i in tr if cix[i] == c]
        share = y[ii].mean()
        w[ii] = np.where(y[ii] == 1, 0.5 / share, 0.5 / (1 - share))
    steps, t = max(1, EPOCHS * int(np.ceil(len(tr) / 16))), 0
    for _ in range(EPOCHS):
        for b, x, mk in batches(tr, 16, rng):
            t += 1
            sched = min(1.0, t / (0.1 * steps)) * (1 - t / steps)   # warm-up, then linear decay
            _, g = step(params, x, mk, jnp.array(cix[b]), jnp.array(y[b]), jnp.array(w[b]))
            mom = jax.tree_util.tree_map(lambda a, gg: 0.9 * a + 0.1 * gg, mom, g)
            vel = jax.tree_util.tree_map(lambda a, gg: 0.999 * a + 0.001 * gg * gg, vel, g)

            def update(path, p, mm, vv):
                lr = (HEAD_LR if path[0].key in ('W', 'b') else LR) * sched
                return p - lr * ((mm / (1 - 0.9 ** t)) / (jnp.sqrt(vv / (1 - 0.999 ** t)) + 1e-8) + 0.01 * p)
            params = jax.tree_util.tree_map_with_path(update, params, mom, vel)
    return params


s, n, t0 = np.zeros(len(U)), np.zeros(len(U)), time.time()
for model in MODELS:
    te = [i for i, r in enumerate(U) if model in r['models']]
    params = train([i for i, r in enumerate(U) if model not in r['models']])
    for b, x, mk in batches(te, 32, None):
        lg = np.array(predict_logits(params, x, mk))
        for j, i in enumerate(b):
            s[i] += 1 / (1 + np.exp(-lg[j, cix[i]]))
            n[i] += 1
    print(f'{model}: {time.time() - t0:.0f} s', flush=True)
report(s / n, f'fine-tuned top {K} layers, {EPOCHS} epochs, lr {LR:g}' + (', warm head' if WARM else ''))
