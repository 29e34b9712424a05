/**
 * Ledgers and archive (台账与归档): every module's {@link cn.studyledger.report.LedgerProvider} as a streamed .xlsx
 * per organisation and year; the year's archive as one ZIP; its restore into an empty installation; and the
 * 年初报送 pack (roster, the year's approved plan, last year's annual report).
 *
 * <p>The archive holds {@code ledgers/<key>.xlsx} (the year's ledgers), {@code data/<table>.jsonl} (rows for the
 * restore), {@code files/<id>-<name>} (every attachment the archived rows refer to) and {@code manifest.json}
 * (format, version, Flyway schema version, organisation, year, author, and size and SHA-256 of every entry). The
 * data part is dumped generically from JDBC metadata, so tables added by later migrations are included without
 * code here. The rules: the migration history, the audit trail and session/lock tables are never archived;
 * {@code org_unit} contributes the subtree of the archived organisation plus its ancestors (so paths and parents
 * resolve); a table is <em>owned</em> if it has an organisation column ({@code org_id}, a column ending in
 * {@code _org_id}, or any foreign key to {@code org_unit}) or a foreign key to an owned table, and its rows are
 * taken when every organisation column is empty or inside the subtree-with-ancestors, at least one is inside the
 * subtree, and every foreign key to an owned table points to a taken row; a table without an owner of its own that
 * owned rows refer to (the stored files) contributes exactly the referred rows. A year filter is not possible for
 * every table, so the data part holds all records of the subtree, not only the year's. This module reads other
 * modules' tables only here, through metadata, never their domain classes.
 *
 * <p>The restore checks everything first (a ZIP, entry names safe, limits on entries, total size and compression
 * ratio, manifest of this format and schema version, every entry listed with matching size and SHA-256, nothing
 * unlisted), then inserts all rows in one transaction, parents first, copies the files and continues the identity
 * sequences after the largest id. An installation is empty when it holds no organisation's data: at most the
 * organisation and SYS_ADMIN accounts the first administrator's set-up creates, which make way for the archive's
 * tree (an administrator whose name the archive lacks is kept, placed at the archived organisation).
 */
@ApplicationModule(displayName = "台账与归档")
package cn.studyledger.archive;

import org.springframework.modulith.ApplicationModule;
