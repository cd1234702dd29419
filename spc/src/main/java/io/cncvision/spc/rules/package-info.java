/**
 * Run rules that judge a control chart's points: Nelson 1-8 and Western Electric 1-4.
 *
 * <p>Sources: Nelson, L.S. (1984) "The Shewhart Control Chart—Tests for Special Causes", Journal of
 * Quality Technology 16(4), 237-239; Western Electric Company (1956) Statistical Quality Control
 * Handbook.
 *
 * <p>Conventions, where the sources leave a boundary open (z is a point's distance from its centre in
 * sigmas of the plotted statistic, {@code (value - center) / sigma}):
 * <ul>
 *   <li>"beyond kσ" is strictly outside: {@code |z| > k}; "within 1σ" is its complement,
 *       {@code |z| <= 1}, so a point on the centre line is within 1σ;</li>
 *   <li>"on the same side of the centre" is strictly above ({@code z > 0}) or strictly below
 *       ({@code z < 0}); a point exactly on the centre breaks a run;</li>
 *   <li>"steadily increasing / decreasing" compares the plotted values and is strict: a tie breaks the
 *       trend; "alternating" means every consecutive difference of plotted values changes sign, and a
 *       zero difference breaks it;</li>
 *   <li>a rule fires at every point that completes a qualifying window, so ten points in a row above
 *       the centre fire Nelson 2 at the ninth and at the tenth point;</li>
 *   <li>for the "k of m" rules (Nelson 5 and 6, Western Electric 2 and 3) the completing point must
 *       itself be one of the k, and the signal names only the qualifying points of the window, not the
 *       point that falls short; for every other rule the signal names the whole window;</li>
 *   <li>at the start of a series, k qualifying points already satisfy "k out of m" (two points beyond
 *       2σ fire Nelson 5 at the second point); every other rule needs its whole window.</li>
 * </ul>
 */
package io.cncvision.spc.rules;
