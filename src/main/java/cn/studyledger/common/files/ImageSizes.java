package cn.studyledger.common.files;

import cn.studyledger.common.BusinessRuleException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The width and height of an uploaded image, read from its header only (the pixels are never decoded). */
final class ImageSizes {

    private ImageSizes() {}

    /** Refuses an image wider or higher than {@code maxSide} pixels, or one whose size cannot be read. */
    static void requireWithin(Path file, String name, int maxSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new BusinessRuleException("无法读取图片“" + name + "”的尺寸，请确认是完整的 jpg 或 png 图片");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxSide || height > maxSide) {
                    throw new BusinessRuleException(
                            "图片“" + name + "”为 " + width + "×" + height + " 像素，超过长、宽各 " + maxSide + " 像素的上限，请缩小后再上传");
                }
            } catch (IOException e) {
                throw new BusinessRuleException("无法读取图片“" + name + "”的尺寸，请确认是完整的 jpg 或 png 图片");
            } finally {
                reader.dispose();
            }
        }
    }
}
