package cn.studyledger.outreach.domain;

import cn.studyledger.common.files.StoredFile;
import cn.studyledger.outreach.PublicityChannel;
import java.time.LocalDate;

/**
 * A publicity item as pages and the API show it.
 *
 * @param file the stored file, null when the item is only a link
 * @param briefSessionId the session whose issued 学习简报 the item was filed from; null for an item entered by hand
 */
public record PublicityView(
        long id,
        PublicityChannel channel,
        String channelLabel,
        String column,
        String title,
        LocalDate publishedOn,
        String link,
        StoredFile file,
        String related,
        Long briefSessionId,
        long version) {

    public PublicityCommand toCommand() {
        return new PublicityCommand(channel, column, title, publishedOn, link, related);
    }
}
