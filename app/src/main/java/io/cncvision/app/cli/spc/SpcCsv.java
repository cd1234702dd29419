package io.cncvision.app.cli.spc;

import io.cncvision.spc.chart.AttributeSample;
import io.cncvision.spc.chart.Subgroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the CSV files of {@code cncvision spc analyze}: a header, then one row per measurement
 * ({@code subgroup,value}) or per sample ({@code subgroup,count,size}). Every refusal names its line.
 */
final class SpcCsv {

    /** A malformed file: the message names the line and what is wrong with it. */
    static final class MalformedCsvException extends Exception {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    private SpcCsv() {
    }

    /**
     * Measurements grouped into subgroups: consecutive rows with one label form a subgroup. With
     * {@code eachRowAlone} (individuals charts) every row is its own subgroup, labelled by its
     * {@code subgroup} column when present, else by its row number.
     */
    static List<Subgroup> subgroups(BufferedReader reader, boolean eachRowAlone)
            throws IOException, MalformedCsvException {
        Header header = Header.read(reader);
        int valueColumn = header.require("value");
        int subgroupColumn = header.index("subgroup");
        if (subgroupColumn < 0 && !eachRowAlone) {
            throw new MalformedCsvException("line 1: the header has no subgroup column");
        }
        List<Subgroup> subgroups = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        String openLabel = null;
        double[] open = new double[8];
        int openSize = 0;
        String line;
        int lineNumber = 1;
        int row = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            row++;
            String[] fields = header.fields(line, lineNumber);
            double value = number(fields[valueColumn], "value", lineNumber);
            String label = subgroupColumn >= 0 ? label(fields[subgroupColumn], lineNumber) : Integer.toString(row);
            if (eachRowAlone) {
                subgroups.add(new Subgroup(label, new double[] {value}));
                continue;
            }
            if (!label.equals(openLabel)) {
                if (openLabel != null) {
                    subgroups.add(new Subgroup(openLabel, java.util.Arrays.copyOf(open, openSize)));
                    closed.add(openLabel);
                }
                if (closed.contains(label)) {
                    throw new MalformedCsvException("line " + lineNumber + ": subgroup " + label
                            + " appears again after other subgroups; the rows of a subgroup must be together");
                }
                openLabel = label;
                openSize = 0;
            }
            if (openSize == open.length) {
                open = java.util.Arrays.copyOf(open, open.length * 2);
            }
            open[openSize++] = value;
        }
        if (openLabel != null) {
            subgroups.add(new Subgroup(openLabel, java.util.Arrays.copyOf(open, openSize)));
        }
        if (subgroups.isEmpty()) {
            throw new MalformedCsvException("line " + lineNumber + ": the file has no data rows");
        }
        return subgroups;
    }

    /** One sample per row: {@code subgroup,count,size}. */
    static List<AttributeSample> samples(BufferedReader reader) throws IOException, MalformedCsvException {
        Header header = Header.read(reader);
        int subgroupColumn = header.require("subgroup");
        int countColumn = header.require("count");
        int sizeColumn = header.require("size");
        List<AttributeSample> samples = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = header.fields(line, lineNumber);
            String label = label(fields[subgroupColumn], lineNumber);
            double count = number(fields[countColumn], "count", lineNumber);
            double size = number(fields[sizeColumn], "size", lineNumber);
            if (count < 0) {
                throw new MalformedCsvException("line " + lineNumber + ": count " + fields[countColumn].trim()
                        + " is negative");
            }
            if (size <= 0) {
                throw new MalformedCsvException("line " + lineNumber + ": size " + fields[sizeColumn].trim()
                        + " must be positive");
            }
            samples.add(new AttributeSample(label, count, size));
        }
        if (samples.isEmpty()) {
            throw new MalformedCsvException("line " + lineNumber + ": the file has no data rows");
        }
        return samples;
    }

    private static String label(String field, int lineNumber) throws MalformedCsvException {
        String label = field.trim();
        if (label.isEmpty()) {
            throw new MalformedCsvException("line " + lineNumber + ": the subgroup label is empty");
        }
        return label;
    }

    private static double number(String field, String column, int lineNumber) throws MalformedCsvException {
        String text = field.trim();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MalformedCsvException("line " + lineNumber + ": " + column + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new MalformedCsvException("line " + lineNumber + ": " + column + " '" + text
                    + "' is not a finite number");
        }
        return value;
    }

    /** The header's column names, lower-cased, and how many fields each row must have. */
    private record Header(List<String> columns) {

        static Header read(BufferedReader reader) throws IOException, MalformedCsvException {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw new MalformedCsvException("line 1: the file is empty; it needs a header");
            }
            List<String> columns = new ArrayList<>();
            for (String name : line.split(",", -1)) {
                columns.add(name.trim().replace("\"", "").toLowerCase(Locale.ROOT));
            }
            return new Header(columns);
        }

        int index(String name) {
            return columns.indexOf(name);
        }

        int require(String name) throws MalformedCsvException {
            int index = index(name);
            if (index < 0) {
                throw new MalformedCsvException("line 1: the header has no " + name + " column (it has "
                        + String.join(", ", columns) + ")");
            }
            return index;
        }

        String[] fields(String line, int lineNumber) throws MalformedCsvException {
            String[] fields = line.split(",", -1);
            if (fields.length != columns.size()) {
                throw new MalformedCsvException("line " + lineNumber + ": " + fields.length + " fields where the header has "
                        + columns.size());
            }
            return fields;
        }
    }
}
