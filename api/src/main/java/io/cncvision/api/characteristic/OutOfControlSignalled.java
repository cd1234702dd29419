package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Run rule {@code rule} (e.g. {@code NELSON_1}, {@code WE_2}) fired at {@code subgroup}, judged
 * against the control limits in force; {@code subgroups} are the subgroup numbers, ascending, whose
 * points make the pattern, the last being {@code subgroup}. {@code value} is the plotted statistic
 * at {@code subgroup} (its mean, or the individual value).
 */
@Revision("1")
public record OutOfControlSignalled(CharacteristicId characteristicId, long subgroup, String rule,
                                    List<Long> subgroups, double value, double center, double lcl, double ucl,
                                    Instant observedAt) {

    public OutOfControlSignalled {
        subgroups = List.copyOf(subgroups);
    }
}
