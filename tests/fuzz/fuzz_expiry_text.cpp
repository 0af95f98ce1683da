// Token expiry as text: read the way the app reads it (QDateTime::fromString, ISO 8601, with
// or without milliseconds), then Validation::expiry and Validation::formatExpiry, the wire
// form. The first byte picks the ISO flavour and "now".

#include "api/apijson.h"
#include "domain/validation.h"
#include "fuzzcommon.h"

#include <QRegularExpression>

using namespace agentfolio;

namespace {

void checkProblems(const Problems &problems)
{
    FUZZ_CHECK(problems.size() == 1, "a refused expiry has one problem");
    FUZZ_CHECK(problems.first().field == Field::ExpiresAt, "the problem names the field");
    FUZZ_CHECK(problems.first().message.contains(fieldLabel(Field::ExpiresAt)),
               "the message names the field");
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
    const Qt::DateFormat format = (data[0] & 1) ? Qt::ISODateWithMs : Qt::ISODate;
    // Now: in 2025, or at the far end of what the wire format can say.
    const QDateTime now = (data[0] & 2) ? QDateTime(QDate(9999, 12, 31), QTime(23, 0), Qt::UTC)
                                        : QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QDateTime parsed = QDateTime::fromString(text, format);

    Problems problems;
    const auto expiry = Validation::expiry(parsed, now, &problems);
    if (!expiry) {
        checkProblems(problems);
        // Refused: what is no date, what is not after now, and what the wire form's four-digit
        // year cannot carry.
        FUZZ_CHECK(!parsed.isValid() || parsed < now.addSecs(1)
                       || parsed.toUTC().date().year() > 9999,
                   "only the past, or past the year 9999, is refused");
        return 0;
    }
    FUZZ_CHECK(problems.isEmpty(), "never both an expiry and a problem");
    FUZZ_CHECK(expiry->timeSpec() == Qt::UTC, "the expiry is in UTC");
    FUZZ_CHECK(expiry->time().msec() == 0, "the expiry is in whole seconds");
    FUZZ_CHECK(*expiry > now, "the expiry is in the future");
    FUZZ_CHECK(qAbs(expiry->msecsTo(parsed)) < 1000, "the expiry is the time entered");

    // The wire form: exactly "yyyy-MM-ddTHH:mm:ssZ", which reads back as the same time
    // (in the app, and in the sandbox that stands in for the server).
    const QString wire = Validation::formatExpiry(*expiry);
    static const QRegularExpression shape(
        QStringLiteral("\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\z"));
    FUZZ_CHECK(shape.match(wire).hasMatch(), "the wire form has the documented shape");
    const auto back = ApiJson::parseDate(wire);
    FUZZ_CHECK(back && *back == *expiry, "the wire form reads back as the same time");

    // The normalised expiry validates to itself.
    Problems again;
    const auto twice = Validation::expiry(*expiry, now, &again);
    FUZZ_CHECK(again.isEmpty() && twice && *twice == *expiry, "normalising is idempotent");

    // What the add-token call sends is that wire form.
    AddTokenRequest request;
    request.expiresAt = expiry;
    FUZZ_CHECK(ApiJson::toJson(request).value(QLatin1String("expiresAt")).toString() == wire,
               "the request carries the wire form");
    return 0;
}
