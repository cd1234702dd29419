package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Rule {@code rule} fired at {@code subgroup}, judged against the control limits in force;
 * {@code subgroups} are the subgroup numbers, ascending, whose points make the pattern, the last
 * being {@code subgroup}. A run rule ({@code NELSON_1}..{@code NELSON_8}, {@code WE_1}..{@code WE_4})
 * judges the plotted mean (or individual value), and {@code value}, {@code center}, {@code lcl},
 * {@code ucl} are that chart's; {@code R_1}, {@code S_1} or {@code MR_1} is a point of the secondary
 * chart (range, standard deviation, moving range) beyond its limits, and the figures are its.
 */
@Revision("1")
public record OutOfControlSignalled(CharacteristicId characteristicId, long subgroup, String rule,
                                    List<Long> subgroups, double value, double center, double lcl, double ucl,
                                    Instant observedAt) {

    public OutOfControlSignalled {
        subgroups = List.copyOf(subgroups);
    }
}
