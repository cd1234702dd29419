package io.cncvision.vision.calibration;

/**
 * A flat calibration target: a chessboard of {@code columns} x {@code rows} inner corners, or a symmetric grid
 * of {@code columns} x {@code rows} dark circles on light ground, its points {@code pitchMm} apart.
 */
public record CalibrationTarget(Pattern pattern, int columns, int rows, double pitchMm) {

    /** The kind of target. */
    public enum Pattern { CHESSBOARD, CIRCLE_GRID }

    public CalibrationTarget {
        if (pattern == null) {
            throw new IllegalArgumentException("pattern is required");
        }
        if (columns < 3 || rows < 3) {
            throw new IllegalArgumentException("a target needs at least 3x3 points, not " + columns + "x" + rows);
        }
        if (!(pitchMm > 0) || !Double.isFinite(pitchMm)) {
            throw new IllegalArgumentException("pitchMm must be positive, not " + pitchMm);
        }
    }

    public static CalibrationTarget chessboard(int innerColumns, int innerRows, double squareMm) {
        return new CalibrationTarget(Pattern.CHESSBOARD, innerColumns, innerRows, squareMm);
    }

    public static CalibrationTarget circleGrid(int columns, int rows, double spacingMm) {
        return new CalibrationTarget(Pattern.CIRCLE_GRID, columns, rows, spacingMm);
    }

    int points() {
        return columns * rows;
    }
}
