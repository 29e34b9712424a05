package cn.studyledger.archive.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The 台账 of an organisation's year: which there are, and each as a streamed .xlsx. */
@Service
public class LedgerService {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The order users know the ledgers in; ledgers of modules added later follow, by key. */
    private static final List<String> ORDER = List.of(
            "sessions",
            "attendance",
            "leave",
            "firsttopic",
            "firsttopic-tasks",
            "selfstudy",
            "writings",
            "supervision",
            "rectification",
            "research",
            "investigations",
            "publicity");

    /** One ledger as the ledger page lists it. */
    public record LedgerInfo(String key, String title, int columns) {}

    private final List<LedgerProvider> providers;
    private final OrgApi orgs;
    private final OfficeDocuments office;
    private final AuditLog audit;

    LedgerService(List<LedgerProvider> providers, OrgApi orgs, OfficeDocuments office, AuditLog audit) {
        this.providers = providers.stream()
                .sorted(Comparator.comparing((LedgerProvider p) -> rank(p.key()))
                        .thenComparing(LedgerProvider::key))
                .toList();
        this.orgs = orgs;
        this.office = office;
        this.audit = audit;
    }

    @PreAuthorize("hasAuthority('" + Permissions.LEDGER_EXPORT + "')")
    public List<LedgerInfo> ledgers(String orgCode, int year) {
        orgs.requireReadable(orgCode);
        return providers.stream()
                .map(p -> new LedgerInfo(p.key(), p.title(), p.header().size()))
                .toList();
    }

    /** The ledger as a download; checked and audited now, written when the response streams it. */
    @PreAuthorize("hasAuthority('" + Permissions.LEDGER_EXPORT + "')")
    public Download ledger(String orgCode, int year, String key) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerProvider provider = provider(key);
        audit.recordExport(
                "台账", org.code() + "/" + year + "/" + key, provider.title() + "（" + org.name() + year + "年）");
        return new Download(fileName(org, year, provider), XLSX, out -> write(provider, org.code(), year, out));
    }

    List<LedgerProvider> providers() {
        return providers;
    }

    void write(LedgerProvider provider, String orgCode, int year, OutputStream out) {
        office.xlsx(provider.title(), provider.header(), sink -> provider.rows(orgCode, year, sink), out);
    }

    static String fileName(OrgRef org, int year, LedgerProvider provider) {
        return org.name() + year + "年" + provider.title() + ".xlsx";
    }

    private LedgerProvider provider(String key) {
        return providers.stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("台账"));
    }

    private static int rank(String key) {
        int i = ORDER.indexOf(key);
        return i < 0 ? ORDER.size() : i;
    }
}
