package org.mhbench.judge.onnx;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS for smooth unconstrained minimisation, with a backtracking (Armijo) line search.
 * Deterministic: the same objective and start give the same result, bit for bit.
 */
final class Lbfgs {

    /** f(x), writing ∇f(x) into {@code grad}. */
    interface Objective {
        double valueAndGradient(double[] x, double[] grad);
    }

    /** Where it stopped and why. */
    record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private final int history;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    Lbfgs(int history, int maxIterations, double gradientTolerance, double relativeTolerance) {
        this.history = history;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int it = 0;
        while (it < maxIterations) {
            if (norm(g) <= gradientTolerance * Math.max(1, norm(x))) {
                return new Result(x, fx, it, true);
            }
            double[] d = direction(g, pairs);
            double slope = dot(g, d);
            if (slope >= 0) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                pairs.clear();
                d = scale(g, -1);
                slope = dot(g, d);
            }
            double step = it == 0 && pairs.isEmpty() ? Math.min(1, 1 / Math.max(norm(g), 1e-12)) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            it++;
            if (!accepted) {
                return new Result(x, fx, it, false);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-10 * dot(y, y)) {
                pairs.addLast(new double[][] {s, y, {1 / sy}});
                if (pairs.size() > history) {
                    pairs.removeFirst();
                }
            }
            double previous = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (Math.abs(previous - fx) <= relativeTolerance * Math.max(1, Math.abs(fx))) {
                return new Result(x, fx, it, true);
            }
        }
        return new Result(x, fx, it, false);
    }

    /** The two-loop recursion: −H·g. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        int m = pairs.size();
        double[] alpha = new double[m];
        double[][][] p = pairs.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            alpha[k] = p[k][2][0] * dot(p[k][0], q);
            axpy(-alpha[k], p[k][1], q);
        }
        if (m > 0) {
            double[] s = p[m - 1][0];
            double[] y = p[m - 1][1];
            double gamma = dot(s, y) / dot(y, y);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = 0; k < m; k++) {
            double beta = p[k][2][0] * dot(p[k][1], q);
            axpy(alpha[k] - beta, p[k][0], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scale(double[] a, double c) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * c;
        }
        return out;
    }
}
