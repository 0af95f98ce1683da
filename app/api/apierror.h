#pragma once

#include "domain/validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUuid>
#include <optional>

class QNetworkReply;

namespace agentfolio {

// What the rate-limit headers said. Both spellings are read: RateLimit-* and X-RateLimit-*.
struct RateLimitInfo
{
    std::optional<int> limit;
    std::optional<int> remaining;
    std::optional<int> resetSeconds; // seconds until the window resets
    std::optional<int> retryAfterSeconds; // from Retry-After (seconds or an HTTP date)
    QString policy; // e.g. "60;w=60"

    bool isEmpty() const { return !limit && !remaining && !resetSeconds && !retryAfterSeconds; }
    // When a new request may be sent, if the headers tell.
    std::optional<QDateTime> retryAt(const QDateTime &receivedAt) const;

    static RateLimitInfo fromReply(const QNetworkReply &reply,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The header lookup is case-insensitive; `header` returns the raw value or empty.
    static RateLimitInfo fromHeaders(const std::function<QByteArray(const QByteArray &)> &header,
                                     const QDateTime &now);
};

// Every way a call can fail, each with a message a person can act on.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        Validation, // 400: the server refused a field
        Unauthorized, // 401: keys missing or wrong
        Forbidden, // 403: the key lacks permission (or is an agent portfolio's own key)
        NotFound, // 404
        Conflict, // 409: a name already taken
        RateLimited, // 429: throttled; see rateLimit.retryAfterSeconds
        TokenQuotaExceeded, // 429 MaxUserTokensExceeded: a hard cap, never retried
        ServerError, // 5xx (for a create: OutcomeUnknown instead)
        Network, // nothing reached the server, or the connection failed
        Timeout, // no answer in time (for a create: OutcomeUnknown instead)
        Tls, // certificate or handshake failure
        Redirect, // a 3xx answer: never followed
        MalformedResponse, // the answer could not be read
        InsecureUrl, // plain http to a host that is not loopback; nothing was sent
        OutcomeUnknown, // a create or add-token only: the request may have been processed
        Cancelled, // the user cancelled before anything was sent
        NotRecorded, // a create: its note could not be written to disk first; nothing was sent
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // 0 when there was no HTTP answer
    QString errorCode; // the server's errorCode, when it sent one
    QString serverMessage; // the server's own words, when it sent any
    Field field = Field::None; // the field the server blamed, when it can be told
    QString detail; // transport detail (Qt's error string), for the technical line
    QUuid requestId; // the x-request-id of the call, to quote to support
    RateLimitInfo rateLimit;
    // For OutcomeUnknown: what made the outcome ambiguous, as an ApiError kind.
    std::optional<Kind> underlying;
    // What the request was making, for OutcomeUnknown's words: a portfolio (money may have
    // moved) or a token (its secret, shown once, may be lost).
    enum class Making { Portfolio, Token };
    Making making = Making::Portfolio;

    // A complete sentence for the user, translated. Never contains a key or token.
    QString message() const;
    // "Request id: 8486c781-..." for the error's copyable line.
    QString requestIdText() const;
    // Short, stable, for logs and tests: "Conflict(409 UserKeyNameAlreadyExists)".
    QString summary() const;
    static QString kindName(Kind kind);
};

} // namespace agentfolio
