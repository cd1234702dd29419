package io.cncvision.command.part;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.DispositionPart;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.part.PartRejected;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.command.RecentMessageIds;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A produced part, the unit of traceability (IATF 16949 8.5.2.1): its inspections, its disposition, and
 * whether it is held under a nonconformance. A held part is released by the next decision on it: any
 * DispositionPart other than PENDING lifts every hold, so the disposition is where a held part's fate is told.
 */
@Aggregate
public class Part {

    @AggregateIdentifier
    private Serial serial;
    private Disposition disposition;
    private MachineId machineId;
    // The nonconformances the part is held under, until its next disposition.
    private Set<NonConformanceId> heldUnder = new HashSet<>();
    private RecentMessageIds recentMessageIds = new RecentMessageIds();

    /** For Axon and Jackson: rebuilds from events or a snapshot, and starts a part that ProducePart creates. */
    protected Part() {
    }

    // Not a constructor: adapters repeat ProducePart when they re-poll a cycle, and a repeat must answer
    // DUPLICATE rather than fail on the serial that already exists.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(ProducePart command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        if (serial != null) {
            throw new IllegalStateException("part " + serial + " was already produced; a serial is produced once");
        }
        apply(new PartProduced(command.serial(), command.partNumber(), command.machineId(), command.program(),
                command.toolId(), command.lot(), command.producedAt(), command.sourceMessageId()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(RecordInspection command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        apply(new PartInspected(serial, command.characteristicId(), command.result(), command.gaugeId(),
                command.note(), command.observedAt(), command.sourceMessageId(), command.measurements(),
                command.defects(), command.imageSha256(), command.calibrationId(), command.modelSha256()));
        if (command.result() == InspectionResult.FAIL) {
            apply(new PartRejected(serial, machineId, characteristicsOf(command), command.gaugeId(),
                    rejectionReason(command), command.observedAt()));
        }
        return CommandOutcome.RECORDED;
    }

    /**
     * Not a creating handler: a serial that was never produced is refused (Axon answers that no such aggregate
     * exists), so no part is held that the platform does not know.
     */
    @CommandHandler
    public CommandOutcome handle(QuarantinePart command) {
        if (heldUnder.contains(command.nonConformanceId())) {
            return CommandOutcome.UNCHANGED;
        }
        // A scrapped part is rendered unusable (IATF 16949 8.7.1.7) and its disposition is final: holding it
        // would hold it for ever, and it cannot ship anyway.
        if (disposition == Disposition.SCRAP) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new PartQuarantined(serial, command.nonConformanceId(), command.reason(), command.quarantinedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(DispositionPart command) {
        // The same decision again changes nothing, unless it is the decision that releases a held part.
        if (command.disposition() == disposition && (heldUnder.isEmpty() || disposition == Disposition.PENDING)) {
            return CommandOutcome.UNCHANGED;
        }
        // IATF 16949 8.7.1.7: scrapped product is rendered unusable, so no later decision can bring it back.
        if (disposition == Disposition.SCRAP) {
            throw new IllegalStateException("part " + serial + " is scrapped; its disposition is final");
        }
        apply(new PartDispositioned(serial, disposition, command.disposition(), command.reason()));
        return CommandOutcome.RECORDED;
    }

    private static List<CharacteristicId> characteristicsOf(RecordInspection command) {
        Set<CharacteristicId> characteristics = new LinkedHashSet<>();
        if (command.characteristicId() != null) {
            characteristics.add(command.characteristicId());
        }
        command.measurements().stream().map(InspectionMeasurement::characteristicId).filter(Objects::nonNull)
                .forEach(characteristics::add);
        return List.copyOf(characteristics);
    }

    private static String rejectionReason(RecordInspection command) {
        if (!command.defects().isEmpty()) {
            return command.defects().stream()
                    .map(d -> String.format(Locale.ROOT, "%s (%.0f %%)", d.defectClass(), 100 * d.confidence()))
                    .collect(Collectors.joining(", ", "defect: ", ""));
        }
        if (command.note() != null) {
            return command.note();
        }
        return command.gaugeId() == null ? "rejected" : "rejected by " + command.gaugeId();
    }

    @EventSourcingHandler
    private void on(PartProduced event) {
        serial = event.serial();
        machineId = event.machineId();
        disposition = Disposition.PENDING;
        recentMessageIds.remember(event.sourceMessageId());
    }

    @EventSourcingHandler
    private void on(PartInspected event) {
        recentMessageIds.remember(event.sourceMessageId());
    }

    @EventSourcingHandler
    private void on(PartQuarantined event) {
        heldUnder.add(event.nonConformanceId());
    }

    @EventSourcingHandler
    private void on(PartDispositioned event) {
        disposition = event.disposition();
        // PENDING is no decision, so it releases nothing.
        if (event.disposition() != Disposition.PENDING) {
            heldUnder.clear();
        }
    }
}
