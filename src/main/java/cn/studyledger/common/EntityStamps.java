package cn.studyledger.common;

import cn.studyledger.common.events.YearRecord;
import cn.studyledger.common.security.CurrentUser;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The who/when columns of every {@link BaseEntity}: created and updated by the current user (or {@code system}) at
 * the time of the office clock. Hibernate creates this listener through Spring's bean container, so the
 * {@link Clock} bean is injected and a test that sets the clock sets these columns too. A {@link YearRecord} stored,
 * changed or removed is handed to {@link YearChanges} with the year it counted in when it was loaded and the year
 * it counts in now.
 */
public class EntityStamps {

    private final Clock clock;
    private final ObjectProvider<EntityManagerFactory> entityManagers;
    private final ApplicationEventPublisher events;

    public EntityStamps(
            Clock clock, ObjectProvider<EntityManagerFactory> entityManagers, ApplicationEventPublisher events) {
        this.clock = clock;
        this.entityManagers = entityManagers;
        this.events = events;
    }

    @PrePersist
    void created(BaseEntity entity) {
        entity.created(LocalDateTime.now(clock), CurrentUser.usernameOrSystem(), clock);
        changed(entity);
    }

    @PreUpdate
    void updated(BaseEntity entity) {
        entity.updated(LocalDateTime.now(clock), CurrentUser.usernameOrSystem());
        changed(entity);
    }

    @PreRemove
    void removed(BaseEntity entity) {
        changed(entity);
    }

    /**
     * Remembers the year a {@link YearRecord} counts in as loaded, and watches the transaction, so a change found
     * only by the flush before the commit still reaches {@link YearChanges}.
     */
    @PostLoad
    void loaded(BaseEntity entity) {
        entity.loaded(clock);
        if (entity instanceof YearRecord record) {
            entity.loadedIn(record.countsIn());
            changes();
        }
    }

    private void changed(BaseEntity entity) {
        if (entity instanceof YearRecord record) {
            YearChanges changes = changes();
            if (changes != null) {
                changes.add(entity.loadedIn());
                changes.add(record.countsIn());
            }
        }
    }

    private YearChanges changes() {
        return YearChanges.current(entityManagers.getObject(), events);
    }
}
