package cn.studyledger.config;

import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.validation.InputLimits;
import cn.studyledger.common.validation.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One check of every request's parameters before a handler runs (multipart fields included: the dispatcher has
 * parsed them by then): no text with a control or invalid character ({@link PlainText}), and the parameters every
 * list and year page share by name — {@code page}, {@code size}, {@code year} (also as a path variable) — within
 * {@link InputLimits}. JSON bodies get the same text check from {@link JsonText}.
 */
class InputGuard implements HandlerInterceptor {

    private final InputLimits limits;

    InputGuard(InputLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!PlainText.isClean(parameter.getKey())) {
                throw new InvalidInputException(PlainText.MESSAGE);
            }
            for (String value : parameter.getValue()) {
                if (!PlainText.isClean(value)) {
                    throw new InvalidInputException(PlainText.MESSAGE);
                }
            }
        }
        checkNumber(request.getParameter("page"), 0, limits.maxPage(), "页码");
        checkNumber(request.getParameter("size"), 1, limits.maxPageSize(), "每页条数");
        checkNumber(request.getParameter("year"), limits.firstYear(), limits.lastYear(), "年度");
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (!PlainText.isClean(String.valueOf(variable.getValue()))) {
                    throw new InvalidInputException(PlainText.MESSAGE);
                }
            }
            Object year = variables.get("year");
            checkNumber(year == null ? null : year.toString(), limits.firstYear(), limits.lastYear(), "年度");
        }
        return true;
    }

    /** A value that is not a number is left to the binder (its type-mismatch answer names the parameter). */
    private static void checkNumber(String value, long min, long max, String what) {
        if (value == null || value.isBlank()) {
            return;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (number < min || number > max) {
            throw new InvalidInputException(what + "须在 " + min + " 至 " + max + " 之间");
        }
    }
}
