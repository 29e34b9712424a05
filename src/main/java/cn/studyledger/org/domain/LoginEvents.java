package cn.studyledger.org.domain;

import cn.studyledger.common.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Audits every login attempt with its reason (the counting is done by {@link AccountAuthentication}); the user
 * sees one answer for all failures, the auditor sees why.
 */
@Component
class LoginEvents {

    private final AuditLog audit;

    LoginEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        audit.recordLogin(event.getAuthentication().getName(), true, "登录成功");
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        String reason = event.getException().getMessage();
        audit.recordLogin(username, false, "登录失败：" + (reason == null ? "账号或密码错误" : reason));
    }
}
