package io.cncvision.cnc.mtconnect;

/** A document longer than the configured limit: refused before it can exhaust memory. */
public final class DocumentTooLargeException extends MtConnectDocumentException {

    public DocumentTooLargeException(long limitBytes) {
        super("MTConnect document exceeds the size limit of " + limitBytes
                + " bytes (option maxDocumentBytes); refused");
    }
}
