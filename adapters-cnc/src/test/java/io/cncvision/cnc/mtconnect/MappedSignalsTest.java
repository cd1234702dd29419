package io.cncvision.cnc.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.Observation.AlarmReport;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappedSignalsTest {

    private static final Instant T = Instant.parse("2026-01-05T06:00:00Z");

    private final MappedSignals signals = new MappedSignals(new MachineConnection(new MachineId("m"), null, Protocol.MTCONNECT,
            "http://agent:5000", null, List.of(new SignalMapping(MachineSignal.ALARM, null, "system", false, null),
            new SignalMapping(MachineSignal.ALARM, "hydraulics", "hyd", false, null),
            new SignalMapping(MachineSignal.PART_COUNT, null, "pc", false, null),
            new SignalMapping(MachineSignal.SPINDLE_LOAD, null, "load", false, null)), null, null));

    private static List<String> keysAndLevels(List<Observation> observations) {
        return observations.stream().map(o -> o.key() + "=" + ((AlarmReport) o.value()).level()).toList();
    }

    @Test
    void aNormalWithoutNativeCodeClearsEveryActiveCodeOfItsDataItem() {
        signals.condition("system", AlarmLevel.FAULT, "1001", "overload", T, "s1");
        signals.condition("system", AlarmLevel.WARNING, "2002", "warm", T, "s2");
        assertThat(keysAndLevels(signals.condition("system", AlarmLevel.NORMAL, null, null, T, "s3")))
                .containsExactly("1001=NORMAL", "2002=NORMAL");
        assertThat(keysAndLevels(signals.condition("system", AlarmLevel.NORMAL, null, null, T, "s4")))
                .containsExactly("system=NORMAL");
    }

    @Test
    void aConditionWithoutNativeCodeIsKeyedByTheMappingsKeyOrElseTheDataItem() {
        assertThat(keysAndLevels(signals.condition("hyd", AlarmLevel.FAULT, "", "low", T, "s1"))).containsExactly("hydraulics=FAULT");
        assertThat(keysAndLevels(signals.condition("system", AlarmLevel.WARNING, null, null, T, "s2"))).containsExactly("system=WARNING");
    }

    @Test
    void unavailableSaysNothingAboutAlarms() {
        signals.condition("system", AlarmLevel.FAULT, "1001", "overload", T, "s1");
        assertThat(signals.condition("system", null, null, null, T, "s2")).isEmpty();
        assertThat(keysAndLevels(signals.clearAllBut("system", Set.of(), T, "s3"))).containsExactly("1001=NORMAL");
    }

    @Test
    void numbersAreNumbersAndUnavailableIsNoValue() {
        assertThat(signals.value("pc", "12", T, "s").get(0).value()).isEqualTo(12L);
        assertThat(signals.value("load", "35.5", T, "s").get(0).value()).isEqualTo(35.5);
        assertThat(signals.value("load", "UNAVAILABLE", T, "s")).isEmpty();
        assertThat(signals.value("load", "n/a", T, "s")).isEmpty();
        assertThat(signals.unusableValues()).isEqualTo(1);
        assertThat(signals.value("not-mapped", "1", T, "s")).isEmpty();
    }
}
