#include "store/portfolioindex.h"

#include "store/storelog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <memory>

namespace agentfolio {

namespace {

const QString FormatName = QStringLiteral("agentfolio-index");

// Thrown only inside parsing, caught in readFile: any structural problem makes the whole
// file corrupt, so that it is set aside whole rather than silently trimmed. Its text is
// shown, in parentheses, in the index status the window shows: hence tr().
struct Malformed
{
    QString what;
};

QJsonValue dateToJson(const std::optional<QDateTime> &date)
{
    if (!date)
        return QJsonValue::Null;
    return date->toUTC().toString(Qt::ISODateWithMs);
}

QJsonArray intsToJson(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonObject tokenToJson(const IndexedToken &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), t.token.id);
    o.insert(QStringLiteral("name"), t.token.name);
    o.insert(QStringLiteral("clientId"), t.token.clientId);
    o.insert(QStringLiteral("scopeIds"), intsToJson(t.token.scopeIds));
    o.insert(QStringLiteral("ipsWhitelist"), QJsonArray::fromStringList(t.token.ipsWhitelist));
    o.insert(QStringLiteral("expiresAt"), dateToJson(t.token.expiresAt));
    o.insert(QStringLiteral("createdAt"), dateToJson(t.token.createdAt));
    o.insert(QStringLiteral("secretStored"), t.secretStored);
    o.insert(QStringLiteral("revoked"), t.revoked);
    o.insert(QStringLiteral("goneFromServer"), t.goneFromServer);
    // Only while a hand-off is under way: older readers ignore it, and settled tokens
    // look exactly as they did before the field existed.
    if (!t.handOffOwner.isEmpty())
        o.insert(QStringLiteral("handOffOwner"), t.handOffOwner);
    return o;
}

QJsonObject portfolioToJson(const IndexedPortfolio &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), p.id);
    o.insert(QStringLiteral("name"), p.name);
    o.insert(QStringLiteral("gcid"), double(p.gcid));
    o.insert(QStringLiteral("virtualBalanceCents"), double(p.virtualBalance.cents()));
    o.insert(QStringLiteral("mirrorId"), double(p.mirrorId));
    o.insert(QStringLiteral("investmentCents"),
             p.investment ? QJsonValue(double(p.investment->cents())) : QJsonValue::Null);
    o.insert(QStringLiteral("description"), p.description);
    o.insert(QStringLiteral("createdAt"), dateToJson(p.createdAt));
    o.insert(QStringLiteral("createdByRequestId"),
             p.createdByRequestId.isNull()
                 ? QJsonValue::Null
                 : QJsonValue(p.createdByRequestId.toString(QUuid::WithoutBraces)));
    o.insert(QStringLiteral("goneFromServer"), p.goneFromServer);
    QJsonArray tokens;
    for (const IndexedToken &t : p.tokens)
        tokens.append(tokenToJson(t));
    o.insert(QStringLiteral("tokens"), tokens);
    return o;
}

} // namespace

QByteArray PortfolioIndex::serialize(const Profiles &profiles)
{
    QJsonObject profilesObject;
    for (auto it = profiles.cbegin(); it != profiles.cend(); ++it) {
        QJsonArray portfolios;
        for (const IndexedPortfolio &p : it.value())
            portfolios.append(portfolioToJson(p));
        profilesObject.insert(it.key(),
                              QJsonObject { { QStringLiteral("portfolios"), portfolios } });
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), FormatName);
    root.insert(QStringLiteral("version"), PortfolioIndex::FormatVersion);
    root.insert(QStringLiteral("profiles"), profilesObject);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

namespace {

// Strict readers: absent members take their default, present ones must have the right type.
QString stringAt(const QJsonObject &o, const QString &name, bool required = false)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            throw Malformed { PortfolioIndex::tr("%1 is missing").arg(name) };
        return QString();
    }
    if (!v.isString())
        throw Malformed { PortfolioIndex::tr("%1 is not a string").arg(name) };
    if (required && v.toString().isEmpty())
        throw Malformed { PortfolioIndex::tr("%1 is empty").arg(name) };
    return v.toString();
}

bool boolAt(const QJsonObject &o, const QString &name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return false;
    if (!v.isBool())
        throw Malformed { PortfolioIndex::tr("%1 is not a boolean").arg(name) };
    return v.toBool();
}

