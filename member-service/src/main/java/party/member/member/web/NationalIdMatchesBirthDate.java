package party.member.member.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import party.member.member.NationalId;

/**
 * The birth date written in the national ID number must be the given {@code birthDate}; reported
 * as an error of the field {@code nationalId}. Skipped while either is missing or the number is
 * invalid (its own constraint reports that).
 */
@Documented
@Constraint(validatedBy = NationalIdMatchesBirthDate.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface NationalIdMatchesBirthDate {

    String message() default "{NationalIdMatchesBirthDate}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NationalIdMatchesBirthDate, RegisterMemberRequest> {
        @Override
        public boolean isValid(RegisterMemberRequest request, ConstraintValidatorContext context) {
            if (request == null || request.birthDate() == null || !NationalId.isValid(request.nationalId())) {
                return true;
            }
            LocalDate inNumber = NationalId.birthDate(request.nationalId()).orElse(null);
            if (request.birthDate().equals(inNumber)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("nationalId").addConstraintViolation();
            return false;
        }
    }
}
