package cn.studyledger.common;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Identity, optimistic-lock version and who/when columns shared by every entity; {@link EntityStamps} fills the
 * who/when columns with the office clock.
 */
@MappedSuperclass
@EntityListeners(EntityStamps.class)
public abstract class BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    /** The office clock, handed over by {@link EntityStamps} when the entity is loaded or first stored. */
    @Transient
    private Clock clock;

    void created(LocalDateTime at, String by, Clock clock) {
        createdAt = at;
        createdBy = by;
        this.clock = clock;
    }

    void updated(LocalDateTime at, String by) {
        updatedAt = at;
        updatedBy = by;
    }

    void loaded(Clock clock) {
        this.clock = clock;
    }

    /**
     * Marks the aggregate as changed when only its parts changed (e.g. attendance rows of a session), so that
     * its version moves on and a second editor working from the old version gets a conflict. An entity not yet
     * stored needs no mark: it is inserted whole.
     */
    protected void touch() {
        if (clock != null) {
            updatedAt = LocalDateTime.now(clock);
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    /**
     * Refuses a change made from a form that was loaded before someone else saved the record.
     *
     * @param expectedVersion the version the editor saw
     */
    public void checkVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new ConflictException();
        }
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
