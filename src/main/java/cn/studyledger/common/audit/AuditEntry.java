package cn.studyledger.common.audit;

import java.time.LocalDateTime;

/** One line of the audit log as the auditor reads it. */
public record AuditEntry(
        long id,
        LocalDateTime occurredAt,
        String username,
        String ip,
        AuditAction action,
        String objectType,
        String objectId,
        String summary) {}
