package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigureProvider;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code notes.attached}: the study notes (学习笔记) attached to the members' self-study entries dated in the period,
 * each note its own evidence (dated by its entry), about the entry's author; per person, {@code studyNotes}: their
 * part of it, the same notes.
 */
@Component
@Transactional(readOnly = true)
class StudyNoteFigures implements FigureProvider, PersonFigureProvider {

    static final String NOTES = "notes.attached";
    static final String PERSON_NOTES = "studyNotes";

    private final StudyNoteRepository notes;
    private final FileStore files;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    StudyNoteFigures(StudyNoteRepository notes, FileStore files, OrgApi orgs, JdbcClient jdbc) {
        this.notes = notes;
        this.files = files;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(NOTES, "个人自学学习笔记", "篇", FigureDefinition.Kind.COUNT));
    }

    /** The members' notes of many groups with one grouped statement; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        return Tallies.memberCounts(jdbc, this.orgs, """
                select e.org_id, e.person_id, count(*) from selfstudy_note n
                  join selfstudy_entry e on e.id = n.entry_id
                 where e.org_id in (:orgIds) and e.study_date between :from and :to group by e.org_id, e.person_id""", period, Map.of(), orgs);
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        if (!NOTES.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        return FigureResult.count(attached(org, year));
    }

    /** The notes of the members' entries of the year, each about the entry's author. */
    private List<Evidence> attached(OrgRef org, int year) {
        List<Long> members =
                orgs.members(org.id(), year).stream().map(GroupMember::personId).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonRef> people = orgs.people(members);
        return notes.findWithEntries(org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), members).stream()
                .map(row -> {
                    StudyNote n = (StudyNote) row[0];
                    SelfStudyEntry e = (SelfStudyEntry) row[1];
                    StoredFile file = files.describe(n.fileId());
                    PersonRef p = people.get(e.personId());
                    return new Evidence(
                                    "学习笔记",
                                    n.getId(),
                                    e.date(),
                                    (p == null ? "#" + e.personId() : p.name()) + " · " + file.originalName(),
                                    "个人自学：" + e.content(),
                                    null,
                                    "/selfstudy/" + e.getId() + "/notes")
                            .about(e.personId());
                })
                .toList();
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        return List.of(new FigureDefinition(PERSON_NOTES, "学习笔记", "篇", FigureDefinition.Kind.COUNT));
    }

    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        return Map.of(PERSON_NOTES, attached(org, year));
    }
}
