package io.cncvision.vision.gauge;

import java.util.List;

/**
 * A camera's lens as its calibration found it (OpenCV's model): the camera matrix and the distortion
 * coefficients k1 k2 p1 p2 [k3 [k4 k5 k6]]. It moves image points to where an ideal pinhole camera with the same
 * matrix would have seen them, as OpenCV's {@code undistortPoints} with the camera matrix as the new projection,
 * so that distances between them are in the pixels of the calibration's millimetres per pixel.
 */
public final class LensModel {

    private static final int ITERATIONS = 20;

    private final double fx;
    private final double fy;
    private final double cx;
    private final double cy;
    private final double skew;
    private final double k1;
    private final double k2;
    private final double p1;
    private final double p2;
    private final double k3;
    private final double k4;
    private final double k5;
    private final double k6;

    /**
     * {@code cameraMatrix}: 3x3, row-major; {@code distortion}: 4, 5 or 8 coefficients. The thin-prism and tilted
     * models (12 and 14) are refused: a gauging camera is calibrated with the rational model at most.
     */
    public LensModel(List<Double> cameraMatrix, List<Double> distortion) {
        if (cameraMatrix.size() != 9) {
            throw new IllegalArgumentException("a camera matrix holds 9 values (3x3), not " + cameraMatrix.size());
        }
        int n = distortion.size();
        if (n != 4 && n != 5 && n != 8) {
            throw new IllegalArgumentException("gauging takes 4, 5 or 8 distortion coefficients (k1 k2 p1 p2 [k3 [k4"
                    + " k5 k6]]), not " + n);
        }
        fx = cameraMatrix.get(0);
        skew = cameraMatrix.get(1);
        cx = cameraMatrix.get(2);
        fy = cameraMatrix.get(4);
        cy = cameraMatrix.get(5);
        if (!(fx > 0) || !(fy > 0)) {
            throw new IllegalArgumentException("focal lengths must be positive, not fx " + fx + ", fy " + fy);
        }
        k1 = distortion.get(0);
        k2 = distortion.get(1);
        p1 = distortion.get(2);
        p2 = distortion.get(3);
        k3 = n > 4 ? distortion.get(4) : 0;
        k4 = n > 5 ? distortion.get(5) : 0;
        k5 = n > 5 ? distortion.get(6) : 0;
        k6 = n > 5 ? distortion.get(7) : 0;
    }

    /** Moves the first {@code n} points, in pixels, to where the lens without distortion would show them. */
    public void undistort(double[] xs, double[] ys, int n) {
        for (int i = 0; i < n; i++) {
            double y0 = (ys[i] - cy) / fy;
            double x0 = (xs[i] - cx - skew * y0) / fx;
            double x = x0;
            double y = y0;
            // The distortion cannot be inverted in closed form; this fixed point converges for any lens that
            // keeps straight lines nearly straight, in a few steps.
            for (int k = 0; k < ITERATIONS; k++) {
                double r2 = x * x + y * y;
                double radial = (1 + ((k6 * r2 + k5) * r2 + k4) * r2) / (1 + ((k3 * r2 + k2) * r2 + k1) * r2);
                double dx = 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
                double dy = p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
                x = (x0 - dx) * radial;
                y = (y0 - dy) * radial;
            }
            xs[i] = fx * x + skew * y + cx;
            ys[i] = fy * y + cy;
        }
    }
}
