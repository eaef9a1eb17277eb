package party.organization.liaison;

import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar rules (today, the year) are those of the committee's time zone, not the server's. */
final class ShanghaiCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShanghaiCalendar() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
