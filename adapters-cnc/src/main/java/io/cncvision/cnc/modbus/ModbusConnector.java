package io.cncvision.cnc.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.Backoff;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnector;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine over Modbus TCP: polls its register map every {@code poll-interval}, one read per run of
 * contiguous registers, and reports a signal when its value changed (every signal right after a
 * (re)connect). Addresses and options are described in the {@linkplain io.cncvision.cnc.modbus package
 * documentation}.
 *
 * <p>One thread per machine does all the talking, polls and offset writes alike, so requests never
 * interleave on the connection. A register the machine does not have (exception 2, illegal data address)
 * is logged and left out until the next connect, and the other signals keep being polled; a machine that
 * does not answer within the timeout, after its retries, is disconnected and reconnected with backoff.
 * The loss is reported once, with why, until a connect succeeds; a first connect that fails counts as a loss
 * too, so whoever configured the machine sees why it is silent.
 */
public final class ModbusConnector implements MachineConnector {

    private static final Logger log = LoggerFactory.getLogger(ModbusConnector.class);
    static final int DEFAULT_PORT = Modbus.DEFAULT_PORT;

    private final MachineConnection connection;
    private final Clock clock;
    private final String host;
    private final int port;
    private final int unitId;
    private final Duration pollInterval;
    private final int timeoutMillis;
    private final int retries;
    private final Map<SignalMapping, RegisterMapping> mappings = new LinkedHashMap<>();
    private final BlockingQueue<PendingWrite> writes = new LinkedBlockingQueue<>();
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile boolean running;
    private Thread poller;

    // Touched by the poller thread only.
    private ModbusTCPMaster master;
    private List<ReadBlock> plan = List.of();
    private final Map<RegisterMapping, Object> lastReported = new HashMap<>();
    private final Set<String> loggedOnce = new HashSet<>();

    public ModbusConnector(MachineConnection connection) {
        this(connection, Clock.systemUTC());
    }

    ModbusConnector(MachineConnection connection, Clock clock) {
        if (connection.protocol() != Protocol.MODBUS) {
            throw new IllegalArgumentException("machine " + connection.machine() + " speaks "
                    + connection.protocol().code() + ", not modbus");
        }
        this.connection = connection;
        this.clock = clock;
        String endpoint = connection.endpoint().trim().replaceFirst("^modbus(\\+tcp)?://", "");
        int colon = endpoint.lastIndexOf(':');
        this.host = colon < 0 ? endpoint : endpoint.substring(0, colon);
        this.port = colon < 0 ? DEFAULT_PORT : intOption(endpoint.substring(colon + 1), "endpoint port", 1, 65535);
        this.unitId = intOption(connection.option("unit-id", "1"), "unit-id", 0, 255);
        this.pollInterval = Duration.ofMillis(intOption(connection.option("poll-interval", "100"), "poll-interval", 1,
                Integer.MAX_VALUE));
        this.timeoutMillis = intOption(connection.option("timeout", "1000"), "timeout", 1, Integer.MAX_VALUE);
        this.retries = intOption(connection.option("retries", "1"), "retries", 0, 100);
        for (SignalMapping signal : connection.signals()) {
            mappings.put(signal, RegisterMapping.of(connection.machine(), signal));
        }
    }

    @Override
    public MachineId machine() {
        return connection.machine();
    }

    @Override
    public Protocol protocol() {
        return Protocol.MODBUS;
    }

