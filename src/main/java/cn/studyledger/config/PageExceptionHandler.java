package cn.studyledger.config;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.NotFoundException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: an error page with the right status and a message the user can act on. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "您没有执行此操作的权限");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView businessRule(BusinessRuleException e) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalidInput(InvalidInputException e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, e.getMessage());
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

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.CONTENT_TOO_LARGE, "上传的文件超过大小上限，请压缩或拆分后重试");
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
