package io.cncvision.command.characteristic;

import io.cncvision.api.value.Serial;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The parts measured in a characteristic's recent subgroups, and whether each subgroup was good (in control and
 * every value in specification), so that the parts sharing a bad part's fault can be named: those measured since
 * the last good subgroup before it. Holds the last {@value #CAPACITY} subgroups; plain fields, so the
 * characteristic's snapshot holds it (Jackson field access).
 */
final class SuspectWindow {

    static final int CAPACITY = 500;

    /** One subgroup: its number, the serials of its parts, and whether it was good. */
    static final class Subgroup {
        long number;
        ArrayList<String> serials = new ArrayList<>();
        boolean good = true;

        Subgroup() {
        }

        Subgroup(long number) {
            this.number = number;
        }
    }

    /** The parts the window names, and the first subgroup they span. */
    record Suspects(List<Serial> serials, long sinceSubgroup) {
    }

    private ArrayDeque<Subgroup> completed = new ArrayDeque<>();
    private Subgroup open;

    /** A value of subgroup {@code subgroup} was measured on part {@code serial} (null when the part is unknown). */
    void measured(long subgroup, Serial serial, boolean inSpecification) {
        if (open == null || open.number != subgroup) {
            open = new Subgroup(subgroup);
        }
        if (serial != null && !open.serials.contains(serial.value())) {
            open.serials.add(serial.value());
        }
        open.good &= inSpecification;
    }

    /** A value already recorded turned out of specification. */
    void outOfSpecification(long subgroup) {
        if (open != null && open.number == subgroup) {
            open.good = false;
        }
    }

    void completed(long subgroup) {
        Subgroup done = open != null && open.number == subgroup ? open : new Subgroup(subgroup);
        open = null;
        completed.addLast(done);
        if (completed.size() > CAPACITY) {
            completed.removeFirst();
        }
    }

    /** Subgroup {@code subgroup} signalled out of control. */
    void signalled(long subgroup) {
        for (Iterator<Subgroup> it = completed.descendingIterator(); it.hasNext(); ) {
            Subgroup s = it.next();
            if (s.number == subgroup) {
                s.good = false;
                return;
            }
        }
    }

    /**
     * The parts measured since the last good subgroup before {@code trigger}'s (the open subgroup included): the
     * trigger's own subgroup is never the good one that bounds them, as the trigger is bad. A trigger not in the
     * window bounds nothing: every part since the last good completed subgroup is named.
     */
    Suspects suspectsOf(Serial trigger) {
        List<Subgroup> subgroups = new ArrayList<>(completed);
        if (open != null) {
            subgroups.add(open);
        }
        int triggerAt = subgroups.size();
        for (int i = subgroups.size() - 1; i >= 0 && trigger != null; i--) {
            if (subgroups.get(i).serials.contains(trigger.value())) {
                triggerAt = i;
                break;
            }
        }
        int lastGood = -1;
        // The open subgroup is not judged yet, so it is never the good one either.
        for (int i = Math.min(triggerAt, completed.size()) - 1; i >= 0; i--) {
            if (subgroups.get(i).good) {
                lastGood = i;
                break;
            }
        }
        List<Serial> serials = new ArrayList<>();
        for (int i = lastGood + 1; i < subgroups.size(); i++) {
            subgroups.get(i).serials.forEach(serial -> {
                Serial s = Serial.of(serial);
                if (!serials.contains(s)) {
                    serials.add(s);
                }
            });
        }
        if (trigger != null && !serials.contains(trigger)) {
            serials.add(trigger);
        }
        long since = lastGood + 1 < subgroups.size() ? subgroups.get(lastGood + 1).number
                : subgroups.isEmpty() ? 0 : subgroups.get(subgroups.size() - 1).number + 1;
        return new Suspects(serials, since);
    }
}
