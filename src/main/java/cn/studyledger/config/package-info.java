/**
 * Cross-cutting set-up: the security filter chains for pages and for {@code /api}, error answers (pages and
 * RFC 9457 problem details), the working organisation and year (the top bar's switcher) and the guard that keeps
 * the {@code prod} profile on PostgreSQL.
 */
@ApplicationModule(
        displayName = "系统配置",
        allowedDependencies = {"common", "org"})
package cn.studyledger.config;

import org.springframework.modulith.ApplicationModule;
