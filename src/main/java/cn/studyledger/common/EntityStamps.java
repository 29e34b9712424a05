package cn.studyledger.common;

import cn.studyledger.common.security.CurrentUser;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The who/when columns of every {@link BaseEntity}: created and updated by the current user (or {@code system}) at
 * the time of the office clock. Hibernate creates this listener through Spring's bean container, so the
 * {@link Clock} bean is injected and a test that sets the clock sets these columns too.
 */
public class EntityStamps {

    private final Clock clock;

    public EntityStamps(Clock clock) {
        this.clock = clock;
    }

    @PrePersist
    void created(BaseEntity entity) {
        entity.created(LocalDateTime.now(clock), CurrentUser.usernameOrSystem(), clock);
    }

    @PreUpdate
    void updated(BaseEntity entity) {
        entity.updated(LocalDateTime.now(clock), CurrentUser.usernameOrSystem());
    }

    @PostLoad
    void loaded(BaseEntity entity) {
        entity.loaded(clock);
    }
}
