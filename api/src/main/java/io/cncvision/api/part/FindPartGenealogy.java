package io.cncvision.api.part;

import io.cncvision.api.value.Serial;

/** Finds where a part came from and everything known about it. */
public record FindPartGenealogy(Serial serial) {
}
