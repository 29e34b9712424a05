package cn.studyledger.research.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A criterion of the selection (评分标准) and its weight. */
@Entity
@Table(name = "research_criterion")
class SelectionCriterion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int weight;

    @Column(nullable = false)
    private int position;

    protected SelectionCriterion() {}

    SelectionCriterion(String name, int weight, int position) {
        this.name = name;
        this.weight = weight;
        this.position = position;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    int weight() {
        return weight;
    }

    int position() {
        return position;
    }
}
