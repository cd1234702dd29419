package io.cncvision.vision.gauge;

/**
 * The outer edge and the bore of a ring, in pixels, with the fitted edge width (Gaussian sigma of
 * the blur, pixels) and the number of edge points each circle rests on.
 */
public record RingMeasurement(Circle outer, Circle bore, double outerEdgeSigmaPx, double boreEdgeSigmaPx,
                              int outerEdgePoints, int boreEdgePoints) {

    public double outerDiameterPx() {
        return outer.diameter();
    }

    public double boreDiameterPx() {
        return bore.diameter();
    }
}
