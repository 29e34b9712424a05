package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.selfstudy.DailyHoursLimit;
import cn.studyledger.selfstudy.SelfStudyChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-study entries. A member logs and edits only their own; the clerk logs for any member of the group and
 * sees everyone's; the 组长 and superiors read everyone's.
 */
@Service
@Transactional(readOnly = true)
public class SelfStudyService {

    private final SelfStudyRepository entries;
    private final StudyNoteRepository notes;
    private final OrgApi orgs;
    private final AuditLog audit;
    private final DailyHoursLimit dayLimit;
    private final ApplicationEventPublisher events;
    private final SelfStudyTotals totals;

    SelfStudyService(
            SelfStudyRepository entries,
            StudyNoteRepository notes,
            OrgApi orgs,
            AuditLog audit,
            DailyHoursLimit dayLimit,
            ApplicationEventPublisher events,
            SelfStudyTotals totals) {
        this.entries = entries;
        this.notes = notes;
        this.orgs = orgs;
        this.audit = audit;
        this.dayLimit = dayLimit;
        this.events = events;
        this.totals = totals;
    }

    /** Whether the current user sees the whole group's log of this organisation, not only their own. */
    public boolean seesAll(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_ALL))
                && (user.hasRoleAt(Role.CLERK, org.path())
                        || user.hasRoleAt(Role.LEADER, org.path())
                        || user.hasRoleAt(Role.SUPERIOR, org.path()));
    }

    @PreAuthorize(
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')")
    public PageResult<SelfStudyRow> search(String orgCode, int year, Long personFilter, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        Set<Long> visible = GroupAuthors.visible(orgs, org, year, seesAll(orgCode), personFilter);
        if (visible.isEmpty()) {
            return new PageResult<>(List.of(), 0, size, 0);
        }
        var result = entries.search(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                visible,
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "date", "id")));
        Map<Long, PersonRef> people = orgs.people(visible);
        return PageResult.of(result, e -> row(e, people));
    }

    @Transactional
    @PreAuthorize(
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')")
    public SelfStudyRow create(String orgCode, SelfStudyCommand command) {
        OrgRef org = orgs.requireReadable(orgCode);
        long personId = GroupAuthors.author(
                orgs, org, command.personId(), command.date().getYear(), "只能登记本人的自学");
        requireWithinDay(org.id(), personId, command, null);
        SelfStudyEntry entry = entries.saveAndFlush(new SelfStudyEntry(
                org.id(),
                personId,
                command.date(),
                command.hours(),
                command.content().trim()));
        totals.added(org.id(), personId, command.date().getYear(), command.hours());
        audit.record(
                AuditAction.CREATE,
                "个人自学",
                entry.getId(),
                command.date() + " " + command.hours() + "学时 人员#" + personId);
        events.publishEvent(new SelfStudyChanged(org.id(), command.date().getYear()));
        return row(entry, orgs.people(Set.of(personId)));
    }

    @Transactional
    @PreAuthorize(
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')")
    public SelfStudyRow edit(long id, long expectedVersion, SelfStudyCommand command) {
        SelfStudyEntry entry = editable(id);
        entry.checkVersion(expectedVersion);
        GroupAuthors.requireMember(
                orgs, orgs.get(entry.orgId()), entry.personId(), command.date().getYear());
        requireWithinDay(entry.orgId(), entry.personId(), command, id);
        int yearBefore = entry.date().getYear();
        BigDecimal hoursBefore = entry.hours();
        entry.edit(command.date(), command.hours(), command.content().trim());
        entries.flush();
        totals.edited(
                entry.orgId(),
                entry.personId(),
                yearBefore,
                hoursBefore,
                command.date().getYear(),
                command.hours());
        events.publishEvent(new SelfStudyChanged(entry.orgId(), yearBefore));
        if (yearBefore != command.date().getYear()) {
            events.publishEvent(
                    new SelfStudyChanged(entry.orgId(), command.date().getYear()));
        }
        audit.record(AuditAction.UPDATE, "个人自学", id, command.date() + " " + command.hours() + "学时");
        return row(entry, orgs.people(Set.of(entry.personId())));
    }

    @Transactional
    @PreAuthorize(
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')")
    public void delete(long id) {
        SelfStudyEntry entry = editable(id);
        // its study notes go with it (their files stay in the store, unreferenced)
        List<StudyNote> attached = notes.findByEntryIdOrderById(id);
        notes.deleteAll(attached);
        notes.flush();
        entries.delete(entry);
        totals.removed(entry.orgId(), entry.personId(), entry.date().getYear(), entry.hours());
        events.publishEvent(new SelfStudyChanged(entry.orgId(), entry.date().getYear()));
        audit.record(
                AuditAction.DELETE,
                "个人自学",
                id,
                entry.date() + " " + entry.hours() + "学时"
                        + (attached.isEmpty() ? "" : "，连同学习笔记" + attached.size() + "个"));
    }

    @PreAuthorize(
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')")
    public SelfStudyRow get(long id) {
        SelfStudyEntry entry = editable(id);
        return row(entry, orgs.people(Set.of(entry.personId())));
    }

    /** The members the current user may log for: everyone in the group for the clerk, else only themself. */
    public List<GroupMember> loggableMembers(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        return orgs.group(org.id(), year).stream()
                .filter(m -> user.hasRoleAt(Role.CLERK, org.path())
                        || Long.valueOf(m.personId()).equals(user.personId()))
                .toList();
    }

    /**
     * Refuses an entry that would take the person's hours of its day past the year's {@link DailyHoursLimit}. The
     * person stays locked until the save commits, so two entries posted at once are added up one after the other.
     */
    private void requireWithinDay(long orgId, long personId, SelfStudyCommand command, Long except) {
        orgs.lockPerson(personId);
        DailyHoursLimit.Limit limit = dayLimit.of(orgId, command.date().getYear());
        BigDecimal logged = entries.hoursOn(orgId, personId, command.date(), except);
        if (logged.add(command.hours()).compareTo(limit.hours()) > 0) {
            PersonRef person = orgs.people(Set.of(personId)).get(personId);
            throw new BusinessRuleException((person == null ? "" : person.name())
                    + OfficeTime.chineseDate(command.date()) + "已登记个人自学" + hours(logged) + "学时，再登记"
                    + hours(command.hours()) + "学时将超过每日累计" + hours(limit.hours()) + "学时的上限（依据："
                    + limit.source() + "）");
        }
    }

    private static String hours(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private SelfStudyEntry editable(long id) {
        SelfStudyEntry entry = entries.findById(id).orElseThrow(() -> NotFoundException.of("自学记录"));
        GroupAuthors.requireEditable(orgs.get(entry.orgId()), entry.personId(), "自学记录");
        return entry;
    }

    private static SelfStudyRow row(SelfStudyEntry e, Map<Long, PersonRef> people) {
        PersonRef p = people.get(e.personId());
        return new SelfStudyRow(
                e.getId(),
                e.personId(),
                p == null ? "#" + e.personId() : p.name(),
                e.date(),
                e.hours(),
                e.content(),
                e.getVersion());
    }
}
