package cn.studyledger.org.domain;

import java.time.LocalDate;

/** A person as list and edit pages show it. */
public record PersonView(
        long id,
        long orgId,
        String name,
        String position,
        LocalDate birthDate,
        boolean youthCadre,
        boolean expert,
        boolean active,
        long version) {

    static PersonView of(Person p) {
        var ref = p.toRef();
        return new PersonView(
                p.getId(),
                p.orgId(),
                ref.name(),
                ref.position(),
                p.birthDate(),
                ref.youthCadre(),
                ref.expert(),
                p.isActive(),
                p.getVersion());
    }

    public PersonCommand toCommand() {
        return new PersonCommand(name, position, birthDate, youthCadre, expert);
    }
}
