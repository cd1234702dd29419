package io.cncvision.spc.rules;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The run rules a characteristic is judged by, named on the command line by {@link #code()}. */
public enum RuleSet {

    /** Nelson (1984) tests 1-8. */
    NELSON("nelson", List.of(RunRule.NELSON_1, RunRule.NELSON_2, RunRule.NELSON_3, RunRule.NELSON_4,
            RunRule.NELSON_5, RunRule.NELSON_6, RunRule.NELSON_7, RunRule.NELSON_8)),
    /** Western Electric (1956) rules 1-4. */
    WESTERN_ELECTRIC("western-electric", List.of(RunRule.WE_1, RunRule.WE_2, RunRule.WE_3, RunRule.WE_4)),
    /** No run rules: nothing is signalled. */
    NONE("none", List.of());

    private final String code;
    private final List<RunRule> rules;

    RuleSet(String code, List<RunRule> rules) {
        this.code = code;
        this.rules = rules;
    }

    /** The name used on the command line, e.g. {@code western-electric}. */
    public String code() {
        return code;
    }

    /** The rules in this set, in the order signals at one point are reported. */
    public List<RunRule> rules() {
        return rules;
    }

    /** The set named by {@code code}; the message of the exception lists the valid codes. */
    public static RuleSet parse(String code) {
        for (RuleSet set : values()) {
            if (set.code.equals(code)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown rule set '" + code + "': expected one of "
                + Arrays.stream(values()).map(RuleSet::code).collect(Collectors.joining(", ")));
    }
}
