package cn.studyledger.common;

import java.util.Optional;
import java.util.function.Predicate;

/** A record that does not exist or that the current user may not see (both answer 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what) {
        return new NotFoundException(what + "不存在或无权访问");
    }

    /**
     * The record if there is one and the current user may see it ({@code visible}); a record they may not see is
     * answered as missing, so that its existence is not given away.
     */
    public static <T> T unless(Optional<T> record, Predicate<? super T> visible, String what) {
        return record.filter(visible).orElseThrow(() -> of(what));
    }
}
