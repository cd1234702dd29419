package io.cncvision.spc.chart;

import io.cncvision.spc.SharedData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Montgomery's data sets from the shared qcc folder, shaped as the charts take them. */
final class Textbook {

    private Textbook() {
    }

    /** Piston ring diameters, 40 subgroups of 5 labelled by sample; the first 25 are the trial. */
    static List<Subgroup> pistonrings() {
        double[] diameter = SharedData.column("spc/qcc/pistonrings.txt", "diameter");
        double[] sample = SharedData.column("spc/qcc/pistonrings.txt", "sample");
        Map<String, List<Double>> bySample = new LinkedHashMap<>();
        for (int i = 0; i < diameter.length; i++) {
            bySample.computeIfAbsent(String.valueOf((int) sample[i]), key -> new ArrayList<>()).add(diameter[i]);
        }
        List<Subgroup> subgroups = new ArrayList<>();
        bySample.forEach((label, values) -> subgroups.add(
                new Subgroup(label, values.stream().mapToDouble(Double::doubleValue).toArray())));
        return subgroups;
    }

    /** Attribute samples of a qcc file: label column, count column, size column. */
    static List<AttributeSample> attributes(String file, String label, String count, String size) {
        double[] labels = SharedData.column(file, label);
        double[] counts = SharedData.column(file, count);
        double[] sizes = SharedData.column(file, size);
        List<AttributeSample> samples = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            samples.add(new AttributeSample(String.valueOf((int) labels[i]), counts[i], sizes[i]));
        }
        return samples;
    }

    /** How many leading rows of a qcc file have trial = TRUE. */
    static int trialRows(String file) {
        List<String[]> rows = SharedData.table(file);
        int trial = java.util.Arrays.asList(rows.get(0)).indexOf("trial");
        int count = 0;
        while (count + 1 < rows.size() && rows.get(count + 1)[trial].equals("TRUE")) {
            count++;
        }
        return count;
    }
}
