package io.cncvision.vision.gauge;

/**
 * Where the ring gauge looks: the diameters, in pixels, its outer edge and bore may have. An edge
 * outside its limits is not taken for the ring's.
 */
public record RingSearch(double minOuterDiameterPx, double maxOuterDiameterPx, double minBoreDiameterPx,
                         double maxBoreDiameterPx) {

    /** Anywhere in the image. */
    public static final RingSearch ANYWHERE = new RingSearch(0, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY);

    public RingSearch {
        if (minOuterDiameterPx < 0 || minBoreDiameterPx < 0 || maxOuterDiameterPx < minOuterDiameterPx
                || maxBoreDiameterPx < minBoreDiameterPx) {
            throw new IllegalArgumentException("search limits need 0 <= min <= max");
        }
    }
}
