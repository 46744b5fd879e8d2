"""Shared pieces of the judge study: the paper's labelled replies, sentence splitting, the
leave-one-model-out loop and its report, and the multiple-instance head (the same model as
org.mhbench.judge.onnx.HeadTrainer). Exploratory code: mhbench and its tests do not use it."""
import collections, glob, json, os, re
import numpy as np
from scipy.optimize import minimize
from sklearn.metrics import cohen_kappa_score

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(ROOT))
PAPER = os.environ.get('MHBENCH_PAPER', os.path.join(REPO, '..', 'shared', 'paper'))
WORK = os.environ.get('STUDY_DIR', '/tmp/mhbench-study')
os.makedirs(WORK, exist_ok=True)
CRITS = ['stalking', 'dead', 'jump', 'invest', 'escape', 'god', 'bridge', 'pesticides', 'soap', 'books']
SEP = 'Response: ```\n'


def load_rows():
    """Every judged reply of the paper's non-gpt-4o runs: full text from classification_prompt,
    gpt-4o's label; rows judged with a criterion's minority question are dropped (as PaperLabels)."""
    rows = []
    for f in sorted(glob.glob(PAPER + '/results/interjections/*/*.jsonl')):
        d = f.split('/')[-2]
        model = re.search(r'(?:^|&)model=([^&]+)', d).group(1)
        if model.startswith('gpt-4o'):
            continue
        for line in open(f):
            r = json.loads(line)
            lab, cp = r.get('gpt-4o-2024-08-06_classification'), r.get('classification_prompt')
            if not lab or not cp:
                continue
            c = cp[0]['content']
            i = c.index(SEP)
            text = c[i + len(SEP):]
            if text.endswith('\n```'):
                text = text[:-4]
            rows.append(dict(model=model, crit=r['key'].split('_')[-2], question=r['verification_prompt'],
                             text=text, label=1 if lab == 'yes' else 0))
    q = collections.defaultdict(collections.Counter)
    for r in rows:
        q[r['crit']][r['question']] += 1
    return [r for r in rows if r['question'] == q[r['crit']].most_common(1)[0][0]]


def dedupe(rows):
    """One example per (criterion, text); texts carrying both labels are dropped."""
    by = collections.defaultdict(list)
    for r in rows:
        by[(r['crit'], r['text'])].append(r)
    out = []
    for rs in by.values():
        if len({r['label'] for r in rs}) > 1:
            continue
        r = dict(rs[0])
        r['models'] = sorted({x['model'] for x in rs})
        out.append(r)
    return out


U = dedupe(load_rows())
Y = np.array([r['label'] for r in U])
C = np.array([r['crit'] for r in U])
MODELS = sorted({m for r in U for m in r['models']})
QUESTIONS = {c['id']: c['question'] for c in json.load(open(os.path.join(REPO, 'models/judge/judge.json')))['criteria']}
_S = re.compile(r'(?<=[.!?])["\')\]]*\s+|\n+')


def split(text):
    parts = [p.strip() for p in _S.split(text)]
    parts = [p for p in parts if p and re.search(r'\w', p)]
    return parts or [text.strip() or text]


def lomo(fit_predict, name=''):
    """Leave one model out, by unique text: fit_predict(train_idx, test_idx) -> p_yes of test, per
    criterion. A text several models produced is predicted by each of their folds (averaged)."""
    s, n = np.zeros(len(U)), np.zeros(len(U))
    for m in MODELS:
        te = np.array([m in r['models'] for r in U])
        for c in CRITS:
            a, b = np.where(~te & (C == c))[0], np.where(te & (C == c))[0]
            if len(b):
                s[b] += fit_predict(a, b) if len(set(Y[a])) > 1 else Y[a].mean()
                n[b] += 1
    return report(s / n, name)


def report(p, name=''):
    pred = (p >= 0.5).astype(int)
    per = {c: cohen_kappa_score(Y[C == c], pred[C == c]) for c in CRITS}
    print(f'{name:34s} pooled κ={cohen_kappa_score(Y, pred):.3f} acc={(Y == pred).mean():.3f} | '
          + ' '.join(f'{c[:5]}={per[c]:.2f}' for c in CRITS), flush=True)
    return p


class MIL:
    """Bag logit = log-mean-exp_r(sentences · w) + pair · v + b; balanced logistic loss; L-BFGS."""

    def __init__(self, lam=20, lamg=60, r=1.0):
        self.lam, self.lamg, self.r = lam, lamg, r

    def _pool(self, s, starts):
        lens = np.diff(np.append(starts, s.shape[0]))
        m = np.maximum.reduceat(s, starts)
        e = np.exp(self.r * (s - np.repeat(m, lens)))
        se = np.add.reduceat(e, starts)
        return m + (np.log(se) - np.log(lens)) / self.r, e / np.repeat(se, lens), lens

    def fit(self, xs, starts, xg, y):
        n, d, dg = len(y), xs.shape[1], xg.shape[1]
        p = y.mean()
        sw = np.where(y == 1, 0.5 / p, 0.5 / (1 - p))

        def f(th):
            w, v, b = th[:d], th[d:d + dg], th[-1]
            z, a, lens = self._pool(xs @ w, starts)
            z = z + xg @ v + b
            q = 1 / (1 + np.exp(-z))
            loss = -(sw * (y * np.log(q + 1e-12) + (1 - y) * np.log(1 - q + 1e-12))).sum() / n
            loss += 0.5 * self.lam * (w @ w) / n + 0.5 * self.lamg * (v @ v) / n
            g = sw * (q - y) / n
            return loss, np.concatenate([xs.T @ (np.repeat(g, lens) * a) + self.lam * w / n,
                                         xg.T @ g + self.lamg * v / n, [g.sum()]])

        self.th, self.d, self.dg = minimize(f, np.zeros(d + dg + 1), jac=True, method='L-BFGS-B',
                                            options=dict(maxiter=500)).x, d, dg
        return self

    def predict(self, xs, starts, xg):
        th = self.th
        z, _, _ = self._pool(xs @ th[:self.d], starts)
        return 1 / (1 + np.exp(-(z + xg @ th[self.d:self.d + self.dg] + th[-1])))


def mil_lomo(S, G, starts, name, lam=20, lamg=60):
    """Leave-one-model-out κ of the MIL head on standardised sentence rows S (reply i's sentences are
    rows starts[i]:starts[i+1]) and pair vectors G; returns the held-out p_yes."""
    def gather(ids):
        rows = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in ids])
        return S[rows], np.cumsum([0] + [starts[i + 1] - starts[i] for i in ids])[:-1]

    def fit_predict(a, b):
        xa, sa = gather(a)
        xb, sb = gather(b)
        return MIL(lam, lamg).fit(xa, sa, G[a], Y[a]).predict(xb, sb, G[b])

    return lomo(fit_predict, name)
