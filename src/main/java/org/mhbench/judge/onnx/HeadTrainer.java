package org.mhbench.judge.onnx;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits one criterion's column of {@link HeadWeights} by penalised maximum likelihood: multiple-instance
 * logistic regression, where the reply's label is explained by its log-mean-exp-pooled sentence
 * scores plus a score of the (question, reply) pair, optionally with the two labels weighted equally.
 * Features are standardised with the training data's mean and standard deviation (folded back into
 * the weights afterwards); the L2 penalties apply to the standardised weights. Optimised with {@link Lbfgs} from a small seeded random start;
 * single-threaded and deterministic, so the same data, settings and seed give the same weights.
 */
final class HeadTrainer {

    /**
     * @param sentenceL2    L2 penalty of the sentence weights (× 1/n)
     * @param pairL2        L2 penalty of the pair weights (× 1/n)
     * @param temperature   {@code r} of the log-mean-exp pooling
     * @param maxIterations L-BFGS iterations
     * @param balanced      weight each reply by 1/(2 × its label's share), so that both labels weigh the
     *                      same in the loss (most criteria are strongly imbalanced)
     */
    record Settings(double sentenceL2, double pairL2, double temperature, int maxIterations, boolean balanced) {
    }

    /** One criterion's weights in the original feature space. */
    record Column(float[] sentence, float[] pair, float bias, int iterations, boolean converged, double loss) {
    }

    private HeadTrainer() {
    }

    /**
     * @param bags   the replies' features (at least one of each label)
     * @param labels 1 = yes, 0 = no
     */
    static Column fit(List<ReplyFeatures> bags, int[] labels, Settings settings, long seed) {
        return fit(bags, labels, null, settings, seed);
    }

    /**
     * @param scale a weight per reply, multiplied into its (balanced) weight; null: all 1
     */
    static Column fit(List<ReplyFeatures> bags, int[] labels, double[] scale, Settings settings, long seed) {
        int n = bags.size();
        int d = bags.get(0).pair().length;
        int rows = 0;
        for (ReplyFeatures f : bags) {
            rows += f.sentences().length;
        }
        int[] starts = new int[n + 1];
        float[] x = new float[rows * d];
        float[] g = new float[n * d];
        int row = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = row;
            for (float[] s : bags.get(i).sentences()) {
                System.arraycopy(s, 0, x, row * d, d);
                row++;
            }
            System.arraycopy(bags.get(i).pair(), 0, g, i * d, d);
        }
        starts[n] = rows;
        double[][] sStats = standardize(x, rows, d);
        double[][] gStats = standardize(g, n, d);

        double r = settings.temperature();
        double[] y = new double[n];
        double yesShare = 0;
        for (int i = 0; i < n; i++) {
            y[i] = labels[i];
            yesShare += labels[i];
        }
        yesShare /= n;
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = !settings.balanced() ? 1 : y[i] == 1 ? 0.5 / yesShare : 0.5 / (1 - yesShare);
            if (scale != null) {
                weight[i] *= scale[i];
            }
        }
        Lbfgs.Objective objective = (theta, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double loss = 0;
            double[] s = new double[64];
            for (int i = 0; i < n; i++) {
                int m = starts[i + 1] - starts[i];
                if (s.length < m) {
                    s = new double[m];
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    int off = (starts[i] + j) * d;
                    double v = 0;
                    for (int k = 0; k < d; k++) {
                        v += theta[k] * x[off + k];
                    }
                    s[j] = v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    s[j] = Math.exp(r * (s[j] - max));
                    sum += s[j];
                }
                double z = max + (Math.log(sum) - Math.log(m)) / r + theta[2 * d];
                int goff = i * d;
                for (int k = 0; k < d; k++) {
                    z += theta[d + k] * g[goff + k];
                }
                loss += weight[i] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z);
                double dz = weight[i] * (HeadWeights.sigmoid(z) - y[i]) / n;
                for (int j = 0; j < m; j++) {
                    double a = dz * s[j] / sum;
                    int off = (starts[i] + j) * d;
                    for (int k = 0; k < d; k++) {
                        grad[k] += a * x[off + k];
                    }
                }
                for (int k = 0; k < d; k++) {
                    grad[d + k] += dz * g[goff + k];
                }
                grad[2 * d] += dz;
            }
            loss /= n;
            double ls = settings.sentenceL2() / n;
            double lg = settings.pairL2() / n;
            for (int k = 0; k < d; k++) {
                loss += 0.5 * ls * theta[k] * theta[k] + 0.5 * lg * theta[d + k] * theta[d + k];
                grad[k] += ls * theta[k];
                grad[d + k] += lg * theta[d + k];
            }
            return loss;
        };
        double[] start = new double[2 * d + 1];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 2 * d; k++) {
            start[k] = 0.01 * gaussian(random);
        }
        Lbfgs.Result result = new Lbfgs(10, settings.maxIterations(), 1e-6, 1e-10).minimize(objective, start);
        double[] theta = result.x();

        float[] ws = new float[d];
        float[] wg = new float[d];
        double bias = theta[2 * d];
        for (int k = 0; k < d; k++) {
            double a = theta[k] / sStats[1][k];
            double b = theta[d + k] / gStats[1][k];
            ws[k] = (float) a;
            wg[k] = (float) b;
            bias -= a * sStats[0][k] + b * gStats[0][k];
        }
        return new Column(ws, wg, (float) bias, result.iterations(), result.converged(), result.value());
    }

    /** Standardises the rows in place; returns {means, standard deviations}. */
    private static double[][] standardize(float[] m, int rows, int d) {
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += m[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= rows;
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                double c = m[i * d + k] - mean[k];
                sd[k] += c * c;
            }
        }
        for (int k = 0; k < d; k++) {
            sd[k] = Math.sqrt(sd[k] / rows) + 1e-6;
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                m[i * d + k] = (float) ((m[i * d + k] - mean[k]) / sd[k]);
            }
        }
        return new double[][] {mean, sd};
    }

    /** A standard normal draw (Box-Muller), from the seeded generator only. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
