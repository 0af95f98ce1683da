#include "sandbox/sandboxapi.h"

#include "domain/scopes.h"
#include "domain/validation.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>
#include <cmath>

namespace agentfolio {

namespace {

const QString ValidationFailed = QStringLiteral("ValidationFailed");

using Error = std::optional<SandboxReply>;

SandboxReply validationFailed(const QString &message, const QString &field = {})
{
    return SandboxReply::error(400, ValidationFailed, message, field);
}

SandboxReply notFound(const QString &message)
{
    return SandboxReply::error(404, QStringLiteral("NotFound"), message);
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The server's own clock, in whole seconds as the wire carries them.
QDateTime nowUtc()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

QJsonValue timeJson(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(Validation::formatExpiry(*time)) : QJsonValue(QJsonValue::Null);
}

QJsonArray intsJson(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonArray scopeNamesJson(const QList<int> &ids)
{
    QJsonArray array;
    for (int id : ids)
        array.append(Scopes::apiName(id));
    return array;
}

// Secrets compared without an early exit, so timing tells nothing about where they differ.
bool sameSecret(const Secret &a, const Secret &b)
{
    const QByteArray x = a.reveal().toUtf8();
    const QByteArray y = b.reveal().toUtf8();
    const qsizetype n = qMax(x.size(), y.size());
    int diff = int(x.size() != y.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= (i < x.size() ? x.at(i) : 0) ^ (i < y.size() ? y.at(i) : 0);
    return diff == 0;
}

// The fields of a portfolio shared by the create, 207 and list answers.
QJsonObject portfolioJson(const Portfolio &p)
{
    return QJsonObject {
        { QStringLiteral("agentPortfolioId"), p.id },
        { QStringLiteral("agentPortfolioName"), p.name },
        { QStringLiteral("agentPortfolioGcid"), double(p.gcid) },
        { QStringLiteral("agentPortfolioVirtualBalance"), p.virtualBalance.toDouble() },
        { QStringLiteral("mirrorId"), double(p.mirrorId) },
    };
}

// A token as the list call describes it: everything but the secret.
QJsonObject tokenJson(const UserToken &token)
{
    return QJsonObject {
        { QStringLiteral("userTokenId"), token.id },
        { QStringLiteral("userTokenName"), token.name },
        { QStringLiteral("clientId"), token.clientId },
        { QStringLiteral("ipsWhitelist"), QJsonArray::fromStringList(token.ipsWhitelist) },
        { QStringLiteral("scopeIds"), intsJson(token.scopeIds) },
        { QStringLiteral("scopeNames"), scopeNamesJson(token.scopeIds) },
        { QStringLiteral("expiresAt"), timeJson(token.expiresAt) },
        { QStringLiteral("createdAt"), timeJson(token.createdAt) },
    };
}

// The codes a token's fields fail with: the create call answers every problem as
// ValidationFailed, the add-token and update calls have their own codes.
struct TokenErrorCodes
{
    QString scopesMissing;
    int unknownScopeStatus;
    QString unknownScope;
    QString invalidIp;
};

const TokenErrorCodes CreateCodes { ValidationFailed, 400, ValidationFailed, ValidationFailed };
const TokenErrorCodes TokenCodes { QStringLiteral("ScopeIdsRequired"), 403,
                                   QStringLiteral("ScopeNameNotAllowed"),
                                   QStringLiteral("IpsWhitelistInvalidIp") };

// Member readers: each answers the member's value, or sets `error` to the server's answer.
std::optional<QString> readString(const QJsonObject &body, Field field, bool required, Error &error)
{
    const QString name = fieldJsonName(field);
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            error = validationFailed(SandboxApi::tr("%1 is required").arg(name), name);
        return std::nullopt;
    }
    if (!value.isString()) {
        error = validationFailed(SandboxApi::tr("%1 must be a string").arg(name), name);
        return std::nullopt;
    }
    return value.toString();
}

QString readTokenName(const QJsonObject &body, Error &error)
{
    const QString name = fieldJsonName(Field::TokenName);
    const auto text = readString(body, Field::TokenName, true, error);
    if (error)
        return {};
    Problems problems;
    QString tokenName = Validation::tokenName(*text, &problems);
    if (!problems.isEmpty()) {
        error = validationFailed(
            tokenName.isEmpty() ? SandboxApi::tr("User token name is required")
                                : SandboxApi::tr("User token name contains invalid characters"),
            name);
    }
    return tokenName;
}

QList<int> readScopes(const QJsonObject &body, const TokenErrorCodes &codes, Error &error)
{
    const QString name = fieldJsonName(Field::Scopes);
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull() || (value.isArray() && value.toArray().isEmpty())) {
        error = SandboxReply::error(400, codes.scopesMissing,
                                    SandboxApi::tr("At least one scope id is required"), name);
        return {};
    }
    if (!value.isArray()) {
        error = validationFailed(SandboxApi::tr("scopeIds must be an array of integers"), name);
        return {};
    }
    QList<int> ids;
    const QJsonArray items = value.toArray();
    for (const auto &item : items) {
        const double number = item.toDouble();
        if (!item.isDouble() || number != std::floor(number) || std::fabs(number) > 1e9) {
            error = validationFailed(SandboxApi::tr("scopeIds must be an array of integers"), name);
            return {};
        }
        ids.append(int(number));
    }
    Problems problems;
    QList<int> scopes = Validation::scopes(ids, &problems);
    for (int id : ids) {
        if (!Scopes::isKnown(id)) {
            error = SandboxReply::error(
                codes.unknownScopeStatus, codes.unknownScope,
                SandboxApi::tr("Scope id %1 is not allowed; use 200, 201, 202 or 203").arg(id),
                name);
            return {};
        }
    }
    return scopes;
}

QStringList readIps(const QJsonObject &body, const TokenErrorCodes &codes, Error &error)
{
    const QString name = fieldJsonName(Field::IpAllowList);
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        error = validationFailed(SandboxApi::tr("ipsWhitelist must be an array of IPv4 addresses"),
                                 name);
        return {};
    }
    auto invalid = [&](const QString &entry) {
        error = SandboxReply::error(
            400, codes.invalidIp,
            SandboxApi::tr("ipsWhitelist: \"%1\" is not a valid IPv4 address").arg(entry), name);
    };
    QStringList entries;
    const QJsonArray items = value.toArray();
    for (const auto &item : items) {
        // An empty entry is no address; the form's rule skips them, the server refuses them.
        if (!item.isString() || item.toString().trimmed().isEmpty()) {
            invalid(item.toString());
            return {};
        }
        entries.append(item.toString());
    }
    Problems problems;
    QStringList ips = Validation::ipAllowList(entries, &problems);
    for (const Problem &problem : std::as_const(problems)) {
        if (problem.entry >= 0) {
            invalid(entries.value(problem.entry));
            return {};
        }
    }
    if (!problems.isEmpty()) {
        error = validationFailed(SandboxApi::tr("ipsWhitelist accepts at most %1 addresses")
                                     .arg(Validation::MaxIpEntries),
                                 name);
        return {};
    }
    return ips;
}

std::optional<QDateTime> readExpiry(const QJsonObject &body, Error &error)
{
    const QString name = fieldJsonName(Field::ExpiresAt);
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    // ISO 8601 in UTC with a Z, whole seconds or milliseconds: what the API documents.
    static const QRegularExpression shape(
        QStringLiteral("\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z\\z"));
    const QString text = value.toString();
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!value.isString() || !shape.match(text).hasMatch() || !parsed.isValid()) {
        error = validationFailed(
            SandboxApi::tr("expiresAt must be a UTC date-time such as 2026-12-31T23:59:59Z"), name);
        return std::nullopt;
    }
    Problems problems;
    auto expiry = Validation::expiry(parsed.toUTC(), QDateTime::currentDateTimeUtc(), &problems);
    if (!problems.isEmpty()) {
        error = validationFailed(SandboxApi::tr("expiresAt must be in the future"), name);
        return std::nullopt;
    }
    return expiry;
}

bool sameIps(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

} // namespace

SandboxApi::SandboxApi(SandboxState *state)
    : m_state(state)
{ }

void SandboxApi::setRequiredKeys(const Secret &apiKey, const Secret &userKey)
{
    if (apiKey.isEmpty() && userKey.isEmpty())
        m_requiredKeys.reset();
    else
        m_requiredKeys = qMakePair(apiKey, userKey);
}

QString SandboxApi::newTokenSecret()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString secret = QStringLiteral("sk_sandbox_");
    for (int i = 0; i < 40; ++i)
        secret.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return secret;
}

