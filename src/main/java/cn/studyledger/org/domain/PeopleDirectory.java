package cn.studyledger.org.domain;

import cn.studyledger.org.PersonRef;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Look-ups of people for other modules; callers have already checked the organisation's scope. */
@Service
@Transactional(readOnly = true)
public class PeopleDirectory {

    private final PersonRepository people;

    PeopleDirectory(PersonRepository people) {
        this.people = people;
    }

    public Map<Long, PersonRef> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return people.findByIdIn(ids).stream()
                .map(Person::toRef)
                .collect(Collectors.toMap(PersonRef::id, Function.identity()));
    }

    /** Locks the person's row for the caller's transaction, which must exist; an unknown id locks nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long personId) {
        people.lockById(personId);
    }

    public List<PersonRef> active(long orgId) {
        return people.findByOrgIdAndActiveTrueOrderByName(orgId).stream()
                .map(Person::toRef)
                .toList();
    }
}
