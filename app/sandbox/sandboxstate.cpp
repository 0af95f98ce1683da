#include "sandbox/sandboxstate.h"

#include "domain/scopes.h"
#include "domain/validation.h"
#include "sandbox/sandboxlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace agentfolio {

namespace {

QJsonValue timeToJson(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(Validation::formatExpiry(*time)) : QJsonValue(QJsonValue::Null);
}

// Accepts what timeToJson wrote: null (or absent) = nullopt.
bool timeFromJson(const QJsonValue &value, std::optional<QDateTime> *out)
{
    *out = std::nullopt;
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString())
        return false;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!time.isValid())
        return false;
    *out = time.toUTC();
    return true;
}

QJsonArray intsToJson(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonObject tokenToJson(const UserToken &token)
{
    return QJsonObject {
        { QStringLiteral("id"), token.id },
        { QStringLiteral("name"), token.name },
        { QStringLiteral("clientId"), token.clientId },
        { QStringLiteral("scopeIds"), intsToJson(token.scopeIds) },
        { QStringLiteral("ipsWhitelist"), QJsonArray::fromStringList(token.ipsWhitelist) },
        { QStringLiteral("expiresAt"), timeToJson(token.expiresAt) },
        { QStringLiteral("createdAt"), timeToJson(token.createdAt) },
    };
}

std::optional<UserToken> tokenFromJson(const QJsonValue &value, QString *why)
{
    const QJsonObject object = value.toObject();
    UserToken token;
    token.id = SandboxState::normalizedUuid(object.value(QStringLiteral("id")).toString());
    token.name = object.value(QStringLiteral("name")).toString();
    token.clientId = object.value(QStringLiteral("clientId")).toString();
    if (!value.isObject() || token.id.isEmpty() || token.name.isEmpty()) {
        *why = SandboxState::tr("a token has no valid id or name");
        return std::nullopt;
    }
    const QJsonArray scopeIds = object.value(QStringLiteral("scopeIds")).toArray();
    for (const auto &scope : scopeIds) {
        if (!Scopes::isKnown(scope.toInt())) {
            *why = SandboxState::tr("token %1 has an unknown scope").arg(token.id);
            return std::nullopt;
        }
        token.scopeIds.append(scope.toInt());
    }
    const QJsonArray ips = object.value(QStringLiteral("ipsWhitelist")).toArray();
    for (const auto &ip : ips)
        token.ipsWhitelist.append(ip.toString());
    if (!timeFromJson(object.value(QStringLiteral("expiresAt")), &token.expiresAt)
        || !timeFromJson(object.value(QStringLiteral("createdAt")), &token.createdAt)) {
        *why = SandboxState::tr("token %1 has an invalid date").arg(token.id);
        return std::nullopt;
    }
    return token;
}

} // namespace

QString SandboxState::normalizedUuid(QStringView text)
{
    // \A and \z, not ^ and $: "$" would also match before a trailing line break.
    static const QRegularExpression shape(QStringLiteral(
        "\\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z"));
    const QString string = text.toString();
    if (!shape.match(string).hasMatch())
        return {};
    return string.toLower();
}

void SandboxState::setFile(const QString &path)
{
    m_file = path;
    if (!m_file.isEmpty())
        load();
}

QList<Portfolio> SandboxState::portfolios() const
{
    QList<Portfolio> result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(entry.portfolio);
    return result;
}

const SandboxState::Entry *SandboxState::find(const QString &portfolioId) const
{
    const QString id = normalizedUuid(portfolioId);
    for (const Entry &entry : m_entries) {
        if (!id.isEmpty() && entry.portfolio.id == id)
            return &entry;
    }
    return nullptr;
}

SandboxState::Entry *SandboxState::findEntry(const QString &portfolioId)
{
    return const_cast<Entry *>(std::as_const(*this).find(portfolioId));
}

bool SandboxState::hasPortfolioNamed(const QString &name) const
{
    const QString wanted = name.trimmed();
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry &entry) {
        return entry.portfolio.name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

bool SandboxState::hasGcid(qint64 gcid) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&](const Entry &entry) { return entry.portfolio.gcid == gcid; });
}

bool SandboxState::hasMirrorId(qint64 mirrorId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&](const Entry &entry) { return entry.portfolio.mirrorId == mirrorId; });
}

void SandboxState::addPortfolio(const Entry &entry)
{
    m_entries.append(entry);
    save();
}

bool SandboxState::removePortfolio(const QString &portfolioId)
{
    const QString id = normalizedUuid(portfolioId);
    const auto removed = m_entries.removeIf([&](const Entry &e) { return e.portfolio.id == id; });
    if (removed == 0)
        return false;
    save();
    return true;
}

bool SandboxState::addToken(const QString &portfolioId, const UserToken &token)
{
    Entry *entry = findEntry(portfolioId);
    if (!entry)
        return false;
    entry->portfolio.tokens.append(token);
    save();
    return true;
}

bool SandboxState::replaceToken(const QString &portfolioId, const UserToken &token)
{
    Entry *entry = findEntry(portfolioId);
    if (!entry)
        return false;
    for (UserToken &existing : entry->portfolio.tokens) {
        if (existing.id == token.id) {
            existing = token;
            save();
            return true;
        }
    }
    return false;
}

