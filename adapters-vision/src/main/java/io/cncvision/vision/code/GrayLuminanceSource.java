package io.cncvision.vision.code;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** ZXing's view of a Java image in grey, read straight from an 8-bit grey raster without converting it twice. */
final class GrayLuminanceSource extends LuminanceSource {

    private final byte[] luminance;

    GrayLuminanceSource(BufferedImage image) {
        super(image.getWidth(), image.getHeight());
        BufferedImage gray = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            var g = gray.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        if (data.length == getWidth() * getHeight() && gray.getRaster().getSampleModelTranslateX() == 0
                && gray.getRaster().getSampleModelTranslateY() == 0) {
            luminance = data;
        } else {
            luminance = new byte[getWidth() * getHeight()];
            gray.getRaster().getDataElements(0, 0, getWidth(), getHeight(), luminance);
        }
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        if (row == null || row.length < getWidth()) {
            row = new byte[getWidth()];
        }
        System.arraycopy(luminance, y * getWidth(), row, 0, getWidth());
        return row;
    }

    @Override
    public byte[] getMatrix() {
        return luminance;
    }
}
