package cn.studyledger.figure.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.org.OrgRef;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code org.name}: the organisation's own record, with no page to open (the organisation list is the administrator's,
 * not the readers' of the figure).
 */
@Component
class OrgFigures implements FigureProvider {

    static final String NAME = "org.name";

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(NAME, "单位名称", "", FigureDefinition.Kind.TEXT));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return FigureResult.text(
                org.name(),
                List.of(new Evidence(
                        "组织",
                        org.id(),
                        null,
                        org.name(),
                        org.code() + " · " + org.type().label(),
                        null,
                        null)));
    }
}
