package io.cncvision.vision.gauge;

import java.util.Arrays;
import java.util.Optional;

/**
 * Measures a backlit turned ring (dark ring, bright bore and background) to a few hundredths of a
 * pixel. Coarse: Otsu threshold, centroid of the largest dark region, and the dark-bright transitions
 * along a few rays. Fine, per edge, twice (the second time from the first fit's centre): a blurred-step
 * profile fitted along each of many rays ({@link EdgeProfile}), a robust circle through the edge
 * points ({@link CircleFit}), then the curvature correction: a Gaussian-blurred disc of radius R has
 * its half-level contour at {@code R - sigma^2 / (2 R)}, so the fitted radius is moved out by that.
 * The sigma used is the one fitted along the rays, which includes the pixel area and the bilinear
 * sampling: both smooth the curved edge as the blur does, so the correction covers them too.
 * Holds no mutable state: one instance serves any number of threads.
 */
public final class RingGauge {

    /** Rays of the coarse search for the edges, of the first fine pass (for the centre) and of the final pass. */
    private static final int COARSE_RAYS = 32;
    private static final int FIRST_RAYS = 32;
    private static final int FINAL_RAYS = 240;
    /**
     * Half-length of a ray profile, pixels: the first pass allows for the coarse radius being a pixel
     * or two off, the second is centred on the edge and only needs the blur's 3 sigma (2 px blur and
     * the interpolation: about 2.1 px).
     */
    private static final double FIRST_HALF_WINDOW_PX = 8;
    private static final double FINAL_HALF_WINDOW_PX = 6.5;
    /** Step along a ray profile, pixels. */
    private static final double STEP_PX = 1.0;

    private final RingSearch search;
    private final LensModel lens;

    /** {@code lens}: the camera's lens, whose distortion is taken out of the edge points; null to take them as seen. */
    public RingGauge(RingSearch search, LensModel lens) {
        this.search = search;
        this.lens = lens;
    }

    public RingGauge(RingSearch search) {
        this(search, null);
    }

    public RingGauge() {
        this(RingSearch.ANYWHERE);
    }

    public RingMeasurement measure(GreyImage image) throws GaugeException {
        double[] levels = otsu(image);
        int threshold = (int) levels[0];
        double contrast = levels[1];
        double[] centroid = darkCentroid(image, threshold);
        if (centroid == null) {
            throw new GaugeException("no dark ring in the image");
        }
        double[] radii = coarseRadii(image, threshold, centroid[0], centroid[1]);
        Edge outer = fitEdge(image, centroid[0], centroid[1], radii[1], contrast, "outer edge", lens);
        Edge bore = fitEdge(image, centroid[0], centroid[1], radii[0], contrast, "bore", lens);
        return new RingMeasurement(outer.circle, bore.circle, outer.sigma, bore.sigma, outer.points, bore.points);
    }

    private record Edge(Circle circle, double sigma, int points) {
    }

    /** The first pass finds where to look in the image; only the final circle is fitted through the lens model. */
    private static Edge fitEdge(GreyImage image, double cx, double cy, double radius, double contrast, String what,
                                LensModel lens) throws GaugeException {
        Edge first = raysAndCircle(image, new Circle(cx, cy, radius), FIRST_RAYS, FIRST_HALF_WINDOW_PX, 1.3, contrast,
                what, null);
        Edge fine = raysAndCircle(image, first.circle, FINAL_RAYS, FINAL_HALF_WINDOW_PX, first.sigma, contrast, what,
                lens);
        Circle c = fine.circle;
        double r = c.radius() + fine.sigma * fine.sigma / (2 * c.radius());
        return new Edge(new Circle(c.centreX(), c.centreY(), r), fine.sigma, fine.points);
    }

    private static Edge raysAndCircle(GreyImage image, Circle guess, int rays, double halfWindow, double sigmaStart,
                                      double contrast, String what, LensModel lens) throws GaugeException {
        int samples = (int) Math.round(2 * halfWindow / STEP_PX) + 1;
        double[] profile = new double[samples];
        double[] xs = new double[rays];
        double[] ys = new double[rays];
        double[] sigmas = new double[rays];
        int n = 0;
        double t0 = guess.radius() - halfWindow;
        for (int k = 0; k < rays; k++) {
            double angle = 2 * Math.PI * (k + 0.5) / rays;
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            if (!sample(image, guess.centreX(), guess.centreY(), ux, uy, t0, samples, profile)) {
                continue;
            }
            EdgeProfile.Edge edge = EdgeProfile.fit(profile, samples, t0, STEP_PX, contrast / 3, sigmaStart);
            if (!edge.found()) {
                continue;
            }
            xs[n] = guess.centreX() + edge.position() * ux;
            ys[n] = guess.centreY() + edge.position() * uy;
            sigmas[n] = edge.sigma();
            n++;
        }
        if (n < rays / 4) {
            throw new GaugeException("the " + what + " near radius " + Math.round(guess.radius())
                    + " px gave only " + n + " edge points of " + rays + " rays");
        }
        if (lens != null) {
            lens.undistort(xs, ys, n);
        }
        Optional<Circle> circle = CircleFit.fit(xs, ys, n);
        if (circle.isEmpty()) {
            throw new GaugeException("no circle fits the " + what + " edge points");
        }
        double[] sorted = Arrays.copyOf(sigmas, n);
        Arrays.sort(sorted);
        return new Edge(circle.get(), sorted[n / 2], n);
    }

