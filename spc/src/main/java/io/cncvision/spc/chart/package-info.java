/**
 * Control charts with phase I / phase II: limits are computed from the first {@code phase1}
 * subgroups, then frozen, and every subgroup is judged against them. Variables charts: X-bar R,
 * X-bar S, individuals and moving range, EWMA and tabular CUSUM; attribute charts: p, np, c, u.
 */
package io.cncvision.spc.chart;
