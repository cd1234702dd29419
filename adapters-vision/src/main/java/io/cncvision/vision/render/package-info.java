/**
 * Synthetic backlit parts with known dimensions, rendered the way the sample images were made: for
 * testing the gauges on parts they were never tuned on, gauge R&R studies and the simulated camera.
 */
package io.cncvision.vision.render;
