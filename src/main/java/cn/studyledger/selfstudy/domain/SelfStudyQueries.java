package cn.studyledger.selfstudy.domain;

import cn.studyledger.selfstudy.SelfStudySummary;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of self-study entries for the module's API. */
@Service
@Transactional(readOnly = true)
public class SelfStudyQueries {

    private final SelfStudyRepository entries;

    SelfStudyQueries(SelfStudyRepository entries) {
        this.entries = entries;
    }

    public List<SelfStudySummary> entries(long orgId, int year, long personId) {
        return entries
                .findForFigure(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), List.of(personId))
                .stream()
                .map(e -> new SelfStudySummary(e.getId(), e.personId(), e.date(), e.hours(), e.content()))
                .toList();
    }
}
