package io.cncvision.vision.calibration;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Renders a chessboard or a circle grid as a camera with a known matrix and lens distortion (OpenCV's model: k1 k2
 * p1 p2 k3) would see it: each pixel is undistorted to its viewing ray, the ray meets the target's plane, and the
 * target there is dark or light, anti-aliased over the pixel's footprint so that points keep their sub-pixel
 * position.
 */
final class SyntheticTarget {

    final int width;
    final int height;
    final double fx;
    final double fy;
    final double cx;
    final double cy;
    final double[] distortion;
    final int innerColumns;
    final int innerRows;
    final double squareMm;
    // Each pixel's normalised, undistorted ray (x, y, 1).
    private final double[] rayX;
    private final double[] rayY;

    final boolean circles;

    SyntheticTarget(int width, int height, double fx, double fy, double cx, double cy, double[] distortion,
                    int innerColumns, int innerRows, double squareMm, boolean circles) {
        this.circles = circles;
        this.width = width;
        this.height = height;
        this.fx = fx;
        this.fy = fy;
        this.cx = cx;
        this.cy = cy;
        this.distortion = distortion;
        this.innerColumns = innerColumns;
        this.innerRows = innerRows;
        this.squareMm = squareMm;
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

    /** The distorted normalised point whose undistorted position is (x, y): OpenCV's forward model. */
    double[] distort(double x, double y) {
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
     * The board seen with rotation {@code rx}, {@code ry}, {@code rz} (radians, applied z then y then x) and its
     * first inner corner's origin at {@code t} (mm, camera frame). The board's squares run from -1 to
     * innerColumns (and innerRows) square widths; around them, white.
     */
    BufferedImage render(double rx, double ry, double rz, double tx, double ty, double tz) {
        double[][] r = rotation(rx, ry, rz);
        // Board axes and normal in the camera frame.
        double[] r1 = {r[0][0], r[1][0], r[2][0]};
        double[] r2 = {r[0][1], r[1][1], r[2][1]};
        double[] n = {r[0][2], r[1][2], r[2][2]};
        double nt = n[0] * tx + n[1] * ty + n[2] * tz;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        // A chessboard's squares run one beyond its inner corners; a circle grid has just its circles.
        double margin = circles ? 0.5 * squareMm : squareMm;
        double minX = -margin;
        double maxX = (innerColumns - 1) * squareMm + margin;
        double minY = -margin;
        double maxY = (innerRows - 1) * squareMm + margin;
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
                // Footprint of one pixel on the board, in mm: depth over focal length, stretched by the tilt.
                double footprint = lambda / fx / Math.abs(n[0] * dx + n[1] * dy + n[2])
                        * Math.sqrt(dx * dx + dy * dy + 1);
                if (circles) {
                    // Circles of a third of the pitch in radius on the grid points.
                    double gx = bx - Math.round(bx / squareMm) * squareMm;
                    double gy = by - Math.round(by / squareMm) * squareMm;
                    double outsidePx = (Math.hypot(gx, gy) - squareMm / 3) / footprint;
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
        double phase = Math.sin(Math.PI * coordinate / squareMm);
        double distancePx = phase * squareMm / Math.PI / footprint;
        return Math.max(-1, Math.min(1, 2 * distancePx));
    }

    static double[][] rotation(double rx, double ry, double rz) {
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
