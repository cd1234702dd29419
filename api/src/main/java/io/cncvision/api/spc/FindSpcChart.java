package io.cncvision.api.spc;

import io.cncvision.api.value.CharacteristicId;

/** Finds a characteristic's control chart points, optionally only subgroups {@code from}..{@code to}. */
public record FindSpcChart(CharacteristicId characteristicId, Long fromSubgroup, Long toSubgroup) {

    public FindSpcChart {
        if (characteristicId == null) {
            throw new IllegalArgumentException("characteristicId is required");
        }
        if (fromSubgroup != null && toSubgroup != null && fromSubgroup > toSubgroup) {
            throw new IllegalArgumentException("from (" + fromSubgroup + ") must not be after to (" + toSubgroup + ")");
        }
    }
}
