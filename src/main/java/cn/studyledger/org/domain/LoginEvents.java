package cn.studyledger.org.domain;

import cn.studyledger.common.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits every login attempt and keeps the failed-login count that drives the lockout. */
@Component
class LoginEvents {

    private final AccountService accounts;
    private final AuditLog audit;

    LoginEvents(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.loginSucceeded(username);
        audit.recordLogin(username, true, "登录成功");
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        accounts.loginFailed(username);
        audit.recordLogin(username, false, "登录失败：" + reason(event.getException()));
    }

    private static String reason(Exception e) {
        return switch (e.getClass().getSimpleName()) {
            case "LockedException" -> "账号已锁定";
            case "DisabledException" -> "账号已停用";
            default -> "账号或密码错误";
        };
    }
}
