package io.cncvision.spc.chart;

/**
 * One attribute sample: {@code count} defectives (p, np) or defects (c, u) found in {@code size}
 * items or inspection units.
 */
public record AttributeSample(String label, double count, double size) {

    public AttributeSample {
        if (label == null) {
            throw new IllegalArgumentException("a sample needs a label");
        }
        if (!Double.isFinite(count) || count < 0) {
            throw new IllegalArgumentException("subgroup " + label + " needs a finite count of at least 0, got " + count);
        }
        if (!Double.isFinite(size) || size <= 0) {
            throw new IllegalArgumentException("subgroup " + label + " needs a finite size above 0, got " + size);
        }
    }
}
