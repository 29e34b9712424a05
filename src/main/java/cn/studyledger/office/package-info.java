/**
 * Office documents and ledgers (公文与台账): the toolkit every module writes its papers with — the GB/T 9704
 * .docx writer and its {@link cn.studyledger.office.DocumentBlock}s, the meeting papers (会议通知, 签到表, 会议纪要),
 * the streamed .xlsx writer, PDF through LibreOffice — and the ledger SPI: each module's
 * {@link cn.studyledger.office.LedgerProvider} (mostly a {@link cn.studyledger.office.SqlLedger}) that the archive
 * collects into the year's 台账; and the dossier SPI: each module's {@link cn.studyledger.office.DossierProvider},
 * the papers it contributes to the year's 学习档案专卷.
 */
@ApplicationModule(
        displayName = "公文与台账",
        allowedDependencies = {"common", "org"})
package cn.studyledger.office;

import org.springframework.modulith.ApplicationModule;
