package cn.studyledger.selfstudy.domain;

import cn.studyledger.office.DossierDocument;
import cn.studyledger.office.DossierProvider;
import cn.studyledger.office.DossierSection;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The year's writings (心得体会、调研报告 …) for the 学习档案专卷, each with the file its author stored, if any. */
@Component
class WritingPapers implements DossierProvider {

    private final WritingRepository writings;
    private final OrgApi orgs;

    WritingPapers(WritingRepository writings, OrgApi orgs) {
        this.writings = writings;
        this.orgs = orgs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DossierDocument> documents(String orgCode, int year, boolean withContent) {
        OrgRef org = orgs.requireReadable(orgCode);
        List<Writing> found = writings.findInPeriod(org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<Long, PersonRef> people =
                orgs.people(found.stream().map(Writing::personId).collect(Collectors.toSet()));
        return found.stream()
                .map(w -> DossierDocument.stored(
                        DossierSection.WRITING,
                        (people.containsKey(w.personId())
                                        ? people.get(w.personId()).name() + "："
                                        : "") + "《" + w.title() + "》（"
                                + w.kind().label() + "）",
                        w.writtenOn(),
                        w.fileId()))
                .toList();
    }
}