qint64 SandboxApi::newGcid() const
{
    qint64 gcid;
    do
        gcid = QRandomGenerator::system()->bounded(10000000, 100000000);
    while (m_state->hasGcid(gcid));
    return gcid;
}

qint64 SandboxApi::newMirrorId() const
{
    qint64 mirrorId;
    do
        mirrorId = QRandomGenerator::system()->bounded(10000, 10000000);
    while (m_state->hasMirrorId(mirrorId));
    return mirrorId;
}

std::optional<SandboxReply> SandboxApi::checkKeys(const SandboxCall &call) const
{
    // Messages name the header, never its value.
    if (call.apiKey.isEmpty())
        return SandboxReply::error(401, QStringLiteral("Unauthorized"),
                                   tr("The x-api-key header is missing or empty"));
    if (call.userKey.isEmpty())
        return SandboxReply::error(401, QStringLiteral("Unauthorized"),
                                   tr("The x-user-key header is missing or empty"));
    // Both keys are always compared, so the time taken does not tell which one was wrong.
    const bool apiKeyOk = !m_requiredKeys || sameSecret(call.apiKey, m_requiredKeys->first);
    const bool userKeyOk = !m_requiredKeys || sameSecret(call.userKey, m_requiredKeys->second);
    if (!(apiKeyOk && userKeyOk))
        return SandboxReply::error(401, QStringLiteral("Unauthorized"),
                                   tr("The API key or the user key is not valid"));
    return std::nullopt;
}

