package cn.studyledger.common;

import cn.studyledger.common.events.YearRecord.OrgYear;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

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

    /** What happened to the aggregate in this transaction, published when its repository saves it. */
    @Transient
    private final transient List<Supplier<?>> events = new ArrayList<>();

    /** The year a {@link cn.studyledger.common.events.YearRecord} counted in when it was loaded. */
    @Transient
    private transient OrgYear loadedIn;

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

    void loadedIn(OrgYear year) {
        loadedIn = year;
    }

    OrgYear loadedIn() {
        return loadedIn;
    }

    /**
     * Records that something happened to the aggregate (a session held, a leave decided): the event is published
     * when the aggregate's repository saves it, to the listeners of other modules — in the same transaction, or
     * after its commit through the event publication registry. The event is made when it is published, so an
     * aggregate saved for the first time can name its own id.
     */
    protected void registerEvent(Supplier<?> event) {
        events.add(event);
    }

    @DomainEvents
    List<Object> domainEvents() {
        return events.stream().<Object>map(Supplier::get).toList();
    }

    @AfterDomainEventPublication
    void clearDomainEvents() {
        events.clear();
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