    /** Bilinear samples along a ray; false when the ray leaves the image. */
    private static boolean sample(GreyImage image, double cx, double cy, double ux, double uy, double t0, int samples,
                                  double[] out) {
        int w = image.width();
        byte[] p = image.pixels();
        for (int k = 0; k < samples; k++) {
            double t = t0 + k * STEP_PX;
            double x = cx + t * ux;
            double y = cy + t * uy;
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= image.height()) {
                return false;
            }
            double fx = x - x0;
            double fy = y - y0;
            int i = y0 * w + x0;
            double top = (p[i] & 0xFF) * (1 - fx) + (p[i + 1] & 0xFF) * fx;
            double bottom = (p[i + w] & 0xFF) * (1 - fx) + (p[i + w + 1] & 0xFF) * fx;
            out[k] = top * (1 - fy) + bottom * fy;
        }
        return true;
    }

    /**
     * Otsu's threshold over every fourth pixel of every fourth row, and the contrast: the mean grey
     * level above it less the mean below.
     */
    static double[] otsu(GreyImage image) {
        long[] histogram = new long[256];
        byte[] p = image.pixels();
        int w = image.width();
        long total = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < w; x += 4) {
                histogram[p[y * w + x] & 0xFF]++;
                total++;
            }
        }
        double sumAll = 0;
        for (int v = 0; v < 256; v++) {
            sumAll += v * (double) histogram[v];
        }
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int threshold = 128;
        double contrast = 0;
        for (int v = 0; v < 256; v++) {
            below += histogram[v];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += v * (double) histogram[v];
            double meanBelow = sumBelow / below;
            double meanAbove = (sumAll - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = v;
                contrast = meanAbove - meanBelow;
            }
        }
        return new double[] {threshold, contrast};
    }

    /** Grid step of the coarse search, pixels: the smallest ring's wall is still several cells wide. */
    private static final int GRID = 4;

    /**
     * Centroid of the largest connected dark region, found on a grid of every fourth pixel: the ring,
     * not a code label, a fixture or dust beside it, which would pull a plain centroid of dark pixels.
     */
    private static double[] darkCentroid(GreyImage image, int threshold) {
        byte[] p = image.pixels();
        int w = image.width();
        int gw = (w + GRID - 1) / GRID;
        int gh = (image.height() + GRID - 1) / GRID;
        // 0: bright, -1: dark not yet labelled, >0: label
        int[] cells = new int[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            int row = gy * GRID * w;
            for (int gx = 0; gx < gw; gx++) {
                if ((p[row + gx * GRID] & 0xFF) <= threshold) {
                    cells[gy * gw + gx] = -1;
                }
            }
        }
        int[] stack = new int[gw * gh];
        int best = -1;
        double bestX = 0;
        double bestY = 0;
        int label = 0;
        for (int start = 0; start < cells.length; start++) {
            if (cells[start] != -1) {
                continue;
            }
            label++;
            int size = 0;
            double sx = 0;
            double sy = 0;
            int top = 0;
            stack[top++] = start;
            cells[start] = label;
            while (top > 0) {
                int c = stack[--top];
                int cx = c % gw;
                int cy = c / gw;
                size++;
                sx += cx;
                sy += cy;
                if (cx > 0 && cells[c - 1] == -1) {
                    cells[c - 1] = label;
                    stack[top++] = c - 1;
                }
                if (cx < gw - 1 && cells[c + 1] == -1) {
                    cells[c + 1] = label;
                    stack[top++] = c + 1;
                }
                if (cy > 0 && cells[c - gw] == -1) {
                    cells[c - gw] = label;
                    stack[top++] = c - gw;
                }
                if (cy < gh - 1 && cells[c + gw] == -1) {
                    cells[c + gw] = label;
                    stack[top++] = c + gw;
                }
            }
            if (size > best) {
                best = size;
                bestX = GRID * sx / size;
                bestY = GRID * sy / size;
            }
        }
        return best < 16 ? null : new double[] {bestX, bestY};
    }

    /** Median radii of the bore (bright to dark) and outer edge (dark to bright) along coarse rays. */
    private double[] coarseRadii(GreyImage image, int threshold, double cx, double cy) throws GaugeException {
        double[] bore = new double[COARSE_RAYS];
        double[] outer = new double[COARSE_RAYS];
        int n = 0;
        double maxRadius = Math.hypot(image.width(), image.height());
        for (int k = 0; k < COARSE_RAYS; k++) {
            double angle = 2 * Math.PI * k / COARSE_RAYS;
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            double boreRadius = Double.NaN;
            double outerRadius = Double.NaN;
            boolean wasDark = false;
            for (double t = 0; t < maxRadius; t += 1) {
                int x = (int) Math.round(cx + t * ux);
                int y = (int) Math.round(cy + t * uy);
                if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
                    break;
                }
                boolean dark = image.at(x, y) <= threshold;
                if (dark && !wasDark && Double.isNaN(boreRadius) && inRange(2 * t, search.minBoreDiameterPx(),
                        search.maxBoreDiameterPx())) {
                    boreRadius = t;
                } else if (!dark && wasDark && !Double.isNaN(boreRadius) && inRange(2 * t,
                        search.minOuterDiameterPx(), search.maxOuterDiameterPx())) {
                    outerRadius = t;
                    break;
                }
                wasDark = dark;
            }
            if (!Double.isNaN(boreRadius) && !Double.isNaN(outerRadius)) {
                bore[n] = boreRadius;
                outer[n] = outerRadius;
                n++;
            }
        }
        if (n < COARSE_RAYS / 2) {
            throw new GaugeException("no ring with a bore found within the search limits (" + n + " of " + COARSE_RAYS
                    + " rays crossed one)");
        }
        Arrays.sort(bore, 0, n);
        Arrays.sort(outer, 0, n);
        return new double[] {bore[n / 2], outer[n / 2]};
    }

    private static boolean inRange(double value, double min, double max) {
        return value >= min && value <= max;
    }
}
