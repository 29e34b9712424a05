package cn.studyledger.office;

import java.util.List;
import java.util.function.Consumer;

/**
 * One 台账 (ledger) of a kind of record, implemented by the module that owns the records and collected by the
 * ledger and archive pages. Rows are pushed one by one, never gathered in a list, so a ledger of a million rows
 * is written in bounded memory.
 */
public interface LedgerProvider {

    /** Stable key, used in URLs and file names, e.g. {@code sessions}. */
    String key();

    /** The ledger's title, e.g. 集中学习台账. */
    String title();

    /** Column titles, in the order of each row's cells. */
    List<String> header();

    /**
     * Streams the rows of the organisation's year to the sink after checking that the current user may read the
     * organisation (404 otherwise). Cells are text, numbers, dates or times; {@code null} for an empty cell.
     */
    void rows(String orgCode, int year, Consumer<List<Object>> sink);
}
