package cn.studyledger.selfstudy;

import cn.studyledger.common.files.FileKind;
import java.util.List;

/**
 * What a study note (学习笔记) attached to a self-study entry may be in an organisation's year: its largest size, the
 * largest width and height of an image, the file types allowed, with the document they come from. Settings of the
 * year's rule table, kept by the rules module, which implements this (the rules read self-study, so self-study asks
 * through this interface rather than depending on them).
 */
public interface StudyNoteLimits {

    /** The limits in force for the organisation's year. */
    Limits noteLimits(long orgId, int year);

    /**
     * One year's limits.
     *
     * @param maxBytes the largest file, in bytes
     * @param maxImageSide the largest width and height of a jpg or png image, in pixels
     * @param allowed the file types allowed
     * @param source the rules' source, named in a refusal
     */
    record Limits(long maxBytes, int maxImageSide, List<FileKind> allowed, String source) {

        /** The size limit as forms show it: 10 MB. */
        public String maxSize() {
            long mb = maxBytes / (1024 * 1024);
            return mb > 0 ? mb + " MB" : Math.max(1, maxBytes / 1024) + " KB";
        }

        /** The types as forms show them: jpg、png、pdf、docx. */
        public String types() {
            return String.join(
                    "、", allowed.stream().map(k -> k.extension().substring(1)).toList());
        }

        /** The types for a file input's accept attribute: .jpg,.jpeg,.png,… */
        public String accept() {
            return String.join(
                    ",",
                    allowed.stream()
                            .flatMap(k -> k == FileKind.JPEG
                                    ? List.of(".jpg", ".jpeg").stream()
                                    : List.of(k.extension()).stream())
                            .toList());
        }
    }
}
