package cn.studyledger.org.domain;

import cn.studyledger.org.GroupRole;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByCode(String code);

    boolean existsByCode(String code);

    @Query("select o from OrgUnit o where o.path like concat(:path, '%') order by o.path")
    List<OrgUnit> findSubtree(String path);

    List<OrgUnit> findByParentIdAndActiveTrueOrderByCode(Long parentId);
}

interface PersonRepository extends JpaRepository<Person, Long> {

    @Query("""
            select p from Person p where p.orgId = :orgId
              and (:q = '' or p.name like concat('%', :q, '%') escape '!' or p.position like concat('%', :q, '%') escape '!')
              and (:includeInactive = true or p.active = true)""")
    Page<Person> search(long orgId, String q, boolean includeInactive, Pageable pageable);

    List<Person> findByIdIn(Collection<Long> ids);

    /** The person's row locked until the end of the transaction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Person p where p.id = :id")
    Optional<Person> lockById(long id);

    List<Person> findByOrgIdAndActiveTrueOrderByName(long orgId);

    boolean existsByOrgIdAndNameAndActiveTrue(long orgId, String name);
}

interface MembershipRepository extends JpaRepository<Membership, Long> {

    List<Membership> findByOrgIdAndYear(long orgId, int year);

    List<Membership> findByYearAndOrgIdIn(int year, Collection<Long> orgIds);

    Optional<Membership> findByOrgIdAndYearAndPersonId(long orgId, int year, long personId);

    boolean existsByOrgIdAndPersonIdAndRole(long orgId, long personId, GroupRole role);
}

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select a from UserAccount a where a.orgId in :orgIds"
            + " and (:q = '' or a.username like concat('%', :q, '%') escape '!') order by a.username")
    Page<UserAccount> search(Collection<Long> orgIds, String q, Pageable pageable);
}
