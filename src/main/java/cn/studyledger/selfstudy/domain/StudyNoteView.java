package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.files.StoredFile;

/**
 * A study note (学习笔记) of a self-study entry as pages and the API show it.
 *
 * @param id the note's id
 * @param entryId the self-study entry it belongs to
 * @param file the stored file (its id names the note in the URLs)
 */
public record StudyNoteView(long id, long entryId, StoredFile file) {}