std::optional<qint64> integerAt(const QJsonObject &o, const QString &name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    // Exact integers only, within the range a double holds exactly.
    if (!v.isDouble() || !std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9.0e15)
        throw Malformed { PortfolioIndex::tr("%1 is not an integer").arg(name) };
    return qint64(d);
}

std::optional<Money> moneyAt(const QJsonObject &o, const QString &name)
{
    const auto cents = integerAt(o, name);
    if (!cents)
        return std::nullopt;
    if (*cents < 0 || *cents > Money::MaxCents)
        throw Malformed { PortfolioIndex::tr("%1 is out of range").arg(name) };
    return Money::fromCents(*cents);
}

std::optional<QDateTime> dateAt(const QJsonObject &o, const QString &name)
{
    const QString text = stringAt(o, name);
    if (text.isEmpty())
        return std::nullopt;
    const QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!date.isValid())
        throw Malformed { PortfolioIndex::tr("%1 is not a date").arg(name) };
    return date.toUTC();
}

QJsonArray arrayAt(const QJsonObject &o, const QString &name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return QJsonArray();
    if (!v.isArray())
        throw Malformed { PortfolioIndex::tr("%1 is not a list").arg(name) };
    return v.toArray();
}

QJsonObject objectOf(const QJsonValue &v, const QString &what)
{
    if (!v.isObject())
        throw Malformed { PortfolioIndex::tr("%1 is not an object").arg(what) };
    return v.toObject();
}

IndexedToken tokenFromJson(const QJsonObject &o)
{
    IndexedToken t;
    t.token.id = stringAt(o, QStringLiteral("id"), true);
    t.token.name = stringAt(o, QStringLiteral("name"));
    t.token.clientId = stringAt(o, QStringLiteral("clientId"));
    const QJsonArray scopes = arrayAt(o, QStringLiteral("scopeIds"));
    for (const QJsonValue &scope : scopes) {
        if (!scope.isDouble() || scope.toDouble() != double(scope.toInt()))
            throw Malformed { PortfolioIndex::tr("scopeIds has a non-integer") };
        t.token.scopeIds.append(scope.toInt());
    }
    const QJsonArray ips = arrayAt(o, QStringLiteral("ipsWhitelist"));
    for (const QJsonValue &ip : ips) {
        if (!ip.isString())
            throw Malformed { PortfolioIndex::tr("ipsWhitelist has a non-string") };
        t.token.ipsWhitelist.append(ip.toString());
    }
    t.token.expiresAt = dateAt(o, QStringLiteral("expiresAt"));
    t.token.createdAt = dateAt(o, QStringLiteral("createdAt"));
    t.secretStored = boolAt(o, QStringLiteral("secretStored"));
    t.revoked = boolAt(o, QStringLiteral("revoked"));
    t.goneFromServer = boolAt(o, QStringLiteral("goneFromServer"));
    t.handOffOwner = stringAt(o, QStringLiteral("handOffOwner"));
    return t;
}

IndexedPortfolio portfolioFromJson(const QJsonObject &o)
{
    IndexedPortfolio p;
    p.id = stringAt(o, QStringLiteral("id"), true);
    p.name = stringAt(o, QStringLiteral("name"));
    p.gcid = integerAt(o, QStringLiteral("gcid")).value_or(0);
    p.virtualBalance = moneyAt(o, QStringLiteral("virtualBalanceCents")).value_or(Money());
    p.mirrorId = integerAt(o, QStringLiteral("mirrorId")).value_or(0);
    p.investment = moneyAt(o, QStringLiteral("investmentCents"));
    p.description = stringAt(o, QStringLiteral("description"));
    p.createdAt = dateAt(o, QStringLiteral("createdAt"));
    const QString requestId = stringAt(o, QStringLiteral("createdByRequestId"));
    if (!requestId.isEmpty()) {
        p.createdByRequestId = QUuid::fromString(requestId);
        if (p.createdByRequestId.isNull())
            throw Malformed { PortfolioIndex::tr("createdByRequestId is not a uuid") };
    }
    p.goneFromServer = boolAt(o, QStringLiteral("goneFromServer"));
    const QJsonArray tokens = arrayAt(o, QStringLiteral("tokens"));
    for (const QJsonValue &t : tokens)
        p.tokens.append(tokenFromJson(objectOf(t, PortfolioIndex::tr("a token"))));
    return p;
}

