package io.cncvision.app.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * The db-scheduler that keeps the sagas' deadlines in PostgreSQL and fires them. It starts after the Axon
 * configuration is complete, since a deadline that fires at once (one that fell due while the platform was down)
 * needs its saga's repository to be delivered, and it stops before Axon does.
 */
class PersistentDeadlines implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    PersistentDeadlines(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
