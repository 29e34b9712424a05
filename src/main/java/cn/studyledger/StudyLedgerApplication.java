package cn.studyledger;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 中心组学习台账. With the argument {@code report} (write the annual report) or {@code unlock} (recover a locked-out
 * account) it runs as a command-line tool without a web server and exits.
 */
@SpringBootApplication
public class StudyLedgerApplication {

    private static final java.util.Set<String> CLI_COMMANDS = java.util.Set.of("report", "unlock");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(StudyLedgerApplication.class);
        boolean cli = Arrays.asList(args).stream().anyMatch(a -> CLI_COMMANDS.contains(a));
        if (cli) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        ConfigurableApplicationContext context = app.run(args);
        if (cli) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
