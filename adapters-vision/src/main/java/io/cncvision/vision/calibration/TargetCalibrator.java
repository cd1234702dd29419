package io.cncvision.vision.calibration;

import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_ADAPTIVE_THRESH;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_NORMALIZE_IMAGE;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_SYMMETRIC_GRID;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_FIX_K3;
import static org.bytedeco.opencv.global.opencv_calib3d.calibrateCameraExtended;
import static org.bytedeco.opencv.global.opencv_calib3d.findChessboardCorners;
import static org.bytedeco.opencv.global.opencv_calib3d.findCirclesGrid;
import static org.bytedeco.opencv.global.opencv_calib3d.undistortPoints;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.cornerSubPix;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Point2fVector;
import org.bytedeco.opencv.opencv_core.Point2fVectorVector;
import org.bytedeco.opencv.opencv_core.Point3f;
import org.bytedeco.opencv.opencv_core.Point3fVector;
import org.bytedeco.opencv.opencv_core.Point3fVectorVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.bytedeco.opencv.opencv_features2d.SimpleBlobDetector;

/**
 * Calibrates a camera from views of a flat target, a chessboard (OpenCV {@code findChessboardCorners},
 * {@code cornerSubPix}) or a circle grid ({@code findCirclesGrid}), with {@code calibrateCamera}, and measures
 * the millimetres per pixel at the working plane from a view of the target lying on it, after undistortion. The sixth-order radial term k3 is held at 0: a machine-vision lens
 * needs k1 and k2, and a free k3 fits the target's points at the price of wild values outside them.
 */
public final class TargetCalibrator {

    private static final int MINIMUM_VIEWS = 3;
    /** A view reprojecting this many times worse than the median view, and worse than the floor, is an outlier. */
    private static final double OUTLIER_FACTOR = 4;
    private static final double OUTLIER_FLOOR_PX = 0.3;
    /** Beyond this RMS reprojection error the target's points were not found well enough to gauge with. */
    private static final double MAXIMUM_RMS_PX = 1.0;

    private final CalibrationTarget target;
    private final int innerColumns;
    private final int innerRows;
    private final double squareSizeMm;

    public TargetCalibrator(CalibrationTarget target) {
        this.target = target;
        this.innerColumns = target.columns();
        this.innerRows = target.rows();
        this.squareSizeMm = target.pitchMm();
    }

