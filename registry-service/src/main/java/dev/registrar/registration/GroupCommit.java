package dev.registrar.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the registrations that arrive together in one transaction. A registration's own writes
 * are three inserts, yet a transaction of its own cost more than they did: PostgreSQL spent some
 * 345 µs of CPU per registration, 134 of them executing the inserts, the rest on the transaction's
 * round trips, its commit and the commit's flush to disk. Shared by every registration a writer
 * finds waiting, that is paid once per batch. The members of a batch run one after another, each
 * seeing the writes of those before it, so a batch is a serial order: a member that fails gets its
 * own failure, and the others are written again without it. Each caller is answered only after
 * the commit that holds its registration.
 */
@Component
class GroupCommit implements SmartLifecycle {

    /**
     * Started after Axon and stopped before it; stopped after the web server has finished the
     * requests in flight, which wait for the writers.
     */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;
    /** How often an idle writer looks up to see whether it should stop. */
    private static final long IDLE_WAIT_MILLIS = 100;

    private record Member<T>(Supplier<T> work, CompletableFuture<T> outcome) {

        /** Does the work; answers how to tell its caller, once the transaction has committed. */
        Runnable perform() {
            T result = work.get();
            return () -> outcome.complete(result);
        }
    }

    /** One member's failure, carried out of the transaction so that it rolls back. */
    private static final class MemberFailed extends RuntimeException {

        private final int index;

        MemberFailed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }

    private final BlockingQueue<Member<?>> waiting = new LinkedBlockingQueue<>();
    private final TransactionTemplate transactions;
    private final int writerCount;
    private final int batchLimit;
    private volatile ExecutorService writers;

    GroupCommit(PlatformTransactionManager transactionManager, RegistrationProperties properties) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.writerCount = properties.writers();
        this.batchLimit = properties.batchLimit();
    }

    /** Runs the work in a transaction shared with other waiting work, and answers its result once that commits. */
    <T> T inTransaction(Supplier<T> work) {
        Member<T> member = new Member<>(work, new CompletableFuture<>());
        waiting.add(member);
        if (writers == null && waiting.remove(member)) {
            throw new CannotCreateTransactionException("registry-service is not writing registrations: it is starting or stopping");
        }
        try {
            return member.outcome().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @Override
    public void start() {
        ExecutorService started = Executors.newFixedThreadPool(writerCount, Thread.ofPlatform().name("registration-writer-", 1).factory());
        writers = started;
        for (int i = 0; i < writerCount; i++) {
            started.execute(() -> write(started));
        }
    }

    @Override
    public void stop() {
        ExecutorService stopping = writers;
        if (stopping == null) {
            return;
        }
        writers = null;
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
        Member<?> left;
        while ((left = waiting.poll()) != null) {
            left.outcome().completeExceptionally(new CannotCreateTransactionException("registry-service stopped before writing this registration"));
        }
    }

    @Override
    public boolean isRunning() {
        return writers != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void write(ExecutorService own) {
        List<Member<?>> batch = new ArrayList<>(batchLimit);
        while (!own.isShutdown() || !waiting.isEmpty()) {
            try {
                Member<?> first = waiting.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, batchLimit - 1);
                List<Member<?>> unwritten = batch;
                while (!unwritten.isEmpty()) {
                    unwritten = attempt(unwritten);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes the members in one transaction; answers those left to write when one of them failed. */
    private List<Member<?>> attempt(List<Member<?>> members) {
        List<Runnable> answers = new ArrayList<>(members.size());
        try {
            transactions.executeWithoutResult(status -> {
                for (Member<?> member : members) {
                    try {
                        answers.add(member.perform());
                    } catch (RuntimeException failed) {
                        throw new MemberFailed(answers.size(), failed);
                    }
                }
            });
        } catch (MemberFailed failed) {
            members.get(failed.index).outcome().completeExceptionally(failed.getCause());
            List<Member<?>> others = new ArrayList<>(members);
            others.remove(failed.index);
            return others;
        } catch (RuntimeException | Error failed) {
            // Not any one member's doing (the connection, the commit): none of them is written.
            members.forEach(member -> member.outcome().completeExceptionally(failed));
            return List.of();
        }
        answers.forEach(Runnable::run);
        return List.of();
    }
}
