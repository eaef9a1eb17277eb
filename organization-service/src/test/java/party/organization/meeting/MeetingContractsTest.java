package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;

class MeetingContractsTest {

    @Test
    void theContractExamplesFitTheirSchemas() {
        for (String type : List.of(MeetingEvents.PLANNED, MeetingEvents.HELD, MeetingEvents.CANCELLED)) {
            assertThat(TestContracts.violations(type, TestContracts.example(type))).as(type).isEmpty();
        }
    }

    @Test
    void aHeldEventWithoutAttendeesBreaksTheContract() {
        String example = TestContracts.example(MeetingEvents.HELD);
        String empty = example.replaceAll("\"presentMemberIds\"\\s*:\\s*\\[[^]]*]", "\"presentMemberIds\": []");
        assertThat(TestContracts.violations(MeetingEvents.HELD, empty)).isNotEmpty();
    }
}
