package io.cncvision.vision.render;

import io.cncvision.vision.calibration.CalibrationTarget;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a chessboard or a circle grid as a camera with a known matrix and lens distortion (OpenCV's model: k1 k2
 * p1 p2 k3) would see it: each pixel is undistorted to its viewing ray, the ray meets the target's plane, and the
 * target there is dark or light, anti-aliased over the pixel's footprint so that points keep their sub-pixel
 * position. For testing calibration against a camera whose truth is known, and for the simulated plant's cameras.
 */
public final class TargetRenderer {

    /**
     * Where the target is: rotated by {@code rxRad}, {@code ryRad}, {@code rzRad} (applied z, then y, then x) and
     * its first point (a chessboard's first inner corner, a grid's first circle) at {@code txMm, tyMm, tzMm} in the
     * camera's frame (x right, y down, z along the optical axis).
     */
    public record Pose(double rxRad, double ryRad, double rzRad, double txMm, double tyMm, double tzMm) {
    }

    /** Views of a target for {@code calibrateCamera}, and one of it lying on the working plane. */
    public record CalibrationViews(List<BufferedImage> views, BufferedImage workingPlane) {

        public CalibrationViews {
            views = List.copyOf(views);
        }
    }

    // Tilts (rx, ry, rz in radians) of the target in calibration views: up to 30 degrees off the image plane each
    // way and turned in the plane, so that calibrateCamera can tell focal length from distance and see the distortion.
    private static final double[][] TILTS = {
            {0.00, 0.00, 0.00}, {0.45, 0.00, 0.05}, {-0.45, 0.05, -0.05}, {0.05, 0.50, 0.10},
            {0.00, -0.50, -0.10}, {0.30, 0.30, 0.25}, {-0.30, -0.35, 0.30}, {0.20, -0.25, -0.30},
            {-0.25, 0.30, 0.20}, {0.35, -0.10, 0.00}, {-0.10, 0.40, -0.25}, {0.15, 0.15, 0.35}};
    // Offsets of the target's centre off the optical axis and changes of distance, as fractions of the field of view.
    private static final double[][] SHIFTS = {
            {0.00, 0.00, 1.00}, {0.08, -0.05, 0.95}, {-0.08, 0.06, 1.02}, {-0.06, -0.07, 1.00},
            {0.07, 0.07, 1.05}, {0.10, -0.08, 0.92}, {-0.10, 0.08, 1.08}, {0.05, 0.10, 1.10},
            {-0.05, -0.10, 0.97}, {0.09, 0.02, 1.04}, {-0.09, -0.02, 1.06}, {0.02, 0.09, 0.94}};
    // The target's extent (with its margin) across the image in a calibration view: large enough to show the
    // distortion, small enough to stay whole when tilted and shifted.
    private static final double FILL = 0.55;

    private final int width;
    private final int height;
    private final double fx;
    private final double fy;
    private final double cx;
    private final double cy;
    private final double[] distortion;
    private final CalibrationTarget target;
    // Each pixel's normalised, undistorted ray (x, y, 1).
    private final double[] rayX;
    private final double[] rayY;

