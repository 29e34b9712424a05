package cn.studyledger.org.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.org.PersonRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "org_person")
class Person extends BaseEntity {

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private String name;

    private String position;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "youth_cadre", nullable = false)
    private boolean youthCadre;

    @Column(nullable = false)
    private boolean expert;

    @Column(nullable = false)
    private boolean active = true;

    protected Person() {}

    Person(long orgId, String name, String position, LocalDate birthDate, boolean youthCadre, boolean expert) {
        this.orgId = orgId;
        edit(name, position, birthDate, youthCadre, expert);
    }

    void edit(String name, String position, LocalDate birthDate, boolean youthCadre, boolean expert) {
        this.name = name;
        this.position = position;
        this.birthDate = birthDate;
        this.youthCadre = youthCadre;
        this.expert = expert;
    }

    void deactivate() {
        this.active = false;
    }

    long orgId() {
        return orgId;
    }

    String name() {
        return name;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    boolean isActive() {
        return active;
    }

    PersonRef toRef() {
        return new PersonRef(getId(), orgId, name, position, youthCadre, expert);
    }
}
