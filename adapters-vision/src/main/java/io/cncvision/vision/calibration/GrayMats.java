package io.cncvision.vision.calibration;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.opencv.opencv_core.Mat;

/** 8-bit grey OpenCV matrices from Java images. */
final class GrayMats {

    private GrayMats() {
    }

    /** A new 8-bit single-channel matrix holding {@code image} in grey; the caller closes it. */
    static Mat of(BufferedImage image) {
        BufferedImage gray = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = gray.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        Mat mat = new Mat(height, width, CV_8UC1);
        var raster = gray.getRaster();
        byte[] pixels = ((DataBufferByte) raster.getDataBuffer()).getData();
        if (raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && pixels.length == width * height) {
            mat.data().put(pixels, 0, pixels.length);
        } else {
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                mat.data().position((long) y * mat.step()).put(row, 0, width);
            }
            mat.data().position(0);
        }
        return mat;
    }
}