// The profiles of a parsed document whose version we understand.
QMap<QString, QList<IndexedPortfolio>> profilesFromJson(const QJsonObject &root)
{
    QMap<QString, QList<IndexedPortfolio>> profiles;
    const QJsonValue profilesValue = root.value(QStringLiteral("profiles"));
    if (profilesValue.isUndefined())
        return profiles;
    const QJsonObject profilesObject = objectOf(profilesValue, QStringLiteral("profiles"));
    for (auto it = profilesObject.constBegin(); it != profilesObject.constEnd(); ++it) {
        const QJsonObject profile = objectOf(it.value(), QStringLiteral("a profile"));
        QList<IndexedPortfolio> portfolios;
        const QJsonArray array = arrayAt(profile, QStringLiteral("portfolios"));
        for (const QJsonValue &p : array)
            portfolios.append(portfolioFromJson(objectOf(p, PortfolioIndex::tr("a portfolio"))));
        profiles.insert(it.key(), portfolios);
    }
    return profiles;
}

IndexedPortfolio *findPortfolio(QList<IndexedPortfolio> &portfolios, const QString &id)
{
    const auto it = std::find_if(portfolios.begin(), portfolios.end(),
                                 [&](const IndexedPortfolio &p) { return p.id == id; });
    return it == portfolios.end() ? nullptr : &*it;
}

IndexedToken *findToken(IndexedPortfolio &portfolio, const QString &id)
{
    const auto it = std::find_if(portfolio.tokens.begin(), portfolio.tokens.end(),
                                 [&](const IndexedToken &t) { return t.token.id == id; });
    return it == portfolio.tokens.end() ? nullptr : &*it;
}

void upsertTokenInto(IndexedPortfolio &portfolio, const IndexedToken &token)
{
    if (IndexedToken *existing = findToken(portfolio, token.token.id))
        *existing = token;
    else
        portfolio.tokens.append(token);
}

// The server's facts about a token, keeping what only we know.
void takeServerFacts(UserToken &local, const UserToken &server)
{
    local.name = server.name;
    local.clientId = server.clientId;
    local.scopeIds = server.scopeIds;
    local.ipsWhitelist = server.ipsWhitelist;
    local.expiresAt = server.expiresAt;
    if (server.createdAt)
        local.createdAt = server.createdAt;
}

IndexMergeSummary mergeInto(QList<IndexedPortfolio> &local, const QList<Portfolio> &server)
{
    IndexMergeSummary summary;
    for (const Portfolio &s : server) {
        IndexedPortfolio *p = findPortfolio(local, s.id);
        if (!p) {
            local.append(IndexedPortfolio::fromPortfolio(s));
            ++summary.portfoliosAdded;
            summary.tokensAdded += int(s.tokens.size());
            continue;
        }
        p->name = s.name;
        p->gcid = s.gcid;
        p->virtualBalance = s.virtualBalance;
        p->mirrorId = s.mirrorId;
        if (s.createdAt)
            p->createdAt = s.createdAt;
        p->goneFromServer = false;
        for (const UserToken &st : s.tokens) {
            if (IndexedToken *t = findToken(*p, st.id)) {
                takeServerFacts(t->token, st);
                t->goneFromServer = false;
            } else {
                p->tokens.append(IndexedToken { st, false, false, false, {} });
                ++summary.tokensAdded;
            }
        }
        for (IndexedToken &t : p->tokens) {
            const bool listed =
                std::any_of(s.tokens.cbegin(), s.tokens.cend(),
                            [&](const UserToken &st) { return st.id == t.token.id; });
            if (!listed && !t.goneFromServer) {
                t.goneFromServer = true;
                ++summary.tokensGone;
            }
        }
    }
    for (IndexedPortfolio &p : local) {
        const bool listed = std::any_of(server.cbegin(), server.cend(),
                                        [&](const Portfolio &s) { return s.id == p.id; });
        if (!listed && !p.goneFromServer) {
            p.goneFromServer = true;
            ++summary.portfoliosGone;
        }
    }
    return summary;
}

} // namespace

