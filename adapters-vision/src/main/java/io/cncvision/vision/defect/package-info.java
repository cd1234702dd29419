/**
 * Defect classification of surface images: a small CNN trained with the TensorFlow Java API ({@link
 * io.cncvision.vision.defect.DefectTrainer}), exported as a SavedModel and run through DJL's TensorFlow engine
 * ({@link io.cncvision.vision.defect.DefectClassifier}); every result names the model by its SHA-256.
 */
package io.cncvision.vision.defect;
