/**
 * Ledgers and archive (台账与归档): every module's {@link cn.studyledger.office.LedgerProvider} as a streamed .xlsx
 * per organisation and year; the year's archive as one ZIP; its restore into an empty installation; and the
 * 年初报送 pack (roster, the year's approved plan, last year's annual report).
 *
 * <p>The archive holds {@code ledgers/<key>.xlsx} (the year's ledgers), {@code data/<table>.jsonl} (rows for the
 * restore), {@code files/<id>-<name>} (every attachment the archived rows refer to), the year's 学习档案专卷 — its
 * 目录 ({@code 目录.docx}: 年度学习计划, 年度学习情况报告, the sessions' 会议记录, 签到表, 学习简报, 发言提纲, the
 * writings, each named by its file in the archive) and the papers the system writes under {@code documents/},
 * collected from the modules' {@link cn.studyledger.office.DossierProvider}s — and {@code manifest.json}
 * (format, version, Flyway schema version, organisation, scope, year, author, and size and SHA-256 of every entry).
 * It is an organisation's records for inspection, not a backup: the tables it carries are an explicit list
 * ({@code ArchiveCatalogue.ARCHIVED}), everything else is left out with its reason (accounts, role grants, the audit
 * trail, sessions, locks, the shared holiday calendar), and secret columns (a session's check-in key, any column
 * named like a credential) are never written. Which rows are taken is derived from JDBC metadata: the scope is the
 * organisations of the archived organisation's subtree that the user reaches with a role that may export (a
 * clerk: the own organisation only); a row with organisation columns ({@code org_id}, {@code *_org_id}, a foreign
 * key to {@code org_unit}) is taken when one of them is in the scope; a row without one when its owning parent row
 * is (a foreign key to an archived table other than the reference tables {@code org_person} and
 * {@code common_stored_file}). On top of that, a row outside the scope is carried when a taken row refers to it by
 * a foreign key (the unit of a visit, the unit's person owning a rectification item, an attachment, an
 * organisation's parent), and only that row, so every reference restores. A year filter is not possible for every
 * table, so the data part holds all records of the scope, not only the year's. This module reads other modules'
 * tables only here, through metadata, never their domain classes.
 *
 * <p>The restore checks everything first (a ZIP, entry names safe, limits on entries, total size and compression
 * ratio, manifest of this format and schema version, every entry listed with matching size and SHA-256, nothing
 * unlisted, only archived tables and their non-secret columns), then inserts all rows in one transaction, parents
 * first, rebuilds the summaries modules keep from their records ({@link cn.studyledger.common.jdbc.DerivedTable}: the
 * per-person yearly self-study totals, never archived), stages the files (moved into the files folder after the commit) and continues the identity sequences
 * after the largest id. An installation is empty when it holds no organisation's data: at most the organisation
 * and administrator accounts (no person, administrator roles only) the first start creates, which make way for the
 * archive's tree and are put back at the archived organisation. No other account comes from an archive.
 */
@ApplicationModule(
        displayName = "台账与归档",
        allowedDependencies = {"common", "office", "org", "plan", "report"})
package cn.studyledger.archive;

import org.springframework.modulith.ApplicationModule;
