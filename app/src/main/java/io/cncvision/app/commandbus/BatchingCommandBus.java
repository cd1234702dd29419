package io.cncvision.app.commandbus;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * A command bus that commits commands in groups: each worker takes the commands waiting for it and runs
 * them, each in its own unit of work, inside one database transaction, then answers every sender once that
 * transaction is durable. One fsync and one commit then serve many commands instead of one each.
 *
 * <p>Commands are routed to workers by their aggregate identifier, so one aggregate is only ever handled
 * by one worker, one group at a time: no command decides on state another group has not yet committed.
 * A command whose handler refuses it writes nothing and does not disturb the others. A database failure
 * (a duplicate aggregate identifier, a lost connection) rolls the group back; the aggregates it touched
 * are evicted from the cache, and its commands are run again one by one, so each sender hears the outcome
 * of its own command only.
 *
 * <p>A handler must not send a command and wait for it: a command sent from a worker thread runs inline
 * within the group of the command that sent it.
 */
public class BatchingCommandBus extends SimpleCommandBus {

    private static final Logger log = LoggerFactory.getLogger(BatchingCommandBus.class);
    private static final ThreadLocal<Boolean> ON_WORKER = ThreadLocal.withInitial(() -> false);

    private final PlatformTransactionManager transactionManager;
    private final RoutingStrategy routingStrategy;
    private final Cache aggregateCache;
    private final int maxGroupSize;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running = true;

    public BatchingCommandBus(SimpleCommandBus.Builder builder, PlatformTransactionManager transactionManager,
                              RoutingStrategy routingStrategy, Cache aggregateCache, CommandGrouping grouping) {
        super(builder);
        this.transactionManager = transactionManager;
        this.routingStrategy = routingStrategy;
        this.aggregateCache = aggregateCache;
        this.maxGroupSize = grouping.maxGroupSize();
        for (int i = 0; i < grouping.workers(); i++) {
            Worker worker = new Worker(i, grouping.queueCapacity());
            workers.add(worker);
            worker.thread.start();
        }
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        if (ON_WORKER.get()) {
            super.handle(command, handler, callback);
            return;
        }
        if (!running) {
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(
                    new IllegalStateException("the platform is shutting down; command "
                            + command.getCommandName() + " was not handled")));
            return;
        }
        String routingKey = routingStrategy.getRoutingKey(command);
        Worker worker = workers.get(Math.floorMod(routingKey.hashCode(), workers.size()));
        worker.submit(new Pending(command, handler, callback, routingKey));
    }

    /** Stops taking commands, lets the workers finish what they hold, and waits for them. */
    public void shutdown() {
        running = false;
        workers.forEach(w -> w.thread.interrupt());
        for (Worker worker : workers) {
            try {
                worker.thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One command waiting for a worker, with what the worker needs to run it and answer its sender. */
    private record Pending(CommandMessage<?> command, MessageHandler<? super CommandMessage<?>> handler,
                           CommandCallback<?, ?> callback, String routingKey) {
    }

    private final class Worker implements Runnable {

        private final BlockingQueue<Pending> queue;
        private final Thread thread;

        Worker(int index, int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this, "command-group-" + index);
            this.thread.setDaemon(true);
        }

        void submit(Pending pending) {
            try {
                // A full queue holds the sender back: back-pressure instead of unbounded memory.
                queue.put(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(pending, GenericCommandResultMessage.asCommandResultMessage(e));
            }
        }

        @Override
        public void run() {
            ON_WORKER.set(true);
            List<Pending> group = new ArrayList<>(maxGroupSize);
            while (running || !queue.isEmpty()) {
                try {
                    Pending first = running ? queue.take() : queue.poll();
                    if (first == null) {
                        break;
                    }
                    group.add(first);
                    queue.drainTo(group, maxGroupSize - 1);
                    runGroup(group);
                } catch (InterruptedException e) {
                    if (running) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                } catch (RuntimeException | Error e) {
                    log.error("command group failed unexpectedly", e);
                    group.forEach(p -> answer(p, GenericCommandResultMessage.asCommandResultMessage(e)));
                } finally {
                    group.clear();
                }
            }
        }

        private void runGroup(List<Pending> group) {
            List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
            TransactionStatus transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            boolean databaseFailed = false;
            try {
                for (Pending pending : group) {
                    CommandResultMessage<?> result = execute(pending);
                    results.add(result);
                    if (result.isExceptional() && isDatabaseFailure(result.exceptionResult())) {
                        databaseFailed = true;
                        break;
                    }
                }
            } catch (RuntimeException | Error e) {
                transactionManager.rollback(transaction);
                throw e;
            }
            if (!databaseFailed) {
                try {
                    transactionManager.commit(transaction);
                    for (int i = 0; i < group.size(); i++) {
                        answer(group.get(i), results.get(i));
                    }
                    return;
                } catch (RuntimeException e) {
                    log.warn("commit of a group of {} commands failed; running them one by one", group.size(), e);
                }
            } else {
                transactionManager.rollback(transaction);
            }
            evict(group);
            group.forEach(this::runAlone);
        }

        private void runAlone(Pending pending) {
            TransactionStatus transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            CommandResultMessage<?> result;
            try {
                result = execute(pending);
            } catch (RuntimeException | Error e) {
                transactionManager.rollback(transaction);
                evict(List.of(pending));
                answer(pending, GenericCommandResultMessage.asCommandResultMessage(e));
                return;
            }
            if (result.isExceptional() && isDatabaseFailure(result.exceptionResult())) {
                transactionManager.rollback(transaction);
                evict(List.of(pending));
                answer(pending, result);
                return;
            }
            try {
                transactionManager.commit(transaction);
                answer(pending, result);
            } catch (RuntimeException e) {
                evict(List.of(pending));
                answer(pending, GenericCommandResultMessage.asCommandResultMessage(e));
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private CommandResultMessage<?> execute(Pending pending) {
            CommandResultMessage<?>[] holder = new CommandResultMessage<?>[1];
            BatchingCommandBus.super.handle((CommandMessage) pending.command(), pending.handler(),
                    (CommandCallback) (command, result) -> holder[0] = (CommandResultMessage<?>) result);
            return holder[0];
        }

        /** The group's aggregates may hold state that was rolled back: they are loaded afresh next time. */
        private void evict(List<Pending> group) {
            group.forEach(p -> aggregateCache.remove(p.routingKey()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void answer(Pending pending, CommandResultMessage<?> result) {
        try {
            ((CommandCallback) pending.callback()).onResult(pending.command(), result);
        } catch (RuntimeException e) {
            log.warn("callback of command {} failed", pending.command().getCommandName(), e);
        }
    }

    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException || t instanceof JdbcException
                    || t instanceof EventStoreException || t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