SandboxReply SandboxApi::handle(const SandboxCall &call, TokenCreation tokenCreation)
{
    // Routes: /api/v1/agent-portfolios[/{id}[/user-tokens[/{tokenId}]]]
    const QStringList segments = call.path.split(QLatin1Char('/'));
    const bool prefixOk = segments.size() >= 4 && segments.at(0).isEmpty()
        && segments.at(1) == QLatin1String("api") && segments.at(2) == QLatin1String("v1")
        && segments.at(3) == QLatin1String("agent-portfolios")
        && std::none_of(segments.cbegin() + 1, segments.cend(),
                        [](const QString &s) { return s.isEmpty(); });
    const int depth = int(segments.size());
    const bool tokensSegment = depth >= 6 && segments.at(5) == QLatin1String("user-tokens");
    QList<QByteArray> allowed;
    if (prefixOk && depth == 4)
        allowed = { "GET", "POST" };
    else if (prefixOk && depth == 5)
        allowed = { "DELETE" };
    else if (prefixOk && depth == 6 && tokensSegment)
        allowed = { "POST" };
    else if (prefixOk && depth == 7 && tokensSegment)
        allowed = { "PATCH", "DELETE" };
    else
        return notFound(tr("No resource at %1").arg(call.path));

    if (!allowed.contains(call.method)) {
        SandboxReply reply = SandboxReply::error(
            405, QStringLiteral("MethodNotAllowed"),
            tr("%1 is not allowed on %2").arg(QString::fromLatin1(call.method), call.path));
        reply.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
        return reply;
    }

    if (auto refusal = checkKeys(call))
        return *refusal;

    const QString requestId =
        SandboxState::normalizedUuid(QString::fromLatin1(call.requestId.trimmed()));
    if (requestId.isEmpty() || QUuid::fromString(requestId).isNull())
        return validationFailed(tr("x-request-id must be a UUID"));

    QJsonObject body;
    if (call.method == "POST" || call.method == "PATCH") {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(call.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return validationFailed(tr("The request body must be a JSON object"));
        body = document.object();
    }

    if (depth == 4)
        return call.method == "GET" ? listPortfolios() : createPortfolio(body, tokenCreation);
    if (depth == 5)
        return deletePortfolio(segments.at(4));
    if (depth == 6)
        return addToken(segments.at(4), body);
    return call.method == "PATCH" ? updateToken(segments.at(4), segments.at(6), body)
                                  : revokeToken(segments.at(4), segments.at(6));
}

SandboxReply SandboxApi::listPortfolios()
{
    QJsonArray portfolios;
    for (const SandboxState::Entry &entry : m_state->entries()) {
        QJsonObject object = portfolioJson(entry.portfolio);
        object.insert(QStringLiteral("createdAt"), timeJson(entry.portfolio.createdAt));
        QJsonArray tokens;
        for (const UserToken &token : entry.portfolio.tokens)
            tokens.append(tokenJson(token));
        object.insert(QStringLiteral("userTokens"), tokens);
        portfolios.append(object);
    }
    return SandboxReply::json(200,
                              QJsonObject { { QStringLiteral("agentPortfolios"), portfolios } });
}

SandboxReply SandboxApi::createPortfolio(const QJsonObject &body, TokenCreation tokenCreation)
{
    Error error;

    // The investment: a JSON number, whole cents, at least the minimum.
    const QString amountName = fieldJsonName(Field::InvestmentAmount);
    const QJsonValue amountValue = body.value(amountName);
    if (amountValue.isUndefined() || amountValue.isNull())
        return validationFailed(tr("%1 is required").arg(amountName), amountName);
    if (!amountValue.isDouble())
        return validationFailed(tr("%1 must be a number").arg(amountName), amountName);
    Problems problems;
    const auto investment = Validation::amountNumber(amountValue.toDouble(), &problems);
    if (!investment)
        return validationFailed(tr("Investment amount must be a positive number of US dollars "
                                   "with at most two decimals"),
                                amountName);
    if (*investment < m_minimumInvestment)
        return validationFailed(tr("Investment amount is below the minimum threshold"), amountName);

    const QString nameField = fieldJsonName(Field::PortfolioName);
    const auto rawName = readString(body, Field::PortfolioName, true, error);
    if (error)
        return *error;
    Problems nameProblems;
    const QString name = Validation::portfolioName(*rawName, &nameProblems);
    if (!nameProblems.isEmpty()) {
        return validationFailed(
            Validation::hasControlCharacter(name)
                ? tr("Agent-portfolio name contains invalid characters")
                : tr("Agent-portfolio name must be between %1 and %2 characters")
                      .arg(Validation::PortfolioNameMin)
                      .arg(Validation::PortfolioNameMax),
            nameField);
    }

    const QString tokenName = readTokenName(body, error);
    if (error)
        return *error;
    const QList<int> scopes = readScopes(body, CreateCodes, error);
    if (error)
        return *error;
    const QStringList ips = readIps(body, CreateCodes, error);
    if (error)
        return *error;
    const auto expiry = readExpiry(body, error);
    if (error)
        return *error;
    const auto description = readString(body, Field::Description, false, error);
    if (error)
        return *error;

    if (m_state->hasPortfolioNamed(name))
        return SandboxReply::error(409, QStringLiteral("AgentPortfolioNameAlreadyExists"),
                                   tr("An agent portfolio named \"%1\" already exists").arg(name),
                                   nameField);

    SandboxState::Entry entry;
    entry.portfolio.id = newUuid();
    entry.portfolio.name = name;
    entry.portfolio.gcid = newGcid();
    entry.portfolio.virtualBalance = Money::fromCents(VirtualBalanceCents);
    entry.portfolio.mirrorId = newMirrorId();
    entry.portfolio.createdAt = nowUtc();
    entry.description = Validation::description(description.value_or(QString()), nullptr);
    entry.investment = *investment;
    QJsonObject answer = portfolioJson(entry.portfolio);

    if (tokenCreation == TokenCreation::Fail) {
        m_state->addPortfolio(entry);
        answer.insert(QStringLiteral("userTokenCreated"), false);
        return SandboxReply::json(207, answer);
    }

    UserToken token;
    token.id = newUuid();
    token.name = tokenName;
    token.clientId = newUuid();
    token.scopeIds = scopes;
    token.ipsWhitelist = ips;
    token.expiresAt = expiry;
    token.createdAt = entry.portfolio.createdAt;
    entry.portfolio.tokens.append(token);
    m_state->addPortfolio(entry);

    // Exactly the seed's token shape; the secret exists only in this answer.
    const QJsonObject tokenAnswer {
        { QStringLiteral("userTokenId"), token.id },
        { QStringLiteral("userToken"), newTokenSecret() },
        { QStringLiteral("userTokenName"), token.name },
        { QStringLiteral("clientId"), token.clientId },
        { QStringLiteral("ipsWhitelist"), QJsonArray::fromStringList(token.ipsWhitelist) },
        { QStringLiteral("scopeIds"), intsJson(token.scopeIds) },
        { QStringLiteral("expiresAt"), timeJson(token.expiresAt) },
    };
    answer.insert(QStringLiteral("userTokens"), QJsonArray { tokenAnswer });
    return SandboxReply::json(201, answer);
}

SandboxReply SandboxApi::deletePortfolio(const QString &portfolioId)
{
    if (SandboxState::normalizedUuid(portfolioId).isEmpty())
        return validationFailed(tr("agentPortfolioId must be a UUID"));
    if (!m_state->removePortfolio(portfolioId))
        return notFound(tr("Agent portfolio %1 was not found").arg(portfolioId));
    return SandboxReply::noContent();
}

SandboxReply SandboxApi::addToken(const QString &portfolioId, const QJsonObject &body)
{
    const SandboxState::Entry *entry = m_state->find(portfolioId);
    if (!entry)
        return notFound(tr("Agent portfolio %1 was not found").arg(portfolioId));

    Error error;
    const QString tokenName = readTokenName(body, error);
    if (error)
        return *error;
    const QList<int> scopes = readScopes(body, TokenCodes, error);
    if (error)
        return *error;
    const QStringList ips = readIps(body, TokenCodes, error);
    if (error)
        return *error;
    const auto expiry = readExpiry(body, error);
    if (error)
        return *error;

    const auto &tokens = entry->portfolio.tokens;
    if (std::any_of(tokens.cbegin(), tokens.cend(), [&](const UserToken &t) {
            return t.name.compare(tokenName, Qt::CaseInsensitive) == 0;
        }))
        return SandboxReply::error(409, QStringLiteral("UserKeyNameAlreadyExists"),
                                   tr("A user token named \"%1\" already exists in this agent "
                                      "portfolio")
                                       .arg(tokenName),
                                   fieldJsonName(Field::TokenName));
    // A hard cap, not throttling: no Retry-After.
    if (tokens.size() >= MaxTokensPerPortfolio)
        return SandboxReply::error(
            429, QStringLiteral("MaxUserTokensExceeded"),
            tr("An agent portfolio can have at most %1 user tokens").arg(MaxTokensPerPortfolio));

    UserToken token;
    token.id = newUuid();
    token.name = tokenName;
    token.clientId = newUuid();
    token.scopeIds = scopes;
    token.ipsWhitelist = ips;
    token.expiresAt = expiry;
    token.createdAt = nowUtc();
    m_state->addToken(entry->portfolio.id, token);

    QJsonObject answer = tokenJson(token);
    answer.insert(QStringLiteral("userToken"), newTokenSecret());
    return SandboxReply::json(201, answer);
}

SandboxReply SandboxApi::updateToken(const QString &portfolioId, const QString &tokenId,
                                     const QJsonObject &body)
{
    const SandboxState::Entry *entry = m_state->find(portfolioId);
    if (!entry)
        return notFound(tr("Agent portfolio %1 was not found").arg(portfolioId));
    const QString id = SandboxState::normalizedUuid(tokenId);
    const auto &tokens = entry->portfolio.tokens;
    const auto found = std::find_if(tokens.cbegin(), tokens.cend(), [&](const UserToken &t) {
        return !id.isEmpty() && t.id == id;
    });
    if (found == tokens.cend())
        return notFound(tr("User token %1 was not found").arg(tokenId));

    const QString scopesName = fieldJsonName(Field::Scopes);
    const QString ipsName = fieldJsonName(Field::IpAllowList);
    const QString expiryName = fieldJsonName(Field::ExpiresAt);
    SandboxReply noChanges =
        SandboxReply::error(400, QStringLiteral("NoChangesDetected"),
                            tr("No changes detected: send a new value for scopeIds, "
                               "ipsWhitelist or expiresAt"));
    if (!body.contains(scopesName) && !body.contains(ipsName) && !body.contains(expiryName))
        return noChanges;

    Error error;
    UserToken updated = *found;
    if (body.contains(scopesName)) {
        updated.scopeIds = readScopes(body, TokenCodes, error);
        if (error)
            return *error;
    }
    if (body.contains(ipsName)) {
        updated.ipsWhitelist = readIps(body, TokenCodes, error);
        if (error)
            return *error;
    }
    if (body.contains(expiryName)) {
        // null clears the expiry: the token no longer expires.
        updated.expiresAt = readExpiry(body, error);
        if (error)
            return *error;
    }
    if (updated.scopeIds == found->scopeIds && sameIps(updated.ipsWhitelist, found->ipsWhitelist)
        && updated.expiresAt == found->expiresAt)
        return noChanges;

    m_state->replaceToken(entry->portfolio.id, updated);
    return SandboxReply::noContent();
}

SandboxReply SandboxApi::revokeToken(const QString &portfolioId, const QString &tokenId)
{
    if (!m_state->find(portfolioId))
        return notFound(tr("Agent portfolio %1 was not found").arg(portfolioId));
    if (!m_state->removeToken(portfolioId, tokenId))
        return notFound(tr("User token %1 was not found").arg(tokenId));
    return SandboxReply::noContent();
}

} // namespace agentfolio
