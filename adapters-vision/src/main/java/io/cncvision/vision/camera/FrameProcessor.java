package io.cncvision.vision.camera;

/** What the pipeline does with each frame (gauge, read the code, classify, publish); called from its workers. */
@FunctionalInterface
public interface FrameProcessor {

    void process(Frame frame) throws Exception;
}
