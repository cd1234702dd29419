package io.cncvision.app.cli.people;

import io.cncvision.app.cli.DataDirOption;
import io.cncvision.app.cli.audit.AuditDatabase;
import io.cncvision.app.cli.audit.DatabaseOptions;
import io.cncvision.app.people.People;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cncvision people erase USER_ID}: erases a person's name (GDPR Art. 17) as {@code DELETE /api/v1/people/{id}}
 * does, for an instance that is not running or through its database. The id and every event stay; the registry
 * records when, and that it was done on the command line. A bad id, an unknown person or an unusable database end
 * with status 2 and a message naming the problem.
 */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = {"Erase the name behind a user id; the id and every event stay.",
                "A running instance that does not share the database stops using the old id within 5 minutes."})
public class EraseCommand implements Callable<Integer> {

    static final int FAILED = 2;

    @Parameters(paramLabel = "USER_ID", description = "The person's user id, such as u-k3vq7x2mh5ra4btw.")
    String userId;

    @Mixin
    DatabaseOptions database;

    @Mixin
    DataDirOption instance;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!People.USER_ID.matcher(userId).matches()) {
            return fail(err, "USER_ID must be a user id such as u-k3vq7x2mh5ra4btw (u- and 16 characters a-z, 2-7), "
                    + "not '" + userId + "'");
        }
        try (AuditDatabase opened = AuditDatabase.open(database.url(), database.user(), instance.dataDir())) {
            People people = new People(opened.dataSource(), clock);
            People.Erasure erasure = people.erase(userId, People.COMMAND_LINE);
            if (erasure == People.Erasure.NO_SUCH_PERSON) {
                return fail(err, "no person has the user id '" + userId + "'");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(erasure == People.Erasure.ERASED
                    ? "erased the name behind " + userId + "; its events are unchanged"
                    : userId + " was erased already, at " + people.find(userId).orElseThrow().erasedAt());
            out.flush();
            return 0;
        } catch (AuditDatabase.UnusableDatabaseException e) {
            return fail(err, e.getMessage());
        } catch (DataAccessException e) {
            return fail(err, "cannot erase in the people registry (people.person; an instance creates it when it "
                    + "starts): " + e.getMostSpecificCause().getMessage());
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("cncvision people erase: " + message);
        err.flush();
        return FAILED;
    }
}
