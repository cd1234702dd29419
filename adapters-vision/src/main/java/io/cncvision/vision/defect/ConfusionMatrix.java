package io.cncvision.vision.defect;

import java.util.List;

/** Counts of true class (row) against predicted class (column), with the accuracy they give. */
public record ConfusionMatrix(List<String> classes, int[][] counts) {

    public static ConfusionMatrix of(List<String> classes, int[] truth, int[] predicted) {
        int[][] counts = new int[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int c : row) {
                total += c;
            }
        }
        return total;
    }

    public int correct() {
        int correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return correct;
    }

    public double accuracy() {
        return total() == 0 ? 0 : (double) correct() / total();
    }

    /** A plain-text table, rows the true class, columns the predicted one. */
    public String format() {
        int width = Math.max(6, classes.stream().mapToInt(String::length).max().orElse(6));
        StringBuilder out = new StringBuilder(String.format("%-" + width + "s", "true\\predicted"));
        for (int j = 0; j < classes.size(); j++) {
            out.append(String.format(" %5d", j));
        }
        out.append('\n');
        for (int i = 0; i < classes.size(); i++) {
            out.append(String.format("%-" + width + "s", i + " " + classes.get(i)));
            for (int c : counts[i]) {
                out.append(String.format(" %5d", c));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
