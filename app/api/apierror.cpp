#include "api/apierror.h"

#include <QLocale>
#include <QNetworkReply>
#include <QTimeZone>

namespace agentfolio {

namespace {

std::optional<int> parseSeconds(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        return seconds;
    return std::nullopt;
}

} // namespace

std::optional<QDateTime> RateLimitInfo::retryAt(const QDateTime &receivedAt) const
{
    if (retryAfterSeconds)
        return receivedAt.addSecs(*retryAfterSeconds);
    if (remaining && *remaining == 0 && resetSeconds)
        return receivedAt.addSecs(*resetSeconds);
    return std::nullopt;
}

RateLimitInfo
RateLimitInfo::fromHeaders(const std::function<QByteArray(const QByteArray &)> &header,
                           const QDateTime &now)
{
    auto either = [&header](const char *name) {
        const QByteArray plain = header(QByteArray("RateLimit-") + name);
        return plain.isEmpty() ? header(QByteArray("X-RateLimit-") + name) : plain;
    };
    RateLimitInfo info;
    info.limit = parseSeconds(either("Limit"));
    info.remaining = parseSeconds(either("Remaining"));
    info.resetSeconds = parseSeconds(either("Reset"));
    info.policy = QString::fromLatin1(either("Policy"));
    const QByteArray retryAfter = header("Retry-After");
    if (!retryAfter.isEmpty()) {
        info.retryAfterSeconds = parseSeconds(retryAfter);
        if (!info.retryAfterSeconds) {
            // The other form RFC 9110 allows: an IMF-fixdate, always in GMT.
            QDateTime when =
                QLocale::c().toDateTime(QString::fromLatin1(retryAfter.trimmed()),
                                        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
            when.setTimeZone(QTimeZone::utc());
            if (when.isValid())
                info.retryAfterSeconds = int(qMax<qint64>(0, now.secsTo(when)));
        }
    }
    return info;
}

RateLimitInfo RateLimitInfo::fromReply(const QNetworkReply &reply, const QDateTime &now)
{
    return fromHeaders([&reply](const QByteArray &name) { return reply.rawHeader(name); }, now);
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Validation:
        return QStringLiteral("Validation");
    case Kind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("Forbidden");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::Conflict:
        return QStringLiteral("Conflict");
    case Kind::RateLimited:
        return QStringLiteral("RateLimited");
    case Kind::TokenQuotaExceeded:
        return QStringLiteral("TokenQuotaExceeded");
    case Kind::ServerError:
        return QStringLiteral("ServerError");
    case Kind::Network:
        return QStringLiteral("Network");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::Tls:
        return QStringLiteral("Tls");
    case Kind::Redirect:
        return QStringLiteral("Redirect");
    case Kind::MalformedResponse:
        return QStringLiteral("MalformedResponse");
    case Kind::InsecureUrl:
        return QStringLiteral("InsecureUrl");
    case Kind::OutcomeUnknown:
        return QStringLiteral("OutcomeUnknown");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::NotRecorded:
        return QStringLiteral("NotRecorded");
    }
    return QStringLiteral("Unknown");
}

QString ApiError::summary() const
{
    QString text = kindName(kind);
    QStringList parts;
    if (httpStatus)
        parts << QString::number(httpStatus);
    if (!errorCode.isEmpty())
        parts << errorCode;
    if (underlying)
        parts << QStringLiteral("after ") + kindName(*underlying);
    if (!parts.isEmpty())
        text += QLatin1Char('(') + parts.join(QLatin1Char(' ')) + QLatin1Char(')');
    return text;
}

QString ApiError::requestIdText() const
{
    return tr("Request id: %1").arg(requestId.toString(QUuid::WithoutBraces));
}

QString ApiError::message() const
{
    // The server's own words, when it gave any, are the most specific explanation.
    const QString server = serverMessage.isEmpty() ? QString() : QLatin1Char(' ') + serverMessage;
    // Without them (an empty or HTML body), at least the status it answered with.
    const QString status = httpStatus ? QStringLiteral("HTTP %1").arg(httpStatus) : QString();
    switch (kind) {
    case Kind::Validation:
        if (field != Field::None)
            return tr("The server refused the field \"%1\":").arg(fieldLabel(field)) + server;
        return tr("The server refused the request:")
            + (server.isEmpty() && !status.isEmpty() ? QLatin1Char(' ') + status : server);
    case Kind::Unauthorized:
        return tr("eToro did not accept the API key and user key (401). Check both keys in the "
                  "account settings.")
            + server;
    case Kind::Forbidden:
        return tr("This key is not allowed to do that (403). A key that belongs to an agent "
                  "portfolio cannot manage portfolios; use your account's own user key.")
            + server;
    case Kind::NotFound:
        return tr("eToro does not know this portfolio or token (404); it may have been deleted.")
            + server;
    case Kind::Conflict:
        return tr("That name is already taken (409).") + server;
    case Kind::RateLimited:
        if (rateLimit.retryAfterSeconds)
            return tr("Too many requests: eToro allows 60 per minute. Try again in %n second(s).",
                      nullptr, *rateLimit.retryAfterSeconds);
        return tr("Too many requests: eToro allows 60 per minute. Wait a minute and try again.");
    case Kind::TokenQuotaExceeded:
        return tr("This portfolio already has the most tokens eToro allows. Revoke one before "
                  "adding another.");
    case Kind::ServerError:
        return tr("eToro's server had a problem (%1). Try again later.").arg(httpStatus) + server;
    case Kind::Network:
        return tr("Could not reach the server: %1").arg(detail);
    case Kind::Timeout:
        return tr("The server did not answer in time.");
    case Kind::Tls:
        return tr("The secure connection failed and nothing was sent: %1").arg(detail);
    case Kind::Redirect:
        return tr("The server answered with a redirect (%1), which Agentfolio never follows. "
                  "Check the server address.")
            .arg(httpStatus);
    case Kind::MalformedResponse:
        return tr("The server's answer could not be read: %1").arg(detail);
    case Kind::InsecureUrl:
        return tr("Refused to send keys over plain http to a host that is not this computer: %1")
            .arg(detail);
    case Kind::OutcomeUnknown:
        return (making == Making::Token
                    ? tr("The request was sent, but its outcome is unknown: the token may have "
                         "been added, and eToro shows its value only once. Nothing was sent "
                         "again. Refresh the portfolio's tokens before adding it again.")
                    : tr("The request was sent, but its outcome is unknown: the portfolio may "
                         "have been created and money may have moved. Nothing was sent again. "
                         "Check the portfolio list before trying again."))
            + (!detail.isEmpty()       ? QLatin1Char(' ') + tr("(%1)").arg(detail)
                   : !status.isEmpty() ? QLatin1Char(' ') + tr("(%1)").arg(status)
                                       : QString());
    case Kind::Cancelled:
        return tr("Cancelled before anything was sent.");
    case Kind::NotRecorded:
        return tr("Nothing was sent: Agentfolio could not first note the create on disk (%1). "
                  "Without that note, if Agentfolio stopped before eToro answered, the next "
                  "start would not know that money may have moved. Make sure that file can be "
                  "written, then try again.")
            .arg(detail);
    }
    return {};
}

} // namespace agentfolio
