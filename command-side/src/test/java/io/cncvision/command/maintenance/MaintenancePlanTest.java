package io.cncvision.command.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.maintenance.MaintenancePlanIdentity;
import io.cncvision.api.maintenance.MaintenancePlanSet;
import io.cncvision.api.maintenance.MaintenancePredicted;
import io.cncvision.api.maintenance.RecordMaintenancePrediction;
import io.cncvision.api.maintenance.SetMaintenancePlan;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenancePlanTest {

    static final MachineId MILL = MachineId.of("mill-01");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant T1 = T0.plusSeconds(600);
    static final MaintenancePlanSet PLAN = new MaintenancePlanSet(MILL, "spindle", 48.0, T0);

    private FixtureConfiguration<MaintenancePlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MaintenancePlan.class);
    }

    @Test
    void thePlanIsKeptApartFromTheMachinesOwnEventStream() {
        assertThat(new SetMaintenancePlan(MILL, "spindle", 48.0, T0).planId())
                .isEqualTo(MaintenancePlanIdentity.of(MILL))
                .isNotEqualTo(MILL.value());
    }

    @Test
    void settingAThresholdRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new SetMaintenancePlan(MILL, "spindle", 48.0, T0))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(PLAN);
    }

    @Test
    void settingTheSameThresholdAgainRecordsNothing() {
        fixture.given(PLAN)
                .when(new SetMaintenancePlan(MILL, "spindle", 48.0, T1))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void refusesAThresholdThatIsNotPositive() {
        assertThatThrownBy(() -> new SetMaintenancePlan(MILL, "spindle", 0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remainingLifeThresholdHours");
        assertThatThrownBy(() -> new RecordMaintenancePrediction(MILL, "spindle", -1, T0, "rul-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remainingLifeHours");
    }

    @Test
    void aPredictionBelowThePlansThresholdAsksForWork() {
        fixture.given(PLAN)
                .when(new RecordMaintenancePrediction(MILL, "spindle", 30.0, T1, "rul-1.2"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MaintenancePredicted(MILL, "spindle", 30.0, 48.0, true, T1, "rul-1.2"));
    }

    @Test
    void aPredictionAtOrAboveTheThresholdIsRecordedWithoutAskingForWork() {
        fixture.given(PLAN)
                .when(new RecordMaintenancePrediction(MILL, "spindle", 48.0, T1, "rul-1.2"))
                .expectEvents(new MaintenancePredicted(MILL, "spindle", 48.0, 48.0, false, T1, "rul-1.2"));
    }

    @Test
    void aPredictionForAComponentWithoutAPlanIsRecordedWithoutAThreshold() {
        fixture.givenNoPriorActivity()
                .when(new RecordMaintenancePrediction(MILL, "T1", 2.0, T1, "wear-0.3"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MaintenancePredicted(MILL, "T1", 2.0, null, false, T1, "wear-0.3"));
    }
}
