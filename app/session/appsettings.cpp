#include "session/appsettings.h"

#include "domain/scopes.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

namespace agentfolio {

namespace {
const QString ClipboardKey = QStringLiteral("preferences/clipboardClearSeconds");
const QString TimeoutKey = QStringLiteral("preferences/requestTimeoutSeconds");
const QString ScopesKey = QStringLiteral("preferences/defaultScopes");
const QString ConfirmKey = QStringLiteral("preferences/confirmDestructiveActions");
const QString GeometryKey = QStringLiteral("window/mainGeometry");
// One group per create, named after its request id: each running Agentfolio notes and
// settles its own creates without touching another's.
const QString UnsettledGroup = QStringLiteral("unsettledCreates");
// Before that, one create at a time was noted here: still read, so that an update does not
// forget a create the previous version left unsettled.
const QString LegacyUnsettledGroup = QStringLiteral("unsettledCreate");

QString groupOf(const QUuid &requestId)
{
    return UnsettledGroup + QLatin1Char('/') + requestId.toString(QUuid::WithoutBraces);
}

// The note in the current group of `settings` (nullopt when the group is empty).
std::optional<AppSettings::UnsettledCreate> readUnsettled(const QSettings &settings)
{
    if (settings.childKeys().isEmpty())
        return std::nullopt;
    AppSettings::UnsettledCreate create;
    create.profileId = settings.value(QStringLiteral("profile")).toString();
    create.portfolioName = settings.value(QStringLiteral("portfolioName")).toString();
    create.requestId = QUuid::fromString(settings.value(QStringLiteral("requestId")).toString());
    create.investmentCents = settings.value(QStringLiteral("investmentCents")).toLongLong();
    create.description = settings.value(QStringLiteral("description")).toString();
    create.sentAt =
        QDateTime::fromString(settings.value(QStringLiteral("sentAt")).toString(), Qt::ISODate);
    create.serverAccepted = settings.value(QStringLiteral("serverAccepted")).toBool();
    create.httpStatus = settings.value(QStringLiteral("httpStatus")).toInt();
    create.owner = settings.value(QStringLiteral("owner")).toString();
    return create;
}
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settingsFile(settingsFile)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{ }

AppSettings::~AppSettings() = default;

std::chrono::seconds AppSettings::clipboardClearDelay() const
{
    bool ok = false;
    const int seconds = m_settings->value(ClipboardKey, DefaultClipboardClearSeconds).toInt(&ok);
    // A hand-edited file with nonsense falls back to the safe default.
    if (!ok || seconds < 0 || seconds > MaxClipboardClearSeconds)
        return std::chrono::seconds(DefaultClipboardClearSeconds);
    return std::chrono::seconds(seconds);
}

void AppSettings::setClipboardClearDelay(std::chrono::seconds delay)
{
    const auto bounded = std::clamp<qint64>(delay.count(), 0, MaxClipboardClearSeconds);
    m_settings->setValue(ClipboardKey, int(bounded));
    emit changed();
}

std::chrono::seconds AppSettings::requestTimeout() const
{
    bool ok = false;
    const int seconds = m_settings->value(TimeoutKey, DefaultRequestTimeoutSeconds).toInt(&ok);
    if (!ok || seconds < MinRequestTimeoutSeconds || seconds > MaxRequestTimeoutSeconds)
        return std::chrono::seconds(DefaultRequestTimeoutSeconds);
    return std::chrono::seconds(seconds);
}

void AppSettings::setRequestTimeout(std::chrono::seconds timeout)
{
    const auto bounded =
        std::clamp<qint64>(timeout.count(), MinRequestTimeoutSeconds, MaxRequestTimeoutSeconds);
    m_settings->setValue(TimeoutKey, int(bounded));
    emit changed();
}

QList<int> AppSettings::defaultScopes() const
{
    const QVariantList stored = m_settings->value(ScopesKey).toList();
    QList<int> scopes;
    for (const QVariant &value : stored) {
        bool ok = false;
        const int id = value.toInt(&ok);
        if (ok && Scopes::isKnown(id) && !scopes.contains(id))
            scopes.append(id);
    }
    return scopes.isEmpty() ? Scopes::defaults() : scopes;
}

void AppSettings::setDefaultScopes(const QList<int> &scopes)
{
    QVariantList stored;
    for (int id : scopes) {
        if (Scopes::isKnown(id))
            stored.append(id);
    }
    m_settings->setValue(ScopesKey, stored);
    emit changed();
}

bool AppSettings::confirmDestructiveActions() const
{
    return m_settings->value(ConfirmKey, true).toBool();
}

void AppSettings::setConfirmDestructiveActions(bool confirm)
{
    m_settings->setValue(ConfirmKey, confirm);
    emit changed();
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings->value(GeometryKey).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(GeometryKey, geometry);
}

QList<AppSettings::UnsettledCreate> AppSettings::unsettledCreates() const
{
    // What another Agentfolio wrote since this one read the file: QSettings reads it again
    // only on sync().
    m_settings->sync();
    QList<UnsettledCreate> creates;
    m_settings->beginGroup(UnsettledGroup);
    const QStringList groups = m_settings->childGroups();
    for (const QString &group : groups) {
        const QUuid requestId = QUuid::fromString(group);
        // Not a name Agentfolio gives a note. The null id is one: a hand-edited note of the
        // previous version without an id was rewritten under it.
        if (requestId.isNull() && group != QUuid().toString(QUuid::WithoutBraces))
            continue;
        m_settings->beginGroup(group);
        if (auto create = readUnsettled(*m_settings)) {
            // The group's name is the request id it was written under: the one to clear.
            create->requestId = requestId;
            creates.append(*create);
        }
        m_settings->endGroup();
    }
    m_settings->endGroup();
    m_settings->beginGroup(LegacyUnsettledGroup);
    if (auto legacy = readUnsettled(*m_settings)) {
        legacy->owner.clear(); // it had none
        creates.append(*legacy);
    }
    m_settings->endGroup();
    // Oldest first; a note without a time (hand-edited) last.
    std::stable_sort(creates.begin(), creates.end(),
                     [](const UnsettledCreate &a, const UnsettledCreate &b) {
                         if (a.sentAt.isValid() != b.sentAt.isValid())
                             return a.sentAt.isValid();
                         return a.sentAt < b.sentAt;
                     });
    return creates;
}

bool AppSettings::setUnsettledCreate(const UnsettledCreate &create, QString *why)
{
    // QSettings keeps the first error it met for good, even once the file is fixed.
    if (m_settings->status() != QSettings::NoError)
        reopen();
    const bool rewrite = hasUnsettledCreate(create.requestId);
    const QSettings::Status status = writeUnsettledCreate(create);
    if (status == QSettings::NoError)
        return true;
    if (!rewrite) {
        // The caller sends nothing: the note must not reach the file with a later write
        // either, or the next start would lock on a create that never left.
        m_settings->remove(groupOf(create.requestId));
        // At once: an error may come with the write done all the same (a FormatError for a
        // hand-edited line), and the note must not stay there until a later write.
        m_settings->sync();
    }
    // A rewrite stays as it is: the next write that succeeds (anyone's in this process)
    // takes it to the file, and until then the note as it was is there. Removed, it would
    // take the note already on disk with it.
    if (why) {
        const QString file = QDir::toNativeSeparators(m_settings->fileName());
        *why = status == QSettings::FormatError
            ? tr("%1 is not a settings file Agentfolio can read").arg(file)
            : tr("%1 cannot be written").arg(file);
    }
    return false;
}

bool AppSettings::hasUnsettledCreate(const QUuid &requestId) const
{
    m_settings->beginGroup(UnsettledGroup);
    const bool current =
        m_settings->childGroups().contains(requestId.toString(QUuid::WithoutBraces));
    m_settings->endGroup();
    return current || isLegacyUnsettledCreate(requestId);
}

bool AppSettings::isLegacyUnsettledCreate(const QUuid &requestId) const
{
    m_settings->beginGroup(LegacyUnsettledGroup);
    const auto legacy = readUnsettled(*m_settings);
    m_settings->endGroup();
    return legacy && legacy->requestId == requestId;
}

QSettings::Status AppSettings::writeUnsettledCreate(const UnsettledCreate &create)
{
    dropLegacyUnsettledCreate(create.requestId); // rewritten below, in the current form
    m_settings->beginGroup(groupOf(create.requestId));
    m_settings->remove(QString()); // the whole group: no field of an older one survives
    m_settings->setValue(QStringLiteral("profile"), create.profileId);
    m_settings->setValue(QStringLiteral("portfolioName"), create.portfolioName);
    m_settings->setValue(QStringLiteral("requestId"),
                         create.requestId.toString(QUuid::WithoutBraces));
    m_settings->setValue(QStringLiteral("investmentCents"), create.investmentCents);
    m_settings->setValue(QStringLiteral("description"), create.description);
    m_settings->setValue(QStringLiteral("sentAt"), create.sentAt.toString(Qt::ISODateWithMs));
    m_settings->setValue(QStringLiteral("serverAccepted"), create.serverAccepted);
    m_settings->setValue(QStringLiteral("httpStatus"), create.httpStatus);
    m_settings->setValue(QStringLiteral("owner"), create.owner);
    m_settings->endGroup();
    // On disk before the request leaves: it must survive the process. QSettings merges what
    // changed into the file as it is on disk, so another Agentfolio's notes stay.
    m_settings->sync();
    return m_settings->status();
}

void AppSettings::reopen()
{
    // Opened as at construction: QSettings caches a file's contents per process, so nothing
    // written or pending is lost.
    m_settings.reset();
    m_settings = m_settingsFile.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

void AppSettings::clearUnsettledCreate(const QUuid &requestId)
{
    dropLegacyUnsettledCreate(requestId);
    m_settings->remove(groupOf(requestId));
    m_settings->sync();
}

void AppSettings::dropLegacyUnsettledCreate(const QUuid &requestId)
{
    if (isLegacyUnsettledCreate(requestId))
        m_settings->remove(LegacyUnsettledGroup);
}

} // namespace agentfolio
