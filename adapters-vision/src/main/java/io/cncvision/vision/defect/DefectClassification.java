package io.cncvision.vision.defect;

/**
 * What the defect model says about one image: the class, its softmax probability, where (see {@link Box}) and which
 * model said it (the SHA-256 of its SavedModel, see {@link ModelHash}).
 */
public record DefectClassification(String label, double confidence, Box box, String modelSha256) {

    /**
     * The image region the class applies to, in pixels. The model classifies the texture of the whole image, so the
     * box is always the whole image; a detector would narrow it.
     */
    public record Box(int x, int y, int width, int height) {
    }
}
