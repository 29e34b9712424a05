package cn.studyledger.common;

import cn.studyledger.common.events.YearRecord;
import cn.studyledger.common.events.YearRecord.OrgYear;
import cn.studyledger.common.events.YearRecordsChanged;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisation years a read-write transaction changes through its {@link YearRecord}s, published as one
 * {@link YearRecordsChanged} each just before the transaction commits — after a flush, so a record changed only in
 * memory is counted too, and inside the transaction, so a synchronous listener's note reaches the same response
 * and the event publication registry stores the after-commit deliveries with the change. {@link EntityStamps} feeds
 * it from the entity callbacks; a transaction that is rolled back publishes nothing.
 */
final class YearChanges implements TransactionSynchronization {

    private final Set<OrgYear> changed = new LinkedHashSet<>();
    private final EntityManagerFactory entityManagers;
    private final ApplicationEventPublisher events;

    private YearChanges(EntityManagerFactory entityManagers, ApplicationEventPublisher events) {
        this.entityManagers = entityManagers;
        this.events = events;
    }

    /**
     * The current transaction's collector, registered on first use; {@code null} outside a read-write transaction
     * (nothing a read-only one loads can change).
     */
    static YearChanges current(EntityManagerFactory entityManagers, ApplicationEventPublisher events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        YearChanges changes = (YearChanges) TransactionSynchronizationManager.getResource(YearChanges.class);
        if (changes == null) {
            changes = new YearChanges(entityManagers, events);
            TransactionSynchronizationManager.bindResource(YearChanges.class, changes);
            TransactionSynchronizationManager.registerSynchronization(changes);
        }
        return changes;
    }

    void add(OrgYear year) {
        if (year != null) {
            changed.add(year);
        }
    }

    /**
     * Flushes first, so a change made only in memory reaches the callbacks. A flush refused here (a unique key, a
     * stale version) would otherwise have been refused by the commit: it is translated as the commit translates
     * it, so the user still gets the 409 of a conflict, never a 500.
     */
    @Override
    public void beforeCommit(boolean readOnly) {
        var entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
        if (entityManager != null) {
            try {
                entityManager.flush();
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }
        List.copyOf(changed).forEach(y -> events.publishEvent(new YearRecordsChanged(y.orgId(), y.year())));
    }

    private RuntimeException translated(RuntimeException e) {
        JpaDialect dialect = entityManagers instanceof EntityManagerFactoryInfo info ? info.getJpaDialect() : null;
        DataAccessException translated = dialect != null
                ? dialect.translateExceptionIfPossible(e)
                : EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
        return translated != null ? translated : e;
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(YearChanges.class);
    }
}
