package cn.studyledger.liaison.domain;

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
import cn.studyledger.liaison.domain.NoticeViews.LinkedSession;
import cn.studyledger.liaison.domain.NoticeViews.Receipt;
import cn.studyledger.liaison.domain.NoticeViews.State;
import cn.studyledger.liaison.domain.NoticeViews.Status;
import cn.studyledger.liaison.domain.NoticeViews.Summary;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import cn.studyledger.tracking.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学习提示 between levels. An organisation's clerk issues one to all or some of its direct subordinate units; each
 * target unit's clerk acknowledges it and links the unit's sessions that carried it out; the issuer's readers see
 * per unit whether it was acknowledged, acted on (a linked session held) or is overdue. A notice is seen by those
 * who read the issuer's records and, with only their own unit's receipt, by those who read a target unit's.
 */
@Service
@Transactional(readOnly = true)
public class NoticeService {

    static final String OBJECT = "学习提示";
    static final String RECEIPT = "学习提示签收";
    static final String READ = "hasAuthority('" + Permissions.NOTICE_VIEW + "')";

    private final NoticeRepository notices;
    private final NoticeReceiptRepository receipts;
    private final OrgApi orgs;
    private final SessionApi sessions;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    NoticeService(
            NoticeRepository notices,
            NoticeReceiptRepository receipts,
            OrgApi orgs,
            SessionApi sessions,
            WorkingCalendar calendar,
            AuditLog audit,
            Clock clock) {
        this.notices = notices;
        this.receipts = receipts;
        this.orgs = orgs;
        this.sessions = sessions;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the current user may issue notices for the organisation (its clerk, with units under it). */
    public boolean issues(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return CurrentUser.holdsAny(Permissions.NOTICE_ISSUE)
                && CurrentUser.require().hasRoleAt(Role.CLERK, org.path())
                && !orgs.children(org.id()).isEmpty();
    }

    /** The units a notice of the organisation may go to: its active direct subordinates. */
    @PreAuthorize(READ)
    public List<OrgRef> units(String orgCode) {
        return orgs.children(orgs.requireReadable(orgCode).id());
    }

    /** Issues a notice to the chosen direct subordinate units, or to all of them; a receipt for each. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.NOTICE_ISSUE + "')")
    public NoticeViews.Notice issue(String orgCode, NoticeCommand command) {
        OrgRef issuer = orgs.requireRole(orgCode, Role.CLERK);
        List<OrgRef> units = orgs.children(issuer.id());
        if (units.isEmpty()) {
            throw new BusinessRuleException("本组织没有下属单位，无需发布学习提示");
        }
        List<OrgRef> targets = targets(units, command.targets());
        LocalDate today = LocalDate.now(clock);
        LocalDate due = due(command, today);
        Notice notice = notices.saveAndFlush(new Notice(
                issuer.id(), command.title().strip(), command.content().strip(), command.materials(), today, due));
        for (OrgRef unit : targets) {
            receipts.save(new NoticeReceipt(notice, unit.id()));
        }
        receipts.flush();
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                notice.getId(),
                notice.title() + "，下发" + targets.size() + "个单位" + (due == null ? "" : "，时限" + due));
        return view(notice, true);
    }

    /** The notices the organisation issued in the year, newest first, optionally containing a text. */
    @PreAuthorize(READ)
    public PageResult<Summary> issued(String orgCode, int year, String text, int page, int size) {
        OrgRef issuer = orgs.requireReadable(orgCode);
        var found = notices.search(
                issuer.id(),
                year,
                Like.escape(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)),
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "issuedOn", "id")));
        Map<Long, List<NoticeReceipt>> byNotice =
                receipts.findByNoticeIdIn(found.stream().map(Notice::getId).toList()).stream()
                        .collect(Collectors.groupingBy(NoticeReceipt::noticeId));
        LocalDate today = LocalDate.now(clock);
        return PageResult.of(found, n -> {
            List<Receipt> its = byNotice.getOrDefault(n.getId(), List.of()).stream()
                    .map(r -> receipt(r, n, today))
                    .toList();
            return summary(n, issuer, its, null);
        });
    }

    /** The notices the unit received, newest first (of one year, or all when {@code year} is null). */
    @PreAuthorize(READ)
    public List<Summary> inbox(String orgCode, Integer year) {
        OrgRef unit = orgs.requireReadable(orgCode);
        LocalDate today = LocalDate.now(clock);
        List<Summary> rows = new ArrayList<>();
        received(unit.id()).forEach((r, n) -> {
            if (year == null || n.year() == year) {
                rows.add(summary(n, orgs.get(n.issuerOrgId()), List.of(), receipt(r, n, today)));
            }
        });
        rows.sort(Comparator.comparing(Summary::issuedOn)
                .thenComparing(Summary::id)
                .reversed());
        return rows;
    }

    /** A notice with the receipts the current user may see; 404 for anyone who reads neither side. */
    @PreAuthorize(READ)
    public NoticeViews.Notice get(long id) {
        Notice notice = notices.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        return view(notice, readsIssuer(notice));
    }

    /** Per target unit: acknowledged, acted on (which session, when), overdue — for the issuer's readers only. */
    @PreAuthorize(READ)
    public Status status(long id) {
        Notice notice = notices.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        if (!readsIssuer(notice)) {
            if (ownReceipt(notice).isEmpty()) {
                throw NotFoundException.of(OBJECT);
            }
            throw new AccessDeniedException("只有发布单位可查看各单位落实情况");
        }
        List<Receipt> units = receiptsOf(notice);
        return new Status(
                notice.getId(),
                notice.title(),
                notice.dueOn(),
                units.size(),
                count(units, r -> r.acknowledgedAt() != null),
                count(units, r -> r.state() == State.ACTED),
                count(units, r -> r.state() == State.OVERDUE),
                units);
    }

    /**
     * The unit's 签收: the first one's time and person stay; the note and the linked sessions (the unit's own) are
     * replaced by each acknowledgement. Only the target unit's clerk; a stale version is a 409.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.NOTICE_ACKNOWLEDGE + "')")
    public Receipt acknowledge(long id, long expectedVersion, AcknowledgementCommand command) {
        Notice notice = notices.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        LedgerUser user = CurrentUser.require();
        List<NoticeReceipt> mine = receipts.findByNoticeIdOrderByIdAsc(id).stream()
                .filter(r -> user.hasRoleAt(Role.CLERK, orgs.get(r.unitOrgId()).path()))
                .filter(r ->
                        command.unit() == null || orgs.get(r.unitOrgId()).code().equals(command.unit()))
                .toList();
        if (mine.isEmpty()) {
            if (!readsIssuer(notice) && ownReceipt(notice).isEmpty()) {
                throw NotFoundException.of(OBJECT);
            }
            throw new AccessDeniedException("只有下发单位的学习秘书可以签收");
        }
        if (mine.size() > 1) {
            throw new BusinessRuleException("您是多个下发单位的学习秘书，请指明签收单位（unit）");
        }
        NoticeReceipt receipt = mine.get(0);
        receipt.checkVersion(expectedVersion);
        for (long sessionId : command.sessionIds()) {
            Optional<SessionSummary> s = sessions.find(sessionId);
            if (s.isEmpty() || s.get().orgId() != receipt.unitOrgId()) {
                throw new BusinessRuleException("找不到本单位编号为 " + sessionId + " 的集中学习");
            }
        }
        boolean first = receipt.acknowledgedAt() == null;
        receipt.acknowledge(LocalDateTime.now(clock), user.displayName(), command.note(), command.sessionIds(), notice);
        receipts.flush();
        audit.record(
                AuditAction.UPDATE,
                RECEIPT,
                receipt.getId(),
                notice.title() + "：" + (first ? "签收" : "更新落实情况") + "，关联集中学习"
                        + command.sessionIds().size() + "次");
        return receipt(receipt, notice, LocalDate.now(clock));
    }

    /**
     * What the 签收 form offers the current user: the receipt of the target unit they are the clerk of, with the
     * unit's sessions of the notice's year to link; {@code null} for anyone else.
     */
    @PreAuthorize(READ)
    public NoticeViews.Acknowledging acknowledging(long id) {
        Notice notice = notice(id);
        LedgerUser user = CurrentUser.require();
        if (!CurrentUser.holdsAny(Permissions.NOTICE_ACKNOWLEDGE)) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        return receipts.findByNoticeIdOrderByIdAsc(id).stream()
                .filter(r -> user.hasRoleAt(Role.CLERK, orgs.get(r.unitOrgId()).path()))
                .findFirst()
                .map(r -> new NoticeViews.Acknowledging(
                        receipt(r, notice, today),
                        sessions.sessions(r.unitOrgId(), notice.year()).stream()
                                .filter(s -> s.status() != SessionStatus.CANCELLED)
                                .sorted(Comparator.comparing(SessionSummary::date)
                                        .thenComparing(SessionSummary::id))
                                .map(NoticeService::linked)
                                .toList()))
                .orElse(null);
    }

    /** The unit's receipts, each with its notice, newest first. */
    private Map<NoticeReceipt, Notice> received(long unitOrgId) {
        List<NoticeReceipt> its = receipts.findByUnitOrgIdOrderByIdDesc(unitOrgId);
        Map<Long, Notice> byId = notices
                .findAllById(its.stream().map(NoticeReceipt::noticeId).toList())
                .stream()
                .collect(Collectors.toMap(Notice::getId, Function.identity()));
        Map<NoticeReceipt, Notice> received = new LinkedHashMap<>();
        its.stream().filter(r -> byId.containsKey(r.noticeId())).forEach(r -> received.put(r, byId.get(r.noticeId())));
        return received;
    }

    private Notice notice(long id) {
        return notices.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
    }

    private boolean readsIssuer(Notice notice) {
        return CurrentUser.require().canRead(orgs.get(notice.issuerOrgId()).path());
    }

    private Optional<NoticeReceipt> ownReceipt(Notice notice) {
        LedgerUser user = CurrentUser.require();
        return receipts.findByNoticeIdOrderByIdAsc(notice.getId()).stream()
                .filter(r -> user.canRead(orgs.get(r.unitOrgId()).path()))
                .findFirst();
    }

    private NoticeViews.Notice view(Notice notice, boolean issuerView) {
        LocalDate today = LocalDate.now(clock);
        LedgerUser user = CurrentUser.require();
        List<NoticeReceipt> all = receipts.findByNoticeIdOrderByIdAsc(notice.getId());
        List<Receipt> shown = all.stream()
                .filter(r -> issuerView || user.canRead(orgs.get(r.unitOrgId()).path()))
                .map(r -> receipt(r, notice, today))
                .toList();
        if (!issuerView && shown.isEmpty()) {
            throw NotFoundException.of(OBJECT);
        }
        OrgRef issuer = orgs.get(notice.issuerOrgId());
        return new NoticeViews.Notice(
                notice.getId(),
                notice.getVersion(),
                issuer.code(),
                issuer.issuer(),
                notice.year(),
                notice.title(),
                notice.content(),
                notice.materials(),
                notice.issuedOn(),
                notice.dueOn(),
                notice.getCreatedBy(),
                all.size(),
                issuerView,
                shown);
    }

    private List<Receipt> receiptsOf(Notice notice) {
        LocalDate today = LocalDate.now(clock);
        return receipts.findByNoticeIdOrderByIdAsc(notice.getId()).stream()
                .map(r -> receipt(r, notice, today))
                .toList();
    }

    private Receipt receipt(NoticeReceipt r, Notice notice, LocalDate today) {
        OrgRef unit = orgs.get(r.unitOrgId());
        List<LinkedSession> linked = r.sessionIds().stream()
                .map(sessions::find)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(SessionSummary::date).thenComparing(SessionSummary::id))
                .map(NoticeService::linked)
                .toList();
        LocalDate actedOn = linked.stream()
                .filter(LinkedSession::held)
                .map(LinkedSession::date)
                .min(Comparator.naturalOrder())
                .orElse(null);
        State state = actedOn != null
                ? State.ACTED
                : notice.dueOn() != null && today.isAfter(notice.dueOn())
                        ? State.OVERDUE
                        : r.acknowledgedAt() != null ? State.READ : State.UNREAD;
        return new Receipt(
                r.getId(),
                r.getVersion(),
                notice.getId(),
                unit.code(),
                unit.name(),
                r.acknowledgedAt(),
                r.acknowledgedBy(),
                r.note(),
                linked,
                actedOn,
                actedOn != null && notice.dueOn() != null && actedOn.isAfter(notice.dueOn()),
                state,
                state.label());
    }

    private static LinkedSession linked(SessionSummary s) {
        return new LinkedSession(s.id(), s.title(), s.date(), s.status() == SessionStatus.HELD, "/sessions/" + s.id());
    }

    private Summary summary(Notice n, OrgRef issuer, List<Receipt> all, Receipt own) {
        List<Receipt> its = own != null ? List.of(own) : all;
        return new Summary(
                n.getId(),
                issuer.code(),
                issuer.issuer(),
                n.title(),
                n.issuedOn(),
                n.dueOn(),
                its.size(),
                count(its, r -> r.acknowledgedAt() != null),
                count(its, r -> r.state() == State.ACTED),
                count(its, r -> r.state() == State.OVERDUE),
                own);
    }

    private static long count(List<Receipt> receipts, java.util.function.Predicate<Receipt> test) {
        return receipts.stream().filter(test).count();
    }

    private static List<OrgRef> targets(List<OrgRef> units, List<String> codes) {
        if (codes.isEmpty()) {
            return units;
        }
        Map<String, OrgRef> byCode = units.stream().collect(Collectors.toMap(OrgRef::code, Function.identity()));
        List<OrgRef> chosen = new ArrayList<>();
        for (String code : codes) {
            OrgRef unit = byCode.get(code);
            if (unit == null) {
                throw new BusinessRuleException("「" + code + "」不是本组织的直属下级单位");
            }
            chosen.add(unit);
        }
        return chosen;
    }

    private LocalDate due(NoticeCommand command, LocalDate today) {
        if (command.dueOn() != null && command.dueInWorkingDays() != null) {
            throw new BusinessRuleException("完成时限请填写日期或工作日数，不要同时填写");
        }
        if (command.dueInWorkingDays() != null) {
            return calendar.after(today, command.dueInWorkingDays());
        }
        if (command.dueOn() != null && command.dueOn().isBefore(today)) {
            throw new BusinessRuleException("完成时限不能早于发布日期");
        }
        return command.dueOn();
    }
}
