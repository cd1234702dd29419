package io.cncvision.api.machine;

/** Finds the status of every registered machine. */
public record FindAllMachines() {
}
