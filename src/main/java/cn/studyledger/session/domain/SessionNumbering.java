package cn.studyledger.session.domain;

import cn.studyledger.session.SessionFormat;

/** The next free numbers of an organisation's year, which a session is given when it is marked held. */
interface SessionNumbering {

    /** The next 第N次 among all the organisation's sessions held in the year. */
    int next(long orgId, int year);

    /** The next 第N次 among the year's held sessions of the format. */
    int nextOfFormat(long orgId, int year, SessionFormat format);
}
