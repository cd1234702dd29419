/**
 * Process capability: Cp, Cpk, Pp, Ppk and Cpm with 95 % confidence intervals, the Anderson-Darling
 * normality test, and Box-Cox or percentile (ISO 22514-2) capability when normality is rejected.
 * Entry point: {@link io.cncvision.spc.capability.Capability#of}. Plain Java, no dependencies.
 */
package io.cncvision.spc.capability;
