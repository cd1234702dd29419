package io.cncvision.audit.evidence;

import java.util.List;
import java.util.Map;

/**
 * Works out the process capability of a characteristic's subgroups against its specification. The pack asks, the
 * assembly answers with the {@code spc} module, so capability is computed one way throughout the platform.
 */
@FunctionalInterface
public interface CapabilityStudy {

    /** The figures by name (cp, cpk, pp, ppk, n, mean, ...); throws IllegalArgumentException when there are too few. */
    Map<String, Object> of(List<double[]> subgroups, Double lsl, Double usl, double nominal);
}