bool SandboxState::removeToken(const QString &portfolioId, const QString &tokenId)
{
    Entry *entry = findEntry(portfolioId);
    const QString id = normalizedUuid(tokenId);
    if (!entry || id.isEmpty())
        return false;
    if (entry->portfolio.tokens.removeIf([&](const UserToken &t) { return t.id == id; }) == 0)
        return false;
    save();
    return true;
}

void SandboxState::clear()
{
    m_entries.clear();
    save();
}

QJsonObject SandboxState::toJson() const
{
    QJsonArray portfolios;
    for (const Entry &entry : m_entries) {
        const Portfolio &p = entry.portfolio;
        QJsonArray tokens;
        for (const UserToken &token : p.tokens)
            tokens.append(tokenToJson(token));
        portfolios.append(QJsonObject {
            { QStringLiteral("id"), p.id },
            { QStringLiteral("name"), p.name },
            { QStringLiteral("description"), entry.description },
            // Integers above 2^31 survive a JSON double exactly up to 2^53.
            { QStringLiteral("gcid"), double(p.gcid) },
            { QStringLiteral("mirrorId"), double(p.mirrorId) },
            { QStringLiteral("virtualBalanceCents"), double(p.virtualBalance.cents()) },
            { QStringLiteral("investmentCents"), double(entry.investment.cents()) },
            { QStringLiteral("createdAt"), timeToJson(p.createdAt) },
            { QStringLiteral("tokens"), tokens },
        });
    }
    return QJsonObject {
        { QStringLiteral("version"), FormatVersion },
        { QStringLiteral("portfolios"), portfolios },
    };
}

std::optional<QList<SandboxState::Entry>> SandboxState::fromJson(const QJsonObject &object,
                                                                 QString *why)
{
    QString dummy;
    if (!why)
        why = &dummy;
    if (object.value(QStringLiteral("version")).toInt(-1) != FormatVersion) {
        *why = tr("unsupported or missing version (expected %1)").arg(FormatVersion);
        return std::nullopt;
    }
    const QJsonValue list = object.value(QStringLiteral("portfolios"));
    if (!list.isArray()) {
        *why = tr("no \"portfolios\" array");
        return std::nullopt;
    }
    QList<Entry> entries;
    const QJsonArray portfolios = list.toArray();
    for (const auto &value : portfolios) {
        const QJsonObject o = value.toObject();
        Entry entry;
        Portfolio &p = entry.portfolio;
        p.id = normalizedUuid(o.value(QStringLiteral("id")).toString());
        p.name = o.value(QStringLiteral("name")).toString();
        if (!value.isObject() || p.id.isEmpty() || p.name.isEmpty()) {
            *why = tr("a portfolio has no valid id or name");
            return std::nullopt;
        }
        entry.description = o.value(QStringLiteral("description")).toString();
        p.gcid = qint64(o.value(QStringLiteral("gcid")).toDouble());
        p.mirrorId = qint64(o.value(QStringLiteral("mirrorId")).toDouble());
        p.virtualBalance =
            Money::fromCents(qint64(o.value(QStringLiteral("virtualBalanceCents")).toDouble()));
        entry.investment =
            Money::fromCents(qint64(o.value(QStringLiteral("investmentCents")).toDouble()));
        if (!timeFromJson(o.value(QStringLiteral("createdAt")), &p.createdAt)) {
            *why = tr("portfolio %1 has an invalid date").arg(p.id);
            return std::nullopt;
        }
        const QJsonArray tokens = o.value(QStringLiteral("tokens")).toArray();
        for (const auto &tokenValue : tokens) {
            auto token = tokenFromJson(tokenValue, why);
            if (!token)
                return std::nullopt;
            p.tokens.append(*token);
        }
        entries.append(entry);
    }
    return entries;
}

bool SandboxState::save() const
{
    if (m_file.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox) << "cannot write the sandbox state to" << m_file << ":"
                             << file.errorString();
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qCWarning(lcSandbox) << "cannot write the sandbox state to" << m_file << ":"
                             << file.errorString();
        return false;
    }
    return true;
}

void SandboxState::load()
{
    m_entries.clear();
    QFile file(m_file);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        // Unreadable is not corrupt: leave it where it is for its owner to look at.
        qCWarning(lcSandbox) << "cannot read the sandbox state" << m_file << ":"
                             << file.errorString() << "- starting empty";
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    file.close();
    if (error.error != QJsonParseError::NoError) {
        moveAside(error.errorString());
        return;
    }
    if (!document.isObject()) {
        moveAside(tr("not a JSON object"));
        return;
    }
    QString why;
    auto entries = fromJson(document.object(), &why);
    if (!entries) {
        moveAside(why);
        return;
    }
    m_entries = *entries;
    qCInfo(lcSandbox) << "loaded" << m_entries.size() << "portfolios from" << m_file;
}

void SandboxState::moveAside(const QString &why)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = m_file + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFile::exists(target); ++n)
        target = m_file + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (QFile::rename(m_file, target)) {
        qCWarning(lcSandbox).noquote()
            << QStringLiteral("the sandbox state %1 is not valid (%2); moved it to %3 and "
                              "starting empty")
                   .arg(m_file, why, target);
        return;
    }
    // Writing over it would destroy what someone may want to look at: keep it, stay in memory.
    qCWarning(lcSandbox).noquote()
        << QStringLiteral("the sandbox state %1 is not valid (%2) and could not be moved aside; "
                          "starting empty, in memory only")
               .arg(m_file, why);
    m_file.clear();
}

} // namespace agentfolio
