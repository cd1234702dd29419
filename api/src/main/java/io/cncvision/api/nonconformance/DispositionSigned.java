package io.cncvision.api.nonconformance;

import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The disposition of a nonconformance was decided and signed; as {@link SignDisposition}. */
@Revision("1")
public record DispositionSigned(NonConformanceId nonConformanceId, NonConformanceDisposition disposition,
                                String justification, Instant concessionExpiresAt, ElectronicSignature signature) {
}
