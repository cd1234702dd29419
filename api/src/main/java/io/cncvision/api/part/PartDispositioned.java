package io.cncvision.api.part;

import io.cncvision.api.value.Serial;
import org.axonframework.serialization.Revision;

/** A decision was made on what becomes of a part. */
@Revision("1")
public record PartDispositioned(Serial serial, Disposition previous, Disposition disposition, String reason) {
}
