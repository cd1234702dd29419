package io.cncvision.api.characteristic;

/** Finds every characteristic of the control plan. */
public record FindAllCharacteristics() {
}
