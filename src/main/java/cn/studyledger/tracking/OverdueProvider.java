package cn.studyledger.tracking;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by each module whose records follow the {@link Tracked} lifecycle, to contribute its overdue items
 * to the one overdue list. Tracking knows nothing of the modules; they depend on it.
 */
public interface OverdueProvider {

    /** Stable kind key, e.g. {@code supervision.rectification}; unique across providers. */
    String kind();

    /** The kind as users know it, e.g. 列席旁听整改事项. */
    String label();

    /**
     * The open items past their due date that concern the organisation and that the current user may see,
     * longest overdue first. Applies its own module's permission and data scope and returns an empty list for a
     * user who may not see this kind at all; never throws for scope.
     *
     * @param orgCode the working organisation; null for a user who has no organisation to read (e.g. an
     *     observer), in which case the provider returns what the user's grants let them act on
     */
    List<OverdueItem> overdue(String orgCode, LocalDate today);
}
