/**
 * Calibrated sub-pixel gauging: recipes of features ({@link io.cncvision.vision.gauge.Recipes}), the
 * ring gauge (blurred-step edge fits along rays, robust geometric circle fit, curvature correction)
 * and gauge R&R by the AIAG ANOVA method. Pure Java on 8-bit grey pixels.
 */
package io.cncvision.vision.gauge;
