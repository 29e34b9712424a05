package cn.studyledger.outreach;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * 宣传联动 through pages and API on the demo year: the clerk keeps youth groups, branches, 联学共建 participants,
 * publicity items and exchange meetings; members read them; a subordinate unit's clerk sees none of them; the
 * three figures agree with their evidence and with independent SQL.
 */
@IntegrationTest
@Transactional
class OutreachTests {

    static final String XJ = "/api/v1/orgs/XJ";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoYearSplitsTheTwelveYouthCadresIntoTwoGroupsAndLinksTheJointSession() throws Exception {
        String groups = json(get(XJ + "/youth-groups"), "member");
        List<Object> names = JsonPath.read(groups, "$[*].name");
        assertThat(names).hasSize(2);
        List<Number> members = JsonPath.read(groups, "$[*].members[*].id");
        Set<Long> distinct = new HashSet<>();
        members.forEach(n -> distinct.add(n.longValue()));
        assertThat(members).hasSize(12);
        assertThat(distinct).hasSize(12);
        List<Boolean> youth = JsonPath.read(groups, "$[*].members[*].youthCadre");
        assertThat(youth).containsOnly(true);

        long session = jointDemoSession();
        String joint = json(get("/api/v1/joint-sessions/" + session), "member");
        assertThat((List<?>) JsonPath.read(joint, "$.youthGroups")).hasSize(2);
        assertThat((List<?>) JsonPath.read(joint, "$.branches")).hasSize(2);

        mvc.perform(get("/outreach/joint").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("与青年理论学习小组联学共建")))
                .andExpect(content().string(containsString("机关第一青年理论学习小组")))
                .andExpect(content().string(containsString("局机关办公室党支部")));
    }

    @Test
    void pagesRenderForTheClerkWithActionsAndForMembersWithout() throws Exception {
        for (String page : List.of("/outreach", "/outreach/joint", "/outreach/publicity", "/outreach/exchanges")) {
            mvc.perform(get(page).with(as(accounts, "clerk"))).andExpect(status().isOk());
        }
        mvc.perform(get("/outreach").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("id=\"new-group\"")))
                .andExpect(content().string(containsString("data-confirm")));
        mvc.perform(get("/outreach").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("机关第二青年理论学习小组")))
                .andExpect(content().string(not(containsString("id=\"new-group\""))));
        mvc.perform(get("/outreach/publicity").with(as(accounts, "member")))
                .andExpect(content().string(not(containsString("id=\"new-item\""))));
        mvc.perform(get("/outreach/exchanges").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("年度理论学习经验交流会")))
                .andExpect(content().string(containsString("全省生态环境系统理论学习中心组学习经验交流会")));
        for (String form : List.of(
                "/outreach/groups/new",
                "/outreach/branches/new",
                "/outreach/publicity/new",
                "/outreach/exchanges/new")) {
            mvc.perform(get(form).with(as(accounts, "clerk"))).andExpect(status().isOk());
            mvc.perform(get(form).with(as(accounts, "member"))).andExpect(status().isForbidden());
            mvc.perform(get(form).with(as(accounts, "leader"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/outreach/groups/new").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("郑一鸣")));
    }

    @Test
    void clerkRecordsAndEditsAPublicityItemThroughThePagesAndMembersReadIt() throws Exception {
        long before = figure("publicity.items");
        String location = mvc.perform(multipart("/outreach/publicity")
                        .param("channel", "NEW_MEDIA")
                        .param("column", "理论学习专栏")
                        .param("title", "页面登记的一篇宣传报道")
                        .param("publishedOn", "2025-12-29")
                        .param("link", "https://www.xj.example/llxx/202512/t20251229_0199.html")
                        .param("related", "2025-12-25 经验交流会")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring("/outreach/publicity/".length()));
        assertThat(figure("publicity.items")).isEqualTo(before + 1);

        mvc.perform(get("/outreach/publicity/" + id + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面登记的一篇宣传报道")));
        mvc.perform(multipart("/outreach/publicity/" + id)
                        .param("version", "0")
                        .param("channel", "SUPERIOR_JOURNAL")
                        .param("column", "学习心得")
                        .param("title", "页面登记的一篇宣传报道（改）")
                        .param("publishedOn", "2025-12-30")
                        .param("link", "https://www.sthj.example/xxjl/202512/t20251230_0299.html")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        // a second editor working from the old version gets a conflict
        mvc.perform(multipart("/outreach/publicity/" + id)
                        .param("version", "0")
                        .param("channel", "NEW_MEDIA")
                        .param("title", "过时的修改")
                        .param("publishedOn", "2025-12-30")
                        .param("link", "https://www.xj.example/a")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());

        mvc.perform(get("/outreach/publicity")
                        .param("channel", "SUPERIOR_JOURNAL")
                        .param("q", "（改）")
                        .with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面登记的一篇宣传报道（改）")));
        mvc.perform(get("/outreach/publicity")
                        .param("channel", "BULLETIN_BOARD")
                        .param("q", "（改）")
                        .with(as(accounts, "member")))
                .andExpect(content().string(not(containsString("页面登记的一篇宣传报道（改）"))));
        mvc.perform(get(XJ + "/publicity")
                        .param("year", "2026")
                        .param("q", "（改）")
                        .with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/publicity/" + id).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("SUPERIOR_JOURNAL"))
                .andExpect(jsonPath("$.column").value("学习心得"))
                .andExpect(jsonPath("$.version").value(1));

        // members read but never change
        mvc.perform(post("/outreach/publicity/" + id + "/delete")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/publicity/" + id)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(post(XJ + "/publicity")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"NEW_MEDIA\",\"title\":\"成员新增\",\"publishedOn\":\"2025-06-01\","
                                + "\"link\":\"https://www.xj.example/a\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/outreach/publicity/" + id + "/delete")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(figure("publicity.items")).isEqualTo(before);
        assertThat(audit("宣传报道", id)).containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void aLinkThatIsNoWebAddressOrAnItemWithNeitherLinkNorFileIsRefusedBesideTheForm() throws Exception {
        long before = count("outreach_publicity_item");
        mvc.perform(multipart("/outreach/publicity")
                        .param("channel", "NEW_MEDIA")
                        .param("title", "坏链接")
                        .param("publishedOn", "2025-12-29")
                        .param("link", "javascript:alert(1)")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("链接应为以 http:// 或 https:// 开头的完整网址")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(multipart("/outreach/publicity")
                        .param("channel", "BULLETIN_BOARD")
                        .param("title", "没有链接也没有文件")
                        .param("publishedOn", "2025-12-29")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写链接或上传文件（至少一项）")));
        mvc.perform(post(XJ + "/publicity")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"NEW_MEDIA\",\"title\":\"接口坏链接\",\"publishedOn\":\"2025-06-01\","
                                + "\"link\":\"ftp://files.xj.example/a.pdf\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(XJ + "/publicity")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"NEW_MEDIA\",\"title\":\"接口无链接\",\"publishedOn\":\"2025-06-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请填写链接或上传文件（至少一项）"));
        assertThat(count("outreach_publicity_item")).isEqualTo(before);
    }

    @Test
    void aFileItemIsDownloadedByReadersAndTheFileCannotBeRemovedWithoutALink() throws Exception {
        byte[] text = "宣传栏照片说明".getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(multipart("/outreach/publicity")
                        .file(new MockMultipartFile("file", "宣传栏.txt", "text/plain", text))
                        .param("channel", "BULLETIN_BOARD")
                        .param("column", "青年学习园地")
                        .param("title", "宣传栏一期")
                        .param("publishedOn", "2025-12-20")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring("/outreach/publicity/".length()));
        mvc.perform(get("/outreach/publicity/" + id + "/file").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(text));
        mvc.perform(get("/outreach/publicity/" + id + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/publicity/" + id + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/outreach/publicity/" + id)
                        .param("version", "0")
                        .param("channel", "BULLETIN_BOARD")
                        .param("title", "宣传栏一期")
                        .param("publishedOn", "2025-12-20")
                        .param("removeFile", "true")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写链接或上传文件（至少一项）")));
        assertThat(jdbc.sql("select file_id from outreach_publicity_item where id = ?")
                        .param(id)
                        .query(Long.class)
                        .optional())
                .isPresent();
        mvc.perform(delete("/api/v1/publicity/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
    }

    @Test
    void onlyAJointSessionCanBeLinkedAndOnlyToTheOrganisationsOwnActiveGroupsAndBranches() throws Exception {
        long other = jdbc.sql("""
                        select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.format <> 'JOINT'""").query(Long.class).single();
        mvc.perform(participants(other, null, "{\"youthGroupIds\":[" + group("机关第一青年理论学习小组") + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("只有“联学共建”形式的学习活动才能关联青年理论学习小组和党支部"));

        long planned = createJointSession();
        mvc.perform(participants(planned, null, "{\"youthGroupIds\":[" + group("机关第一青年理论学习小组") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.youthGroups[0].name").value("机关第一青年理论学习小组"))
                .andExpect(jsonPath("$.linkVersion").value(0));
        // the editor who saw no link yet, and one with a stale version, both get a conflict
        mvc.perform(participants(planned, null, "{\"branchIds\":[" + branch("局机关办公室党支部") + "]}"))
                .andExpect(status().isConflict());
        mvc.perform(participants(planned, 7L, "{\"branchIds\":[" + branch("局机关办公室党支部") + "]}"))
                .andExpect(status().isConflict());

        String created = mvc.perform(post(XJ + "/partner-branches")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"临时登记的党支部\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long temporary = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/partner-branches/" + temporary + "/retire")
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(participants(planned, 0L, "{\"branchIds\":[" + temporary + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("党支部“临时登记的党支部”已停用，不能再参加联学共建"));
        mvc.perform(participants(planned, 0L, "{\"branchIds\":[999999]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("所选党支部不属于本单位"));

        // a planned session is not counted until it is held; clearing the participants removes the link
        long joint = figure("outreach.jointSessions");
        mvc.perform(participants(planned, 0L, "{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.linkVersion").doesNotExist());
        assertThat(count("outreach_joint_link where session_id = " + planned)).isZero();
        assertThat(figure("outreach.jointSessions")).isEqualTo(joint);
        mvc.perform(delete("/api/v1/partner-branches/" + temporary)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
    }

    @Test
    void theJointFigureFollowsTheParticipantsOfTheHeldSessionSetThroughThePage() throws Exception {
        long session = jointDemoSession();
        long joint = figure("outreach.jointSessions");
        long version = linkVersion(session);
        mvc.perform(get("/outreach/joint/" + session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("participants-form")));
        mvc.perform(get("/outreach/joint/" + session).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("participants-form"))));
        mvc.perform(post("/outreach/joint/" + session)
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        try {
            mvc.perform(post("/outreach/joint/" + session)
                            .param("version", String.valueOf(version))
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().is3xxRedirection());
            assertThat(figure("outreach.jointSessions")).isEqualTo(joint - 1);
        } finally {
            mvc.perform(post("/outreach/joint/" + session)
                            .param("youthGroupIds", String.valueOf(group("机关第一青年理论学习小组")))
                            .param("youthGroupIds", String.valueOf(group("机关第二青年理论学习小组")))
                            .param("branchIds", String.valueOf(branch("局机关办公室党支部")))
                            .param("branchIds", String.valueOf(branch("局机关规划法规处党支部")))
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(figure("outreach.jointSessions")).isEqualTo(joint);
        assertThat(audit("联学共建", session)).contains("DELETE", "CREATE");
    }

    @Test
    void youthGroupsTakeOnlyTheOrganisationsYouthCadresEachInOneActiveGroup() throws Exception {
        long first = group("机关第一青年理论学习小组");
        long second = group("机关第二青年理论学习小组");
        long zhangWei = person("张伟");
        long youthOfSecond = membersOf(second).get(0);
        mvc.perform(post(XJ + "/youth-groups")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"第三小组\",\"memberPersonIds\":[" + zhangWei + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“张伟”不是本单位在职的青年干部，不能加入青年理论学习小组"));
        mvc.perform(post(XJ + "/youth-groups")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"第三小组\",\"memberPersonIds\":[" + youthOfSecond + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("已是青年理论学习小组“机关第二青年理论学习小组”的成员")));
        // a group that took part in 联学共建 is dissolved, not deleted
        mvc.perform(delete("/api/v1/youth-groups/" + first)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent());

        long version =
                ((Number) JsonPath.read(json(get("/api/v1/youth-groups/" + second), "clerk"), "$.version")).longValue();
        mvc.perform(post("/outreach/groups/" + second + "/dissolve")
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        long third = 0;
        try {
            // with the second group dissolved its members are free to join another
            mvc.perform(post("/outreach/groups")
                            .param("name", "第三小组")
                            .param("leaderPersonId", String.valueOf(youthOfSecond))
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().is3xxRedirection());
            third = group("第三小组");
            assertThat(membersOf(third)).containsExactly(youthOfSecond);
            // reviving the second group now would place a member in two groups
            mvc.perform(post("/api/v1/youth-groups/" + second + "/revive")
                            .param("version", String.valueOf(version + 1))
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isUnprocessableContent());
        } finally {
            if (third != 0) {
                mvc.perform(post("/outreach/groups/" + third + "/delete")
                                .with(as(accounts, "clerk"))
                                .with(csrf().asHeader()))
                        .andExpect(status().is3xxRedirection());
            }
            mvc.perform(post("/api/v1/youth-groups/" + second + "/revive")
                            .param("version", String.valueOf(version + 1))
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.active").value(true));
        }
        assertThat(count("outreach_youth_group where name = '第三小组'")).isZero();
    }

    @Test
    void clerkRenamesAGroupAndABranchThroughTheirForms() throws Exception {
        long group = group("机关第一青年理论学习小组");
        List<Long> members = membersOf(group);
        long leader = jdbc.sql("select leader_person_id from outreach_youth_group where id = ?")
                .param(group)
                .query(Long.class)
                .single();
        long version = jdbc.sql("select version from outreach_youth_group where id = ?")
                .param(group)
                .query(Long.class)
                .single();
        mvc.perform(get("/outreach/groups/" + group + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"机关第一青年理论学习小组\"")))
                .andExpect(content().string(containsString("checked")));
        var rename = post("/outreach/groups/" + group)
                .param("version", String.valueOf(version))
                .param("name", "机关第一青年理论学习小组（改）")
                .param("leaderPersonId", String.valueOf(leader));
        members.forEach(m -> rename.param("memberPersonIds", String.valueOf(m)));
        mvc.perform(rename.with(as(accounts, "clerk")).with(csrf().asHeader())).andExpect(status().is3xxRedirection());
        assertThat(membersOf(group)).isEqualTo(members);
        var back = post("/outreach/groups/" + group)
                .param("version", String.valueOf(version + 1))
                .param("name", "机关第一青年理论学习小组")
                .param("leaderPersonId", String.valueOf(leader));
        members.forEach(m -> back.param("memberPersonIds", String.valueOf(m)));
        mvc.perform(back.with(as(accounts, "clerk")).with(csrf().asHeader())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/outreach/groups/" + group)
                        .param("version", String.valueOf(version))
                        .param("name", "")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写小组名称")));

        mvc.perform(post("/outreach/branches")
                        .param("name", "局机关办公室党支部")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("党支部“局机关办公室党支部”已登记")));
        long branch = branch("局机关监测处党支部");
        mvc.perform(get("/outreach/branches/" + branch + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("局机关监测处党支部")));
        long branchVersion = jdbc.sql("select version from outreach_branch where id = ?")
                .param(branch)
                .query(Long.class)
                .single();
        mvc.perform(post("/outreach/branches/" + branch)
                        .param("version", String.valueOf(branchVersion))
                        .param("name", "局机关监测处党支部")
                        .param("note", "监测处、信息科、财务处")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select note from outreach_branch where id = ?")
                        .param(branch)
                        .query(String.class)
                        .single())
                .isEqualTo("监测处、信息科、财务处");
    }

    @Test
    void clerkRecordsAnExternalExchangeMeetingThatCountsBesideTheExchangeSessions() throws Exception {
        long before = figure("outreach.exchangeMeetings");
        String location = mvc.perform(post("/outreach/exchanges")
                        .param("title", "市直机关理论学习经验交流会")
                        .param("heldOn", "2025-10-15")
                        .param("host", "市直机关工委")
                        .param("role", "ATTENDED")
                        .param("participants", "2")
                        .param("summary", "交流“三会一课”与中心组学习联动做法")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring("/outreach/exchanges/".length()));
        assertThat(figure("outreach.exchangeMeetings")).isEqualTo(before + 1);
        mvc.perform(get(location).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("市直机关工委")));
        mvc.perform(post("/outreach/exchanges")
                        .param("title", "没有人参加")
                        .param("heldOn", "2025-10-15")
                        .param("host", "市直机关工委")
                        .param("role", "ATTENDED")
                        .param("participants", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("参加人数应至少为1人")));
        mvc.perform(
                        put("/api/v1/exchange-meetings/" + id)
                                .param("version", "0")
                                .with(as(accounts, "member"))
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"x\",\"heldOn\":\"2025-10-15\",\"host\":\"x\",\"role\":\"HOSTED\",\"participants\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/outreach/exchanges/" + id + "/delete")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(figure("outreach.exchangeMeetings")).isEqualTo(before);
    }

    @Test
    void clerkOfASubordinateUnitGetsNotFoundForTheBureausOutreachRecords() throws Exception {
        long group = group("机关第一青年理论学习小组");
        long branch = branch("局机关办公室党支部");
        long session = jointDemoSession();
        long item = anyItem();
        long meeting = jdbc.sql("select min(m.id) from outreach_exchange_meeting m join org_unit o on o.id = m.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
        for (String list : List.of(
                XJ + "/youth-groups",
                XJ + "/partner-branches",
                XJ + "/years/2025/joint-sessions",
                XJ + "/publicity?year=2025",
                XJ + "/years/2025/exchange-meetings")) {
            mvc.perform(get(list).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        }
        for (String record : List.of(
                "/api/v1/youth-groups/" + group,
                "/api/v1/partner-branches/" + branch,
                "/api/v1/joint-sessions/" + session,
                "/api/v1/publicity/" + item,
                "/api/v1/exchange-meetings/" + meeting,
                "/outreach/joint/" + session,
                "/outreach/publicity/" + item,
                "/outreach/exchanges/" + meeting,
                "/outreach/groups/" + group + "/edit",
                "/outreach/publicity/" + item + "/edit")) {
            mvc.perform(get(record).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        }
        mvc.perform(participants(session, linkVersion(session), "{}", "unitclerk"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/publicity/" + item)
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/outreach/exchanges/" + meeting + "/delete")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/outreach/groups/" + group + "/dissolve")
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post(XJ + "/publicity")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"NEW_MEDIA\",\"title\":\"越权新增\",\"publishedOn\":\"2025-06-01\","
                                + "\"link\":\"https://www.xj.example/a\"}"))
                .andExpect(status().isNotFound());
        assertThat(count("outreach_publicity_item where id = " + item)).isEqualTo(1);
        assertThat(count("outreach_joint_link where session_id = " + session)).isEqualTo(1);
        assertThat(count("outreach_publicity_item where title = '越权新增'")).isZero();
    }

    @Test
    void eachFigureEqualsItsEvidenceAndAnIndependentCount() throws Exception {
        long publicity = sql("""
                select count(*) from outreach_publicity_item i join org_unit o on o.id = i.org_id
                 where o.code = 'XJ' and i.published_on between '2025-01-01' and '2025-12-31'""");
        long joint = sql("""
                select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                 where o.code = 'XJ' and s.format = 'JOINT' and s.status = 'HELD'
                   and s.session_date between '2025-01-01' and '2025-12-31'
                   and exists (select 1 from outreach_joint_link l where l.session_id = s.id
                               and (exists (select 1 from outreach_joint_youth_group g where g.link_id = l.id)
                                    or exists (select 1 from outreach_joint_branch b where b.link_id = l.id)))""");
        long exchange = sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.format = 'EXCHANGE' and s.status = 'HELD'
                           and s.session_date between '2025-01-01' and '2025-12-31'""") + sql("""
                        select count(*) from outreach_exchange_meeting m join org_unit o on o.id = m.org_id
                         where o.code = 'XJ' and m.held_on between '2025-01-01' and '2025-12-31'""");
        assertThat(publicity).isGreaterThanOrEqualTo(15);
        assertThat(joint).isGreaterThanOrEqualTo(1);
        assertThat(exchange).isGreaterThanOrEqualTo(2);
        check("publicity.items", publicity, "/outreach/publicity/");
        check("outreach.jointSessions", joint, "/outreach/joint/");
        check("outreach.exchangeMeetings", exchange, "/");
        String channels = json(get(XJ + "/publicity").param("year", "2025").param("size", "100"), "member");
        List<String> used = JsonPath.read(channels, "$.items[*].channel");
        assertThat(new HashSet<>(used))
                .containsExactlyInAnyOrder("INTERNAL_JOURNAL", "BULLETIN_BOARD", "NEW_MEDIA", "SUPERIOR_JOURNAL");
    }

    private void check(String key, long sql, String urlPrefix) throws Exception {
        String evidence = json(get(XJ + "/years/2025/figures/" + key + "/evidence"), "superior");
        List<String> urls = JsonPath.read(evidence, "$[*].url");
        assertThat(figure(key)).as(key).isEqualTo(sql).isEqualTo(urls.size());
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith(urlPrefix));
        for (String url : urls) {
            mvc.perform(get(url).with(as(accounts, "member"))).andExpect(status().isOk());
        }
    }

    private MockHttpServletRequestBuilder participants(long session, Long version, String body) {
        return participants(session, version, body, "clerk");
    }

    private MockHttpServletRequestBuilder participants(long session, Long version, String body, String user) {
        MockHttpServletRequestBuilder request = put("/api/v1/joint-sessions/" + session + "/participants")
                .with(as(accounts, user))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return version == null ? request : request.param("version", String.valueOf(version));
    }

    private long createJointSession() throws Exception {
        String body = """
                {"title":"与机关党支部开展联学共建","date":"2026-03-26","durationHours":3,"format":"JOINT",
                 "agenda":[{"kind":"THEORY","title":"联学篇目"}]}""";
        String created = mvc.perform(post(XJ + "/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private long jointDemoSession() {
        return jdbc.sql("""
                        select s.id from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.format = 'JOINT' and s.session_date = '2025-11-27'""").query(Long.class).single();
    }

    private long linkVersion(long session) {
        return jdbc.sql("select version from outreach_joint_link where session_id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    private long group(String name) {
        return jdbc.sql("select id from outreach_youth_group where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private List<Long> membersOf(long group) {
        return jdbc.sql("select person_id from outreach_youth_group_member where group_id = ? order by person_id")
                .param(group)
                .query(Long.class)
                .list();
    }

    private long branch(String name) {
        return jdbc.sql("select id from outreach_branch where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long person(String name) {
        return jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long anyItem() {
        return jdbc.sql("select min(i.id) from outreach_publicity_item i join org_unit o on o.id = i.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
    }

    private long figure(String key) throws Exception {
        String figures = json(get(XJ + "/years/2025/figures"), "clerk");
        List<Number> values = JsonPath.read(figures, "$[?(@.key=='" + key + "')].value");
        return values.get(0).longValue();
    }

    private String json(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long sql(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }

    private long count(String tableAndCondition) {
        return sql("select count(*) from " + tableAndCondition);
    }

    private List<String> audit(String objectType, long id) {
        return jdbc.sql("select action from common_audit_event where object_type = ? and object_id = ? order by id")
                .param(objectType)
                .param(String.valueOf(id))
                .query(String.class)
                .list();
    }
}
