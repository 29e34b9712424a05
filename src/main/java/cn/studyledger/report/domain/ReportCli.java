package cn.studyledger.report.domain;

import cn.studyledger.common.security.SystemIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar study-ledger.jar report --org=XJ --year=2025 --out=report.docx}: writes the annual report
 * from the configured database without a web server, as the read-only system identity.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ReportCli implements ApplicationRunner {

    public static final String COMMAND = "report";

    private final AnnualReportService reports;

    ReportCli(AnnualReportService reports) {
        this.reports = reports;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        String org = single(args, "org");
        int year = Integer.parseInt(single(args, "year"));
        Path out = Path.of(single(args, "out"));
        Files.write(out, SystemIdentity.call(() -> reports.docx(org, year)));
        System.out.println("已生成 " + out.toAbsolutePath());
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.size() != 1 || values.get(0).isBlank()) {
            throw new IllegalArgumentException("用法：report --org=<组织代码> --year=<年度> --out=<文件.docx>，缺少 --" + name);
        }
        return values.get(0);
    }
}
