package io.cncvision.audit.evidence;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 rows: a cell with a comma, quote or line break is quoted, quotes doubled; null is an empty cell. */
final class Csv {

    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    Csv row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
