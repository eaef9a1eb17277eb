package party.assessment.template;

/**
 * Data of {@value #TYPE}; schema {@code contracts/party.assessment.template-published.v1.schema.json}.
 *
 * @param replacesTemplateId the template that was active before and is retired now, or null
 * @param totalMaxScore decimal string, the sum of the indicators' maximum scores (100)
 */
record TemplatePublished(String templateId, String code, int templateVersion, String name, int aspectCount,
                         int indicatorCount, int automaticIndicatorCount, String totalMaxScore, String replacesTemplateId,
                         long version) {

    static final String TYPE = "party.assessment.template-published.v1";
}
