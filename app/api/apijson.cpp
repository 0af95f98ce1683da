#include "api/apijson.h"

#include "domain/scopes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace agentfolio {

namespace {

QJsonArray toJsonArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonArray toJsonArray(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error,
                                       qsizetype limit = ApiJson::MaxBodySize)
{
    if (body.size() > limit) {
        *error = ApiJson::tr("the answer is larger than %1 MiB")
                     .arg(limit / (qsizetype { 1024 } * 1024));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ApiJson::tr("the answer is not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = ApiJson::tr("the answer is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

// Integers may come as numbers or, from some gateways, as numeric strings. Only those a
// double holds exactly, as the index stores them (it refuses a file with larger ones):
// beyond that a number has lost its digits anyway, and converting it is undefined.
constexpr qint64 MaxExactInteger = 9'000'000'000'000'000;

std::optional<qint64> readInteger(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::fabs(number) <= double(MaxExactInteger) && number == std::trunc(number))
            return qint64(number);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok && number >= -MaxExactInteger && number <= MaxExactInteger)
            return number;
    }
    return std::nullopt;
}

// A scope id is an int: a larger number is no scope, not the int it would wrap to.
std::optional<int> readScopeId(const QJsonValue &value)
{
    const auto number = readInteger(value);
    if (number && *number >= std::numeric_limits<int>::min()
        && *number <= std::numeric_limits<int>::max())
        return int(*number);
    return std::nullopt;
}

QString requireString(const QJsonObject &object, const char *member, const QString &what,
                      QString *error)
{
    const QJsonValue value = object.value(QLatin1String(member));
    if (!value.isString() || value.toString().isEmpty()) {
        if (error->isEmpty())
            *error = ApiJson::tr("%1 has no \"%2\"").arg(what, QLatin1String(member));
        return {};
    }
    return value.toString();
}

QStringList readStrings(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const auto &item : array) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

// scopeIds (numbers), scopeNames (strings) or scopes: [{"name": ...}] (or [{"id": ...}]).
QList<int> readScopes(const QJsonObject &object)
{
    QList<int> ids;
    auto add = [&ids](int id) {
        if (!ids.contains(id))
            ids.append(id);
    };
    const QJsonArray scopeIds = object.value(QLatin1String("scopeIds")).toArray();
    for (const auto &value : scopeIds) {
        if (auto id = readScopeId(value))
            add(*id);
    }
    const QJsonArray scopeNames = object.value(QLatin1String("scopeNames")).toArray();
    for (const auto &value : scopeNames) {
        if (auto id = Scopes::fromApiName(value.toString()))
            add(*id);
    }
    const QJsonArray scopes = object.value(QLatin1String("scopes")).toArray();
    for (const auto &value : scopes) {
        if (value.isObject()) {
            const QJsonObject scope = value.toObject();
            if (auto id = Scopes::fromApiName(scope.value(QLatin1String("name")).toString()))
                add(*id);
            else if (auto numeric = readScopeId(scope.value(QLatin1String("id"))))
                add(*numeric);
        } else if (value.isString()) {
            if (auto id = Scopes::fromApiName(value.toString()))
                add(*id);
        } else if (auto numeric = readScopeId(value)) {
            add(*numeric);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

UserToken readToken(const QJsonObject &object, QString *error)
{
    UserToken token;
    token.id = requireString(object, "userTokenId", ApiJson::tr("a user token"), error);
    token.name = object.value(QLatin1String("userTokenName")).toString();
    token.clientId = object.value(QLatin1String("clientId")).toString();
    token.ipsWhitelist = readStrings(object.value(QLatin1String("ipsWhitelist")));
    token.scopeIds = readScopes(object);
    token.expiresAt = ApiJson::parseDate(object.value(QLatin1String("expiresAt")));
    token.createdAt = ApiJson::parseDate(object.value(QLatin1String("createdAt")));
    return token;
}

CreatedToken readCreatedToken(const QJsonObject &object, QString *error)
{
    CreatedToken created;
    created.token = readToken(object, error);
    // The secret is the whole point of the answer: without it the token is useless.
    const QJsonValue secret = object.value(QLatin1String("userToken"));
    if (!secret.isString() || secret.toString().isEmpty()) {
        if (error->isEmpty())
            *error = ApiJson::tr("a created user token has no \"userToken\" (its secret)");
    } else {
        created.secret = Secret(secret.toString());
    }
    return created;
}

Portfolio readPortfolio(const QJsonObject &object, QString *error)
{
    Portfolio portfolio;
    portfolio.id = requireString(object, "agentPortfolioId", ApiJson::tr("a portfolio"), error);
    portfolio.name = object.value(QLatin1String("agentPortfolioName")).toString();
    portfolio.gcid = readInteger(object.value(QLatin1String("agentPortfolioGcid"))).value_or(0);
    portfolio.mirrorId = readInteger(object.value(QLatin1String("mirrorId"))).value_or(0);
    const QJsonValue balance = object.value(QLatin1String("agentPortfolioVirtualBalance"));
    // Display only: a balance with fractions of a cent is rounded rather than refused; one
    // that no Money holds (negative, or beyond MaxCents, which the index refuses to read
    // back) is left unknown.
    const double balanceCents = balance.toDouble() * 100.0;
    if (balance.isDouble() && balanceCents >= 0 && balanceCents <= double(Money::MaxCents))
        portfolio.virtualBalance = Money::fromCents(qRound64(balanceCents));
    portfolio.createdAt = ApiJson::parseDate(object.value(QLatin1String("createdAt")));
    return portfolio;
}

QString plainTextOfHtml(const QString &html)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    const auto match = title.match(html);
    if (match.hasMatch())
        return match.captured(1).simplified();
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(tags);
    return text.simplified();
}

} // namespace

QJsonObject ApiJson::toJson(const CreatePortfolioRequest &request)
{
    QJsonObject object;
    object.insert(QLatin1String("investmentAmountInUsd"), request.investment.toDouble());
    object.insert(QLatin1String("agentPortfolioName"), request.portfolioName);
    object.insert(QLatin1String("userTokenName"), request.tokenName);
    object.insert(QLatin1String("scopeIds"), toJsonArray(request.scopeIds));
    if (!request.description.isEmpty())
        object.insert(QLatin1String("agentPortfolioDescription"), request.description);
    if (!request.ipsWhitelist.isEmpty())
        object.insert(QLatin1String("ipsWhitelist"), toJsonArray(request.ipsWhitelist));
    if (request.expiresAt)
        object.insert(QLatin1String("expiresAt"), Validation::formatExpiry(*request.expiresAt));
    return object;
}

QJsonObject ApiJson::toJson(const AddTokenRequest &request)
{
    QJsonObject object;
    object.insert(QLatin1String("userTokenName"), request.tokenName);
    object.insert(QLatin1String("scopeIds"), toJsonArray(request.scopeIds));
    if (!request.ipsWhitelist.isEmpty())
        object.insert(QLatin1String("ipsWhitelist"), toJsonArray(request.ipsWhitelist));
    if (request.expiresAt)
        object.insert(QLatin1String("expiresAt"), Validation::formatExpiry(*request.expiresAt));
    return object;
}

QJsonObject ApiJson::toJson(const UpdateTokenRequest &request)
{
    QJsonObject object;
    if (request.scopeIds)
        object.insert(QLatin1String("scopeIds"), toJsonArray(*request.scopeIds));
    // An empty list is meaningful here: it lifts the restriction.
    if (request.ipsWhitelist)
        object.insert(QLatin1String("ipsWhitelist"), toJsonArray(*request.ipsWhitelist));
    if (request.expiresAt)
        object.insert(QLatin1String("expiresAt"), Validation::formatExpiry(*request.expiresAt));
    return object;
}

QByteArray ApiJson::toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QDateTime> ApiJson::parseDate(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return std::nullopt;
    // One the index could not keep is absent, as an unreadable one is (writableUtc()).
    return writableUtc(QDateTime::fromString(value.toString(), Qt::ISODateWithMs));
}

std::optional<CreatePortfolioResult> ApiJson::parseCreateResponse(const QByteArray &body,
                                                                  QString *error)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    CreatePortfolioResult result;
    if (object) {
        result.portfolio = readPortfolio(*object, &problem);
        const QJsonValue created = object->value(QLatin1String("userTokenCreated"));
        const QJsonArray tokens = object->value(QLatin1String("userTokens")).toArray();
        for (const auto &token : tokens)
            result.createdTokens.append(readCreatedToken(token.toObject(), &problem));
        result.tokenCreated = created.isBool() ? created.toBool() : !result.createdTokens.isEmpty();
        if (result.tokenCreated && result.createdTokens.isEmpty() && problem.isEmpty())
            problem = tr("the answer says a token was created but carries none");
    }
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return result;
}

QList<CreatedToken> ApiJson::salvageCreatedTokens(const QByteArray &body)
{
    QString unreadable;
    const auto object = parseObject(body, &unreadable);
    QList<CreatedToken> salvaged;
    if (!object)
        return salvaged;
    const QJsonArray tokens = object->value(QLatin1String("userTokens")).toArray();
    for (const auto &value : tokens) {
        QString incomplete; // expected: the answer was refused for some such reason
        CreatedToken created = readCreatedToken(value.toObject(), &incomplete);
        if (!created.secret.isEmpty())
            salvaged.append(std::move(created));
    }
    return salvaged;
}

std::optional<CreatedToken> ApiJson::salvageAddedToken(const QByteArray &body)
{
    QString unreadable;
    const auto object = parseObject(body, &unreadable);
    if (!object)
        return std::nullopt;
    QString incomplete; // expected: the answer was refused for some such reason
    CreatedToken created = readCreatedToken(*object, &incomplete);
    if (created.secret.isEmpty())
        return std::nullopt;
    return created;
}

std::optional<QList<Portfolio>> ApiJson::parsePortfolioList(const QByteArray &body, QString *error)
{
    QString problem;
    const auto object = parseObject(body, &problem, MaxListBodySize);
    QList<Portfolio> portfolios;
    if (object) {
        const QJsonValue list = object->value(QLatin1String("agentPortfolios"));
        if (!list.isArray())
            problem = tr("the answer has no \"agentPortfolios\" list");
        const QJsonArray array = list.toArray();
        portfolios.reserve(array.size());
        for (const auto &value : array) {
            const QJsonObject item = value.toObject();
            Portfolio portfolio = readPortfolio(item, &problem);
            const QJsonArray tokens = item.value(QLatin1String("userTokens")).toArray();
            portfolio.tokens.reserve(tokens.size());
            for (const auto &token : tokens)
                portfolio.tokens.append(readToken(token.toObject(), &problem));
            portfolios.append(std::move(portfolio));
        }
    }
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return portfolios;
}

std::optional<CreatedToken> ApiJson::parseCreatedToken(const QByteArray &body, QString *error)
{
    QString problem;
    const auto object = parseObject(body, &problem);
    CreatedToken token;
    if (object)
        token = readCreatedToken(*object, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return token;
}

ErrorBody ApiJson::parseErrorBody(const QByteArray &body, const QByteArray &contentType)
{
    ErrorBody result;
    const QByteArray bounded = body.left(MaxBodySize);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bounded, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        auto first = [&object](std::initializer_list<const char *> names) {
            for (const char *name : names) {
                const QJsonValue value = object.value(QLatin1String(name));
                if (value.isString() && !value.toString().isEmpty())
                    return value.toString();
            }
            return QString();
        };
        // {errorCode, errorMessage}, {code, message, requestId}, ProblemDetails {type, title,
        // detail}
        result.errorCode = first({ "errorCode", "code", "title", "type" });
        result.message = first({ "errorMessage", "message", "detail", "title" });
        const QString field = first({ "field", "fieldName", "propertyName" });
        result.field = fieldFromJsonName(field);
        if (result.field == Field::None) {
            // ASP.NET validation problems: {"errors": {"AgentPortfolioName": ["..."]}}
            const QJsonObject errors = object.value(QLatin1String("errors")).toObject();
            for (auto it = errors.begin(); it != errors.end() && result.field == Field::None; ++it)
                result.field = fieldFromJsonName(it.key());
        }
        if (result.field == Field::None) {
            // Otherwise the message may say which field it means, in the API's words.
            const QString text = result.message.toLower();
            if (text.contains(QLatin1String("agent-portfolio name"))
                || text.contains(QLatin1String("portfolio name")))
                result.field = Field::PortfolioName;
            else if (text.contains(QLatin1String("investment")))
                result.field = Field::InvestmentAmount;
            else if (text.contains(QLatin1String("token name")))
                result.field = Field::TokenName;
            else if (text.contains(QLatin1String("scope")))
                result.field = Field::Scopes;
            else if (text.contains(QLatin1String("ip"))
                     && text.contains(QLatin1String("whitelist")))
                result.field = Field::IpAllowList;
            else if (text.contains(QLatin1String("expir")))
                result.field = Field::ExpiresAt;
        }
        return result;
    }
    const QString text = QString::fromUtf8(bounded.left(qsizetype { 64 } * 1024));
    if (contentType.contains("html") || text.trimmed().startsWith(QLatin1Char('<')))
        result.message = plainTextOfHtml(text);
    else
        result.message = text.simplified();
    if (result.message.size() > 300) {
        // Whole characters only: half of a surrogate pair would show as a replacement mark.
        result.message.truncate(result.message.at(299).isHighSurrogate() ? 299 : 300);
        result.message = result.message.trimmed();
    }
    return result;
}

} // namespace agentfolio
