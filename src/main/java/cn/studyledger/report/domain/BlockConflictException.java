package cn.studyledger.report.domain;

import cn.studyledger.common.ConflictException;

/** Someone else saved the paragraph after the user opened it (answered 409 with this message). */
public class BlockConflictException extends ConflictException {

    static final String MESSAGE = "该段落已被他人修改，请刷新后再改";

    @Override
    public String getMessage() {
        return MESSAGE;
    }
}
