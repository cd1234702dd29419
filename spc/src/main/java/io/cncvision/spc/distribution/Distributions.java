package io.cncvision.spc.distribution;

/**
 * The standard normal and chi-square distributions, log-gamma and the regularized incomplete gamma
 * function, in double precision (no approximation coarser than about 1e-14). The one home for them:
 * control chart constants and capability both use these.
 */
public final class Distributions {

    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;

    // Lanczos approximation as given in Numerical Recipes, 3rd ed., section 6.1 (gammln), error < 1e-15.
    private static final double[] LANCZOS = {
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        .339946499848118887e-4, .465236289270485756e-4, -.983744753048795646e-4,
        .158088703224912494e-3, -.210264441724104883e-3, .217439618115212643e-3,
        -.164318106536763890e-3, .844182239838527433e-4, -.261908384015814087e-4,
        .368991826595316234e-5};

    // Acklam's rational approximation to the normal quantile (relative error < 1.15e-9), polished
    // below with Halley steps against the exact CDF.
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02,
        -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02,
        -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01,
        -2.400758277161838e+00, -2.549671032788341e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01,
        2.445134137142996e+00, 3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private Distributions() {
    }

    /** ln Γ(x) for finite x > 0. */
    public static double logGamma(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("logGamma needs a finite x > 0, got " + x);
        }
        double y = x;
        double tmp = x + 5.24218750000000000;
        tmp = (x + 0.5) * Math.log(tmp) - tmp;
        double series = 0.999999999999997092;
        for (double c : LANCZOS) {
            series += c / ++y;
        }
        return tmp + Math.log(2.5066282746310005 * series / x);
    }

    /** The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a). */
    public static double regularizedGammaP(double a, double x) {
        checkGammaArguments(a, x);
        if (x == 0) {
            return 0;
        }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
    }

    /** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), accurate in the tail. */
    public static double regularizedGammaQ(double a, double x) {
        checkGammaArguments(a, x);
        if (x == 0) {
            return 1;
        }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
    }

    /** Standard normal density φ(x). */
    public static double normalDensity(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Standard normal cumulative distribution Φ(x) = P(Z ≤ x). */
    public static double normalCdf(double x) {
        return normalUpperTail(-x);
    }

    /**
     * The standard normal upper tail Q(x) = P(Z > x) = 1 - Φ(x), via erfc(t) = Q(1/2, t²) so that the
     * tail keeps its relative precision instead of cancelling in 1 - Φ(x).
     */
    public static double normalUpperTail(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Math.abs(x) > 40) {
            // Q(40) is below the smallest double; this also keeps x * x / 2 from overflowing.
            return x > 0 ? 0 : 1;
        }
        double tail = 0.5 * regularizedGammaQ(0.5, x * x / 2);
        return x > 0 ? tail : 1 - tail;
    }

    /** The standard normal quantile z with Φ(z) = p, for 0 < p < 1. */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a normal quantile needs 0 < p < 1, got " + p);
        }
        double x;
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = tailApproximation(q);
        } else if (p <= 1 - P_LOW) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            x = -tailApproximation(q);
        }
        // Halley refinement; the error is taken on the tail nearer to p to keep its digits.
        for (int i = 0; i < 2; i++) {
            double e = p < 0.5 ? normalCdf(x) - p : (1 - p) - normalCdf(-x);
            double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
            x = x - u / (1 + x * u / 2);
        }
        return x;
    }

    /** The chi-square quantile x with P(χ²_ν ≤ x) = p, for ν > 0 and 0 < p < 1. */
    public static double chiSquareQuantile(double p, double degreesOfFreedom) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a chi-square quantile needs 0 < p < 1, got " + p);
        }
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new IllegalArgumentException(
                    "a chi-square quantile needs finite degrees of freedom > 0, got " + degreesOfFreedom);
        }
        double a = degreesOfFreedom / 2;
        // Wilson-Hilferty only as the starting point; Newton steps on the exact CDF, kept inside a
        // bracket that bisection narrows whenever a step would leave it.
        double h = 2 / (9 * degreesOfFreedom);
        double start = degreesOfFreedom * Math.pow(1 - h + normalQuantile(p) * Math.sqrt(h), 3);
        double lo = 0;
        double hi = Math.max(1, 2 * degreesOfFreedom);
        while (chiSquareError(hi, a, p) < 0) {
            lo = hi;
            hi *= 2;
        }
        double x = start > lo && start < hi ? start : (lo + hi) / 2;
        double logNorm = a * Math.log(2) + logGamma(a);
        for (int i = 0; i < 500; i++) {
            double error = chiSquareError(x, a, p);
            if (error == 0) {
                return x;
            }
            if (error < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double density = Math.exp((a - 1) * Math.log(x) - x / 2 - logNorm);
            double next = x - error / density;
            if (!(next > lo && next < hi)) {
                next = (lo + hi) / 2;
            }
            if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 1e-15 * x) {
                return next;
            }
            x = next;
        }
        return x;
    }

    private static double chiSquareError(double x, double a, double p) {
        return p <= 0.5 ? regularizedGammaP(a, x / 2) - p : (1 - p) - regularizedGammaQ(a, x / 2);
    }

    private static double tailApproximation(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }

    private static void checkGammaArguments(double a, double x) {
        if (!(a > 0) || !(x >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("the incomplete gamma function needs a > 0 and x >= 0, got a="
                    + a + ", x=" + x);
        }
    }

    private static double prefactor(double a, double x) {
        return Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    // Numerical Recipes 3rd ed. 6.2: the series for P, used where x < a + 1.
    private static double gammaSeries(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            ap++;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * prefactor(a, x);
    }

    // Numerical Recipes 3rd ed. 6.2: Lentz's continued fraction for Q, used where x >= a + 1.
    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return prefactor(a, x) * h;
    }
}
