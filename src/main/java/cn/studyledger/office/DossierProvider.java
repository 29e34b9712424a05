package cn.studyledger.office;

import java.util.List;

/**
 * The papers a module contributes to a year's 学习档案专卷 (the sessions' 会议记录, 签到表, 学习简报 and 发言提纲, the
 * members' writings), implemented by the module that owns them and collected by the archive, which lists them in its
 * 目录 and puts the written ones in the year's archive; the archive never reaches into the modules' records.
 */
public interface DossierProvider {

    /**
     * The organisation's papers of the year, by date, after checking that the current user may read the organisation
     * (404 otherwise). The written papers carry their Word file only when {@code withContent} is true (the 目录 alone
     * needs only their names).
     */
    List<DossierDocument> documents(String orgCode, int year, boolean withContent);
}
