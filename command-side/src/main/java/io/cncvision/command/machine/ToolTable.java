package io.cncvision.command.machine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine's tool offsets as the control plan bounds them: for each offset, the corrections made since its
 * tool was changed (requested ones counting until they fail), and the requests still waiting for their write.
 * Plain fields, so the machine's snapshot holds it (Jackson field access).
 */
final class ToolTable {

    /** Offsets are kept in millionths of a millimetre: finer than any control writes, coarse enough that sums add up. */
    private static final double STEPS_PER_MM = 1e6;

    /** Request ids remembered once settled, so a repeated request or confirmation records nothing. */
    private static final int SETTLED_REMEMBERED = 1024;

    /** A correction requested and not yet written or failed. */
    record Pending(String offset, double deltaMm, String characteristicId) {
    }

    private HashMap<String, Double> totalSinceToolChange = new HashMap<>();
    private LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private HashSet<String> settled = new HashSet<>();
    private ArrayDeque<String> settledOrder = new ArrayDeque<>();

    /** Whether the request was seen before, pending or settled. */
    boolean known(String requestId) {
        return pending.containsKey(requestId) || settled.contains(requestId);
    }

    boolean isSettled(String requestId) {
        return settled.contains(requestId);
    }

    Pending pending(String requestId) {
        return pending.get(requestId);
    }

    double total(String offset) {
        return totalSinceToolChange.getOrDefault(offset, 0.0);
    }

    /**
     * {@code deltaMm} bounded by the largest step and by what is left of the largest total since the tool was
     * changed, in the same direction; 0 when nothing is left.
     */
    double bounded(String offset, double deltaMm, double maxStepMm, double maxTotalMm) {
        double step = Math.max(-maxStepMm, Math.min(maxStepMm, deltaMm));
        double total = total(offset);
        double after = Math.max(-maxTotalMm, Math.min(maxTotalMm, total + step));
        double bounded = rounded(after - total);
        // Only a move that keeps the direction asked for is a correction; past the total, none is left.
        return Math.signum(bounded) == Math.signum(deltaMm) ? bounded : 0;
    }

    void requested(String requestId, String offset, double deltaMm, String characteristicId) {
        pending.put(requestId, new Pending(offset, deltaMm, characteristicId));
        totalSinceToolChange.merge(offset, deltaMm, ToolTable::sum);
    }

    void applied(String requestId) {
        pending.remove(requestId);
        settle(requestId);
    }

    void failed(String requestId) {
        Pending failed = pending.remove(requestId);
        if (failed != null) {
            totalSinceToolChange.merge(failed.offset(), -failed.deltaMm(), ToolTable::sum);
        }
        settle(requestId);
    }

    void rejected(String requestId) {
        settle(requestId);
    }

    /** A new tool: its offsets ({@code T1} or {@code T1.wear.x} and the like) start again from no correction. */
    void toolChanged(String tool) {
        totalSinceToolChange.keySet().removeIf(offset -> offset.equals(tool) || offset.startsWith(tool + "."));
    }

    Map<String, Pending> pendingRequests() {
        return Map.copyOf(pending);
    }

    private static double sum(double a, double b) {
        return rounded(a + b);
    }

    static double rounded(double mm) {
        // Divided, not multiplied by 1e-6, so that the result is the double nearest the decimal it stands for.
        return Math.round(mm * STEPS_PER_MM) / STEPS_PER_MM;
    }

    private void settle(String requestId) {
        if (settled.add(requestId)) {
            settledOrder.addLast(requestId);
            if (settledOrder.size() > SETTLED_REMEMBERED) {
                settled.remove(settledOrder.removeFirst());
            }
        }
    }
}
