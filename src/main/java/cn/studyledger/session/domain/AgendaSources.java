package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.session.AgendaChoice;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The records the agenda rows of a session may choose, asked of the modules that offer them ({@link AgendaSource}):
 * none when no module offers a kind.
 */
@Component
class AgendaSources {

    private final ObjectProvider<AgendaSource> sources;

    AgendaSources(ObjectProvider<AgendaSource> sources) {
        this.sources = sources;
    }

    /** What each kind offers to a session of the organisation in the year, in the order of the kinds. */
    Map<AgendaKind, List<AgendaChoice>> choices(long orgId, int year) {
        Map<AgendaKind, List<AgendaChoice>> choices = new LinkedHashMap<>();
        sources.orderedStream()
                .sorted((a, b) -> a.kind().compareTo(b.kind()))
                .forEach(s -> choices.put(s.kind(), s.choices(orgId, year)));
        return choices;
    }

    /**
     * The agenda lines with their chosen records checked and, where the title is left blank, named after them. A
     * record the session already had on its agenda stays valid even when it is no longer offered (a first-topic item
     * of last year, say).
     *
     * @param kept the records already on the session's agenda, by kind
     */
    List<StudySession.AgendaLine> resolve(
            long orgId, int year, List<StudySession.AgendaLine> lines, Map<AgendaKind, Set<Long>> kept) {
        if (lines.stream().allMatch(l -> l.sourceId() == null)) {
            return lines;
        }
        Map<AgendaKind, Map<Long, String>> offered = choices(orgId, year).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().collect(Collectors.toMap(AgendaChoice::id, AgendaChoice::title))));
        return lines.stream()
                .map(line -> line.sourceId() == null ? line : resolve(line, year, offered, kept))
                .toList();
    }

    private static StudySession.AgendaLine resolve(
            StudySession.AgendaLine line,
            int year,
            Map<AgendaKind, Map<Long, String>> offered,
            Map<AgendaKind, Set<Long>> kept) {
        Map<Long, String> ofKind = offered.get(line.kind());
        if (ofKind == null) {
            throw new BusinessRuleException("“" + line.kind().label() + "”类议题不能从库中选择，请直接填写议题");
        }
        String title = ofKind.get(line.sourceId());
        if (title == null && !kept.getOrDefault(line.kind(), Set.of()).contains(line.sourceId())) {
            throw new BusinessRuleException("所选" + line.kind().label() + "不属于本单位" + year + "年度可选的范围，请重新选择");
        }
        if (line.title() != null && !line.title().isBlank()) {
            return line;
        }
        if (title == null) {
            throw new BusinessRuleException("请填写议题");
        }
        return line.titled(title);
    }

    /** The records the agenda's items chose ({@code AgendaSource}), by kind. */
    static Map<AgendaKind, Set<Long>> chosen(List<AgendaItem> agenda) {
        return agenda.stream()
                .filter(a -> a.sourceId() != null)
                .collect(Collectors.groupingBy(
                        AgendaItem::kind, Collectors.mapping(AgendaItem::sourceId, Collectors.toSet())));
    }
}