    /**
     * The target's points in {@code image} to sub-pixel (chessboard corners, circle centres), row by row, or null
     * where the target is not seen whole.
     */
    public float[] findCorners(BufferedImage image) {
        try (Mat gray = GrayMats.of(image); Mat corners = new Mat(); Size pattern = new Size(innerColumns, innerRows)) {
            if (target.pattern() == CalibrationTarget.Pattern.CIRCLE_GRID) {
                // Dark circles on light ground, of any size the target may show at (OpenCV's default stops at 5000 px).
                try (SimpleBlobDetector.Params params = new SimpleBlobDetector.Params()) {
                    params.maxArea(1e6f);
                    try (SimpleBlobDetector blobs = SimpleBlobDetector.create(params)) {
                        if (!findCirclesGrid(gray, pattern, corners, CALIB_CB_SYMMETRIC_GRID, blobs)) {
                            return null;
                        }
                    }
                }
            } else {
                if (!findChessboardCorners(gray, pattern, corners, CALIB_CB_ADAPTIVE_THRESH | CALIB_CB_NORMALIZE_IMAGE)) {
                    return null;
                }
                try (Size window = new Size(5, 5); Size zone = new Size(-1, -1);
                     TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 100, 1e-4)) {
                    cornerSubPix(gray, corners, window, zone, criteria);
                }
            }
            float[] xy = new float[innerColumns * innerRows * 2];
            try (FloatIndexer indexer = corners.createIndexer()) {
                for (int i = 0; i < innerColumns * innerRows; i++) {
                    xy[2 * i] = indexer.get(i, 0, 0);
                    xy[2 * i + 1] = indexer.get(i, 0, 1);
                }
            }
            return xy;
        }
    }

    /**
     * Calibrates from {@code views} (the target in varied poses, filling much of the image); {@code workingPlane}
     * is a view of the target lying on the plane where parts are measured. Views where it is not found are
     * left out; fails when fewer than three remain or the working plane view does not show it.
     */
    public CameraCalibration calibrate(List<BufferedImage> views, BufferedImage workingPlane) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no calibration views");
        }
        int width = views.get(0).getWidth();
        int height = views.get(0).getHeight();
        List<float[]> found = new ArrayList<>();
        for (BufferedImage view : views) {
            if (view.getWidth() != width || view.getHeight() != height) {
                throw new IllegalArgumentException("calibration views differ in size: " + width + "x" + height + " and "
                        + view.getWidth() + "x" + view.getHeight());
            }
            float[] corners = findCorners(view);
            if (corners != null) {
                found.add(corners);
            }
        }
        if (found.size() < MINIMUM_VIEWS) {
            throw new IllegalArgumentException("the " + target.pattern() + " (" + innerColumns + "x" + innerRows
                    + ") was found in " + found.size() + " of " + views.size() + " views; at least " + MINIMUM_VIEWS
                    + " are needed");
        }
        float[] plane = findCorners(workingPlane);
        if (plane == null) {
            throw new IllegalArgumentException("the " + target.pattern() + " was not found in the working plane view");
        }
        return calibrate(found, plane, width, height);
    }

    /** Calibrates from the target's points found in each view and in the working plane view. */
    CameraCalibration calibrate(List<float[]> found, float[] plane, int width, int height) {
        List<float[]> used = new ArrayList<>(found);
        while (true) {
            try (Fit fit = fit(used, width, height)) {
                int worst = worstView(fit.perViewErrors);
                double median = median(fit.perViewErrors);
                // A view whose points were misplaced (a circle grid's finder can put one 30 px off) pulls the whole
                // calibration; such a view stands far out from the others and is left out while enough remain.
                if (used.size() > MINIMUM_VIEWS && fit.perViewErrors[worst] > Math.max(OUTLIER_FACTOR * median,
                        OUTLIER_FLOOR_PX)) {
                    used.remove(worst);
                    continue;
                }
                if (fit.rms > MAXIMUM_RMS_PX) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the %s's points reproject "
                            + "with an RMS error of %.2f px over %d views (at most %.1f px is accepted): the target was not"
                            + " found reliably; take sharper views of a flat target", target.pattern(), fit.rms,
                            used.size(), MAXIMUM_RMS_PX));
                }
                double mmPerPixel = squareSizeMm / meanCornerSpacingPx(plane, fit.cameraMatrix, fit.distortion);
                return new CameraCalibration(values(fit.cameraMatrix), values(fit.distortion), fit.rms, used.size(),
                        width, height, mmPerPixel);
            }
        }
    }

    /** One calibration over a set of views, with each view's own RMS reprojection error. */
    private record Fit(Mat cameraMatrix, Mat distortion, double rms, double[] perViewErrors) implements AutoCloseable {

        @Override
        public void close() {
            cameraMatrix.close();
            distortion.close();
        }
    }

    private Fit fit(List<float[]> views, int width, int height) {
        try (Point3fVectorVector objectPoints = new Point3fVectorVector();
             Point2fVectorVector imagePoints = new Point2fVectorVector();
             MatVector rotations = new MatVector(); MatVector translations = new MatVector();
             Mat intrinsicsDeviation = new Mat(); Mat extrinsicsDeviation = new Mat(); Mat perView = new Mat();
             Size imageSize = new Size(width, height)) {
            for (float[] corners : views) {
                objectPoints.push_back(boardPoints());
                Point2f[] points = new Point2f[corners.length / 2];
                for (int i = 0; i < points.length; i++) {
                    points[i] = new Point2f(corners[2 * i], corners[2 * i + 1]);
                }
                imagePoints.push_back(new Point2fVector(points));
            }
            Mat cameraMatrix = new Mat();
            Mat distortion = new Mat();
            double rms;
            try (TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 100, 1e-12)) {
                rms = calibrateCameraExtended(objectPoints, imagePoints, imageSize, cameraMatrix, distortion, rotations,
                        translations, intrinsicsDeviation, extrinsicsDeviation, perView, CALIB_FIX_K3, criteria);
            }
            double[] errors = new double[views.size()];
            try (Mat doubles = new Mat()) {
                perView.convertTo(doubles, CV_64F);
                try (DoubleIndexer indexer = doubles.createIndexer()) {
                    for (int i = 0; i < errors.length; i++) {
                        errors[i] = indexer.get(i, 0);
                    }
                }
            }
            return new Fit(cameraMatrix, distortion, rms, errors);
        }
    }

    private static int worstView(double[] errors) {
        int worst = 0;
        for (int i = 1; i < errors.length; i++) {
            if (errors[i] > errors[worst]) {
                worst = i;
            }
        }
        return worst;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private Point3fVector boardPoints() {
        Point3f[] points = new Point3f[innerColumns * innerRows];
        for (int row = 0; row < innerRows; row++) {
            for (int column = 0; column < innerColumns; column++) {
                points[row * innerColumns + column] =
                        new Point3f((float) (column * squareSizeMm), (float) (row * squareSizeMm), 0f);
            }
        }
        return new Point3fVector(points);
    }

    // The corners undistorted back into pixels (P = the camera matrix), then the mean distance between neighbours.
    private double meanCornerSpacingPx(float[] corners, Mat cameraMatrix, Mat distortion) {
        int n = corners.length / 2;
        try (Mat distorted = new Mat(n, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2);
             Mat undistorted = new Mat(); Mat noRotation = new Mat()) {
            try (FloatIndexer in = distorted.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    in.put(i, 0, 0, corners[2 * i]);
                    in.put(i, 0, 1, corners[2 * i + 1]);
                }
            }
            undistortPoints(distorted, undistorted, cameraMatrix, distortion, noRotation, cameraMatrix);
            double[] x = new double[n];
            double[] y = new double[n];
            try (FloatIndexer out = undistorted.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    x[i] = out.get(i, 0, 0);
                    y[i] = out.get(i, 0, 1);
                }
            }
            double sum = 0;
            int pairs = 0;
            for (int row = 0; row < innerRows; row++) {
                for (int column = 0; column < innerColumns; column++) {
                    int i = row * innerColumns + column;
                    if (column + 1 < innerColumns) {
                        sum += Math.hypot(x[i + 1] - x[i], y[i + 1] - y[i]);
                        pairs++;
                    }
                    if (row + 1 < innerRows) {
                        sum += Math.hypot(x[i + innerColumns] - x[i], y[i + innerColumns] - y[i]);
                        pairs++;
                    }
                }
            }
            return sum / pairs;
        }
    }

    private static List<Double> values(Mat mat) {
        List<Double> values = new ArrayList<>();
        try (Mat doubles = new Mat()) {
            mat.convertTo(doubles, CV_64F);
            try (DoubleIndexer indexer = doubles.createIndexer()) {
                for (int r = 0; r < doubles.rows(); r++) {
                    for (int c = 0; c < doubles.cols(); c++) {
                        values.add(indexer.get(r, c));
                    }
                }
            }
        }
        return values;
    }
}
