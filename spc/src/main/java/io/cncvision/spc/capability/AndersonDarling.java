package io.cncvision.spc.capability;

import io.cncvision.spc.distribution.Distributions;
import java.util.Arrays;

/** The Anderson-Darling normality test, case 3 of Stephens (both parameters estimated). */
public final class AndersonDarling {

    /** The fewest values for which the corrected statistic and its p-value are tabulated. */
    public static final int MIN_VALUES = 8;

    private AndersonDarling() {
    }

    /** Tests {@code values} (at least {@value #MIN_VALUES}, not all equal) for normality. */
    public static Normality test(double[] values) {
        int n = values.length;
        if (n < MIN_VALUES) {
            throw new IllegalArgumentException(
                    "the Anderson-Darling test needs at least " + MIN_VALUES + " values, got " + n);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double mean = Samples.mean(x);
        double sd = Samples.standardDeviation(x, mean);
        if (!(sd > 0)) {
            throw new IllegalArgumentException("the Anderson-Darling test needs values that are not all equal");
        }
        // A² = -n - (1/n) Σ (2i-1) [ln Φ(z_i) + ln(1 - Φ(z_{n+1-i}))], with 1 - Φ(z) taken as Φ(-z)
        // so that neither tail loses its digits.
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double low = Distributions.normalCdf((x[i] - mean) / sd);
            double high = Distributions.normalCdf(-(x[n - 1 - i] - mean) / sd);
            sum += (2.0 * i + 1) * (Math.log(low) + Math.log(high));
        }
        double a2 = -n - sum / n;
        double a2Star = a2 * (1 + 0.75 / n + 2.25 / ((double) n * n));
        return new Normality(a2, a2Star, pValue(a2Star));
    }

    /** D'Agostino and Stephens (1986), Goodness-of-Fit Techniques, table 4.9: p-value of A*². */
    public static double pValue(double a2Star) {
        double a = a2Star;
        double p;
        if (a < 0.2) {
            p = 1 - Math.exp(-13.436 + 101.14 * a - 223.73 * a * a);
        } else if (a < 0.34) {
            p = 1 - Math.exp(-8.318 + 42.796 * a - 59.938 * a * a);
        } else if (a < 0.6) {
            p = Math.exp(0.9177 - 4.279 * a - 1.38 * a * a);
        } else if (a < 153.467) {
            p = Math.exp(1.2937 - 5.709 * a + 0.0186 * a * a);
        } else {
            // past its minimum (A*² = 5.709 / 0.0372) the fitted quadratic turns upward again
            p = 0;
        }
        return Math.min(1, Math.max(0, p));
    }
}
