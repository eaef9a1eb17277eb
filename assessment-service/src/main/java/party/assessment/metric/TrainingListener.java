package party.assessment.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;

/**
 * Keeps each member's credit hours (学时) per year from party.training.credit-recorded.v1, in batches.
 * The events are keyed by ledger entry, so two entries of one member may arrive out of order on
 * different partitions: instead of trusting the latest {@code totalHours}, the hours of each entry are
 * added once (the entry id joins a set in the same conditional write), which is order-free and exact.
 */
@Component
class TrainingListener {

    static final String CONSUMER = "assessment-service-training";
    static final String TYPE = "party.training.credit-recorded.v1";

    private final BatchConsumption.Batches batches;

    TrainingListener(BatchConsumption.Batches batches) {
        this.batches = batches;
    }

    @KafkaListener(id = CONSUMER, topics = "party.training", containerFactory = BatchConsumption.FACTORY,
            concurrency = "${party.assessment.consumer-concurrency:3}")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.consume(CONSUMER, records, this::apply);
    }

    void apply(IncomingEvent event, BatchConsumption.Batch batch) {
        if (!TYPE.equals(event.type())) {
            return;
        }
        String entryId = event.text("entryId");
        String memberId = event.text("memberId");
        String orgId = event.text("orgId");
        int year = (int) event.number("year");
        long hundredths = hundredths(event, "hours");
        long target = hundredths(event, "targetHours");
        String id = TrainingCredit.idOf(memberId, year);
        batch.upsert(TrainingCredit.COLLECTION, id, new Update().setOnInsert("memberId", memberId).setOnInsert("year", year)
                .setOnInsert("hundredths", 0L));
        batch.update(TrainingCredit.COLLECTION, Query.query(Criteria.where("_id").is(id).and("entries").ne(entryId)),
                new Update().addToSet("entries", entryId).inc("hundredths", hundredths).set("targetHundredths", target)
                        .set("orgId", orgId));
    }

    private static long hundredths(IncomingEvent event, String field) {
        try {
            return new BigDecimal(event.text(field)).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a bad " + field);
        }
    }
}
