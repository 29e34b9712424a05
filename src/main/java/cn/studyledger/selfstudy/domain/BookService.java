package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.selfstudy.SelfStudyChanged;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books read (原著研读). Who may record for whom is decided as for self-study entries ({@link GroupAuthors}): a member
 * records, changes and deletes their own; the clerk any member's of the year's group; the 组长 and superiors read
 * the whole group's. A book belongs to a year of the ledger; when finished, it is finished within that year.
 */
@Service
@Transactional(readOnly = true)
public class BookService {

    static final String OBJECT = "原著研读";
    private static final String READ =
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')";
    private static final String WRITE = "hasAuthority('" + Permissions.SELFSTUDY_OWN + "')";

    private final BookRepository books;
    private final OrgApi orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    BookService(BookRepository books, OrgApi orgs, AuditLog audit, ApplicationEventPublisher events) {
        this.books = books;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
    }

    /** Whether the current user reads the whole group's books of this organisation, not only their own. */
    public boolean seesAll(String orgCode) {
        return GroupAuthors.seesAll(orgs.requireReadable(orgCode));
    }

    /** The year's books the current user may see, newest first, those whose title contains {@code title}. */
    @PreAuthorize(READ)
    public PageResult<BookView> search(String orgCode, int year, Long personFilter, String title, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        Set<Long> visible = GroupAuthors.visible(orgs, org, year, GroupAuthors.seesAll(org), personFilter);
        if (visible.isEmpty()) {
            return new PageResult<>(List.of(), 0, size, 0);
        }
        var result = books.search(
                org.id(),
                year,
                visible,
                Like.escape(title == null ? "" : title.strip().toLowerCase(Locale.ROOT)),
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "startedOn", "id")));
        Map<Long, PersonRef> people = orgs.people(visible);
        return PageResult.of(result, b -> view(b, people));
    }

    @PreAuthorize(READ)
    public BookView get(long id) {
        Book book = readable(id);
        return view(book, orgs.people(Set.of(book.personId())));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public BookView create(String orgCode, int year, BookCommand command) {
        OrgRef org = orgs.requireReadable(orgCode);
        long personId = GroupAuthors.author(orgs, org, command.personId(), year, "只能登记本人的原著研读");
        requireWithinYear(year, command);
        Book book = books.saveAndFlush(new Book(
                org.id(),
                personId,
                year,
                command.title().trim(),
                blankToNull(command.author()),
                command.startedOn(),
                command.finishedOn(),
                blankToNull(command.note())));
        audit.record(AuditAction.CREATE, OBJECT, book.getId(), describe(book) + " 人员#" + personId);
        events.publishEvent(new SelfStudyChanged(org.id(), year));
        return view(book, orgs.people(Set.of(personId)));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public BookView edit(long id, long expectedVersion, BookCommand command) {
        Book book = editable(id);
        book.checkVersion(expectedVersion);
        requireWithinYear(book.year(), command);
        book.edit(
                command.title().trim(),
                blankToNull(command.author()),
                command.startedOn(),
                command.finishedOn(),
                blankToNull(command.note()));
        books.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, describe(book));
        events.publishEvent(new SelfStudyChanged(book.orgId(), book.year()));
        return view(book, orgs.people(Set.of(book.personId())));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id, long expectedVersion) {
        Book book = editable(id);
        book.checkVersion(expectedVersion);
        books.delete(book);
        books.flush();
        audit.record(AuditAction.DELETE, OBJECT, id, describe(book));
        events.publishEvent(new SelfStudyChanged(book.orgId(), book.year()));
    }

    /** The people the current user may record books for: the whole group for the clerk, else only themself. */
    public List<GroupMember> readers(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        if (user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_OWN))) {
            return List.of();
        }
        return orgs.group(org.id(), year).stream()
                .filter(m -> user.hasRoleAt(Role.CLERK, org.path())
                        || Long.valueOf(m.personId()).equals(user.personId()))
                .toList();
    }

    /** The group of the year, for the person filter of those who see everyone's books. */
    public List<GroupMember> group(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return GroupAuthors.seesAll(org) ? orgs.group(org.id(), year) : List.of();
    }

    /** Whether the current user may change this book: their own, or any of the organisation for its clerk. */
    public boolean mayEdit(BookView book) {
        LedgerUser user = CurrentUser.require();
        if (user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_OWN))) {
            return false;
        }
        OrgRef org = orgs.get(books.findById(book.id()).orElseThrow().orgId());
        return Long.valueOf(book.personId()).equals(user.personId()) || user.hasRoleAt(Role.CLERK, org.path());
    }

    /** A finished book is finished within its year, and not before it was begun; it is begun by the year's end. */
    private static void requireWithinYear(int year, BookCommand command) {
        if (command.startedOn().getYear() > year) {
            throw new BusinessRuleException("开始阅读日期不能晚于" + year + "年12月31日");
        }
        LocalDate finished = command.finishedOn();
        if (finished == null) {
            return;
        }
        if (finished.getYear() != year) {
            throw new BusinessRuleException("读完日期须在" + year + "年内");
        }
        if (finished.isBefore(command.startedOn())) {
            throw new BusinessRuleException("读完日期不能早于开始阅读日期");
        }
    }

    /** Own books, or all of the group for those who see everyone's; anything else is "not found". */
    private Book readable(long id) {
        Book book = books.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        GroupAuthors.requireReadable(orgs.get(book.orgId()), book.personId(), OBJECT);
        return book;
    }

    private Book editable(long id) {
        Book book = books.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        GroupAuthors.requireEditable(orgs.get(book.orgId()), book.personId(), OBJECT);
        return book;
    }

    private static String describe(Book b) {
        return "《" + b.title() + "》" + (b.author() == null ? "" : b.author() + " ") + b.startedOn() + "起"
                + (b.finishedOn() == null ? "，在读" : "，" + b.finishedOn() + "读完");
    }

    private static BookView view(Book b, Map<Long, PersonRef> people) {
        PersonRef p = people.get(b.personId());
        return new BookView(
                b.getId(),
                b.personId(),
                p == null ? "#" + b.personId() : p.name(),
                b.year(),
                b.title(),
                b.author(),
                b.startedOn(),
                b.finishedOn(),
                b.note(),
                b.getVersion());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
