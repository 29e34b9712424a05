package cn.studyledger.config;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.ProblemTypes;
import cn.studyledger.common.jdbc.Duplicates;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail with a stable type URI; never a 200 with an error body. The
 * standard MVC errors (missing parameter, wrong method, ...) come from the base class, also as problems.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String INVALID = "提交的数据有误，请检查后重试";

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "无权执行此操作");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail businessRule(BusinessRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.BUSINESS_RULE, e.getMessage());
    }

    /**
     * A lost race: the version sent is old, or another transaction changed or locked the row between our read and
     * our write (optimistic-lock failure, deadlock, lock timeout). Nothing of the request was saved.
     */
    @ExceptionHandler({
        ConflictException.class,
        ConcurrencyFailureException.class,
        OptimisticLockException.class,
        StaleStateException.class
    })
    ProblemDetail conflict(Exception e) {
        return problem(
                HttpStatus.CONFLICT,
                ProblemTypes.CONFLICT,
                e instanceof ConflictException ? e.getMessage() : ConflictException.MESSAGE);
    }

    /** The same row stored twice at the same moment (refused by a unique key): 409; any other violation is a bug. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        if (Duplicates.isDuplicateKey(e)) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, ConflictException.DUPLICATE);
        }
        return unexpected(e);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, INVALID);
        problem.setProperty(
                "errors",
                e.getConstraintViolations().stream()
                        .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                        .toList());
        return problem;
    }

    /** The tally executor's queue is full (see {@link TallyExecutorConfig}): 503, try again in a moment. */
    @ExceptionHandler(TaskRejectedException.class)
    ProblemDetail busy(TaskRejectedException e) {
        log.warn("汇总统计排队已满：{}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, TallyExecutorConfig.BUSY);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "参数“" + e.getName() + "”的值无效");
    }

    /**
     * Anything unexpected: logged once here with an id the user can quote, no internals in the answer. An
     * unreachable database (see {@link DatabaseUnavailable}) is not unexpected: 503, try again later.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("数据库不可用：{}", e.toString());
            ProblemDetail problem =
                    problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, DatabaseUnavailable.MESSAGE);
            return problem;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("request failed [{}]", id, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请稍后重试；如问题持续，请向管理员提供编号 " + id);
        problem.setProperty("requestId", id);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, INVALID);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::fieldError)
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, INVALID);
        problem.setProperty(
                "errors",
                e.getAllErrors().stream()
                        .map(error -> Map.of("message", String.valueOf(error.getDefaultMessage())))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return ResponseEntity.badRequest().body(invalidInput(invalid));
            }
        }
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "请求格式不正确，请检查字段类型与日期格式（如 2025-03-18）"));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of(
                "field",
                error.getField(),
                "message",
                error.getDefaultMessage() == null ? "无效" : error.getDefaultMessage());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