IndexedPortfolio IndexedPortfolio::fromPortfolio(const Portfolio &portfolio)
{
    IndexedPortfolio p;
    p.id = portfolio.id;
    p.name = portfolio.name;
    p.gcid = portfolio.gcid;
    p.virtualBalance = portfolio.virtualBalance;
    p.mirrorId = portfolio.mirrorId;
    p.createdAt = portfolio.createdAt;
    for (const UserToken &t : portfolio.tokens)
        p.tokens.append(IndexedToken { t, false, false, false, {} });
    return p;
}

const IndexedToken *IndexedPortfolio::token(const QString &tokenId) const
{
    const auto it = std::find_if(tokens.cbegin(), tokens.cend(),
                                 [&](const IndexedToken &t) { return t.token.id == tokenId; });
    return it == tokens.cend() ? nullptr : &*it;
}

QString IndexStatus::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Ok:
        return QStringLiteral("Ok");
    case Kind::CorruptMovedAside:
        return QStringLiteral("CorruptMovedAside");
    case Kind::NewerVersion:
        return QStringLiteral("NewerVersion");
    case Kind::ReadFailed:
        return QStringLiteral("ReadFailed");
    case Kind::WriteFailed:
        return QStringLiteral("WriteFailed");
    }
    return QString();
}

QString PortfolioIndex::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/index.json");
}

PortfolioIndex::PortfolioIndex(QObject *parent)
    : PortfolioIndex(defaultPath(), parent)
{ }

PortfolioIndex::PortfolioIndex(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
{
    // Watching the directory as well as the file: QSaveFile replaces the file by renaming,
    // after which a watch on the old file says nothing more.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &PortfolioIndex::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
}

PortfolioIndex::~PortfolioIndex() = default;

void PortfolioIndex::watch()
{
    const QFileInfo info(m_path);
    if (info.absoluteDir().exists() && !m_watcher->directories().contains(info.absolutePath()))
        m_watcher->addPath(info.absolutePath());
    if (info.exists() && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

void PortfolioIndex::setStatus(IndexStatus::Kind kind, const QString &message,
                               const QString &movedAsidePath)
{
    IndexStatus status;
    status.kind = kind;
    status.message = message;
    status.movedAsidePath = movedAsidePath;
    const bool same = status.kind == m_status.kind && status.message == m_status.message
        && status.movedAsidePath == m_status.movedAsidePath;
    m_status = status;
    if (!same)
        Q_EMIT statusChanged(m_status);
}

PortfolioIndex::ReadOutcome PortfolioIndex::readFile(Profiles *profiles, QByteArray *bytes,
                                                     QString *detail) const
{
    QFile file(m_path);
    if (!file.exists())
        return ReadOutcome::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        *detail = file.errorString();
        return ReadOutcome::IoError;
    }
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *detail = file.errorString();
        return ReadOutcome::IoError;
    }
    return parse(*bytes, profiles, detail);
}

PortfolioIndex::ReadOutcome PortfolioIndex::parse(const QByteArray &bytes, Profiles *profiles,
                                                  QString *detail)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *detail = parseError.errorString();
        return ReadOutcome::Corrupt;
    }
    if (!document.isObject()) {
        *detail = tr("not a JSON object");
        return ReadOutcome::Corrupt;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != FormatName) {
        *detail = tr("not an Agentfolio index");
        return ReadOutcome::Corrupt;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt())
        || version.toInt() < 1) {
        *detail = tr("no valid version");
        return ReadOutcome::Corrupt;
    }
    try {
        if (version.toInt() > FormatVersion) {
            // Shown if it still reads as ours; never written back.
            *detail = QString::number(version.toInt());
            try {
                *profiles = profilesFromJson(root);
            } catch (const Malformed &) {
                profiles->clear();
            }
            return ReadOutcome::Newer;
        }
        *profiles = profilesFromJson(root);
    } catch (const Malformed &malformed) {
        *detail = malformed.what;
        return ReadOutcome::Corrupt;
    }
    return ReadOutcome::Ok;
}

bool PortfolioIndex::moveAside()
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target =
            m_path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(m_path, target)) {
        qCWarning(lcStore) << "could not move the corrupt index" << m_path << "aside";
        setStatus(IndexStatus::Kind::ReadFailed,
                  tr("The portfolio index %1 cannot be read, and could not be moved aside. It is "
                     "left untouched, and changes are kept in memory only until it is fixed.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return false;
    }
    qCWarning(lcStore) << "moved the corrupt index" << m_path << "aside to" << target;
    setStatus(IndexStatus::Kind::CorruptMovedAside,
              tr("The portfolio index %1 could not be read. It was kept as %2 and a new index was "
                 "started; refreshing the portfolio list from the server fills it again.")
                  .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(target)),
              target);
    return true;
}

