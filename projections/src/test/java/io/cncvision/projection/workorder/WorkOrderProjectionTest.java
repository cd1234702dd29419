package io.cncvision.projection.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.OverdueStage;
import io.cncvision.api.workorder.WorkOrderCompleted;
import io.cncvision.api.workorder.WorkOrderOverdue;
import io.cncvision.api.workorder.WorkOrderScheduled;
import io.cncvision.api.workorder.WorkOrderSource;
import io.cncvision.api.workorder.WorkOrderStarted;
import io.cncvision.projection.ReadModelDatabase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkOrderProjectionTest {

    private static final WorkOrderId WO = WorkOrderId.of("wo-1");
    private static final MachineId MILL = MachineId.of("mill-01");
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    private ReadModelDatabase database;
    private WorkOrderProjection projection;

    @BeforeEach
    void emptyReadModel() {
        database = ReadModelDatabase.cleared();
        projection = new WorkOrderProjection(database.jdbc());
    }

    @Test
    void aWorkOrderGoesFromScheduledToCompletedWithItsToolChange() {
        projection.on(new WorkOrderScheduled(WO, MILL, "spindle wear", WorkOrderSource.PREDICTION, "spindle",
                T0.plusSeconds(86_400), T0), 0);
        assertThat(row()).containsEntry("status", "SCHEDULED").containsEntry("source", "PREDICTION")
                .containsEntry("component", "spindle").containsEntry("machine_id", "mill-01");

        projection.on(new WorkOrderStarted(WO, MILL, "tech-tom", T0.plusSeconds(60)), 1);
        assertThat(row()).containsEntry("status", "STARTED").containsEntry("started_by", "tech-tom");

        projection.on(new WorkOrderCompleted(WO, MILL, "T1", "bearing replaced", "tech-tom", T0.plusSeconds(120)), 2);
        assertThat(row()).containsEntry("status", "COMPLETED").containsEntry("tool_changed", "T1")
                .containsEntry("note", "bearing replaced").containsEntry("completed_by", "tech-tom");
    }

    @Test
    void aMissedDeadlineIsShownAndARedeliveredEventChangesNothing() {
        projection.on(new WorkOrderScheduled(WO, MILL, "noise", WorkOrderSource.PERSON, null, T0, T0), 0);
        projection.on(new WorkOrderOverdue(WO, MILL, OverdueStage.NOT_STARTED, T0, T0), 1);
        assertThat(row()).containsEntry("overdue", "NOT_STARTED").containsEntry("status", "SCHEDULED");

        projection.on(new WorkOrderStarted(WO, MILL, "tech-tom", T0.plusSeconds(60)), 1);
        assertThat(row()).containsEntry("status", "SCHEDULED");
    }

    private Map<String, Object> row() {
        return database.jdbc().queryForMap("SELECT * FROM readmodel.work_order WHERE work_order_id = :id",
                Map.of("id", WO.value()));
    }
}
