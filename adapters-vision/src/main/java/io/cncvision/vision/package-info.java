/**
 * Camera acquisition (JavaCV), calibration (a camera is a gauge), sub-pixel gauging, serial code reading (ZXing) and defect classification (DJL, TensorFlow engine), and a simulated camera. Every measurement names its camera, calibration, model and image.
 */
package io.cncvision.vision;