bool PortfolioIndex::accept(ReadOutcome outcome, const QString &detail, bool lockHeld)
{
    switch (outcome) {
    case ReadOutcome::Missing:
    case ReadOutcome::Ok:
        m_readOnly = false;
        return true;
    case ReadOutcome::Newer:
        qCWarning(lcStore) << "the index" << m_path << "has format version" << detail
                           << "newer than" << FormatVersion << "- read-only";
        m_readOnly = true;
        setStatus(IndexStatus::Kind::NewerVersion,
                  tr("The portfolio index %1 was written by a newer version of Agentfolio. It is "
                     "shown as it is and will not be changed; new portfolios and tokens are kept "
                     "in memory only. Update Agentfolio to record them.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return false;
    case ReadOutcome::IoError:
        qCWarning(lcStore) << "cannot read the index" << m_path << ":" << detail;
        m_readOnly = true;
        setStatus(IndexStatus::Kind::ReadFailed,
                  tr("The portfolio index %1 cannot be read (%2). It is left untouched, and "
                     "changes are kept in memory only.")
                      .arg(QDir::toNativeSeparators(m_path), detail));
        return false;
    case ReadOutcome::Corrupt:
        qCWarning(lcStore) << "the index" << m_path << "is corrupt:" << detail;
        if (!lockHeld) {
            // Another instance may be about to repair or replace it; the next change
            // (which holds the lock) sets it aside if it is still unreadable.
            setStatus(IndexStatus::Kind::ReadFailed,
                      tr("The portfolio index %1 cannot be read right now (%2).")
                          .arg(QDir::toNativeSeparators(m_path), detail));
            return false;
        }
        if (!moveAside()) {
            m_readOnly = true;
            return false;
        }
        m_readOnly = false;
        return true;
    }
    return false;
}

bool PortfolioIndex::load()
{
    QLockFile lock(m_path + QStringLiteral(".lock"));
    const bool locked =
        QDir().mkpath(QFileInfo(m_path).absolutePath()) && lock.tryLock(int(m_lockTimeout.count()));
    Profiles profiles;
    QByteArray bytes;
    QString detail;
    const ReadOutcome outcome = readFile(&profiles, &bytes, &detail);
    const bool usable = accept(outcome, detail, locked);
    if (outcome == ReadOutcome::Ok || outcome == ReadOutcome::Newer) {
        m_profiles = profiles;
        m_lastBytes = bytes;
    } else if (usable) {
        m_profiles.clear(); // missing, or corrupt and set aside
        m_lastBytes.clear();
    }
    if (outcome == ReadOutcome::Ok || outcome == ReadOutcome::Missing) {
        if (!m_status.isOk() && m_status.kind != IndexStatus::Kind::WriteFailed)
            setStatus(IndexStatus::Kind::Ok, QString());
    }
    for (const Change &change : std::as_const(m_unsaved))
        change(m_profiles);
    watch();
    qCInfo(lcStore) << "index" << m_path << "loaded:" << IndexStatus::kindName(m_status.kind);
    Q_EMIT changed();
    return m_status.isOk();
}

void PortfolioIndex::reload()
{
    watch();
    QFile file(m_path);
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    else if (file.exists())
        return; // unreadable for a moment; the next change will tell
    if (bytes == m_lastBytes)
        return;
    Profiles profiles;
    QString detail;
    const ReadOutcome outcome = readFile(&profiles, &bytes, &detail);
    switch (outcome) {
    case ReadOutcome::Missing:
        profiles.clear();
        bytes.clear();
        break;
    case ReadOutcome::Ok:
        break;
    case ReadOutcome::Newer:
        accept(outcome, detail, false);
        break;
    case ReadOutcome::Corrupt:
    case ReadOutcome::IoError:
        // Leave the shown data alone; the next change re-reads under the lock.
        qCWarning(lcStore) << "the index changed on disk but cannot be read now:" << detail;
        return;
    }
    qCDebug(lcStore) << "index" << m_path << "changed on disk; reloaded";
    m_profiles = profiles;
    m_lastBytes = bytes;
    for (const Change &change : std::as_const(m_unsaved))
        change(m_profiles);
    Q_EMIT changed();
}

bool PortfolioIndex::writeFile(const Profiles &profiles)
{
    const QByteArray bytes = serialize(profiles);
    QSaveFile file(m_path);
    QString error;
    if (!file.open(QIODevice::WriteOnly)) {
        error = file.errorString();
    } else if (file.write(bytes) != bytes.size()) {
        error = file.errorString();
        file.cancelWriting();
    } else if (!file.commit()) {
        error = file.errorString();
    }
    if (!error.isEmpty()) {
        qCWarning(lcStore) << "could not save the index" << m_path << ":" << error;
        setStatus(IndexStatus::Kind::WriteFailed,
                  tr("The portfolio index %1 could not be saved (%2). The previous version is "
                     "intact; the change is kept in memory and will be saved with the next one.")
                      .arg(QDir::toNativeSeparators(m_path), error));
        return false;
    }
    m_lastBytes = bytes;
    return true;
}

bool PortfolioIndex::modify(Change change)
{
    m_unsaved.append(change);
    const auto keepInMemory = [&] {
        change(m_profiles);
        Q_EMIT changed();
        return false;
    };
    if (m_readOnly)
        return keepInMemory();

    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        setStatus(IndexStatus::Kind::WriteFailed,
                  tr("The folder of the portfolio index %1 cannot be created. Changes are kept "
                     "in memory only.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return keepInMemory();
    }
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(int(m_lockTimeout.count()))) {
        qCWarning(lcStore) << "the index lock" << lock.error() << "is held; change kept in memory";
        setStatus(IndexStatus::Kind::WriteFailed,
                  tr("The portfolio index %1 is in use by another Agentfolio window. The change "
                     "is kept in memory and will be saved with the next one.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return keepInMemory();
    }

    // Under the lock: what is on disk now, plus every change not yet saved.
    Profiles fresh;
    QByteArray bytes;
    QString detail;
    const ReadOutcome outcome = readFile(&fresh, &bytes, &detail);
    if (!accept(outcome, detail, true)) {
        if (outcome == ReadOutcome::Newer) {
            m_profiles = fresh;
            m_lastBytes = bytes;
            for (const Change &c : std::as_const(m_unsaved))
                c(m_profiles);
            Q_EMIT changed();
            return false;
        }
        return keepInMemory();
    }
    if (outcome == ReadOutcome::Ok) {
        for (const Change &c : std::as_const(m_unsaved))
            c(fresh);
    } else {
        // Nothing usable on disk (absent, or corrupt and just set aside): start from what we
        // last knew, which already has the earlier unsaved changes, rather than from nothing.
        fresh = m_profiles;
        change(fresh);
    }
    m_profiles = fresh;
    const bool saved = writeFile(m_profiles);
    if (saved) {
        m_unsaved.clear();
        // A corrupt file set aside stays the news until something else happens.
        if (m_status.kind == IndexStatus::Kind::WriteFailed
            || m_status.kind == IndexStatus::Kind::ReadFailed)
            setStatus(IndexStatus::Kind::Ok, QString());
    }
    watch();
    Q_EMIT changed();
    return saved;
}

QList<IndexedPortfolio> PortfolioIndex::portfolios(const QString &profileId) const
{
    return m_profiles.value(profileId);
}

std::optional<IndexedPortfolio> PortfolioIndex::portfolio(const QString &profileId,
                                                          const QString &portfolioId) const
{
    const auto list = m_profiles.value(profileId);
    for (const IndexedPortfolio &p : list) {
        if (p.id == portfolioId)
            return p;
    }
    return std::nullopt;
}

std::optional<IndexedToken> PortfolioIndex::token(const QString &profileId,
                                                  const QString &portfolioId,
                                                  const QString &tokenId) const
{
    const auto p = portfolio(profileId, portfolioId);
    if (!p)
        return std::nullopt;
    const IndexedToken *t = p->token(tokenId);
    return t ? std::optional<IndexedToken>(*t) : std::nullopt;
}

bool PortfolioIndex::upsertPortfolio(const QString &profileId, const IndexedPortfolio &portfolio)
{
    qCDebug(lcStore) << "index: recording portfolio" << portfolio.id << "for profile" << profileId;
    return modify([profileId, portfolio](Profiles &profiles) {
        QList<IndexedPortfolio> &list = profiles[profileId];
        IndexedPortfolio *p = findPortfolio(list, portfolio.id);
        if (!p) {
            list.append(portfolio);
            return;
        }
        const QList<IndexedToken> known = p->tokens;
        const auto investment = p->investment;
        const auto createdAt = p->createdAt;
        const QString description = p->description;
        const QUuid requestId = p->createdByRequestId;
        *p = portfolio;
        p->tokens = known;
        if (!p->investment)
            p->investment = investment;
        if (!p->createdAt)
            p->createdAt = createdAt;
        if (p->description.isEmpty())
            p->description = description;
        if (p->createdByRequestId.isNull())
            p->createdByRequestId = requestId;
        for (const IndexedToken &t : portfolio.tokens)
            upsertTokenInto(*p, t);
    });
}

bool PortfolioIndex::upsertToken(const QString &profileId, const QString &portfolioId,
                                 const IndexedToken &token)
{
    qCDebug(lcStore) << "index: recording token" << token.token.id << "of portfolio" << portfolioId
                     << "for profile" << profileId;
    return modify([profileId, portfolioId, token](Profiles &profiles) {
        QList<IndexedPortfolio> &list = profiles[profileId];
        IndexedPortfolio *p = findPortfolio(list, portfolioId);
        if (!p) {
            IndexedPortfolio placeholder;
            placeholder.id = portfolioId;
            list.append(placeholder);
            p = &list.last();
        }
        upsertTokenInto(*p, token);
    });
}

bool PortfolioIndex::setSecretStored(const QString &profileId, const QString &portfolioId,
                                     const QString &tokenId, bool stored)
{
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId)) {
            if (IndexedToken *t = findToken(*p, tokenId))
                t->secretStored = stored;
        }
    });
}

