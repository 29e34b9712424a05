package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.Period;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 版头 of the annual report printed as a 红头文件: 发文机关标志 (the short issuer name + 文件), the 发文字号 the clerk
 * copies from the office's 收发文 register (发文代字〔年份〕序号号) and the 签发人 — the report goes up to the superior
 * Party organisation, so it is a 上行文 and names who signed it off (by default the year's 组长). A number the clerk
 * has not entered is printed 【待补充】, never made up.
 */
@Service
public class ReportLetterheads {

    static final int MAX_SERIAL = 99999;

    private final LetterheadRepository letterheads;
    private final OrgApi orgs;
    private final AuditLog audit;

    ReportLetterheads(LetterheadRepository letterheads, OrgApi orgs, AuditLog audit) {
        this.letterheads = letterheads;
        this.orgs = orgs;
        this.audit = audit;
    }

    /**
     * What the clerk enters: blank fields take their defaults.
     *
     * @param codePrefix 发文代字, e.g. X党组 (blank: the short issuer name)
     * @param issueYear the year of the 发文字号 (blank: the report year)
     * @param serial the 序号 of the register, without leading zeros (blank: 【待补充】)
     * @param signer 签发人 (blank: the year's 组长)
     */
    public record LetterheadCommand(
            @Size(max = 50, message = "发文代字最长50字") String codePrefix,

            Integer issueYear,

            Integer serial,

            @Size(max = 50, message = "签发人最长50字") String signer) {}

    /**
     * The settings as entered, their defaults and the 版头 they make; {@code version} is 0 before the first save and
     * one more than the stored row's after it, so that two clerks' first saves cannot both pass.
     */
    public record LetterheadView(
            String orgCode,
            int year,
            String period,
            String codePrefix,
            Integer issueYear,
            Integer serial,
            String signer,
            String defaultCodePrefix,
            String defaultSigner,
            String issuerMark,
            String documentNumber,
            String effectiveSigner,
            long version) {

        public LetterheadCommand toCommand() {
            return new LetterheadCommand(codePrefix, issueYear, serial, signer);
        }
    }

    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    @Transactional(readOnly = true)
    public LetterheadView view(String orgCode, Period period) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        return view(org, period, letterheads.of(org.id(), period).orElse(null));
    }

    /** Saves the settings; {@code expectedVersion} is the version the clerk saw (0 before the first save). */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    @Transactional
    public LetterheadView save(String orgCode, Period period, long expectedVersion, LetterheadCommand command) {
        int year = period.year();
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        // checked here, after the role, rather than as bounds on the form (which would answer before the role check):
        // a 发文字号 of another year than the report's is usual (a 2025 report issued in January 2026), one far from it
        // a typing error
        if (command.issueYear() != null && Math.abs(command.issueYear() - year) > 1) {
            throw new BusinessRuleException("发文年份应为报告年度或其前后一年");
        }
        if (command.serial() != null && (command.serial() < 1 || command.serial() > MAX_SERIAL)) {
            throw new BusinessRuleException("发文顺序号应为1至" + MAX_SERIAL + "的整数");
        }
        Letterhead row = letterheads.of(org.id(), period).orElse(null);
        if (row == null) {
            if (expectedVersion != 0) {
                throw new ConflictException();
            }
            row = new Letterhead(org.id(), period);
        } else {
            row.checkVersion(expectedVersion - 1);
        }
        row.set(command.codePrefix(), command.issueYear(), command.serial(), command.signer());
        row = letterheads.saveAndFlush(row);
        LetterheadView view = view(org, period, row);
        audit.record(
                AuditAction.UPDATE,
                "年度报告",
                orgCode + "/" + year + (period.wholeYear() ? "" : "/" + period.apiName()),
                "设置" + AnnualReport.title(period) + "版头：" + view.documentNumber() + "，签发人" + view.effectiveSigner());
        return view;
    }

    /** The 版头 block of the report; the caller has checked the organisation is readable. */
    DocumentBlock.Letterhead block(OrgRef org, Period period) {
        LetterheadView v = view(org, period, letterheads.of(org.id(), period).orElse(null));
        return new DocumentBlock.Letterhead(v.issuerMark(), v.documentNumber(), v.effectiveSigner());
    }

    private LetterheadView view(OrgRef org, Period period, Letterhead row) {
        int year = period.year();
        String defaultSigner = orgs.members(org.id(), year).stream()
                .filter(m -> m.role() == GroupRole.LEADER)
                .map(m -> m.name())
                .findFirst()
                .orElse(null);
        String prefix = row == null || row.codePrefix() == null ? org.issuer() : row.codePrefix();
        int issueYear = row == null || row.issueYear() == null ? year : row.issueYear();
        String serial = row == null || row.serial() == null ? Tokens.MISSING : String.valueOf(row.serial());
        String signer = row != null && row.signer() != null ? row.signer() : defaultSigner;
        return new LetterheadView(
                org.code(),
                year,
                period.apiName(),
                row == null ? null : row.codePrefix(),
                row == null ? null : row.issueYear(),
                row == null ? null : row.serial(),
                row == null ? null : row.signer(),
                org.issuer(),
                defaultSigner,
                org.issuer() + "文件",
                prefix + "〔" + issueYear + "〕" + serial + "号",
                signer == null ? Tokens.MISSING : signer,
                row == null ? 0 : row.getVersion() + 1);
    }
}
