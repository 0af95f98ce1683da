#pragma once

#include "domain/portfolio.h"
#include "domain/requests.h"
#include "domain/validation.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace agentfolio {

// What an error answer said, whatever shape it came in.
struct ErrorBody
{
    QString errorCode; // errorCode, code, or ProblemDetails' type/title
    QString message; // errorMessage, message, detail, or an HTML page's title/text
    Field field = Field::None; // when the body names a field (a "field" member or its JSON name)
};

// The JSON of the agent-portfolio calls. Requests serialise exactly as the API's
// example; responses are read strictly where it matters (ids and secrets) and
// tolerantly elsewhere (unknown members ignored, three scope spellings, null dates).
class ApiJson
{
    Q_DECLARE_TR_FUNCTIONS(ApiJson)
public:
    // Answers about one thing (a create, a token, an error) are small: over 1 MiB is
    // refused. A list grows with the account (1,000 portfolios of 10 tokens is about
    // 3.4 MB), so it gets a larger, still bounded, allowance.
    static constexpr qsizetype MaxBodySize = qsizetype { 1024 } * 1024; // 1 MiB
    static constexpr qsizetype MaxListBodySize = qsizetype { 16 } * 1024 * 1024; // 16 MiB

    static QJsonObject toJson(const CreatePortfolioRequest &request);
    static QJsonObject toJson(const AddTokenRequest &request);
    static QJsonObject toJson(const UpdateTokenRequest &request);
    static QByteArray toBytes(const QJsonObject &object); // compact UTF-8

    // Each returns nullopt and sets *error (a sentence, never containing a secret) on failure.
    static std::optional<CreatePortfolioResult> parseCreateResponse(const QByteArray &body,
                                                                    QString *error);
    static std::optional<QList<Portfolio>> parsePortfolioList(const QByteArray &body,
                                                              QString *error);
    static std::optional<CreatedToken> parseCreatedToken(const QByteArray &body, QString *error);
    // For a success answer that parseCreateResponse() refused: every token in it that still
    // carries its secret, however incomplete the rest (its id may be empty). eToro shows a
    // secret only once, so what can be read is kept rather than dropped with the answer.
    static QList<CreatedToken> salvageCreatedTokens(const QByteArray &body);
    // The same for an add-token answer that parseCreatedToken() refused: the one token, if its
    // secret is there.
    static std::optional<CreatedToken> salvageAddedToken(const QByteArray &body);
    static ErrorBody parseErrorBody(const QByteArray &body, const QByteArray &contentType = {});

    // Dates as the API sends them: ISO 8601, "Z" or an offset, optional fractions.
    static std::optional<QDateTime> parseDate(const QJsonValue &value);
};

} // namespace agentfolio
