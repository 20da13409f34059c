package org.rnnbench.reports.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * The special functions behind the normal and Student-t distributions: log-gamma (Stirling's series after shifting
 * the argument above 10), the regularized incomplete gamma P(a, x) (power series below x = a + 1, Legendre's
 * continued fraction above) and the regularized incomplete beta I_x(a, b) (its continued fraction, evaluated with
 * the modified Lentz method, on the side of x where it converges fast). Accurate to about 1e-12.
 */
final class SpecialFunctions {
    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 10_000;

    private SpecialFunctions() {
    }

    /** ln Gamma(x) for x &gt; 0. */
    static double lnGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("ln Gamma needs x > 0, got " + x);
        }
        double shift = 0;
        while (x < 10) {
            shift += Math.log(x);
            x += 1;
        }
        double x2 = x * x;
        double series = 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x * x2 * x2) - 1 / (1680 * x * x2 * x2 * x2);
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
    }

    /** The regularized lower incomplete gamma function P(a, x) for a &gt; 0, x &gt;= 0. */
    static double gammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefix = a * Math.log(x) - x - lnGamma(a);
        if (x < a + 1) {
            // P = x^a e^-x / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n))
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < MAX_TERMS; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            return sum * Math.exp(logPrefix);
        }
        // Q = x^a e^-x / Gamma(a) * 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...))), by modified Lentz
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int n = 1; n < MAX_TERMS; n++) {
            double an = -n * (n - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return 1 - Math.exp(logPrefix) * h;
    }

    /** The regularized incomplete beta function I_x(a, b) for a, b &gt; 0 and x in [0, 1]. */
    static double betaI(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double logPrefix = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - Math.exp(logPrefix) * betaFraction(1 - x, b, a) / b;
        }
        return Math.exp(logPrefix) * betaFraction(x, a, b) / a;
    }

    /**
     * The continued fraction of I_x(a, b): 1/(1+ d1/(1+ d2/(1+ ...))) with d_2m = m(b-m)x / ((a+2m-1)(a+2m)) and
     * d_2m+1 = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)), by modified Lentz.
     */
    private static double betaFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int n = 2; n < 2 * MAX_TERMS; n++) {
            int m = n / 2;
            double coefficient = n % 2 == 0 ? m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
                : -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + coefficient * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + coefficient / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (n % 2 == 1 && Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** The x in [lo, hi] where the increasing function {@code f} reaches {@code p}, by bisection. */
    static double invert(DoubleUnaryOperator f, double p, double lo, double hi) {
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
