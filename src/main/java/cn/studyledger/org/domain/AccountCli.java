package cn.studyledger.org.domain;

import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.SystemIdentity;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code java -jar study-ledger.jar unlock --user=secadmin [--issue-code]}: the recovery of a locked-out
 * administrator (above all the security administrator, whom no other role may unlock) by whoever runs the jar on
 * the server, audited as {@code system} from {@code cli}. With {@code --issue-code} it also prints a new one-time
 * first-password code (a forgotten password).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountCli implements ApplicationRunner {

    public static final String COMMAND = "unlock";

    private final UserAccountRepository accounts;
    private final AccountService service;
    private final AuditLog audit;

    AccountCli(UserAccountRepository accounts, AccountService service, AuditLog audit) {
        this.accounts = accounts;
        this.service = service;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        List<String> users = args.getOptionValues("user");
        if (users == null || users.size() != 1 || users.get(0).isBlank()) {
            throw new IllegalArgumentException("用法：unlock --user=<账号> [--issue-code]");
        }
        UserAccount account = accounts.findByUsername(users.get(0).trim())
                .orElseThrow(() -> new IllegalArgumentException("账号不存在：" + users.get(0)));
        // audited as the system identity, whoever ran the jar (the audit line says: from the command line)
        SystemIdentity.run(() -> {
            account.unlock();
            audit.record(AuditAction.UPDATE, "账号", account.getId(), "命令行解除锁定 " + account.username());
            System.out.println("已解除锁定 " + account.username());
            if (args.containsOption("issue-code")) {
                String code = service.issueCode(account);
                System.out.println("首次登录码（只显示这一次，登录后须立即修改密码）：" + code);
            }
        });
    }
}
