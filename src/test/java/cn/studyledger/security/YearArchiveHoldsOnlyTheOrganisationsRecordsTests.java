package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.studyledger.IntegrationTest;
import cn.studyledger.Logins;
import cn.studyledger.archive.ArchiveContents;
import cn.studyledger.archive.Downloads;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The year archive (台账档案) is an organisation's records, nothing more: the clerk of X局 downloads X局's records
 * (not those of XJ-01…06, which a clerk's role does not reach), the clerk of XJ-01 those of XJ-01, and neither
 * archive holds an account, a role grant, a password hash or a check-in key. A row of another organisation is
 * carried only where a record of the scope names it (the visited unit of a visit, the unit's person who owns a
 * rectification item, an organisation's parent), so that the reference restores. An archive re-signed after
 * planting a SYS_ADMIN + AUDITOR account is refused before anything is read into the database.
 */
@IntegrationTest
@Transactional
class YearArchiveHoldsOnlyTheOrganisationsRecordsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void clerksArchiveHoldsNoRowOfXjsUnitsAndNoCredentialOnThePageAndTheApi() throws Exception {
        long xj = orgId("XJ");
        assertThat(jdbc.sql("select count(*) from session_study_session s join org_unit o on o.id = s.org_id"
                                + " where o.code like 'XJ-0%'")
                        .query(Long.class)
                        .single())
                .as("the units have sessions of their own to leak")
                .isPositive();
        for (byte[] zip : List.of(
                Downloads.fetch(mvc, get("/archive/2025.zip").with(Logins.as(accounts, "clerk"))),
                Downloads.fetch(
                        mvc, get("/api/v1/orgs/XJ/years/2025/archive.zip").with(Logins.as(accounts, "clerk"))))) {
            Map<String, byte[]> entries = ArchiveContents.unzip(zip);
            assertOnlyRecordsOf(entries, Set.of(xj));
            ArchiveContents.assertNoCredentials(entries, jdbc);
            assertThat(ArchiveContents.rows(entries, "session_study_session")).isNotEmpty();
            assertThat(ArchiveContents.rows(entries, "supervision_visit"))
                    .as("X局's visits to its units are X局's records")
                    .isNotEmpty();
        }
    }

    @Test
    void unitClerksArchiveHoldsOnlyXj01sRecords() throws Exception {
        Map<String, byte[]> entries = ArchiveContents.unzip(
                Downloads.fetch(mvc, get("/archive/2025.zip").with(Logins.as(accounts, "unitclerk"))));
        assertOnlyRecordsOf(entries, Set.of(orgId("XJ-01")));
        ArchiveContents.assertNoCredentials(entries, jdbc);
        assertThat(ArchiveContents.rows(entries, "org_person").stream()
                        .filter(p -> p.get("org_id").asLong() == orgId("XJ-01")))
                .isNotEmpty();
    }

    @Test
    void archiveReSignedAfterPlantingAnAdministratorIsRefusedAndWritesNothing() throws Exception {
        Map<String, byte[]> entries = ArchiveContents.unzip(
                Downloads.fetch(mvc, get("/archive/2025.zip").with(Logins.as(accounts, "clerk"))));
        long accountsBefore = count("select count(*) from org_account");
        long grantsBefore = count("select count(*) from org_role_grant");
        long auditBefore = count("select count(*) from common_audit_event where object_type = '年度归档导入'");
        for (byte[] planted : List.of(
                ArchiveContents.planted(entries, "org_account", ArchiveContents.plantedAccount(), true),
                ArchiveContents.planted(entries, "org_role_grant", ArchiveContents.plantedGrants(), false))) {
            MockHttpServletResponse answer = mvc.perform(multipart("/archive/import")
                            .file(new MockMultipartFile("file", "xj-2025.zip", "application/zip", planted))
                            .with(Logins.as(accounts, "admin"))
                            .with(csrf().asHeader()))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).isEqualTo(422);
            // refused for what it carries, before the installation is even looked at (it is not empty)
            assertThat(answer.getContentAsString())
                    .contains("归档未导入：归档中含有年度归档不包含的数据")
                    .contains("账号、角色授权、口令")
                    .doesNotContain("只能导入到空的系统中");
        }
        assertThat(count("select count(*) from org_account")).isEqualTo(accountsBefore);
        assertThat(count("select count(*) from org_account where username = 'planted'"))
                .isZero();
        assertThat(count("select count(*) from org_role_grant")).isEqualTo(grantsBefore);
        assertThat(count("select count(*) from common_audit_event where object_type = '年度归档导入'"))
                .isEqualTo(auditBefore);
    }

    /**
     * Every row of a table with an organisation column names an organisation of the scope — but for the 学习提示 the
     * scope received from above, which its receipts refer to, and the assessment of the scope by the organisation
     * above, which its scorecard's lines refer to; a person or an organisation outside it appears only
     * where an archived row refers to it.
     */
    private void assertOnlyRecordsOf(Map<String, byte[]> entries, Set<Long> scope) throws Exception {
        Set<Long> referredPeople = new HashSet<>();
        Set<Long> referredOrgs = new HashSet<>();
        Set<Long> received = new HashSet<>();
        if (ArchiveContents.tables(entries).contains("liaison_notice_receipt")) {
            for (Map<String, JsonNode> receipt : ArchiveContents.rows(entries, "liaison_notice_receipt")) {
                if (scope.contains(receipt.get("unit_org_id").asLong())) {
                    received.add(receipt.get("notice_id").asLong());
                }
            }
        }
        // the assessments of the organisation above that the unit's own scorecard lines (its items, adjustments,
        // objections, commendations) belong to
        Set<Long> assessedIn = new HashSet<>();
        for (String line : List.of(
                "assessment_result_item", "assessment_adjustment", "assessment_objection", "assessment_commendation")) {
            if (ArchiveContents.tables(entries).contains(line)) {
                for (Map<String, JsonNode> row : ArchiveContents.rows(entries, line)) {
                    if (scope.contains(row.get("unit_org_id").asLong())) {
                        assessedIn.add(row.get("assessment_id").asLong());
                    }
                }
            }
        }
        for (String table : ArchiveContents.tables(entries)) {
            List<String> orgColumns = ArchiveContents.columns(entries, table).stream()
                    .filter(c -> c.equals("org_id") || c.endsWith("_org_id"))
                    .toList();
            for (Map<String, JsonNode> row : ArchiveContents.rows(entries, table)) {
                row.forEach((column, value) -> {
                    if (!table.equals("org_person")
                            && (column.equals("person_id") || column.endsWith("_person_id"))
                            && !value.isNull()) {
                        referredPeople.add(value.asLong());
                    }
                    if (orgColumns.contains(column) && !value.isNull()) {
                        referredOrgs.add(value.asLong());
                    }
                });
                if (table.equals("org_person") || orgColumns.isEmpty()) {
                    continue;
                }
                if (table.equals("liaison_notice")
                        && received.contains(row.get("id").asLong())) {
                    continue; // a 学习提示 the unit received: its receipt refers to it, the unit's inbox shows it
                }
                if (table.equals("assessment")
                        && assessedIn.contains(row.get("id").asLong())) {
                    continue; // the assessment of the unit by the organisation above: its scorecard's lines refer to it
                }
                assertThat(orgColumns.stream()
                                .map(row::get)
                                .filter(v -> !v.isNull())
                                .map(JsonNode::asLong)
                                .anyMatch(scope::contains))
                        .as(table + " row " + row.get(orgColumns.get(0)) + " outside the scope " + scope)
                        .isTrue();
            }
        }
        int rows = 0;
        for (String table : ArchiveContents.tables(entries)) {
            rows += ArchiveContents.rows(entries, table).size();
        }
        int foreignPeople = 0;
        for (Map<String, JsonNode> person : ArchiveContents.rows(entries, "org_person")) {
            if (!scope.contains(person.get("org_id").asLong())) {
                foreignPeople++;
                assertThat(referredPeople)
                        .as("person " + person.get("id") + " of another organisation, not named by an archived record")
                        .contains(person.get("id").asLong());
            }
        }
        Set<Long> ancestors = new HashSet<>();
        for (long id : scope) {
            for (String part : jdbc.sql("select path from org_unit where id = ?")
                    .param(id)
                    .query(String.class)
                    .single()
                    .split("/")) {
                if (!part.isBlank()) {
                    ancestors.add(Long.parseLong(part));
                }
            }
        }
        List<Map<String, JsonNode>> units = ArchiveContents.rows(entries, "org_unit");
        System.out.println("[archive] scope " + scope + ": " + rows + " rows in "
                + ArchiveContents.tables(entries).size() + " tables; outside the scope, named by its records: "
                + foreignPeople + " people, "
                + units.stream()
                        .filter(u -> !scope.contains(u.get("id").asLong()))
                        .count()
                + " organisations");
        for (Map<String, JsonNode> unit : units) {
            long id = unit.get("id").asLong();
            assertThat(scope.contains(id) || ancestors.contains(id) || referredOrgs.contains(id))
                    .as("organisation " + unit.get("code") + " neither in the scope, above it nor named by a record")
                    .isTrue();
        }
    }

    private long orgId(String code) {
        return jdbc.sql("select id from org_unit where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
