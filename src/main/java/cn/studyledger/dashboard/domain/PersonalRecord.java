package cn.studyledger.dashboard.domain;

import cn.studyledger.selfstudy.SelfStudySummary;
import cn.studyledger.selfstudy.WritingSummary;
import cn.studyledger.session.Participation;
import cn.studyledger.session.PersonSessionRecord;
import java.math.BigDecimal;
import java.util.List;

/**
 * A member's 学习档案 for one year, assembled from the records of the session and self-study modules.
 *
 * @param personId the member
 * @param name name
 * @param position 职务
 * @param orgCode organisation
 * @param orgName organisation name
 * @param year the year
 * @param sessions the sessions the member was expected at
 * @param selfStudy self-study entries
 * @param writings writings
 */
public record PersonalRecord(
        long personId,
        String name,
        String position,
        String orgCode,
        String orgName,
        int year,
        List<PersonSessionRecord> sessions,
        List<SelfStudySummary> selfStudy,
        List<WritingSummary> writings) {

    public long attended() {
        return taken(Participation.PRESENT);
    }

    public long held() {
        return sessions.stream().filter(PersonSessionRecord::held).count();
    }

    public long leaves() {
        return makeUpsDone() + makeUpsLate() + makeUpsOpen();
    }

    /** Leaves made up by their due date (按期补学). */
    public long makeUpsDone() {
        return taken(Participation.MADE_UP);
    }

    /** Leaves made up after their due date: done, but not 按期. */
    public long makeUpsLate() {
        return taken(Participation.MADE_UP_LATE);
    }

    public long makeUpsOpen() {
        return taken(Participation.LEAVE_OPEN);
    }

    /** The held sessions the member took part in so, by the one definition of participation. */
    private long taken(Participation participation) {
        return sessions.stream()
                .filter(s -> s.held() && s.participation() == participation)
                .count();
    }

    public long keySpeeches() {
        return speeches("重点发言");
    }

    public long exchangeSpeeches() {
        return speeches("交流发言");
    }

    /** 点评 given: a speech of its own kind, counted apart from 重点发言 and 交流发言. */
    public long commentSpeeches() {
        return speeches("点评");
    }

    public BigDecimal hours() {
        return selfStudy.stream().map(SelfStudySummary::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long speeches(String kind) {
        return sessions.stream()
                .flatMap(s -> s.speeches().stream())
                .filter(sp -> sp.startsWith(kind))
                .count();
    }
}
