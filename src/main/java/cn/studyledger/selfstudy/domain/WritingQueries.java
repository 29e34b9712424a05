package cn.studyledger.selfstudy.domain;

import cn.studyledger.selfstudy.WritingSummary;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads behind {@code SelfStudyApi}; no scope checks (the caller checked the organisation). */
@Component
@Transactional(readOnly = true)
public class WritingQueries {

    private final WritingRepository writings;

    WritingQueries(WritingRepository writings) {
        this.writings = writings;
    }

    public List<WritingSummary> writings(long orgId, int year) {
        return writings.findInPeriod(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(w -> new WritingSummary(w.getId(), w.personId(), w.kind(), w.title(), w.writtenOn()))
                .toList();
    }
}
