package cn.studyledger.assessment.web;

import cn.studyledger.assessment.domain.AssessmentCommands.CriteriaCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CriterionCommand;
import cn.studyledger.assessment.domain.AssessmentViews.Board;
import cn.studyledger.assessment.domain.CriterionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The criteria page's form: the rows as shown (a row without a name is left out) and the settings. */
public class CriteriaForm {

    /** One criterion row of the form. */
    public static class Row {
        private String kind = "FIGURE";
        private String figureKey;
        private String label;
        private BigDecimal weight;
        private BigDecimal target;
        private String source;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getFigureKey() {
            return figureKey;
        }

        public void setFigureKey(String figureKey) {
            this.figureKey = figureKey;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public BigDecimal getWeight() {
            return weight;
        }

        public void setWeight(BigDecimal weight) {
            this.weight = weight;
        }

        public BigDecimal getTarget() {
            return target;
        }

        public void setTarget(BigDecimal target) {
            this.target = target;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }
    }

    static final int BLANK_ROWS = 2;

    private List<Row> rows = new ArrayList<>();
    private Integer objectionDays;
    private BigDecimal maxAdjustment;
    private String source;
    private Long version;

    /** The form of the assessment as it stands, with blank rows to add criteria. */
    static CriteriaForm of(Board board) {
        CriteriaForm form = new CriteriaForm();
        board.criteria().forEach(c -> {
            Row row = new Row();
            row.setKind(c.kind());
            row.setFigureKey(c.figureKey());
            row.setLabel(c.label());
            row.setWeight(c.weight());
            row.setTarget(c.target());
            row.setSource(c.source());
            form.rows.add(row);
        });
        form.addBlankRows();
        form.objectionDays = board.settings().objectionDays();
        form.maxAdjustment = board.settings().maxAdjustment();
        form.source = board.settings().source();
        form.version = board.version();
        return form;
    }

    void addBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row());
        }
    }

    /** The command of the rows with a name; an unknown kind is left for validation to refuse. */
    CriteriaCommand command() {
        List<CriterionCommand> criteria = rows.stream()
                .filter(r -> r.getLabel() != null && !r.getLabel().isBlank())
                .map(r -> new CriterionCommand(
                        CriterionKind.parse(r.getKind()),
                        r.getFigureKey(),
                        r.getLabel(),
                        r.getWeight(),
                        r.getTarget(),
                        r.getSource()))
                .toList();
        return new CriteriaCommand(criteria, objectionDays, maxAdjustment, source);
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    public Integer getObjectionDays() {
        return objectionDays;
    }

    public void setObjectionDays(Integer objectionDays) {
        this.objectionDays = objectionDays;
    }

    public BigDecimal getMaxAdjustment() {
        return maxAdjustment;
    }

    public void setMaxAdjustment(BigDecimal maxAdjustment) {
        this.maxAdjustment = maxAdjustment;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
