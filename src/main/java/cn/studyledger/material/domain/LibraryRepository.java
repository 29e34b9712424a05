package cn.studyledger.material.domain;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LibraryRepository extends JpaRepository<LibraryDocument, Long> {

    /**
     * Documents whose title, category, tags or source contain {@code text} (a LIKE pattern escaped with '!'),
     * optionally of one category ('' = any) and carrying one tag ('' = any; {@code tagPattern} matches
     * ",tag," against the tags wrapped in commas).
     */
    @Query("""
            select d from LibraryDocument d where d.orgId = :orgId
              and (lower(d.title) like :text escape '!' or lower(d.category) like :text escape '!'
                   or lower(coalesce(d.tags, '')) like :text escape '!'
                   or lower(coalesce(d.source, '')) like :text escape '!')
              and (:category = '' or d.category = :category)
              and (:tag = '' or concat(',', coalesce(d.tags, ''), ',') like :tagPattern escape '!')""")
    Page<LibraryDocument> search(
            long orgId, String text, String category, String tag, String tagPattern, Pageable pageable);

    @Query("select distinct d.category from LibraryDocument d where d.orgId = :orgId order by d.category")
    List<String> categories(long orgId);

    long countByOrgId(long orgId);
}
