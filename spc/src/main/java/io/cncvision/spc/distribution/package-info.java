/**
 * The standard normal and chi-square distributions, log-gamma and the regularized incomplete gamma
 * function that control chart constants and capability both rest on. Plain Java, no dependencies.
 */
package io.cncvision.spc.distribution;
