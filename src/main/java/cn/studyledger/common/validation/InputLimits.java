package cn.studyledger.common.validation;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bounds of what a request may carry ({@code ledger.input.*}): the years a record may be dated in, the
 * earliest birth date, the largest page number and page size. Outside them the input is refused with a message
 * instead of reaching the database (a five-digit year, an offset past {@code Integer.MAX_VALUE}).
 */
@Component
public class InputLimits {

    private final int firstYear;
    private final int lastYear;
    private final LocalDate earliestBirthDate;
    private final int maxPage;
    private final int maxPageSize;

    InputLimits(
            @Value("${ledger.input.first-year:2000}") int firstYear,
            @Value("${ledger.input.last-year:2100}") int lastYear,
            @Value("${ledger.input.earliest-birth-date:1920-01-01}") LocalDate earliestBirthDate,
            @Value("${ledger.input.max-page:100000}") int maxPage,
            @Value("${ledger.input.max-page-size:500}") int maxPageSize) {
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.earliestBirthDate = earliestBirthDate;
        this.maxPage = maxPage;
        this.maxPageSize = maxPageSize;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public boolean isRecordYear(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public boolean isRecordDate(LocalDate date) {
        return isRecordYear(date.getYear());
    }

    public LocalDate earliestBirthDate() {
        return earliestBirthDate;
    }

    public boolean isBirthDate(LocalDate date) {
        return !date.isBefore(earliestBirthDate);
    }

    public int maxPage() {
        return maxPage;
    }

    public int maxPageSize() {
        return maxPageSize;
    }
}
