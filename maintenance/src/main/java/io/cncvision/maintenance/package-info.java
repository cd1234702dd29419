/**
 * The telemetry store for high-rate signals (vibration, spindle load), feature extraction, and the failure and tool-wear models whose predictions become events.
 */
package io.cncvision.maintenance;
