/**
 * Control chart constants (d2, d3, c4 and the factors built on them) computed for any subgroup size,
 * with the standard normal distribution and log-gamma they rest on.
 */
package io.cncvision.spc.constants;
