package dev.registrar.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import dev.registrar.system.TestDatabase;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The writers of {@link GroupCommit} against the real PostgreSQL: work that waits together is
 * committed in one transaction, in a serial order, and one member's failure is its own.
 */
@WithLocalServers(Server.POSTGRES)
class GroupCommitIT {

    private static final DataSource DATABASE = TestDatabase.dataSource();
    private static final JdbcTemplate JDBC = new JdbcTemplate(DATABASE);
    private static final Executor OWN_THREAD = caller -> Thread.ofPlatform().start(caller);

    private final String run = UUID.randomUUID().toString();
    private final List<GroupCommit> started = new ArrayList<>();

    @BeforeAll
    static void createTable() {
        JDBC.execute("create table if not exists group_commit_probe (run text, member int, tx bigint)");
    }

    @AfterAll
    static void dropTable() {
        JDBC.execute("drop table group_commit_probe");
    }

    @AfterEach
    void stopWriters() {
        started.forEach(GroupCommit::stop);
    }

    @Test
    void workThatWaitsTogetherIsCommittedInOneTransactionEachMemberSeeingThoseBeforeIt() throws Exception {
        Map<Integer, CompletableFuture<Long>> outcomes = queuedBehindAnother(writers(DATABASE, 1), 5, this::insert);

        assertThat(outcomes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        List<Long> seen = new ArrayList<>();
        for (int member = 1; member <= 5; member++) {
            seen.add(outcomes.get(member).get(10, TimeUnit.SECONDS));
        }
        assertThat(seen).as("rows of the run each member saw, its own included").containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
        assertThat(transactionsOf(1, 2, 3, 4, 5)).as("the five waiting members' transactions").hasSize(1);
        assertThat(transactionsOf(0, 1)).as("the first member's transaction and theirs").hasSize(2);
    }

    @Test
    void aMemberThatFailsGetsItsOwnFailureAndTheOthersAreWrittenWithoutIt() throws Exception {
        IllegalStateException refusal = new IllegalStateException("member 3 is refused");
        Map<Integer, CompletableFuture<Long>> outcomes = queuedBehindAnother(writers(DATABASE, 1), 4, member -> {
            long rows = insert(member);
            if (member == 3) {
                throw refusal;
            }
            return rows;
        });
        outcomes.get(0).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> outcomes.get(3).join()).cause().isSameAs(refusal);
        for (int member : List.of(1, 2, 4)) {
            assertThat(outcomes.get(member).get(10, TimeUnit.SECONDS)).as("member " + member).isBetween(2L, 4L);
        }
        assertThat(JDBC.queryForList("select member from group_commit_probe where run = ? order by member", Integer.class, run))
                .containsExactly(0, 1, 2, 4);
        assertThat(transactionsOf(1, 2, 4)).as("the three written members' transactions").hasSize(1);
    }

    @Test
    void withoutADatabaseEveryMemberFailsAndNoneWaitsForever() throws Exception {
        PGSimpleDataSource unreachable = TestDatabase.dataSource();
        try (ServerSocket closed = new ServerSocket(0)) {
            unreachable.setPortNumbers(new int[] {closed.getLocalPort()});
        }
        GroupCommit groupCommit = writers(unreachable, 2);
        List<CompletableFuture<Long>> members = new ArrayList<>();
        for (int member = 0; member < 8; member++) {
            members.add(submit(groupCommit, () -> 1L, OWN_THREAD));
        }

        for (CompletableFuture<Long> member : members) {
            assertThatThrownBy(() -> member.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(CannotCreateTransactionException.class);
        }
    }

    @Test
    void onceStoppedItRefusesWorkInsteadOfHoldingIt() {
        GroupCommit groupCommit = writers(DATABASE, 2);
        groupCommit.stop();

        assertThatThrownBy(() -> groupCommit.inTransaction(() -> insert(1))).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(JDBC.queryForObject("select count(*) from group_commit_probe where run = ?", Long.class, run)).isZero();
    }

    private GroupCommit writers(DataSource dataSource, int count) {
        GroupCommit groupCommit = new GroupCommit(new DataSourceTransactionManager(dataSource), new RegistrationProperties("dev", count, 64));
        groupCommit.start();
        started.add(groupCommit);
        return groupCommit;
    }

    /** Inserts the member's row and answers how many rows of the run its transaction sees. */
    private long insert(int member) {
        JDBC.update("insert into group_commit_probe values (?, ?, txid_current())", run, member);
        return JDBC.queryForObject("select count(*) from group_commit_probe where run = ?", Long.class, run);
    }

    private Set<Long> transactionsOf(Integer... members) {
        List<Integer> wanted = List.of(members);
        return JDBC.queryForList("select member, tx from group_commit_probe where run = ?", run).stream()
                .filter(row -> wanted.contains(((Number) row.get("member")).intValue()))
                .map(row -> ((Number) row.get("tx")).longValue())
                .collect(Collectors.toSet());
    }

    /**
     * Member 0 holds the only writer in a transaction of its own while members 1 to {@code count}
     * are queued, each from a caller of its own; once every caller waits, member 0 lets the writer
     * go, and the members queued behind it are one batch.
     */
    private Map<Integer, CompletableFuture<Long>> queuedBehindAnother(GroupCommit groupCommit, int count, IntFunction<Long> work)
            throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<Integer, CompletableFuture<Long>> outcomes = new TreeMap<>();
        outcomes.put(0, submit(groupCommit, () -> {
            held.countDown();
            await(release);
            return insert(0);
        }, OWN_THREAD));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> callers = new ArrayList<>();
        Executor watched = caller -> callers.add(Thread.ofPlatform().start(caller));
        for (int member = 1; member <= count; member++) {
            int index = member;
            outcomes.put(index, submit(groupCommit, () -> work.apply(index), watched));
        }
        awaitAllWaiting(callers);
        release.countDown();
        return outcomes;
    }

    /** Offers the work from a caller that {@code starts} runs. */
    private static <T> CompletableFuture<T> submit(GroupCommit groupCommit, Supplier<T> work, Executor starts) {
        return CompletableFuture.supplyAsync(() -> groupCommit.inTransaction(work), starts);
    }

    /** A caller parks once its work is queued: when all are parked, all their work waits together. */
    private static void awaitAllWaiting(List<Thread> callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!callers.stream().allMatch(caller -> caller.getState() == Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("callers queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
