package cn.studyledger.common;

/** A record that does not exist or that the current user may not see (both answer 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what) {
        return new NotFoundException(what + "不存在或无权访问");
    }
}
