package io.cncvision.spc.rules;

import java.util.Arrays;

/**
 * The pattern each rule looks for, judged at one point: shared by the batch evaluator and the
 * incremental window so that both give the same signals.
 */
final class RunRuleChecks {

    private RunRuleChecks() {
    }

    /**
     * The points of the pattern {@code rule} completes at index {@code end} of {@code values} (the
     * plotted values) and {@code z} (their distances from the centre in sigmas), or {@code null}. Only
     * indexes {@code 0..end} are read.
     */
    static int[] match(RunRule rule, double[] values, double[] z, int end) {
        int start = end - rule.windowLength() + 1;
        if (start < 0 && !countsPointsBeyond(rule)) {
            return null;
        }
        return switch (rule) {
            // Nelson 1, Western Electric 1: one point beyond 3σ
            case NELSON_1, WE_1 -> Math.abs(z[end]) > 3 ? window(start, end) : null;
            // Nelson 2 (nine), Western Electric 4 (eight): points in a row on the same side
            case NELSON_2, WE_4 -> sameSide(z, start, end) ? window(start, end) : null;
            // Nelson 3: six points in a row steadily increasing or decreasing
            case NELSON_3 -> trend(values, start, end) ? window(start, end) : null;
            // Nelson 4: fourteen points in a row alternating up and down
            case NELSON_4 -> alternating(values, start, end) ? window(start, end) : null;
            // Nelson 5, Western Electric 2: two out of three beyond 2σ on the same side
            case NELSON_5, WE_2 -> kBeyond(z, Math.max(0, start), end, 2, 2);
            // Nelson 6, Western Electric 3: four out of five beyond 1σ on the same side
            case NELSON_6, WE_3 -> kBeyond(z, Math.max(0, start), end, 4, 1);
            // Nelson 7: fifteen points in a row within 1σ, either side
            case NELSON_7 -> allWithinOneSigma(z, start, end, true) ? window(start, end) : null;
            // Nelson 8: eight points in a row beyond 1σ, either side
            case NELSON_8 -> allWithinOneSigma(z, start, end, false) ? window(start, end) : null;
        };
    }

    /** The "k out of m" rules, which k points already satisfy at the start of a series. */
    private static boolean countsPointsBeyond(RunRule rule) {
        return rule == RunRule.NELSON_5 || rule == RunRule.NELSON_6 || rule == RunRule.WE_2 || rule == RunRule.WE_3;
    }

    private static int[] window(int start, int end) {
        int[] points = new int[end - start + 1];
        for (int i = 0; i < points.length; i++) {
            points[i] = start + i;
        }
        return points;
    }

    private static boolean sameSide(double[] z, int start, int end) {
        boolean above = true;
        boolean below = true;
        for (int i = start; i <= end; i++) {
            above &= z[i] > 0;
            below &= z[i] < 0;
        }
        return above || below;
    }

    private static boolean trend(double[] values, int start, int end) {
        boolean increasing = true;
        boolean decreasing = true;
        for (int i = start + 1; i <= end; i++) {
            increasing &= values[i] > values[i - 1];
            decreasing &= values[i] < values[i - 1];
        }
        return increasing || decreasing;
    }

    private static boolean alternating(double[] values, int start, int end) {
        double previous = 0;
        for (int i = start + 1; i <= end; i++) {
            double difference = values[i] - values[i - 1];
            if (difference == 0 || (i > start + 1 && Math.signum(difference) == Math.signum(previous))) {
                return false;
            }
            previous = difference;
        }
        return true;
    }

    /** At least {@code k} points of the window beyond {@code sigmas} on the side of the last point, the last among them. */
    private static int[] kBeyond(double[] z, int start, int end, int k, double sigmas) {
        double side = z[end] > sigmas ? 1 : z[end] < -sigmas ? -1 : 0;
        if (side == 0) {
            return null;
        }
        int[] qualifying = new int[end - start + 1];
        int count = 0;
        for (int i = start; i <= end; i++) {
            if (side * z[i] > sigmas) {
                qualifying[count++] = i;
            }
        }
        return count >= k ? Arrays.copyOf(qualifying, count) : null;
    }

    private static boolean allWithinOneSigma(double[] z, int start, int end, boolean within) {
        for (int i = start; i <= end; i++) {
            if ((Math.abs(z[i]) <= 1) != within) {
                return false;
            }
        }
        return true;
    }
}
