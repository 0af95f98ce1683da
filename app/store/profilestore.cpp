#include "store/profilestore.h"

#include "store/storelog.h"

#include <QHostAddress>
#include <QSettings>
#include <algorithm>

namespace agentfolio {

namespace {

const QString ProfilesGroup = QStringLiteral("profiles");
const QString ActiveKey = QStringLiteral("activeProfile");
const QString DisplayNameKey = QStringLiteral("displayName");
const QString BaseUrlKey = QStringLiteral("baseUrl");

void setWhy(QString *why, const QString &text)
{
    if (why)
        *why = text;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

Profile Profile::sandbox()
{
    return Profile { sandboxId(), tr("Sandbox"), QUrl(), true };
}

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

ProfileStore::ProfileStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{ }

ProfileStore::~ProfileStore() = default;

bool ProfileStore::isValidId(const QString &id)
{
    // ^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$, checked by hand: this runs before the window shows,
    // and the first use of a QRegularExpression brings in PCRE2's JIT compiler (a third of a
    // megabyte of memory). Like that pattern's $, one final newline is let through.
    QStringView rest(id);
    if (rest.endsWith(u'\n'))
        rest.chop(1);
    const auto alnum = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); };
    return id.size() <= MaxIdLength && !rest.isEmpty() && alnum(rest.front()) && alnum(rest.back())
        && std::all_of(rest.cbegin(), rest.cend(), [&](QChar c) { return alnum(c) || c == u'-'; });
}

QString ProfileStore::checkDisplayName(const QString &displayName)
{
    const QString trimmed = displayName.trimmed();
    if (trimmed.isEmpty())
        return tr("The profile name is empty.");
    if (trimmed.size() > MaxDisplayNameLength)
        return tr("The profile name is longer than %n character(s).", nullptr,
                  MaxDisplayNameLength);
    if (std::any_of(trimmed.cbegin(), trimmed.cend(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return tr("The profile name contains a control character.");
    return QString();
}

QString ProfileStore::checkBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return tr("The base URL must be a complete address, such as %1.")
            .arg(Profile::defaultBaseUrl().toString());
    if (!url.userInfo().isEmpty())
        return tr("The base URL must not contain a user name or password.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The base URL must not contain a query or a fragment.");
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("https"))
        return QString();
    // Keys travel in headers: plain http only where nothing leaves the machine.
    if (scheme == QStringLiteral("http") && isLoopbackHost(url.host()))
        return QString();
    if (scheme == QStringLiteral("http"))
        return tr("The base URL must use https; plain http is allowed only for this computer "
                  "(127.0.0.1).");
    return tr("The base URL must start with https://.");
}

QString ProfileStore::uniqueIdFor(const QString &displayName) const
{
    QString base;
    bool dash = false;
    const QString lowered = displayName.trimmed().toLower();
    for (const QChar c : lowered) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            if (dash && !base.isEmpty())
                base += QLatin1Char('-');
            base += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    base.truncate(MaxIdLength - 4); // room for "-999"
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("account");
    if (base == Profile::sandboxId())
        base = QStringLiteral("sandbox-account");
    QString candidate = base;
    for (int n = 2; contains(candidate); ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

std::optional<Profile> ProfileStore::readProfile(const QString &id) const
{
    if (!isValidId(id) || id == Profile::sandboxId())
        return std::nullopt;
    m_settings->beginGroup(ProfilesGroup);
    m_settings->beginGroup(id);
    std::optional<Profile> profile;
    if (m_settings->contains(DisplayNameKey)) {
        profile =
            Profile { id, m_settings->value(DisplayNameKey).toString(),
                      QUrl(m_settings->value(BaseUrlKey).toString(), QUrl::StrictMode), false };
    }
    m_settings->endGroup();
    m_settings->endGroup();
    return profile;
}

QList<Profile> ProfileStore::profiles() const
{
    m_settings->beginGroup(ProfilesGroup);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();

    QList<Profile> real;
    for (const QString &id : ids) {
        if (auto profile = readProfile(id))
            real.append(*profile);
        else
            qCWarning(lcStore) << "ignoring the malformed profile" << id << "in the settings";
    }
    std::sort(real.begin(), real.end(), [](const Profile &a, const Profile &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    QList<Profile> all { Profile::sandbox() };
    all += real;
    return all;
}

std::optional<Profile> ProfileStore::profile(const QString &id) const
{
    if (id == Profile::sandboxId())
        return Profile::sandbox();
    return readProfile(id);
}

bool ProfileStore::checkProfile(const Profile &profile, bool isNew, QString *why) const
{
    if (profile.isSandbox || profile.id == Profile::sandboxId()) {
        setWhy(why, tr("The sandbox profile is built in and cannot be changed."));
        return false;
    }
    if (!isValidId(profile.id)) {
        setWhy(why,
               tr("The profile id “%1” is not valid: use lowercase letters, digits and "
                  "dashes.")
                   .arg(profile.id));
        return false;
    }
    if (isNew == contains(profile.id)) {
        setWhy(why,
               isNew ? tr("A profile with the id “%1” already exists.").arg(profile.id)
                     : tr("There is no profile with the id “%1”.").arg(profile.id));
        return false;
    }
    if (const QString problem = checkDisplayName(profile.displayName); !problem.isEmpty()) {
        setWhy(why, problem);
        return false;
    }
    if (const QString problem = checkBaseUrl(profile.baseUrl); !problem.isEmpty()) {
        setWhy(why, problem);
        return false;
    }
    const QString name = profile.displayName.trimmed();
    const QList<Profile> existing = profiles();
    for (const Profile &other : existing) {
        if (other.id != profile.id && other.displayName.compare(name, Qt::CaseInsensitive) == 0) {
            setWhy(why, tr("A profile named “%1” already exists.").arg(other.displayName));
            return false;
        }
    }
    return true;
}

void ProfileStore::writeProfile(const Profile &profile)
{
    m_settings->beginGroup(ProfilesGroup);
    m_settings->beginGroup(profile.id);
    m_settings->setValue(DisplayNameKey, profile.displayName.trimmed());
    m_settings->setValue(BaseUrlKey, profile.baseUrl.toString());
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
}

std::optional<Profile> ProfileStore::add(const Profile &profile, QString *why)
{
    Profile stored = profile;
    stored.displayName = stored.displayName.trimmed();
    if (stored.id.isEmpty() && !stored.isSandbox)
        stored.id = uniqueIdFor(stored.displayName);
    if (!checkProfile(stored, true, why))
        return std::nullopt;
    writeProfile(stored);
    qCInfo(lcStore) << "added profile" << stored.id;
    Q_EMIT profilesChanged();
    return stored;
}

bool ProfileStore::update(const Profile &profile, QString *why)
{
    if (!checkProfile(profile, false, why))
        return false;
    writeProfile(profile);
    qCInfo(lcStore) << "updated profile" << profile.id;
    Q_EMIT profilesChanged();
    return true;
}

bool ProfileStore::remove(const QString &id, QString *why)
{
    if (id == Profile::sandboxId()) {
        setWhy(why, tr("The sandbox profile is built in and cannot be removed."));
        return false;
    }
    if (!contains(id)) {
        setWhy(why, tr("There is no profile with the id “%1”.").arg(id));
        return false;
    }
    const bool wasActive = activeProfileId() == id;
    m_settings->beginGroup(ProfilesGroup);
    m_settings->remove(id);
    m_settings->endGroup();
    if (wasActive)
        m_settings->remove(ActiveKey);
    m_settings->sync();
    qCInfo(lcStore) << "removed profile" << id;
    Q_EMIT profilesChanged();
    if (wasActive)
        Q_EMIT activeProfileChanged(Profile::sandboxId());
    return true;
}

QString ProfileStore::activeProfileId() const
{
    const QString id = m_settings->value(ActiveKey).toString();
    return contains(id) ? id : Profile::sandboxId();
}

Profile ProfileStore::activeProfile() const
{
    return profile(activeProfileId()).value_or(Profile::sandbox());
}

bool ProfileStore::setActiveProfileId(const QString &id)
{
    if (!contains(id))
        return false;
    if (activeProfileId() == id)
        return true;
    m_settings->setValue(ActiveKey, id);
    m_settings->sync();
    qCInfo(lcStore) << "active profile is now" << id;
    Q_EMIT activeProfileChanged(id);
    return true;
}

} // namespace agentfolio
