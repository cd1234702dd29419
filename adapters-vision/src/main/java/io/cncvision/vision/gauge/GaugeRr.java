package io.cncvision.vision.gauge;

/**
 * Crossed gauge repeatability and reproducibility study by the ANOVA method of AIAG MSA (4th ed.,
 * chapter III): every part measured by every operator (here: measuring condition) several times.
 * Variance components from the two-way ANOVA with interaction; a negative estimate is taken as zero,
 * as AIAG does. Results are standard deviations, in the unit of the measurements.
 *
 * @param repeatability      equipment variation (EV), within-cell spread
 * @param reproducibility    appraiser variation (AV) including the part-by-operator interaction
 * @param grr                the gauge, {@code sqrt(EV^2 + AV^2)}
 * @param partVariation      PV
 * @param totalVariation     TV, {@code sqrt(GRR^2 + PV^2)}
 * @param percentOfTolerance {@code 100 * 6 GRR / tolerance}; NaN without a tolerance
 */
public record GaugeRr(double repeatability, double reproducibility, double grr, double partVariation,
                      double totalVariation, double percentOfTolerance) {

    /** {@code 100 * GRR / TV}, the %GRR of the study variation. */
    public double percentOfTotalVariation() {
        return 100 * grr / totalVariation;
    }

    /** Number of distinct categories, {@code 1.41 PV / GRR}, truncated as AIAG does. */
    public int distinctCategories() {
        return grr == 0 ? Integer.MAX_VALUE : (int) Math.floor(1.41 * partVariation / grr);
    }

    /**
     * The study of {@code x[part][operator][trial]} (at least 2 parts, 2 operators, 2 trials, all cells
     * full), against {@code tolerance} (upper minus lower specification limit; NaN for none).
     */
    public static GaugeRr anova(double[][][] x, double tolerance) {
        int p = x.length;
        int o = x[0].length;
        int t = x[0][0].length;
        if (p < 2 || o < 2 || t < 2) {
            throw new IllegalArgumentException("a crossed study needs at least 2 parts, 2 operators and 2 trials");
        }
        double grand = 0;
        double[] partMean = new double[p];
        double[] operatorMean = new double[o];
        double[][] cellMean = new double[p][o];
        for (int i = 0; i < p; i++) {
            if (x[i].length != o) {
                throw new IllegalArgumentException("part " + i + " lacks operators");
            }
            for (int j = 0; j < o; j++) {
                if (x[i][j].length != t) {
                    throw new IllegalArgumentException("part " + i + ", operator " + j + " lacks trials");
                }
                for (int k = 0; k < t; k++) {
                    cellMean[i][j] += x[i][j][k] / t;
                }
                partMean[i] += cellMean[i][j] / o;
                operatorMean[j] += cellMean[i][j] / p;
                grand += cellMean[i][j] / (p * o);
            }
        }
        double ssPart = 0;
        for (double m : partMean) {
            ssPart += o * t * (m - grand) * (m - grand);
        }
        double ssOperator = 0;
        for (double m : operatorMean) {
            ssOperator += p * t * (m - grand) * (m - grand);
        }
        double ssInteraction = 0;
        double ssError = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < o; j++) {
                double d = cellMean[i][j] - partMean[i] - operatorMean[j] + grand;
                ssInteraction += t * d * d;
                for (int k = 0; k < t; k++) {
                    ssError += (x[i][j][k] - cellMean[i][j]) * (x[i][j][k] - cellMean[i][j]);
                }
            }
        }
        double msPart = ssPart / (p - 1);
        double msOperator = ssOperator / (o - 1);
        double msInteraction = ssInteraction / ((p - 1) * (o - 1));
        double msError = ssError / (p * o * (t - 1));
        double repeatability = msError;
        double interaction = Math.max(0, (msInteraction - msError) / t);
        double operator = Math.max(0, (msOperator - msInteraction) / (p * t));
        double part = Math.max(0, (msPart - msInteraction) / (o * t));
        double grr = repeatability + operator + interaction;
        return new GaugeRr(Math.sqrt(repeatability), Math.sqrt(operator + interaction), Math.sqrt(grr),
                Math.sqrt(part), Math.sqrt(grr + part), 100 * 6 * Math.sqrt(grr) / tolerance);
    }
}
