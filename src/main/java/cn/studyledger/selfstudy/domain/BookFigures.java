package cn.studyledger.selfstudy.domain;

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
 * {@code books.read}: the books the members of the year's group finished reading (原著研读) within the period, each
 * book its own evidence, about its reader; per person, {@code booksRead}: their part of it, the same books.
 */
@Component
@Transactional(readOnly = true)
class BookFigures implements FigureProvider, PersonFigureProvider {

    static final String BOOKS = "books.read";
    static final String PERSON_BOOKS = "booksRead";

    private final BookRepository books;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    BookFigures(BookRepository books, OrgApi orgs, JdbcClient jdbc) {
        this.books = books;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(BOOKS, "原著研读读完书目", "本", FigureDefinition.Kind.COUNT));
    }

    /** The members' finished books of many groups with one grouped statement; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        return Tallies.memberCounts(jdbc, this.orgs, """
                select org_id, person_id, count(*) from selfstudy_book
                 where org_id in (:orgIds) and finished_on between :from and :to group by org_id, person_id""", period, Map.of(), orgs);
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        if (!BOOKS.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        return FigureResult.count(finished(org, year));
    }

    /** The members' books finished in the year, each about its reader. */
    private List<Evidence> finished(OrgRef org, int year) {
        List<Long> members =
                orgs.members(org.id(), year).stream().map(GroupMember::personId).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonRef> people = orgs.people(members);
        return books.findFinished(org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), members).stream()
                .map(b -> new Evidence(
                                "原著研读",
                                b.getId(),
                                b.finishedOn(),
                                name(people, b.personId()) + " · 《" + b.title() + "》",
                                (b.author() == null ? "" : b.author() + "，") + b.startedOn() + "至" + b.finishedOn(),
                                null,
                                "/books?person=" + b.personId())
                        .about(b.personId()))
                .toList();
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        return List.of(new FigureDefinition(PERSON_BOOKS, "原著研读", "本", FigureDefinition.Kind.COUNT));
    }

    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        return Map.of(PERSON_BOOKS, finished(org, year));
    }

    private static String name(Map<Long, PersonRef> people, long personId) {
        PersonRef p = people.get(personId);
        return p == null ? "#" + personId : p.name();
    }
}
