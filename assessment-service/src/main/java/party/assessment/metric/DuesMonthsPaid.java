package party.assessment.metric;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The months ({@code yyyy-MM}) a member's dues were paid for, from party.member.dues-paid.v1. */
@Document(DuesMonthsPaid.COLLECTION)
record DuesMonthsPaid(@Id String id, List<String> months) {

    static final String COLLECTION = "dues_months_paid";
}
