package io.cncvision.spc.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Shewhart charts of counts (Montgomery ch. 7): p and np for defectives, c and u for defects. Lower
 * limits are floored at 0 and p's upper limit capped at 1. p and u take varying sizes and give each
 * point its own limits; np and c plot raw counts, so they refuse varying sizes.
 */
public final class AttributeCharts {

    private AttributeCharts() {
    }

    /** Fraction nonconforming: p-bar = sum D / sum n over phase I; limits p-bar +- 3 sqrt(p-bar(1-p-bar)/n_i). */
    public static ChartResult p(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "p");
        requireCountWithinSize(samples, "p");
        double defectives = 0;
        double inspected = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defectives += sample.count();
            inspected += sample.size();
        }
        double pBar = defectives / inspected;
        double averageSize = inspected / phase1;
        List<ChartPoint> points = new ArrayList<>();
        for (AttributeSample sample : samples) {
            double halfWidth = 3 * Math.sqrt(pBar * (1 - pBar) / sample.size());
            points.add(new ChartPoint(sample.label(), sample.count() / sample.size(), pBar,
                    Math.max(0, pBar - halfWidth), Math.min(1, pBar + halfWidth)));
        }
        double sigma = Math.sqrt(pBar * (1 - pBar) / averageSize);
        return new ChartResult("p", samples.size(), phase1, pBar, Math.max(0, pBar - 3 * sigma),
                Math.min(1, pBar + 3 * sigma), sigma, null, points);
    }

    /** Number nonconforming, constant size n: n p-bar +- 3 sqrt(n p-bar (1 - p-bar)). */
    public static ChartResult np(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "np");
        requireCountWithinSize(samples, "np");
        double n = constantSize(samples, "np", "p");
        double defectives = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defectives += sample.count();
        }
        double pBar = defectives / (n * phase1);
        double center = n * pBar;
        double sigma = Math.sqrt(n * pBar * (1 - pBar));
        return counts("np", samples, phase1, center, sigma);
    }

    /** Defects per inspection unit of constant size: c-bar +- 3 sqrt(c-bar). */
    public static ChartResult c(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "c");
        constantSize(samples, "c", "u");
        double defects = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defects += sample.count();
        }
        double cBar = defects / phase1;
        return counts("c", samples, phase1, cBar, Math.sqrt(cBar));
    }

    /** Defects per unit: u-bar = sum c / sum n over phase I; limits u-bar +- 3 sqrt(u-bar/n_i). */
    public static ChartResult u(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "u");
        double defects = 0;
        double units = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defects += sample.count();
            units += sample.size();
        }
        double uBar = defects / units;
        double averageSize = units / phase1;
        List<ChartPoint> points = new ArrayList<>();
        for (AttributeSample sample : samples) {
            double halfWidth = 3 * Math.sqrt(uBar / sample.size());
            points.add(new ChartPoint(sample.label(), sample.count() / sample.size(), uBar,
                    Math.max(0, uBar - halfWidth), uBar + halfWidth));
        }
        double sigma = Math.sqrt(uBar / averageSize);
        return new ChartResult("u", samples.size(), phase1, uBar, Math.max(0, uBar - 3 * sigma), uBar + 3 * sigma,
                sigma, null, points);
    }

    private static ChartResult counts(String chart, List<AttributeSample> samples, int phase1, double center,
            double sigma) {
        double lcl = Math.max(0, center - 3 * sigma);
        double ucl = center + 3 * sigma;
        List<ChartPoint> points = new ArrayList<>();
        for (AttributeSample sample : samples) {
            points.add(new ChartPoint(sample.label(), sample.count(), center, lcl, ucl));
        }
        return new ChartResult(chart, samples.size(), phase1, center, lcl, ucl, sigma, null, points);
    }

    private static double constantSize(List<AttributeSample> samples, String chart, String alternative) {
        double size = samples.get(0).size();
        for (AttributeSample sample : samples) {
            if (sample.size() != size) {
                throw new IllegalArgumentException(chart + " chart needs a constant sample size: subgroup "
                        + sample.label() + " has size " + sample.size() + ", subgroup " + samples.get(0).label()
                        + " has " + size + "; use the " + alternative + " chart for varying sizes");
            }
        }
        return size;
    }

    private static void requireCountWithinSize(List<AttributeSample> samples, String chart) {
        for (AttributeSample sample : samples) {
            if (sample.count() > sample.size()) {
                throw new IllegalArgumentException(chart + " chart: subgroup " + sample.label() + " has "
                        + sample.count() + " defectives in a sample of " + sample.size());
            }
        }
    }
}
