/**
 * Process managers that close the loop: tool-offset compensation, containment of suspect parts, calibration expiry and maintenance work orders. Each saga ends on every outcome and waits for nothing without a deadline.
 */
package io.cncvision.saga;
