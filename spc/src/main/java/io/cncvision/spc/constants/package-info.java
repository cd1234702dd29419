/**
 * Control chart constants (d2, d3, c4 and the factors built on them) computed for any subgroup size,
 * from the standard normal distribution and log-gamma in {@link io.cncvision.spc.distribution}.
 */
package io.cncvision.spc.constants;
