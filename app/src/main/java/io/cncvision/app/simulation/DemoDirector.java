package io.cncvision.app.simulation;

import io.cncvision.api.characteristic.CompensationPlan;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.characteristic.PlanCompensation;
import io.cncvision.api.gauge.RecordCameraCalibration;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Specification;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.vision.calibration.CalibrationTarget;
import io.cncvision.vision.calibration.CameraCalibration;
import io.cncvision.vision.calibration.TargetCalibrator;
import io.cncvision.vision.render.TargetRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a quality engineer would set up on the demo's shop floor, done through the platform's own commands: each
 * camera calibrated from views of a chessboard, each lathe's bore a characteristic of the control plan, its
 * control limits established from its first subgroups, and a reaction plan by which the lathe's wear offset
 * corrects its drift. Then the figures of the run, from the event store.
 */
public final class DemoDirector {

    private static final Logger log = LoggerFactory.getLogger(DemoDirector.class);

    /** Subgroups of one part each from which the control limits are established. */
    static final int BASELINE_SUBGROUPS = 20;
    static final String PART_NUMBER = "PN-1234";
    /** The bore's specification: nominal as the lathe is set up, the tolerance its drawing gives. */
    static final Specification BORE = new Specification("mm", SimulatedLathe.NOMINAL_BORE,
            SimulatedLathe.NOMINAL_BORE - 0.025, SimulatedLathe.NOMINAL_BORE + 0.025);
    /** The lathe's wear offset corrects at most 10 µm at a time and 0.5 mm in all before its tool must be changed. */
    static final double MAX_STEP_MM = 0.010;
    static final double MAX_TOTAL_MM = 0.500;

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DemoDirector(CommandGateway gateway, JdbcTemplate jdbc, Clock clock) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The characteristic of machine {@code machine}'s bore. */
    public static CharacteristicId boreOf(MachineId machine) {
        return CharacteristicId.of(machine.value() + "-bore");
    }

    /**
     * Calibrates {@code camera} as a calibration technician would, from eight views of a 9x6 chessboard of 4 mm
     * squares and one of it lying on the working plane, through a lens like the simulated camera's: a pinhole at
     * {@code mmPerPixel} on the working plane.
     */
    public CameraCalibration calibrate(GaugeId camera, double mmPerPixel, int width, int height) {
        CalibrationTarget target = CalibrationTarget.chessboard(9, 6, 4.0);
        double focal = 1.2 * width;
        TargetRenderer lens = new TargetRenderer(width, height, focal, focal, width / 2.0, height / 2.0,
                new double[] {0, 0, 0, 0, 0}, target);
        List<java.awt.image.BufferedImage> views = lens.calibrationViews(8);
        CameraCalibration calibration = new TargetCalibrator(target).calibrate(views,
                lens.renderWorkingPlane(lens.workingDistanceMm(mmPerPixel)));
        Instant now = clock.instant();
        RecordCameraCalibration command = calibration.toCommand(camera,
                CalibrationId.of(camera.value() + "-" + now.getEpochSecond()), now, "demo");
        gateway.sendAndWait(command, 30, TimeUnit.SECONDS);
        log.info("camera {} calibrated: {} mm per pixel, RMS reprojection error {} px over {} views", camera,
                String.format("%.6f", calibration.mmPerPixel()), String.format("%.3f", calibration.rmsReprojectionErrorPx()),
                calibration.imageCount());
        return calibration;
    }

    /**
     * Defines the bore of {@code machine}, charted part by part on an EWMA chart: the chart for a small, steady
     * drift such as tool wear, whose statistic is also the estimate of the level a correction starts from, and
     * which seldom signals falsely while a correction is verified.
     */
    public void defineBore(MachineId machine) {
        gateway.sendAndWait(new DefineCharacteristic(boreOf(machine), PART_NUMBER, "Bore diameter, " + machine, BORE, 1,
                ChartType.EWMA), 30, TimeUnit.SECONDS);
    }

    /**
     * Once the bore of {@code machine} has {@link #BASELINE_SUBGROUPS} subgroups, establishes its control limits
     * from them and plans its compensation, the parts cut before a correction reaching the camera within
     * {@code deadTime}; false while it has fewer.
     */
    public boolean establishWhenReady(MachineId machine, Duration deadTime) {
        CharacteristicId bore = boreOf(machine);
        if (subgroups(bore) < BASELINE_SUBGROUPS) {
            return false;
        }
        // The reaction plan first, so that the first signal against the new limits already has one.
        gateway.sendAndWait(new PlanCompensation(bore, new CompensationPlan(machine, SimulatedLathe.WEAR_OFFSET, 1.0,
                MAX_STEP_MM, MAX_TOTAL_MM, 3, 3, Duration.ofSeconds(5), deadTime, Duration.ofMinutes(2)), "demo"),
                30, TimeUnit.SECONDS);
        gateway.sendAndWait(new EstablishControlLimits(bore, 1, BASELINE_SUBGROUPS, "nelson", "demo",
                "demo: the lathe's first " + BASELINE_SUBGROUPS + " parts", Map.of("lambda", 0.2, "L", 3.0)), 30,
                TimeUnit.SECONDS);
        log.info("{}: control limits from subgroups 1-{}, drift corrected by {} within {} mm a step, {} mm in all",
                bore, BASELINE_SUBGROUPS, SimulatedLathe.WEAR_OFFSET, MAX_STEP_MM, MAX_TOTAL_MM);
        return true;
    }

    private long subgroups(CharacteristicId characteristic) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM eventstore.events WHERE aggregate_identifier = ?"
                + " AND event_type = ?", Long.class, characteristic.value(),
                io.cncvision.api.characteristic.SubgroupCompleted.class.getName());
        return count == null ? 0 : count;
    }

    /** The machines put on quality hold so far. */
    public List<MachineId> machinesOnHold() {
        return jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM eventstore.events WHERE event_type = ?",
                String.class, io.cncvision.api.machine.MachinePutOnHold.class.getName()).stream()
                .map(MachineId::of).toList();
    }

    /** The figures of the run: what the platform recorded, counted from the event store. */
    public Map<String, Long> summary() {
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.query("SELECT event_type, count(*) FROM eventstore.events GROUP BY event_type",
                row -> {
                    byType.put(row.getString(1), row.getLong(2));
                });
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("partsMade", count(byType, io.cncvision.api.machine.CycleCompleted.class));
        figures.put("partsInspected", count(byType, io.cncvision.api.part.PartInspected.class));
        figures.put("outOfControlSignals", count(byType, io.cncvision.api.characteristic.OutOfControlSignalled.class));
        figures.put("offsetCorrectionsApplied", count(byType,
                io.cncvision.api.machine.ToolOffsetAdjustmentApplied.class));
        figures.put("nonConformancesOpened", count(byType,
                io.cncvision.api.nonconformance.NonConformanceOpened.class));
        // A part held under two reports is one part quarantined.
        figures.put("partsQuarantined", jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM"
                + " eventstore.events WHERE event_type = ?", Long.class,
                io.cncvision.api.part.PartQuarantined.class.getName()));
        return figures;
    }

    private static long count(Map<String, Long> byType, Class<?> type) {
        return byType.getOrDefault(type.getName(), 0L);
    }
}
