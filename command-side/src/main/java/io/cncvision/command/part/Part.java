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
import io.cncvision.api.part.PartRejected;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.command.RecentMessageIds;
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

/** A produced part, the unit of traceability (IATF 16949 8.5.2.1): its inspections and its disposition. */
@Aggregate
public class Part {

    @AggregateIdentifier
    private Serial serial;
    private Disposition disposition;
    private MachineId machineId;
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

    @CommandHandler
    public CommandOutcome handle(DispositionPart command) {
        if (command.disposition() == disposition) {
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
    private void on(PartDispositioned event) {
        disposition = event.disposition();
    }
}