    @Override
    public synchronized void start(ObservationSink sink) {
        if (poller != null) {
            throw new IllegalStateException("machine " + machine() + ": modbus connector already started");
        }
        running = true;
        poller = new Thread(() -> run(sink), "modbus-" + machine().value());
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public CompletableFuture<OffsetWritten> writeOffset(OffsetWrite write) {
        RegisterMapping mapping;
        int[] registers;
        try {
            mapping = mappings.get(connection.writableOffset(write.offset()));
            registers = mapping.encode(write.value());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (state != ConnectionState.CONNECTED) {
            return CompletableFuture.failedFuture(new IOException("machine " + machine() + " is not connected ("
                    + state.name().toLowerCase() + "): offset " + write.offset() + " not written"));
        }
        PendingWrite pending = new PendingWrite(write, mapping, registers, new CompletableFuture<>());
        writes.add(pending);
        return pending.result();
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = poller;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                // a request under way ends within its timeout
                thread.join(timeoutMillis * (retries + 1L) + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = ConnectionState.CLOSED;
        failPendingWrites(new IOException("machine " + machine() + ": modbus connector closed"));
    }

    private void run(ObservationSink sink) {
        Backoff backoff = new Backoff(connection.initialBackoff(), connection.maximumBackoff());
        boolean lossReported = false;
        while (running) {
            try {
                open();
                List<Observation> current = poll(true);
                state = ConnectionState.CONNECTED;
                backoff.succeeded();
                lossReported = false;
                log.info("machine {}: connected to modbus {}:{} unit {}, polling {} signals in {} reads every {} ms",
                        machine(), host, port, unitId, mappings.size(), plan.size(), pollInterval.toMillis());
                tell(() -> sink.connectionRestored(machine(), clock.instant()));
                current.forEach(observation -> tell(() -> sink.observed(machine(), observation)));
                tell(() -> sink.endOfBatch(machine()));
                long nextPoll = System.nanoTime() + pollInterval.toNanos();
                while (running) {
                    nextPoll = awaitPoll(nextPoll);
                    List<Observation> polled = poll(false);
                    polled.forEach(observation -> tell(() -> sink.observed(machine(), observation)));
                    if (!polled.isEmpty()) {
                        tell(() -> sink.endOfBatch(machine()));
                    }
                }
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                // not CONNECTED first, so no write is queued after the queue is emptied
                state = ConnectionState.RECONNECTING;
                disconnect();
                failPendingWrites(new IOException("machine " + machine() + ": connection lost before the offset was"
                        + " written: " + reason(e), e));
                if (!running) {
                    break;
                }
                String reason = reason(e);
                if (!lossReported) {
                    lossReported = true;
                    tell(() -> sink.connectionLost(machine(), reason, clock.instant()));
                }
                Duration wait = backoff.failed();
                log.warn("machine {}: {}; reconnecting in {} ms (failure {})", machine(), reason, wait.toMillis(),
                        backoff.failures());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    break;
                }
            }
        }
        disconnect();
        state = ConnectionState.CLOSED;
    }

    private void open() throws Exception {
        disconnect();
        ModbusTCPMaster opened = new ModbusTCPMaster(host, port, timeoutMillis, false, false);
        opened.connect();
        // j2mod counts tries, not retries, and takes 0 to mean 5; between tries it waits 250 ms or more and reconnects
        opened.setRetries(retries + 1);
        master = opened;
        plan = new ArrayList<>(ReadBlock.plan(mappings.values()));
        lastReported.clear();
        loggedOnce.clear();
    }

    private void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    // Carries out offset writes until the next poll is due; returns when the one after is due.
    private long awaitPoll(long due) throws Exception {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            PendingWrite write = writes.poll(left, TimeUnit.NANOSECONDS);
            if (write != null) {
                write(write);
            }
            if (!running) {
                throw new InterruptedException();
            }
        }
        long now = System.nanoTime();
        // a poll that overran does not make the next ones come in a burst
        return Math.max(due + pollInterval.toNanos(), now);
    }

    /** Reads every block of the plan; the observations of what changed (all of them when {@code resync}). */
    private List<Observation> poll(boolean resync) throws ModbusException {
        Instant at = clock.instant();
        List<Observation> observations = new ArrayList<>();
        Deque<ReadBlock> todo = new ArrayDeque<>(plan);
        while (!todo.isEmpty()) {
            ReadBlock block = todo.pollFirst();
            int[] answer;
            try {
                answer = read(block);
            } catch (ModbusSlaveException e) {
                if (!isAddressProblem(e)) {
                    logOnce(block + "#" + e.getType(), "machine {}: reading {} failed this poll: exception {} ({});"
                            + " retrying at the next", machine(), block, e.getType(), e.getMessage());
                    continue;
                }
                plan.remove(block);
                if (block.members().size() > 1) {
                    // find which signal the machine does not have: read them one by one from now on
                    List<ReadBlock> singles = block.members().stream().map(ReadBlock::of).toList();
                    plan.addAll(singles);
                    for (int i = singles.size() - 1; i >= 0; i--) {
                        todo.addFirst(singles.get(i));
                    }
                } else {
                    RegisterMapping mapping = block.members().get(0);
                    log.error("machine {} ({}:{} unit {}): {} cannot be read: the machine answered exception {} ({})."
                            + " Check the address in the machine's configuration; its other signals keep being"
                            + " polled, this one is retried after the next reconnect", machine(), host, port, unitId,
                            mapping.describe(), e.getType(), e.getMessage());
                }
                continue;
            }
            for (RegisterMapping member : block.members()) {
                int[] registers = block.slice(answer, member);
                Optional<Object> value = member.read(registers);
                if (value.isEmpty()) {
                    double physical = member.physical(registers);
                    logOnce(member + "=" + physical, "machine {}: {} holds {}, which its configured values do not"
                            + " name; not reported", machine(), member.describe(), physical);
                    continue;
                }
                Object previous = lastReported.put(member, value.get());
                if (resync || !value.get().equals(previous)) {
                    observations.add(new Observation(member.signal().signal(), member.signal().key(), value.get(), at,
                            "modbus:" + member.address() + "@" + at));
                }
            }
        }
        return observations;
    }

    private int[] read(ReadBlock block) throws ModbusException {
        int[] answer = new int[block.count()];
        switch (block.table()) {
            case HOLDING -> copy(master.readMultipleRegisters(unitId, block.start(), block.count()), answer, block);
            case INPUT -> copy(master.readInputRegisters(unitId, block.start(), block.count()), answer, block);
            case COIL -> copy(master.readCoils(unitId, block.start(), block.count()), answer, block);
            case DISCRETE -> copy(master.readInputDiscretes(unitId, block.start(), block.count()), answer, block);
        }
        return answer;
    }

    private static void copy(InputRegister[] registers, int[] answer, ReadBlock block) throws ModbusException {
        if (registers == null || registers.length < answer.length) {
            throw new ModbusIOException("short answer to a read of " + block + ": "
                    + (registers == null ? 0 : registers.length) + " of " + answer.length + " registers");
        }
        for (int i = 0; i < answer.length; i++) {
            answer[i] = registers[i].toUnsignedShort();
        }
    }

    private static void copy(BitVector bits, int[] answer, ReadBlock block) throws ModbusException {
        if (bits == null || bits.size() < answer.length) {
            throw new ModbusIOException("short answer to a read of " + block + ": "
                    + (bits == null ? 0 : bits.size()) + " of " + answer.length + " bits");
        }
        for (int i = 0; i < answer.length; i++) {
            answer[i] = bits.getBit(i) ? 1 : 0;
        }
    }

    private void write(PendingWrite pending) throws ModbusException {
        RegisterMapping mapping = pending.mapping();
        int address = mapping.address().offset();
        try {
            if (pending.registers().length == 1) {
                master.writeSingleRegister(unitId, address, new SimpleRegister(pending.registers()[0]));
            } else {
                Register[] registers = new Register[pending.registers().length];
                for (int i = 0; i < registers.length; i++) {
                    registers[i] = new SimpleRegister(pending.registers()[i]);
                }
                master.writeMultipleRegisters(unitId, address, registers);
            }
            int[] readBack = new int[mapping.width()];
            copy(master.readMultipleRegisters(unitId, address, mapping.width()), readBack,
                    ReadBlock.of(mapping));
            double confirmed = mapping.physical(readBack);
            log.info("machine {}: wrote {} = {}, reads back {}", machine(), mapping.describe(),
                    pending.write().value(), confirmed);
            pending.result().complete(new OffsetWritten(pending.write().offset(), pending.write().value(), confirmed,
                    clock.instant()));
        } catch (ModbusSlaveException e) {
            pending.result().completeExceptionally(new IOException("machine " + machine() + " refused the write of "
                    + mapping.describe() + " = " + pending.write().value() + ": exception " + e.getType() + " ("
                    + e.getMessage() + ")", e));
        } catch (ModbusException | RuntimeException e) {
            pending.result().completeExceptionally(new IOException("machine " + machine() + ": writing "
                    + mapping.describe() + " failed: " + reason(e), e));
            throw e;
        }
    }

    private void failPendingWrites(IOException failure) {
        for (PendingWrite pending = writes.poll(); pending != null; pending = writes.poll()) {
            pending.result().completeExceptionally(failure);
        }
    }

    // Exceptions 1 to 3 (illegal function, data address, data value) are about the request: retrying it will not help.
    private static boolean isAddressProblem(ModbusSlaveException e) {
        return e.getType() == Modbus.ILLEGAL_FUNCTION_EXCEPTION || e.getType() == Modbus.ILLEGAL_ADDRESS_EXCEPTION
                || e.getType() == Modbus.ILLEGAL_VALUE_EXCEPTION;
    }

    /** Why the connection failed, as an integrator needs it to fix it. */
    String reason(Exception e) {
        String where = "modbus " + host + ":" + port + " unit " + unitId;
        String message = messages(e);
        if (message.contains("timed out")) {
            int tries = retries + 1;
            return where + " did not answer within " + timeoutMillis + " ms (" + tries + (tries == 1 ? " try" : " tries")
                    + "; options timeout, retries): " + message;
        }
        if (message.contains("refused")) {
            return where + " refused the connection (is the machine on and its Modbus server enabled?): " + message;
        }
        if (message.contains("end of stream") || message.contains("reset") || message.contains("Broken pipe")) {
            return where + " closed the connection: " + message;
        }
        return where + ": " + message;
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < 500; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!text.toString().contains(message)) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    private void logOnce(String key, String format, Object... arguments) {
        if (loggedOnce.add(key)) {
            log.warn(format, arguments);
        }
    }

    // What the sink does wrong must not look like a lost connection.
    private void tell(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            log.error("machine {}: the observation sink failed", machine(), e);
        }
    }

    private int intOption(String text, String name, int minimum, int maximum) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < minimum || value > maximum) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("machine " + connection.machine() + ": modbus " + name + " must be a"
                    + " whole number " + minimum + ".." + maximum + ", not '" + text + "'");
        }
    }

    private record PendingWrite(OffsetWrite write, RegisterMapping mapping, int[] registers,
                                CompletableFuture<OffsetWritten> result) {
    }
}
