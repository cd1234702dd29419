package io.cncvision.cnc.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A lathe turning rings, for the shop floor we do not have: one model that the OPC-UA server, the
 * Modbus server and the MTConnect agent of the simulator all serve. Deterministic from its seed and the
 * time it is advanced by.
 *
 * <p>Each part takes a cycle of {@link #CYCLE} cutting (ACTIVE, spindle at 1,800 rev/min, the tool
 * moving) then {@link #LOAD} loading (READY). The tool wears a little with every part, which makes the
 * bore grow and the spindle load rise; the bore of a part is nominal + wear + the tool's wear offset
 * ({@code T1.wear.x}, a diameter, mm) + noise, so an offset written to the lathe changes the bore of the
 * next parts. Now and then coolant runs low (a WARNING for a few parts) or the spindle overloads (a
 * FAULT that stops the lathe for a while).
 */
public final class SimulatedLathe {

    public static final Duration CYCLE = Duration.ofSeconds(20);
    public static final Duration LOAD = Duration.ofSeconds(4);
    public static final double NOMINAL_BORE = 30.000;
    /** Bore growth per part from tool wear, mm. */
    public static final double WEAR_PER_PART = 0.0003;
    public static final double BORE_NOISE = 0.002;
    public static final String PROGRAM = "O1234";
    public static final String WEAR_OFFSET = "T1.wear.x";
    public static final String GEOMETRY_OFFSET = "T1.geometry.x";
    static final Duration FAULT_STOP = Duration.ofSeconds(30);

    private final long seed;
    private final Random random;
    private final List<Consumer<LatheState>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Double> offsets = new LinkedHashMap<>();
    private final Map<String, LatheState.Alarm> alarms = new LinkedHashMap<>();
    private Instant now;
    // When set, the lathe's times are this clock's instead of its start plus the time it was advanced by.
    private Clock wallClock;
    private Duration inPhase = Duration.ZERO;
    private String execution = "READY";
    private long partCount;
    private double wear;
    private double lastBore;
    private int coolantPartsLeft;
    private Duration faultLeft = Duration.ZERO;
    private long sequence;
    private double spindleLoad;

    public SimulatedLathe(long seed, Instant start) {
        this.seed = seed;
        this.random = new Random(seed);
        this.now = start;
        offsets.put(WEAR_OFFSET, 0.0);
        offsets.put(GEOMETRY_OFFSET, -12.5);
    }

    /**
     * A lathe whose states carry {@code clock}'s time: it still makes its parts as fast as it is advanced
     * (a simulator may run faster than real time) but never reports a time the clock has not reached.
     */
    public static SimulatedLathe onWallClock(long seed, Clock clock) {
        SimulatedLathe lathe = new SimulatedLathe(seed, clock.instant());
        lathe.wallClock = clock;
        return lathe;
    }

    /**
     * The serial of the {@code partCount}th part a lathe of {@code seed} makes, {@code SIM<seed>-NNNNNN}: what
     * its controller publishes and what the simulated camera marks on the part, so both name it alike.
     */
    public static String partSerial(long seed, long partCount) {
        return String.format(java.util.Locale.ROOT, "SIM%d-%06d", seed, partCount);
    }

    /** Tells {@code listener} every state the lathe shows from now on, on the thread that advances it. */
    public void onChange(Consumer<LatheState> listener) {
        listeners.add(listener);
    }

    public synchronized LatheState state() {
        boolean cutting = execution.equals("ACTIVE");
        double progress = cutting ? (double) inPhase.toMillis() / CYCLE.toMillis() : 0;
        return new LatheState(now, execution, PROGRAM, partCount,
                partCount == 0 ? null : partSerial(seed, partCount), cutting ? 1800 : 0, cutting ? spindleLoad : 0,
                100, 1, cutting ? 15 - 3 * progress : 60, cutting ? -40 * progress : 5, Map.copyOf(alarms),
                Map.copyOf(offsets), lastBore, sequence);
    }

    /** Writes a tool offset; false for an offset the lathe does not have. Takes effect from the next part. */
    public boolean writeOffset(String name, double value) {
        LatheState changed;
        synchronized (this) {
            if (!offsets.containsKey(name) || !Double.isFinite(value)) {
                return false;
            }
            offsets.put(name, value);
            sequence++;
            changed = state();
        }
        tell(changed);
        return true;
    }

    public synchronized double offset(String name) {
        return offsets.getOrDefault(name, Double.NaN);
    }

    /** Advances the lathe by {@code step}, telling listeners of each change of state on the way. */
    public void advance(Duration step) {
        Duration left = step;
        while (!left.isZero() && !left.isNegative()) {
            LatheState changed;
            synchronized (this) {
                Duration slice = left.compareTo(Duration.ofMillis(100)) < 0 ? left : Duration.ofMillis(100);
                left = left.minus(slice);
                now = wallClock != null ? wallClock.instant() : now.plus(slice);
                changed = step(slice) ? state() : null;
                if (changed == null && execution.equals("ACTIVE")) {
                    // while cutting, positions and load move every slice
                    sequence++;
                    changed = state();
                }
            }
            if (changed != null) {
                tell(changed);
            }
        }
    }

    private void tell(LatheState changed) {
        listeners.forEach(listener -> listener.accept(changed));
    }

    // One slice; true when the execution state, the count or the alarms changed.
    private boolean step(Duration slice) {
        if (!faultLeft.isZero()) {
            faultLeft = faultLeft.minus(slice);
            if (faultLeft.isNegative() || faultLeft.isZero()) {
                faultLeft = Duration.ZERO;
                alarms.remove("SPINDLE_OVERLOAD");
                execution = "READY";
                inPhase = Duration.ZERO;
                sequence++;
                return true;
            }
            return false;
        }
        inPhase = inPhase.plus(slice);
        if (execution.equals("READY") && inPhase.compareTo(LOAD) >= 0) {
            execution = "ACTIVE";
            inPhase = Duration.ZERO;
            spindleLoad = 35 + 400 * wear + random.nextGaussian();
            sequence++;
            return true;
        }
        if (execution.equals("ACTIVE")) {
            spindleLoad = 35 + 400 * wear + random.nextGaussian();
            if (inPhase.compareTo(CYCLE) >= 0) {
                finishPart();
                sequence++;
                return true;
            }
        }
        return false;
    }

    private void finishPart() {
        partCount++;
        lastBore = NOMINAL_BORE + wear + offsets.get(WEAR_OFFSET) + BORE_NOISE * random.nextGaussian();
        wear += WEAR_PER_PART;
        execution = "READY";
        inPhase = Duration.ZERO;
        if (coolantPartsLeft > 0 && --coolantPartsLeft == 0) {
            alarms.remove("COOLANT_LOW");
        } else if (coolantPartsLeft == 0 && random.nextDouble() < 0.03) {
            coolantPartsLeft = 3;
            alarms.put("COOLANT_LOW", new LatheState.Alarm("WARNING", "Coolant level low"));
        }
        if (random.nextDouble() < 0.01) {
            alarms.put("SPINDLE_OVERLOAD", new LatheState.Alarm("FAULT", "Spindle overload: cycle stopped"));
            execution = "STOPPED";
            faultLeft = FAULT_STOP;
        }
    }
}
