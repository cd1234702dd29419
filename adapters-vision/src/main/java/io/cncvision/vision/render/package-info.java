/**
 * Synthetic scenes with known truth, rendered the way a camera sees them: backlit parts with known dimensions
 * (as the sample images were made), for testing the gauges on parts they were never tuned on, gauge R&R
 * studies and the simulated camera; and calibration targets seen through a known lens, for testing calibration
 * and calibrating the simulated cameras.
 */
package io.cncvision.vision.render;
