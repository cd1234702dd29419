package io.cncvision.vision.calibration;

import java.util.Locale;
import java.util.regex.Matcher;

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

    /** What {@link #parse} reads, in the words an error message shows a user. */
    public static final String SPEC_FORM = "chessboard:COLUMNSxROWS:SQUARE_MM or circles:COLUMNSxROWS:SPACING_MM "
            + "(inner corners of a chessboard, circles of a grid; e.g. chessboard:9x6:5.0)";

    private static final java.util.regex.Pattern SPEC =
            java.util.regex.Pattern.compile("(chessboard|circles):(\\d{1,3})x(\\d{1,3}):([0-9]+(?:\\.[0-9]+)?)");

    /**
     * The target a user names as {@code chessboard:9x6:5.0} (9 x 6 inner corners, 5 mm squares) or
     * {@code circles:7x5:4.0} (7 x 5 circles, 4 mm apart); the one reading of a target spec for the CLI and the API.
     */
    public static CalibrationTarget parse(String spec) {
        Matcher matcher = spec == null ? null : SPEC.matcher(spec.strip().toLowerCase(Locale.ROOT));
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("target '" + spec + "' is not " + SPEC_FORM);
        }
        int columns = Integer.parseInt(matcher.group(2));
        int rows = Integer.parseInt(matcher.group(3));
        double pitchMm = Double.parseDouble(matcher.group(4));
        try {
            return matcher.group(1).equals("chessboard")
                    ? chessboard(columns, rows, pitchMm)
                    : circleGrid(columns, rows, pitchMm);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target '" + spec + "': " + e.getMessage(), e);
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
