package cn.studyledger.selfstudy;

import cn.studyledger.selfstudy.domain.BookQueries;
import cn.studyledger.selfstudy.domain.SelfStudyQueries;
import cn.studyledger.selfstudy.domain.WritingQueries;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of self-study. No scope checks here: callers check the organisation (through
 * {@code OrgApi}) before they ask, and only ask about that organisation's records.
 */
@Service
public class SelfStudyApi {

    private final WritingQueries writings;
    private final SelfStudyQueries entries;
    private final BookQueries books;

    SelfStudyApi(WritingQueries writings, SelfStudyQueries entries, BookQueries books) {
        this.writings = writings;
        this.entries = entries;
        this.books = books;
    }

    /** The books (原著研读) of the organisation's year, finished or still being read, of every reader, by start. */
    public List<BookSummary> books(long orgId, int year) {
        return books.books(orgId, year);
    }

    /** One person's self-study entries of the organisation in the year, by date. */
    public List<SelfStudySummary> entries(long orgId, int year, long personId) {
        return entries.entries(orgId, year, personId);
    }

    /** The writings of the organisation dated in the year, of every kind and author, by date. */
    public List<WritingSummary> writings(long orgId, int year) {
        return writings.writings(orgId, year);
    }
}
