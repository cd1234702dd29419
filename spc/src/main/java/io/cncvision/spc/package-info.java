/**
 * Statistical process control in plain Java: control charts (X-bar R and S, I-MR, p, np, c, u, EWMA, CUSUM), Nelson and Western Electric run rules, and capability (Cp, Cpk, Pp, Ppk, Cpm). No framework may enter this package.
 */
package io.cncvision.spc;