    /**
     * A camera of {@code width} x {@code height} pixels with focal lengths and principal point in pixels and
     * {@code distortion} k1 k2 p1 p2 k3, looking at {@code target}.
     */
    public TargetRenderer(int width, int height, double fx, double fy, double cx, double cy, double[] distortion,
                          CalibrationTarget target) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, not " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0)) {
            throw new IllegalArgumentException("focal lengths must be positive, not " + fx + " and " + fy);
        }
        if (distortion == null || distortion.length != 5) {
            throw new IllegalArgumentException("distortion must hold k1 k2 p1 p2 k3");
        }
        if (target == null) {
            throw new IllegalArgumentException("target is required");
        }
        this.width = width;
        this.height = height;
        this.fx = fx;
        this.fy = fy;
        this.cx = cx;
        this.cy = cy;
        this.distortion = distortion.clone();
        this.target = target;
        rayX = new double[width * height];
        rayY = new double[width * height];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double[] xy = undistort((u - cx) / fx, (v - cy) / fy);
                rayX[v * width + u] = xy[0];
                rayY[v * width + u] = xy[1];
            }
        }
    }

    /**
     * A camera like many on machine-vision stands: a lens of about 45 degrees across the image (focal length 1.2
     * image widths, the same in x and y), its principal point a little off centre and moderate barrel distortion.
     */
    public static TargetRenderer typicalCamera(int width, int height, CalibrationTarget target) {
        double focal = 1.2 * width;
        return new TargetRenderer(width, height, focal, focal, (width - 1) / 2.0 + 0.006 * width,
                (height - 1) / 2.0 - 0.005 * height, new double[] {-0.08, 0.05, 0.0005, -0.0004, 0.0}, target);
    }

    /**
     * A calibration set for a {@link #typicalCamera} of {@code width} x {@code height} pixels whose working plane
     * lies where it sees {@code mmPerPixel}: {@code count} views of the target in varied poses and the view of it
     * lying on the working plane, which must hold it whole.
     */
    public static CalibrationViews calibrationViews(int width, int height, double mmPerPixel, CalibrationTarget target,
                                                    int count) {
        TargetRenderer camera = typicalCamera(width, height, target);
        BufferedImage plane = camera.renderWorkingPlane(camera.workingDistanceMm(mmPerPixel));
        return new CalibrationViews(camera.calibrationViews(count), plane);
    }

    /** The distance at which a target parallel to the image plane is seen at {@code mmPerPixel} (the mean of fx, fy). */
    public double workingDistanceMm(double mmPerPixel) {
        if (!(mmPerPixel > 0) || !Double.isFinite(mmPerPixel)) {
            throw new IllegalArgumentException("mmPerPixel must be positive, not " + mmPerPixel);
        }
        return mmPerPixel * (fx + fy) / 2;
    }

    /**
     * {@code count} (1 to 12) views of the target, tilted, turned and shifted, each showing it whole across about
     * half the image.
     */
    public List<BufferedImage> calibrationViews(int count) {
        if (count < 1 || count > TILTS.length) {
            throw new IllegalArgumentException("count must be 1 to " + TILTS.length + ", not " + count);
        }
        double f = (fx + fy) / 2;
        double distance = f * Math.max(extentXMm() / (FILL * width), extentYMm() / (FILL * height));
        List<BufferedImage> views = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double z = distance * SHIFTS[i][2];
            views.add(render(centredPose(TILTS[i][0], TILTS[i][1], TILTS[i][2],
                    SHIFTS[i][0] * width * z / f, SHIFTS[i][1] * height * z / f, z)));
        }
        return views;
    }

    /** The target parallel to the image plane, {@code distanceMm} from the camera, its centre on the optical axis. */
    public BufferedImage renderWorkingPlane(double distanceMm) {
        if (!(distanceMm > 0)) {
            throw new IllegalArgumentException("distanceMm must be positive, not " + distanceMm);
        }
        double widthPx = extentXMm() * fx / distanceMm;
        double heightPx = extentYMm() * fy / distanceMm;
        if (widthPx > 0.95 * width || heightPx > 0.95 * height) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the %s (%dx%d, %.3f mm) would be %.0f x %.0f px on the working plane, more than the %d x %d image "
                            + "holds: use a smaller target or a coarser scale", target.pattern(), target.columns(),
                    target.rows(), target.pitchMm(), widthPx, heightPx, width, height));
        }
        return render(centredPose(0, 0, 0, 0, 0, distanceMm));
    }

    /** The distorted normalised point whose undistorted position is (x, y): OpenCV's forward model. */
    public double[] distort(double x, double y) {
        double k1 = distortion[0];
        double k2 = distortion[1];
        double p1 = distortion[2];
        double p2 = distortion[3];
        double k3 = distortion[4];
        double r2 = x * x + y * y;
        double radial = 1 + k1 * r2 + k2 * r2 * r2 + k3 * r2 * r2 * r2;
        return new double[] {x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x),
                y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y};
    }

    // Newton iterations on the forward model, converged far below a thousandth of a pixel.
    private double[] undistort(double xd, double yd) {
        double x = xd;
        double y = yd;
        for (int i = 0; i < 50; i++) {
            double[] d = distort(x, y);
            double ex = d[0] - xd;
            double ey = d[1] - yd;
            if (Math.abs(ex) < 1e-12 && Math.abs(ey) < 1e-12) {
                break;
            }
            double h = 1e-7;
            double[] dx = distort(x + h, y);
            double[] dy = distort(x, y + h);
            double a = (dx[0] - d[0]) / h;
            double b = (dy[0] - d[0]) / h;
            double c = (dx[1] - d[1]) / h;
            double e = (dy[1] - d[1]) / h;
            double det = a * e - b * c;
            x -= (e * ex - b * ey) / det;
            y -= (-c * ex + a * ey) / det;
        }
        return new double[] {x, y};
    }

    /**
     * The target seen in {@code pose}, 8-bit grey. A chessboard's squares run one square beyond its inner corners,
     * a grid's circles (a third of the pitch in radius) half a pitch beyond their centres; around them, white.
     */
    public BufferedImage render(Pose pose) {
        double tx = pose.txMm();
        double ty = pose.tyMm();
        double tz = pose.tzMm();
        double[][] r = rotation(pose.rxRad(), pose.ryRad(), pose.rzRad());
        // Target axes and normal in the camera frame.
        double[] r1 = {r[0][0], r[1][0], r[2][0]};
        double[] r2 = {r[0][1], r[1][1], r[2][1]};
        double[] n = {r[0][2], r[1][2], r[2][2]};
        double nt = n[0] * tx + n[1] * ty + n[2] * tz;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        boolean circles = target.pattern() == CalibrationTarget.Pattern.CIRCLE_GRID;
        double pitch = target.pitchMm();
        double margin = margin();
        double minX = -margin;
        double maxX = (target.columns() - 1) * pitch + margin;
        double minY = -margin;
        double maxY = (target.rows() - 1) * pitch + margin;
        for (int i = 0; i < pixels.length; i++) {
            double dx = rayX[i];
            double dy = rayY[i];
            double lambda = nt / (n[0] * dx + n[1] * dy + n[2]);
            double px = lambda * dx - tx;
            double py = lambda * dy - ty;
            double pz = lambda - tz;
            double bx = r1[0] * px + r1[1] * py + r1[2] * pz;
            double by = r2[0] * px + r2[1] * py + r2[2] * pz;
            double value;
            if (bx < minX || bx > maxX || by < minY || by > maxY) {
                value = 1;
            } else {
                // Footprint of one pixel on the target, in mm: depth over focal length, stretched by the tilt.
                double footprint = lambda / fx / Math.abs(n[0] * dx + n[1] * dy + n[2])
                        * Math.sqrt(dx * dx + dy * dy + 1);
                if (circles) {
                    double gx = bx - Math.round(bx / pitch) * pitch;
                    double gy = by - Math.round(by / pitch) * pitch;
                    double outsidePx = (Math.hypot(gx, gy) - pitch / 3) / footprint;
                    value = Math.max(0, Math.min(1, 0.5 + outsidePx));
                } else {
                    double sx = edge(bx, footprint);
                    double sy = edge(by, footprint);
                    value = 0.5 + 0.5 * sx * sy;
                }
            }
            pixels[i] = (byte) Math.round(20 + 215 * value);
        }
        return image;
    }

    // +1 or -1 by the parity of the square, blending linearly within half a pixel of an edge.
    private double edge(double coordinate, double footprint) {
        double pitch = target.pitchMm();
        double phase = Math.sin(Math.PI * coordinate / pitch);
        double distancePx = phase * pitch / Math.PI / footprint;
        return Math.max(-1, Math.min(1, 2 * distancePx));
    }

    private double margin() {
        return target.pattern() == CalibrationTarget.Pattern.CIRCLE_GRID ? 0.5 * target.pitchMm() : target.pitchMm();
    }

    private double extentXMm() {
        return (target.columns() - 1) * target.pitchMm() + 2 * margin();
    }

    private double extentYMm() {
        return (target.rows() - 1) * target.pitchMm() + 2 * margin();
    }

    // The pose that puts the target's centre (not its first point) at (x, y, z).
    private Pose centredPose(double rx, double ry, double rz, double x, double y, double z) {
        double[][] r = rotation(rx, ry, rz);
        double bx = (target.columns() - 1) * target.pitchMm() / 2;
        double by = (target.rows() - 1) * target.pitchMm() / 2;
        return new Pose(rx, ry, rz, x - r[0][0] * bx - r[0][1] * by, y - r[1][0] * bx - r[1][1] * by,
                z - r[2][0] * bx - r[2][1] * by);
    }

    private static double[][] rotation(double rx, double ry, double rz) {
        double[][] x = {{1, 0, 0}, {0, Math.cos(rx), -Math.sin(rx)}, {0, Math.sin(rx), Math.cos(rx)}};
        double[][] y = {{Math.cos(ry), 0, Math.sin(ry)}, {0, 1, 0}, {-Math.sin(ry), 0, Math.cos(ry)}};
        double[][] z = {{Math.cos(rz), -Math.sin(rz), 0}, {Math.sin(rz), Math.cos(rz), 0}, {0, 0, 1}};
        return multiply(x, multiply(y, z));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
