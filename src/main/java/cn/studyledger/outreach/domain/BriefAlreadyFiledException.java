package cn.studyledger.outreach.domain;

import cn.studyledger.common.ConflictException;

/** The session's 学习简报 is already a publicity item (answered 409, naming the item). */
class BriefAlreadyFiledException extends ConflictException {

    private final String message;

    BriefAlreadyFiledException(long itemId, String title) {
        this.message = "该学习简报已登记为宣传报道《" + title + "》（编号" + itemId + "），不能重复登记";
    }

    @Override
    public String getMessage() {
        return message;
    }
}
