package cn.studyledger.supervision.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One rating criterion (评价指标) and its weight (权重, the weights of a set add up to 100). */
@Embeddable
class Criterion {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "weight", nullable = false)
    private int weight;

    protected Criterion() {}

    Criterion(String name, int weight) {
        this.name = name;
        this.weight = weight;
    }

    String name() {
        return name;
    }

    int weight() {
        return weight;
    }
}
