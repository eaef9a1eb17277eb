package party.member.roster;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The journal of one roster import: WRITING while its members are written invisible into the
 * staging collection, ACTIVATING once all are there (from then on the import is rolled forward,
 * never back), DONE when every member is in the registry. {@code memberIds} are in the sheet's order;
 * the staging documents {@code <id>:0} to {@code <id>:<chunks - 1>} hold the members. {@code touchedAt}
 * is the working process's last sign of life: an import is resumed by another only once it stopped.
 */
@Document(RosterImport.COLLECTION)
record RosterImport(@Id String id, State state, Instant startedAt, String startedBy, List<String> memberIds,
                    List<String> conflicts, int chunks, Instant touchedAt) {

    static final String COLLECTION = "member_roster_imports";

    enum State {
        WRITING, ACTIVATING, DONE
    }
}
