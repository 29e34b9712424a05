package cn.studyledger.tracking.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.tracking.OverdueItem;
import cn.studyledger.tracking.OverdueProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one overdue list: what every {@link OverdueProvider} contributes for an organisation, longest overdue
 * first. The providers apply their own permissions and scope; this service only refuses an organisation the user
 * has no grant reaching at all (404), so that the list never confirms that an organisation exists.
 */
@Service
@Transactional(readOnly = true)
public class OverdueService {

    private static final Comparator<OverdueItem> LONGEST_FIRST = Comparator.comparingLong(OverdueItem::daysOverdue)
            .reversed()
            .thenComparing(OverdueItem::kind)
            .thenComparingLong(OverdueItem::id);

    private final List<OverdueProvider> providers;
    private final OrgApi orgs;
    private final Clock clock;

    OverdueService(List<OverdueProvider> providers, OrgApi orgs, Clock clock) {
        this.providers = providers.stream()
                .sorted(Comparator.comparing(OverdueProvider::kind))
                .toList();
        this.orgs = orgs;
        this.clock = clock;
        long distinct = providers.stream().map(OverdueProvider::kind).distinct().count();
        if (distinct != providers.size()) {
            throw new IllegalStateException("two overdue providers share a kind");
        }
    }

    /** The kinds of overdue items there are, key → label, for the filter. */
    public Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        providers.forEach(p -> kinds.put(p.kind(), p.label()));
        return kinds;
    }

    /**
     * Overdue items of the organisation (all kinds, or one), longest overdue first.
     *
     * @param orgCode the working organisation; null for a user without one (the providers then use the user's
     *     grants)
     * @param kind a provider's kind, or null / blank for all
     */
    @PreAuthorize("hasAnyAuthority('" + Permissions.FIRSTTOPIC_VIEW + "', '" + Permissions.SUPERVISION_VIEW + "')")
    public List<OverdueItem> overdue(String orgCode, String kind) {
        if (orgCode != null) {
            requireInSight(orgCode);
        }
        LocalDate today = LocalDate.now(clock);
        return providers.stream()
                .filter(p -> kind == null || kind.isBlank() || p.kind().equals(kind))
                .flatMap(p -> p.overdue(orgCode, today).stream())
                .sorted(LONGEST_FIRST)
                .toList();
    }

    /** One page of {@link #overdue}. */
    @PreAuthorize("hasAnyAuthority('" + Permissions.FIRSTTOPIC_VIEW + "', '" + Permissions.SUPERVISION_VIEW + "')")
    public PageResult<OverdueItem> page(String orgCode, String kind, int page, int size) {
        List<OverdueItem> all = overdue(orgCode, kind);
        int from = Math.min(Math.max(page, 0) * size, all.size());
        return new PageResult<>(
                all.subList(from, Math.min(from + size, all.size())), Math.max(page, 0), size, all.size());
    }

    private void requireInSight(String orgCode) {
        OrgRef org = orgs.findUnchecked(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path()) && user.grants().stream().noneMatch(g -> g.covers(org.path()))) {
            throw NotFoundException.of("组织");
        }
    }
}
