package io.cncvision.audit.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The pack's report for people: the period, the chain head, what happened in numbers, and the registers as plain
 * text tables (capability and signals per characteristic, nonconformances, calibrations, measurements by gauges out
 * of calibration). The CSV and JSON files beside it hold the detail.
 */
final class EvidenceReport {

    private static final float FONT_SIZE = 8f;
    private static final float LEADING = 10.5f;
    private static final float MARGIN = 40f;
    private static final int COLUMNS = 105;
    private static final int MAX_ROWS = 200;

    private EvidenceReport() {
    }

    static void write(OutputStream out, EvidencePeriod period, ChainHead chainHead, Instant generatedAt,
                      long eventsInPeriod, Map<String, Long> eventsByType, EvidencePackWriter.Report report)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("cncvision evidence pack (ISO 9001 / IATF 16949)");
        lines.add("");
        lines.add("Period:        " + period.from() + " to " + period.to() + " (recording time)");
        lines.add("Generated at:  " + generatedAt);
        lines.add("Chain head:    " + (chainHead == null ? "none (the store has no hash chain yet)"
                : "global index " + chainHead.globalIndex() + ", " + chainHead.chainHashHex()));
        if (chainHead != null && chainHead.checkpointGlobalIndex() != null) {
            lines.add("Checkpoint:    global index " + chainHead.checkpointGlobalIndex() + ", signed at "
                    + chainHead.checkpointSignedAt());
        }
        lines.add("Events:        " + eventsInPeriod + " recorded in the period");
        lines.add("The files of this pack and their SHA-256 are listed in manifest.json, signed in manifest.sig;");
        lines.add("check them with: cncvision audit verify-export PACK.zip --public-key KEY.pem");
        lines.add("");
        section(lines, "Events by type", List.of("type", "count"),
                eventsByType.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
        section(lines, "Characteristics (IATF 8.5.1.1, 9.1.1.1): capability over the period and out-of-control signals",
                List.of("id", "name", "chart", "subgroups", "measurements", "Cp", "Cpk", "signals", "unanswered",
                        "out of spec"), report.characteristics);
        section(lines, "Nonconformance register (IATF 8.7, 10.2.3)",
                List.of("id", "source", "characteristic", "disposition", "signed by", "status"), report.nonConformances);
        section(lines, "Gauges and cameras at the end of the period (IATF 7.1.5.2)",
                List.of("id", "kind", "status", "due at"), report.gauges);
        section(lines, "Measurements by gauges out of calibration",
                List.of("gauge", "status", "basis", "event", "characteristic", "serial", "result", "value", "observed"),
                report.outOfCalibration.stream().map(row -> new Object[] {row[0], row[1], row[2], row[3], row[4], row[5],
                        row[6], row[7], row[8]}).toList());
        render(out, lines);
    }

    private static void section(List<String> lines, String title, List<String> header, List<Object[]> rows) {
        lines.add(title);
        lines.add("-".repeat(Math.min(title.length(), COLUMNS)));
        if (rows.isEmpty()) {
            lines.add("(none)");
            lines.add("");
            return;
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
        }
        List<Object[]> shown = rows.subList(0, Math.min(rows.size(), MAX_ROWS));
        for (Object[] row : shown) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.min(24, Math.max(widths[i], cell(row[i]).length()));
            }
        }
        lines.add(format(header.toArray(), widths));
        for (Object[] row : shown) {
            lines.add(format(row, widths));
        }
        if (rows.size() > shown.size()) {
            lines.add("... and " + (rows.size() - shown.size()) + " more rows in the CSV files of the pack");
        }
        lines.add("");
    }

    private static String format(Object[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(row[i]);
            cell = cell.length() > widths[i] ? cell.substring(0, widths[i] - 1) + "~" : cell;
            line.append(String.format("%-" + widths[i] + "s", cell)).append("  ");
        }
        return line.toString().stripTrailing();
    }

    private static String cell(Object value) {
        if (value instanceof Double number) {
            return String.format("%.3f", number);
        }
        return value == null ? "-" : value.toString();
    }

    private static void render(OutputStream out, List<String> lines) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
        try (PDDocument document = new PDDocument()) {
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.showText(printable(line));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
        }
    }

    /** Courier, a standard PDF font, encodes WinAnsi only: anything else is shown as '?'. */
    private static String printable(String line) {
        StringBuilder text = new StringBuilder(Math.min(line.length(), COLUMNS));
        for (int i = 0; i < line.length() && text.length() < COLUMNS; i++) {
            char c = line.charAt(i);
            text.append(c >= 0x20 && c < 0x7f ? c : c == '\u00b5' ? 'u' : '?');
        }
        return text.toString();
    }
}
