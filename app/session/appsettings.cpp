#include "session/appsettings.h"

#include "domain/scopes.h"

#include <QSettings>

namespace agentfolio {

namespace {
const QString ClipboardKey = QStringLiteral("preferences/clipboardClearSeconds");
const QString TimeoutKey = QStringLiteral("preferences/requestTimeoutSeconds");
const QString ScopesKey = QStringLiteral("preferences/defaultScopes");
const QString ConfirmKey = QStringLiteral("preferences/confirmDestructiveActions");
const QString UnsettledGroup = QStringLiteral("unsettledCreate");
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &settingsFile, QObject *parent)
    : QObject(parent)
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

std::optional<AppSettings::UnsettledCreate> AppSettings::unsettledCreate() const
{
    m_settings->beginGroup(UnsettledGroup);
    UnsettledCreate create;
    create.profileId = m_settings->value(QStringLiteral("profile")).toString();
    create.portfolioName = m_settings->value(QStringLiteral("portfolioName")).toString();
    create.requestId = QUuid::fromString(m_settings->value(QStringLiteral("requestId")).toString());
    create.investmentCents = m_settings->value(QStringLiteral("investmentCents")).toLongLong();
    create.description = m_settings->value(QStringLiteral("description")).toString();
    create.sentAt =
        QDateTime::fromString(m_settings->value(QStringLiteral("sentAt")).toString(), Qt::ISODate);
    create.serverAccepted = m_settings->value(QStringLiteral("serverAccepted")).toBool();
    create.httpStatus = m_settings->value(QStringLiteral("httpStatus")).toInt();
    const bool any = !m_settings->childKeys().isEmpty();
    m_settings->endGroup();
    if (!any)
        return std::nullopt;
    return create;
}

bool AppSettings::setUnsettledCreate(const UnsettledCreate &create)
{
    m_settings->beginGroup(UnsettledGroup);
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
    m_settings->endGroup();
    // On disk before the request leaves: it must survive the process.
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

void AppSettings::clearUnsettledCreate()
{
    m_settings->remove(UnsettledGroup);
    m_settings->sync();
}

} // namespace agentfolio
