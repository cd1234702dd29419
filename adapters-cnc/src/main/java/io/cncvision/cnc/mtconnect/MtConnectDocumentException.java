package io.cncvision.cnc.mtconnect;

import java.io.IOException;

/**
 * A document the platform refuses: malformed or truncated XML, a DTD, a missing attribute, or one over
 * the size limit. The message names what is wrong and where (line and column), so nothing partial of it
 * is ever recorded.
 */
public class MtConnectDocumentException extends IOException {

    private final int line;
    private final int column;

    public MtConnectDocumentException(String message, int line, int column, Throwable cause) {
        super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
        this.line = line;
        this.column = column;
    }

    public MtConnectDocumentException(String message) {
        this(message, -1, -1, null);
    }

    /** Line of the fault, or -1 when the fault has no place (a document too large). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
