package io.cncvision.spc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleSetTest {

    @Test
    void parsesEachCommandLineCode() {
        assertThat(RuleSet.parse("nelson")).isEqualTo(RuleSet.NELSON);
        assertThat(RuleSet.parse("western-electric")).isEqualTo(RuleSet.WESTERN_ELECTRIC);
        assertThat(RuleSet.parse("none")).isEqualTo(RuleSet.NONE);
    }

    @Test
    void rejectsAnUnknownCodeNamingTheValidOnes() {
        assertThatThrownBy(() -> RuleSet.parse("westinghouse"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("westinghouse")
                .hasMessageContaining("nelson, western-electric, none");
    }

    @Test
    void eachSetHoldsItsOwnRules() {
        assertThat(RuleSet.NELSON.rules()).hasSize(8).allMatch(r -> r.name().startsWith("NELSON_"));
        assertThat(RuleSet.WESTERN_ELECTRIC.rules())
                .containsExactly(RunRule.WE_1, RunRule.WE_2, RunRule.WE_3, RunRule.WE_4);
        assertThat(RuleSet.NONE.rules()).isEmpty();
    }

    @Test
    void noRuleLooksFurtherBackThanTheLongestWindow() {
        assertThat(RunRule.values()).allMatch(r -> r.windowLength() <= RunRule.LONGEST_WINDOW);
        assertThat(RunRule.NELSON_7.windowLength()).isEqualTo(RunRule.LONGEST_WINDOW);
    }

    @Test
    void eachRuleDescriptionNamesWhereItIsDefined() {
        assertThat(RunRule.NELSON_3.description()).startsWith("Nelson test 3: six points");
        assertThat(RunRule.WE_4.description()).startsWith("Western Electric rule 4: eight points");
    }
}
