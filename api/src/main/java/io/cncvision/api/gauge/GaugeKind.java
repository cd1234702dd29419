package io.cncvision.api.gauge;

/** What sort of gauge it is; a camera carries an optical calibration (intrinsics, distortion, mm per pixel). */
public enum GaugeKind {
    CAMERA,
    CALIPER,
    MICROMETER,
    CMM,
    OTHER
}
