package io.cncvision.api.spc;

import io.cncvision.api.value.CharacteristicId;

/**
 * Finds a characteristic's process capability over subgroups {@code from}..{@code to}; without them, over
 * the baseline of the control limits in force, or every subgroup when no limits are established.
 */
public record FindSpcCapability(CharacteristicId characteristicId, Long fromSubgroup, Long toSubgroup) {

    public FindSpcCapability {
        if (characteristicId == null) {
            throw new IllegalArgumentException("characteristicId is required");
        }
        if (fromSubgroup != null && toSubgroup != null && fromSubgroup > toSubgroup) {
            throw new IllegalArgumentException("from (" + fromSubgroup + ") must not be after to (" + toSubgroup + ")");
        }
    }
}
