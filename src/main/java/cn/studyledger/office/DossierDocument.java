package cn.studyledger.office;

import java.time.LocalDate;

/**
 * One paper of a year's 学习档案专卷 as its 目录 lists it: either written by the system (its {@code fileName} under
 * {@code documents/} of the year's archive, {@code content} the Word file when asked for) or a file the users stored
 * ({@code storedFileId}, kept under {@code files/} of the archive), or neither (recorded, no file).
 *
 * @param title 题名
 * @param date the paper's date (held, issued, written), null when it has none
 * @param copies 份数
 * @param fileName the written paper's file name (no folder), null for a stored file or none
 * @param content the written paper, null when not asked for or for a stored file
 * @param storedFileId the stored file's id, null for a written paper or none
 */
public record DossierDocument(
        DossierSection section,
        String title,
        LocalDate date,
        int copies,
        String fileName,
        byte[] content,
        Long storedFileId) {

    /** A paper the system writes. */
    public static DossierDocument written(
            DossierSection section, String title, LocalDate date, String fileName, byte[] content) {
        return new DossierDocument(section, title, date, 1, fileName, content, null);
    }

    /** A paper the users stored as a file, or only recorded ({@code storedFileId} null). */
    public static DossierDocument stored(DossierSection section, String title, LocalDate date, Long storedFileId) {
        return new DossierDocument(section, title, date, storedFileId == null ? 0 : 1, null, null, storedFileId);
    }
}
