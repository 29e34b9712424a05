package cn.studyledger.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * One unit's score on one criterion as it stood when the assessment was published: the snapshot the units see, may
 * object to, and the 通报 prints.
 *
 * @param unitOrgId the unit
 * @param criterion the criterion's figure key, or {@code findings}
 * @param label the criterion's name
 * @param value the figure's value as shown, or the number of findings; {@code null} without records
 * @param unit the value's unit
 * @param weight the criterion's weight
 * @param points the points earned
 * @param detail how the points were reached, and for findings what was found
 */
@Embeddable
record ResultItem(
        @Column(name = "unit_org_id") long unitOrgId,
        String criterion,
        String label,
        @Column(name = "value_text") String value,
        String unit,
        BigDecimal weight,
        BigDecimal points,
        String detail) {}
