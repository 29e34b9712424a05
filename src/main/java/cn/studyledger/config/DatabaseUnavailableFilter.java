package cn.studyledger.config;

import cn.studyledger.common.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The 503 for an unreachable database when it is noticed before any controller runs: the HTTP session is read
 * from the database (Spring Session JDBC) in a filter, so with the database down even the login page would fail
 * there. First in the chain, this answers such failures itself — a problem detail for {@code /api/**}, the
 * stand-alone page {@code unavailable.html} (no layout, nothing that needs the database) otherwise. Failures
 * inside controllers are answered by {@link PageExceptionHandler} and {@link ApiExceptionHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ITemplateEngine templates;

    DatabaseUnavailableFilter(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("数据库不可用：{}", e.toString());
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "30");
            response.setCharacterEncoding("UTF-8");
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter()
                        .write("{\"type\":\"" + ProblemTypes.UNAVAILABLE + "\",\"title\":\"Service Unavailable\","
                                + "\"status\":503,\"detail\":\"" + DatabaseUnavailable.MESSAGE + "\"}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                Context model = new Context(Locale.SIMPLIFIED_CHINESE);
                model.setVariable("message", DatabaseUnavailable.MESSAGE);
                model.setVariable("contextPath", request.getContextPath());
                templates.process("unavailable", model, response.getWriter());
            }
        }
    }
}
