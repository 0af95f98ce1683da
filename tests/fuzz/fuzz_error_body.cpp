// ApiJson::parseErrorBody: whatever an error answer carries (the API's JSON, ProblemDetails,
// {code, message}, an edge's HTML page, nothing). The first byte picks the Content-Type.

#include "apiwire.h"
#include "fuzzcommon.h"

using namespace agentfolio;

namespace {

const QByteArray contentTypes[] = {
    QByteArray(),
    QByteArray("application/json; charset=utf-8"),
    QByteArray("application/problem+json"),
    QByteArray("text/html; charset=UTF-8"),
    QByteArray("text/plain"),
};

bool isKnownField(Field field)
{
    switch (field) {
    case Field::None:
    case Field::InvestmentAmount:
    case Field::PortfolioName:
    case Field::TokenName:
    case Field::Scopes:
    case Field::IpAllowList:
    case Field::ExpiresAt:
    case Field::Description:
        return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray &contentType = contentTypes[data[0] % std::size(contentTypes)];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const ErrorBody parsed = ApiJson::parseErrorBody(body, contentType);

    FUZZ_CHECK(isKnownField(parsed.field), "the field is one of ours");
    const ErrorBody again = ApiJson::parseErrorBody(body, contentType);
    FUZZ_CHECK(again.errorCode == parsed.errorCode && again.message == parsed.message
                   && again.field == parsed.field,
               "parsing is deterministic");

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue code = object.value(QLatin1String("errorCode"));
        if (code.isString() && !code.toString().isEmpty())
            FUZZ_CHECK(parsed.errorCode == code.toString(), "errorCode is taken as sent");
        const QJsonValue message = object.value(QLatin1String("errorMessage"));
        if (message.isString() && !message.toString().isEmpty())
            FUZZ_CHECK(parsed.message == message.toString(), "errorMessage is taken as sent");
        const QJsonValue field = object.value(QLatin1String("field"));
        if (field.isString() && fieldFromJsonName(field.toString()) != Field::None)
            FUZZ_CHECK(parsed.field == fieldFromJsonName(field.toString()),
                       "a named field is the field");
        return 0;
    }
    // Not a JSON object: text for the user, read from the page.
    FUZZ_CHECK(parsed.errorCode.isEmpty(), "text has no error code");
    FUZZ_CHECK(parsed.field == Field::None, "text names no field");
    FUZZ_CHECK(parsed.message.size() <= 300, "text is cut to 300 characters");
    FUZZ_CHECK(parsed.message == parsed.message.simplified(), "text is simplified");
    // The body was decoded from UTF-8, which never yields a lone surrogate: any such half
    // would come from the cut, and turn into a replacement character on screen.
    FUZZ_CHECK(parsed.message.isValidUtf16(), "the cut never splits a character");
    return 0;
}
