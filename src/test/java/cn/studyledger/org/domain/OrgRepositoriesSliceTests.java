package cn.studyledger.org.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.org.OrgType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.metamodel.EntityType;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The repository slice: Flyway's schema, JPA and the repositories, without the rest of the application or the
 * demo data. The schema the migrations build is the one every entity maps ({@code ddl-auto: validate} would not
 * start otherwise, and each entity is queried), the organisation tree's subtree query follows the materialised
 * path, and a stale copy of a record is refused by its version at the database.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:slice-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@Import(OrgRepositoriesSliceTests.OfficeClock.class)
class OrgRepositoriesSliceTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class OfficeClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), OfficeTime.ZONE);
        }
    }

    @Autowired
    EntityManager entities;

    @Autowired
    OrgUnitRepository units;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEntityIsReadFromTheTablesTheMigrationsMake() {
        assertThat(entities.getMetamodel().getEntities()).hasSizeGreaterThan(40);
        for (EntityType<?> entity : entities.getMetamodel().getEntities()) {
            Long rows = entities.createQuery("select count(e) from " + entity.getName() + " e", Long.class)
                    .getSingleResult();
            assertThat(rows).as(entity.getName()).isNotNull();
        }
    }

    @Test
    void theSubtreeOfAUnitIsItAndEveryUnitBelowIt() {
        OrgUnit bureau = placed(new OrgUnit("SLICE", "切片局", OrgType.PARTY_GROUP, null, null), "/");
        OrgUnit office = placed(new OrgUnit("SLICE-1", "办公室", OrgType.BRANCH, bureau.getId(), null), bureau.path());
        OrgUnit desk = placed(new OrgUnit("SLICE-1-1", "综合科", OrgType.BRANCH, office.getId(), null), office.path());
        OrgUnit other =
                placed(new OrgUnit("SLICE-2", "机关党委", OrgType.PARTY_COMMITTEE, bureau.getId(), null), bureau.path());

        assertThat(units.findSubtree(office.path())).extracting(OrgUnit::code).containsExactly("SLICE-1", "SLICE-1-1");
        assertThat(units.findSubtree(bureau.path()))
                .extracting(OrgUnit::code)
                .containsExactlyInAnyOrder(bureau.code(), office.code(), desk.code(), other.code());
        assertThat(units.findByParentIdAndActiveTrueOrderByCode(bureau.getId()))
                .extracting(OrgUnit::code)
                .containsExactly("SLICE-1", "SLICE-2");
    }

    @Test
    void aStaleCopyIsRefusedByItsVersion() {
        OrgUnit unit = placed(new OrgUnit("SLICE-V", "版本检查单位", OrgType.BRANCH, null, null), "/");
        entities.flush();
        entities.detach(unit);
        jdbc.sql("update org_unit set name = '另一人保存的名称', version = version + 1 where id = ?")
                .param(unit.getId())
                .update();

        unit.edit("从旧页面保存的名称", OrgType.BRANCH, null);
        assertThatThrownBy(() -> {
                    entities.merge(unit);
                    entities.flush();
                })
                .isInstanceOf(OptimisticLockException.class);
    }

    @Test
    void aRecordIsStampedByTheOfficeClock() {
        OrgUnit unit = placed(new OrgUnit("SLICE-T", "时间戳单位", OrgType.BRANCH, null, null), "/");
        entities.flush();
        assertThat(unit.getCreatedAt()).hasToString("2026-03-02T09:00");
        assertThat(unit.getCreatedBy()).isEqualTo("system");
    }

    private OrgUnit placed(OrgUnit unit, String parentPath) {
        OrgUnit saved = units.saveAndFlush(unit);
        saved.placeUnder(parentPath);
        return units.saveAndFlush(saved);
    }
}
