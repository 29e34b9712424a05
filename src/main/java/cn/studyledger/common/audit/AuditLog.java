package cn.studyledger.common.audit;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log (审计日志): logins, every create / update / delete and every export, with who, when, from
 * which address, the object and a short summary. Writes join the caller's transaction, so a change that
 * rolls back leaves no audit line claiming it happened.
 *
 * <p>Append-only: this class only inserts and reads, and no other code touches {@code common_audit_event}
 * ({@code AuditLogIsAppendOnlyTests}). Nothing purges it; {@code ledger.audit.retention} (at least 180 days,
 * 网络安全法 art. 21) is the floor any future purge must keep, and a shorter setting refuses to start.
 */
@Component
public class AuditLog {

    /** 网络安全法 art. 21: network logs are kept for no less than six months. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, @Value("${ledger.audit.retention:180d}") Duration retention, Clock clock) {
        this.clock = clock;
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalStateException("ledger.audit.retention 不得少于180天（网络安全法第二十一条：网络日志留存不少于六个月）");
        }
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** How long entries are kept at least: nothing younger may ever be purged. */
    public Duration retention() {
        return retention;
    }

    /** Records an action of the current user on an object. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String objectType, Object objectId, String summary) {
        insert(CurrentUser.usernameOrSystem(), action, objectType, objectId, summary);
    }

    /** Records an export; exports change nothing, so they need no surrounding transaction. */
    @Transactional
    public void recordExport(String objectType, Object objectId, String summary) {
        insert(CurrentUser.usernameOrSystem(), AuditAction.EXPORT, objectType, objectId, summary);
    }

    /** Records a login attempt for a username that may not exist; runs in its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordLogin(String username, boolean success, String summary) {
        insert(username, success ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED, "账号", username, summary);
    }

    private void insert(String username, AuditAction action, String objectType, Object objectId, String summary) {
        jdbc.sql("""
                        insert into common_audit_event (occurred_at, username, ip, action, object_type, object_id, summary)
                        values (:at, :username, :ip, :action, :objectType, :objectId, :summary)""")
                .param("at", LocalDateTime.now(clock))
                .param("username", truncate(username, 64))
                .param("ip", clientAddress())
                .param("action", action.name())
                .param("objectType", truncate(objectType, 64))
                .param("objectId", objectId == null ? null : truncate(objectId.toString(), 64))
                .param("summary", truncate(summary, 1000))
                .update();
    }

    /**
     * One page of the log, newest first, optionally filtered by username and action. The read itself is audited
     * (the auditor is audited too), in the same transaction.
     */
    @Transactional
    public PageResult<AuditEntry> search(String username, AuditAction action, int page, int size) {
        insert(
                CurrentUser.usernameOrSystem(),
                AuditAction.VIEW,
                "审计日志",
                null,
                "查阅审计日志 第" + (page + 1) + "页"
                        + (username == null || username.isBlank() ? "" : "，账号 " + username.trim())
                        + (action == null ? "" : "，操作 " + action.label()));
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (username != null && !username.isBlank()) {
            where.append(" and username = :username");
            params.put("username", username.trim());
        }
        if (action != null) {
            where.append(" and action = :action");
            params.put("action", action.name());
        }
        long total = jdbc.sql("select count(*) from common_audit_event" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql(
                        "select id, occurred_at, username, ip, action, object_type, object_id, summary"
                                + " from common_audit_event" + where + " order by id desc limit :size offset :offset")
                .params(params)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toLocalDateTime(),
                        rs.getString("username"),
                        rs.getString("ip"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("object_type"),
                        rs.getString("object_id"),
                        rs.getString("summary")))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "cli";
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
