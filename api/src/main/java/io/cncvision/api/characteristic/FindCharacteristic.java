package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;

/** Finds one characteristic of the control plan. */
public record FindCharacteristic(CharacteristicId characteristicId) {
}
