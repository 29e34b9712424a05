package cn.studyledger.common;

import cn.studyledger.common.security.CurrentUser;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** Identity, optimistic-lock version and who/when columns shared by every entity. */
@MappedSuperclass
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

    @PrePersist
    void onCreate() {
        createdAt = LocalDateTime.now();
        createdBy = CurrentUser.usernameOrSystem();
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = LocalDateTime.now();
        updatedBy = CurrentUser.usernameOrSystem();
    }

    /**
     * Marks the aggregate as changed when only its parts changed (e.g. attendance rows of a session), so that
     * its version moves on and a second editor working from the old version gets a conflict.
     */
    protected void touch() {
        updatedAt = LocalDateTime.now();
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
