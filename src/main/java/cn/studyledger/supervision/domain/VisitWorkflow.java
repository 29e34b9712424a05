package cn.studyledger.supervision.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.supervision.MaterialKind;
import cn.studyledger.supervision.domain.SupervisionViews.CriterionRow;
import cn.studyledger.supervision.domain.SupervisionViews.VisitDetail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The three stages of a visit: the unit's clerk submits the materials (stage 1); the observers review them,
 * record the session on site (stage 2) and write the 小结 (stage 3), and close the visit once its rectification
 * items are closed or cancelled.
 */
@Service
@Transactional(readOnly = true)
public class VisitWorkflow {

    private final VisitRepository visits;
    private final RectificationRepository items;
    private final VisitAccess access;
    private final CriteriaService criteria;
    private final VisitDeadlines deadlines;
    private final FileStore files;
    private final AuditLog audit;

    VisitWorkflow(
            VisitRepository visits,
            RectificationRepository items,
            VisitAccess access,
            CriteriaService criteria,
            VisitDeadlines deadlines,
            FileStore files,
            AuditLog audit) {
        this.visits = visits;
        this.items = items;
        this.access = access;
        this.criteria = criteria;
        this.deadlines = deadlines;
        this.files = files;
        this.audit = audit;
    }

    /**
     * Stage 1 (the unit's clerk): the 学习方案 with study materials and speech outlines, by the working days before
     * the session the rule settings give; refused after that with the deadline in the message.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_RESPOND + "')")
    public VisitDetail submit(
            long id,
            long expectedVersion,
            SubmissionCommand command,
            List<MultipartFile> materials,
            List<MultipartFile> outlines) {
        SupervisionVisit visit = access.asUnit(id);
        visit.checkVersion(expectedVersion);
        VisitDeadlines.Deadlines now = deadlines.current();
        LocalDate deadline = now.materialsDue(visit);
        // refuse a late submission before storing its files
        visit.requireSubmissionWindow(access.today(), deadline);
        List<VisitMaterial> added = new ArrayList<>();
        store(materials, MaterialKind.MATERIAL, added);
        store(outlines, MaterialKind.OUTLINE, added);
        visit.submit(command.studyPlan(), added, access.today(), deadline);
        visits.flush();
        audit.record(AuditAction.UPDATE, "旁听安排", id, "报送学习方案及材料（新增附件" + added.size() + "个）");
        return access.detail(visit, deadlines.current());
    }

    private void store(List<MultipartFile> uploads, MaterialKind kind, List<VisitMaterial> into) {
        if (uploads == null) {
            return;
        }
        for (MultipartFile upload : uploads) {
            if (upload != null && !upload.isEmpty()) {
                into.add(new VisitMaterial(
                        kind, files.store(upload, FileKind.DOCUMENTS).id()));
            }
        }
    }

    /** The unit's clerk withdraws a submitted file while the materials are with the unit. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_RESPOND + "')")
    public VisitDetail removeMaterial(long id, long expectedVersion, long fileId) {
        SupervisionVisit visit = access.asUnit(id);
        visit.checkVersion(expectedVersion);
        visit.removeMaterial(fileId);
        visits.flush();
        audit.record(AuditAction.UPDATE, "旁听安排", id, "删除已报送材料 文件#" + fileId);
        return access.detail(visit, deadlines.current());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public VisitDetail approve(long id, long expectedVersion, ReviewCommand command) {
        SupervisionVisit visit = access.asObserver(id);
        visit.checkVersion(expectedVersion);
        visit.approve(command.comment(), access.today(), CurrentUser.require().displayName());
        visits.flush();
        audit.record(AuditAction.UPDATE, "旁听安排", id, "学习方案审核通过");
        return access.detail(visit, deadlines.current());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public VisitDetail returnForRevision(long id, long expectedVersion, ReviewCommand command) {
        SupervisionVisit visit = access.asObserver(id);
        visit.checkVersion(expectedVersion);
        visit.returnForRevision(
                command.comment(), access.today(), CurrentUser.require().displayName());
        visits.flush();
        audit.record(AuditAction.UPDATE, "旁听安排", id, "退回学习方案：" + visit.reviewComment());
        return access.detail(visit, deadlines.current());
    }

    /** Stage 2: notes and a score per criterion of the superior organisation's set for the visit's year. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public VisitDetail observe(long id, long expectedVersion, ObservationCommand command) {
        SupervisionVisit visit = access.asObserver(id);
        visit.checkVersion(expectedVersion);
        List<CriterionRow> set =
                criteria.inUse(visit.superiorOrgId(), visit.plannedOn().getYear());
        List<Integer> scores = command.scores() == null ? List.of() : command.scores();
        if (scores.size() != set.size()) {
            throw new BusinessRuleException("请按" + set.size() + "项评价指标逐项评分");
        }
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            ratings.add(new Rating(set.get(i).name(), set.get(i).weight(), scores.get(i)));
        }
        visit.observe(command.notes(), ratings, access.today());
        visits.flush();
        audit.record(AuditAction.UPDATE, "旁听安排", id, "登记旁听情况，综合评分 " + visit.weightedScore());
        return access.detail(visit, deadlines.current());
    }

    /** Stage 3: the 小结, due within the working days of the rule settings; a late one is accepted and flagged. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public VisitDetail summarise(long id, long expectedVersion, SummaryCommand command) {
        SupervisionVisit visit = access.asObserver(id);
        visit.checkVersion(expectedVersion);
        visit.summarise(
                command.overall(),
                command.highlights(),
                command.problems(),
                access.today(),
                deadlines.current().summaryDeadline(visit));
        visits.saveAndFlush(visit);
        audit.record(
                AuditAction.UPDATE,
                "旁听安排",
                id,
                "提交小结" + (visit.isSummaryLate() ? "（逾期，时限 " + visit.summaryDueOn() + "）" : ""));
        return access.detail(visit, deadlines.current());
    }

    /** SUMMARISED → CLOSED once every rectification item is closed or cancelled. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public VisitDetail close(long id, long expectedVersion) {
        SupervisionVisit visit = access.asObserver(id);
        visit.checkVersion(expectedVersion);
        boolean resolved =
                items.findByVisitIdInOrderByIdAsc(List.of(id)).stream().allMatch(RectificationItem::isResolved);
        visit.close(resolved, access.today());
        visits.saveAndFlush(visit);
        audit.record(AuditAction.UPDATE, "旁听安排", id, "旁听办结");
        return access.detail(visit, deadlines.current());
    }

    /** The criteria the observers rate this visit against. */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public List<CriterionRow> criteriaFor(long id) {
        SupervisionVisit visit = access.readable(id);
        return criteria.inUse(visit.superiorOrgId(), visit.plannedOn().getYear());
    }
}
