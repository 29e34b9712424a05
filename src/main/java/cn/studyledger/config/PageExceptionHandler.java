package cn.studyledger.config;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.jdbc.Duplicates;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.NoWorkingOrganisation;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/** Errors on pages: an error page with the right status and a message the user can act on. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    /** A page that needs the organisation worked on, for a user who has none: the page that says whom to ask. */
    @ExceptionHandler(NoWorkingOrganisation.class)
    ModelAndView noWorkingOrganisation() {
        return new ModelAndView("report/no-org");
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e, HttpServletRequest request) {
        return refused(request, HttpStatus.FORBIDDEN, "您没有执行此操作的权限");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView businessRule(BusinessRuleException e, HttpServletRequest request) {
        return refused(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalidInput(InvalidInputException e, HttpServletRequest request) {
        return refused(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * A field the handler reads as a request parameter left out, or typed so that it cannot be read (text in a number
     * field): 400, or back to the form with the message (see {@link #refused}).
     */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView unreadableInput(Exception e, HttpServletRequest request) {
        String message = e instanceof MissingServletRequestParameterException ? "请填写完整后再提交" : FormPost.UNREADABLE;
        return refused(request, HttpStatus.BAD_REQUEST, message);
    }

    /**
     * A lost race, however it was noticed: the version the form carried is old ({@link ConflictException}), or
     * another transaction changed or locked the row between our read and our write (optimistic-lock failure,
     * deadlock, lock timeout). 409 with the user's own input kept (see {@link #conflictPage}).
     */
    @ExceptionHandler({
        ConflictException.class,
        ConcurrencyFailureException.class,
        OptimisticLockException.class,
        StaleStateException.class
    })
    ModelAndView conflict(Exception e, HttpServletRequest request) {
        return conflicted(request, e instanceof ConflictException ? e.getMessage() : ConflictException.MESSAGE);
    }

    /** The same row stored twice at the same moment (the unique key refused the second): a lost race too. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (!Duplicates.isDuplicateKey(e)) {
            throw e;
        }
        return conflicted(request, ConflictException.DUPLICATE);
    }

    /** The database cannot be reached: 503 with a message to try again (the pool reconnects by itself). */
    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        JDBCConnectionException.class,
        SQLTransientConnectionException.class,
        SQLNonTransientConnectionException.class
    })
    ModelAndView databaseUnavailable(Exception e) {
        log.warn("数据库不可用：{}", e.toString());
        return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
    }

    /** The tally executor's queue is full (config.TallyExecutorConfig): 503, try again in a moment. */
    @ExceptionHandler(TaskRejectedException.class)
    ModelAndView busy(TaskRejectedException e) {
        log.warn("汇总统计排队已满：{}", e.toString());
        return page(HttpStatus.SERVICE_UNAVAILABLE, TallyExecutorConfig.BUSY);
    }

    /** Form fields that are the page's machinery, not what the user typed. */
    private static final Set<String> NOT_INPUT = Set.of("_csrf", "version", "id");

    /** Said after a lost race when the page was opened again with the other person's change and the user's input. */
    static final String REFILLED = "该记录已被他人修改：页面已按最新内容重新打开，表单中保留了您填写的内容，请核对后再提交";

    /**
     * A post from one of our pages that was refused (a rule, the input, a permission): the user goes back to that
     * page, which shows the message above the form they sent and that form filled again with what they typed
     * ({@link PageError}, layout.html and app.js) — the menu and the page stay, nothing typed is lost. A request
     * that did not come from one of our pages (no same-application {@code Referer}, e.g. a script) gets the error
     * page with the status instead.
     */
    private static ModelAndView refused(HttpServletRequest request, HttpStatus status, String message) {
        String back = formPage(request);
        return back == null ? page(status, message) : backToForm(request, back, message);
    }

    /** A lost race: back to the form, opened anew on the current version, with the user's input; else the 409 page. */
    private static ModelAndView conflicted(HttpServletRequest request, String message) {
        String back = formPage(request);
        return back == null ? conflictPage(request, message) : backToForm(request, back, REFILLED);
    }

    /** The page a refused post was sent from, if it is one of ours and not the post's own address; else null. */
    private static String formPage(HttpServletRequest request) {
        String back = "POST".equals(request.getMethod()) ? samePagePath(request.getHeader("Referer")) : null;
        return back == null || back.equals(request.getRequestURI()) ? null : back;
    }

    private static ModelAndView backToForm(HttpServletRequest request, String page, String message) {
        RequestContextUtils.getOutputFlashMap(request)
                .put(PageError.ATTRIBUTE, new PageError(message, request.getRequestURI(), input(request)));
        RedirectView view = new RedirectView(page, false);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    /** What the user typed into the form, field by field, in the order sent. */
    private static List<PageError.Field> input(HttpServletRequest request) {
        ArrayList<PageError.Field> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_INPUT.contains(name)) {
                for (String value : values) {
                    fields.add(new PageError.Field(name, value));
                }
            }
        });
        return fields;
    }

    /**
     * The one conflict page of every form: 409, the message, what the user submitted (nothing of it was saved) so
     * it can be copied into the current version, and a link back to the form they came from, which opens the
     * record as the other person left it.
     */
    static ModelAndView conflictPage(HttpServletRequest request, String message) {
        ModelAndView view = page(HttpStatus.CONFLICT, message);
        List<String> submitted = input(request).stream()
                .map(PageError.Field::value)
                .filter(value -> value != null && !value.isBlank())
                .toList();
        view.addObject("submitted", submitted);
        view.addObject("back", samePagePath(request.getHeader("Referer")));
        return view;
    }

    /** The path of the page the form was on, only if it is a page of this application (no open redirect). */
    private static String samePagePath(String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
