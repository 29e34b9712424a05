package cn.studyledger.common;

/** Someone else saved the record after the user opened it; nothing of this change was saved. */
public class ConflictException extends RuntimeException {

    public ConflictException() {
        super("该记录已被他人修改，请刷新页面后重新编辑");
    }
}
