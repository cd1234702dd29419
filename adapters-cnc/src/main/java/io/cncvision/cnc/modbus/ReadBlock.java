package io.cncvision.cnc.modbus;

import io.cncvision.cnc.MachineSignal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** One read request of a poll: a run of contiguous registers (or bits) of one table, and the signals in it. */
record ReadBlock(RegisterAddress.Table table, int start, int count, List<RegisterMapping> members) {

    ReadBlock {
        members = List.copyOf(members);
    }

    static ReadBlock of(RegisterMapping mapping) {
        return new ReadBlock(mapping.address().table(), mapping.address().offset(), mapping.width(), List.of(mapping));
    }

    /**
     * The fewest reads that cover {@code mappings}: per table, signals whose registers touch or overlap
     * share a read, up to the most one request may ask for. Gaps are not bridged: a register nobody
     * configured may not exist on the machine, and reading it would fail the whole request. The read that
     * holds the part counter comes first.
     */
    static List<ReadBlock> plan(Collection<RegisterMapping> mappings) {
        List<RegisterMapping> sorted = mappings.stream()
                .sorted(Comparator.comparing((RegisterMapping m) -> m.address().table())
                        .thenComparingInt(m -> m.address().offset()))
                .toList();
        List<ReadBlock> blocks = new ArrayList<>();
        ReadBlock current = null;
        for (RegisterMapping mapping : sorted) {
            int start = mapping.address().offset();
            int end = start + mapping.width();
            if (current != null && current.table() == mapping.address().table() && start <= current.end()
                    && Math.max(end, current.end()) - current.start() <= current.table().maximumPerRead()) {
                List<RegisterMapping> members = new ArrayList<>(current.members());
                members.add(mapping);
                current = new ReadBlock(current.table(), current.start(),
                        Math.max(end, current.end()) - current.start(), members);
                blocks.set(blocks.size() - 1, current);
            } else {
                current = of(mapping);
                blocks.add(current);
            }
        }
        // The part counter is read first in a poll. A controller sets the serial of a part no later than it
        // counts it, so a serial read after a count is never older than that count: a poll that reads the
        // count new reads the serial new too, and one that reads a new serial but the old count leaves the
        // serial to name the part the next poll counts.
        blocks.sort(Comparator.comparing((ReadBlock block) -> block.members().stream()
                .noneMatch(member -> member.signal().signal() == MachineSignal.PART_COUNT)));
        return blocks;
    }

    int end() {
        return start + count;
    }

    /** The registers of {@code member} out of this block's answer. */
    int[] slice(int[] answer, RegisterMapping member) {
        int from = member.address().offset() - start;
        int[] registers = new int[member.width()];
        System.arraycopy(answer, from, registers, 0, registers.length);
        return registers;
    }

    @Override
    public String toString() {
        return table.code() + ":" + start + (count == 1 ? "" : ".." + (end() - 1));
    }
}
