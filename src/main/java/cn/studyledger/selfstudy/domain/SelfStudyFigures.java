package cn.studyledger.selfstudy.domain;

import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.report.Evidence;
import cn.studyledger.report.FigureDefinition;
import cn.studyledger.report.FigureProvider;
import cn.studyledger.report.FigureResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code selfstudy.hours}: the members' self-study hours of the year, each entry as evidence. */
@Component
@Transactional(readOnly = true)
class SelfStudyFigures implements FigureProvider {

    static final String HOURS = "selfstudy.hours";

    private final SelfStudyRepository entries;
    private final OrgApi orgs;

    SelfStudyFigures(SelfStudyRepository entries, OrgApi orgs) {
        this.entries = entries;
        this.orgs = orgs;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(HOURS, "个人自学学时", "学时", FigureDefinition.Kind.SUM));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        List<Long> members =
                orgs.members(org.id(), year).stream().map(GroupMember::personId).toList();
        if (members.isEmpty()) {
            return FigureResult.sum(List.of());
        }
        Map<Long, PersonRef> people = orgs.people(members);
        List<Evidence> evidence =
                entries.findForFigure(org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), members).stream()
                        .map(e -> new Evidence(
                                "个人自学",
                                e.getId(),
                                e.date(),
                                people.get(e.personId()).name() + " · " + e.content(),
                                e.hours() + "学时",
                                e.hours(),
                                "/selfstudy?person=" + e.personId()))
                        .toList();
        return FigureResult.sum(evidence);
    }
}
