package io.cncvision.spc.rules;

/**
 * A test for special causes on a control chart: Nelson (1984) rules 1-8 and the Western Electric
 * (1956) rules 1-4. Conventions at the boundaries are stated in the package documentation.
 */
public enum RunRule {

    /** Nelson test 1: one point beyond 3σ. */
    NELSON_1("Nelson test 1: one point beyond 3σ from the centre", 1),
    /** Nelson test 2: nine points in a row on the same side of the centre. */
    NELSON_2("Nelson test 2: nine points in a row on the same side of the centre", 9),
    /** Nelson test 3: six points in a row steadily increasing or decreasing. */
    NELSON_3("Nelson test 3: six points in a row steadily increasing or decreasing", 6),
    /** Nelson test 4: fourteen points in a row alternating up and down. */
    NELSON_4("Nelson test 4: fourteen points in a row alternating up and down", 14),
    /** Nelson test 5: two out of three points in a row beyond 2σ on the same side. */
    NELSON_5("Nelson test 5: two out of three points in a row beyond 2σ on the same side", 3),
    /** Nelson test 6: four out of five points in a row beyond 1σ on the same side. */
    NELSON_6("Nelson test 6: four out of five points in a row beyond 1σ on the same side", 5),
    /** Nelson test 7: fifteen points in a row within 1σ, either side of the centre. */
    NELSON_7("Nelson test 7: fifteen points in a row within 1σ of the centre, either side", 15),
    /** Nelson test 8: eight points in a row beyond 1σ, either side, none within 1σ. */
    NELSON_8("Nelson test 8: eight points in a row beyond 1σ, either side, none within 1σ", 8),
    /** Western Electric rule 1: one point beyond 3σ. */
    WE_1("Western Electric rule 1: one point beyond 3σ from the centre", 1),
    /** Western Electric rule 2: two out of three points in a row beyond 2σ on the same side. */
    WE_2("Western Electric rule 2: two out of three points in a row beyond 2σ on the same side", 3),
    /** Western Electric rule 3: four out of five points in a row beyond 1σ on the same side. */
    WE_3("Western Electric rule 3: four out of five points in a row beyond 1σ on the same side", 5),
    /** Western Electric rule 4: eight points in a row on the same side of the centre. */
    WE_4("Western Electric rule 4: eight points in a row on the same side of the centre", 8);

    /** The most points any rule looks at: Nelson 7's fifteen. */
    public static final int LONGEST_WINDOW = 15;

    private final String description;
    private final int windowLength;

    RunRule(String description, int windowLength) {
        this.description = description;
        this.windowLength = windowLength;
    }

    /** What the rule looks for and where it is defined, in one line. */
    public String description() {
        return description;
    }

    /** How many consecutive points, ending at the judged point, the rule looks at. */
    public int windowLength() {
        return windowLength;
    }
}
