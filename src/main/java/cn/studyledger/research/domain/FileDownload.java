package cn.studyledger.research.domain;

import cn.studyledger.common.files.StoredFile;
import java.io.InputStream;

/** A stored file the current user may download (the scope check has passed): what it is, and its bytes. */
public record FileDownload(StoredFile file, InputStream content) {}
