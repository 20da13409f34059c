package org.rnnbench.scratch.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool: {@code threads - 1} worker threads plus the calling thread, created with a model and closed
 * with it. {@link #run} hands part p of a {@link ParallelTask} to worker p (the caller does part 0) and returns
 * when every part is done; parts inside a task meet at {@link #barrier()}. Part numbers, not timing, decide who
 * does what, so results do not depend on scheduling.
 *
 * <p>Idle workers spin briefly (train steps dispatch many small tasks in a row) and then park. Dispatching
 * allocates nothing. With one thread, {@link #run} simply calls the task.
 */
public final class WorkerPool implements AutoCloseable {
    /** Spin iterations before an idle worker parks. */
    private static final int SPINS = 1 << 16;
    /** Spin iterations of a waiting part before it starts yielding its core (when cores are oversubscribed). */
    private static final int SPINS_BEFORE_YIELD = 1 << 10;

    private final int threads;
    private final Thread[] workers;
    private final Sleeping[] sleeping;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile ParallelTask task;
    private volatile int generation;
    private volatile int phase;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final RangeTask rangeTask = new RangeTask();

    /** A pool of {@code threads} compute threads (the caller counts as one). */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads];
        this.sleeping = new Sleeping[threads];
        for (int p = 1; p < threads; p++) {
            int part = p;
            sleeping[p] = new Sleeping();
            workers[p] = new Thread(() -> work(part), "rnnbench-scratch-worker-" + p);
            workers[p].setDaemon(true);
            workers[p].start();
        }
    }

    /** The number of compute threads, the parts every task is split into. */
    public int threads() {
        return threads;
    }

    /** Runs every part of {@code t} and returns when all are done; a failure in any part is rethrown here. */
    public void run(ParallelTask t) {
        if (threads == 1) {
            t.run(0, 1);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the worker pool is closed");
        }
        task = t;
        pending.set(threads - 1);
        generation++;
        for (int p = 1; p < threads; p++) {
            if (sleeping[p].flag) {
                LockSupport.unpark(workers[p]);
            }
        }
        Throwable own = null;
        try {
            t.run(0, threads);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        for (int spins = 0; pending.get() != 0; spins++) {
            pause(spins);
        }
        task = null;
        Throwable other = failure;
        failure = null;
        if (own != null || other != null) {
            Throwable first = own != null ? own : other;
            if (first instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) first;
        }
    }

    /**
     * Runs {@code body} over [0, total) split into one contiguous slice per thread, slice boundaries multiples of
     * {@code align} ({@link Slices}); with one thread, one call over the whole range.
     */
    public void forRange(int total, int align, RangeBody body) {
        if (threads == 1) {
            body.run(0, total);
            return;
        }
        rangeTask.total = total;
        rangeTask.align = align;
        rangeTask.body = body;
        run(rangeTask);
        rangeTask.body = null;
    }

    /**
     * Waits until every part of the running task has arrived here. Call it from inside a task, the same number of
     * times in every part; with one thread it returns at once.
     */
    public void barrier() {
        if (threads == 1) {
            return;
        }
        int p = phase;
        if (arrived.incrementAndGet() == threads) {
            arrived.set(0);
            phase = p + 1;
        } else {
            for (int spins = 0; phase == p; spins++) {
                pause(spins);
            }
        }
    }

    private static void pause(int spins) {
        if (spins < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    private void work(int part) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    sleeping[part].flag = true;
                    if (generation == seen && !closed) {
                        LockSupport.park(this);
                    }
                    sleeping[part].flag = false;
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.run(part, threads);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            pending.decrementAndGet();
        }
    }

    /** Stops the workers and waits for them. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int p = 1; p < threads; p++) {
            LockSupport.unpark(workers[p]);
        }
        for (int p = 1; p < threads; p++) {
            try {
                workers[p].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The preallocated task behind {@link #forRange}. */
    private static final class RangeTask implements ParallelTask {
        int total;
        int align;
        RangeBody body;

        @Override
        public void run(int part, int parts) {
            int from = Slices.start(total, parts, part, align);
            int to = Slices.end(total, parts, part, align);
            if (from < to) {
                body.run(from, to);
            }
        }
    }

    /** A flag a worker raises before parking, so that a dispatch knows to wake it. */
    private static final class Sleeping {
        volatile boolean flag;
    }
}
