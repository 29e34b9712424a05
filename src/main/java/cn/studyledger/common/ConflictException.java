package cn.studyledger.common;

/** Someone else saved the record after the user opened it; nothing of this change was saved. */
public class ConflictException extends RuntimeException {

    /** What the user is told about a lost race, on pages and in the API alike. */
    public static final String MESSAGE = "该记录已被他人修改，请刷新页面后重新编辑";

    /** A row with the same key was stored by someone else at the same moment. */
    public static final String DUPLICATE = "该记录已被他人同时提交，请刷新页面查看";

    public ConflictException() {
        super(MESSAGE);
    }

    /** A request that collides with what is already there (e.g. a filing already waiting for its decision). */
    public ConflictException(String message) {
        super(message);
    }
}