bool PortfolioIndex::settleHandOff(const QString &profileId, const QString &portfolioId,
                                   const QString &tokenId, bool secretStored)
{
    qCDebug(lcStore) << "index: hand-off of token" << tokenId
                     << "settled, secret stored:" << secretStored;
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId)) {
            if (IndexedToken *t = findToken(*p, tokenId)) {
                t->secretStored = secretStored;
                t->handOffOwner.clear();
            }
        }
    });
}

bool PortfolioIndex::setRevoked(const QString &profileId, const QString &portfolioId,
                                const QString &tokenId)
{
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId)) {
            if (IndexedToken *t = findToken(*p, tokenId))
                t->revoked = true;
        }
    });
}

bool PortfolioIndex::removePortfolio(const QString &profileId, const QString &portfolioId)
{
    qCInfo(lcStore) << "index: removing portfolio" << portfolioId << "of profile" << profileId;
    return modify([=](Profiles &profiles) {
        QList<IndexedPortfolio> &list = profiles[profileId];
        list.removeIf([&](const IndexedPortfolio &p) { return p.id == portfolioId; });
    });
}

bool PortfolioIndex::removeToken(const QString &profileId, const QString &portfolioId,
                                 const QString &tokenId)
{
    qCInfo(lcStore) << "index: removing token" << tokenId << "of portfolio" << portfolioId;
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId))
            p->tokens.removeIf([&](const IndexedToken &t) { return t.token.id == tokenId; });
    });
}

bool PortfolioIndex::mergeServerList(const QString &profileId, const QList<Portfolio> &server,
                                     IndexMergeSummary *summary)
{
    // The summary describes the merge as it applied to the freshest data; replays of this
    // change (after a failed save) do not overwrite it.
    auto result = std::make_shared<std::optional<IndexMergeSummary>>();
    const bool saved = modify([profileId, server, result](Profiles &profiles) {
        const IndexMergeSummary s = mergeInto(profiles[profileId], server);
        if (!*result)
            *result = s;
    });
    if (summary && *result)
        *summary = **result;
    if (*result)
        qCInfo(lcStore) << "index: merged the server list for profile" << profileId << ":"
                        << (*result)->portfoliosAdded << "portfolios added,"
                        << (*result)->portfoliosGone << "gone," << (*result)->tokensAdded
                        << "tokens added," << (*result)->tokensGone << "gone";
    return saved;
}

bool PortfolioIndex::flush()
{
    if (m_unsaved.isEmpty())
        return true;
    return modify([](Profiles &) {});
}

} // namespace agentfolio
