#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QUuid>
#include <chrono>
#include <memory>
#include <optional>

namespace agentfolio {

// The user's non-secret preferences, in QSettings. Nothing secret is ever stored here:
// keys and tokens live in the keychain only.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultClipboardClearSeconds = 30;
    static constexpr int DefaultRequestTimeoutSeconds = 30;
    static constexpr int MinRequestTimeoutSeconds = 5;
    static constexpr int MaxRequestTimeoutSeconds = 300;
    static constexpr int MaxClipboardClearSeconds = 3600;

    explicit AppSettings(QObject *parent = nullptr);
    explicit AppSettings(const QString &settingsFile, QObject *parent = nullptr);
    ~AppSettings() override;

    // 0 = never clear the clipboard.
    std::chrono::seconds clipboardClearDelay() const;
    void setClipboardClearDelay(std::chrono::seconds delay);

    std::chrono::seconds requestTimeout() const;
    void setRequestTimeout(std::chrono::seconds timeout);

    // The scopes the create form starts with.
    QList<int> defaultScopes() const;
    void setDefaultScopes(const QList<int> &scopes);

    // Ask before revoking or forgetting a token. Deleting a portfolio always asks.
    bool confirmDestructiveActions() const;
    void setConfirmDestructiveActions(bool confirm);

    // Where and how large the main window was when it last closed (QWidget::saveGeometry()),
    // empty before that. Not a preference: setting it emits nothing.
    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    // A create that was sent and whose outcome nobody knows yet: written (and synced to disk)
    // before the request leaves, cleared once an answer or a check settles it. If Agentfolio
    // stops in between, the next start knows that the portfolio may exist and money may have
    // moved, and keeps creates locked until it is checked. Nothing secret is in it.
    // Each create has a note of its own, under its request id, marked with the running
    // Agentfolio that answers for it: two of them running at once never clear, overwrite or
    // take up each other's.
    struct UnsettledCreate
    {
        QString profileId;
        QString portfolioName;
        QUuid requestId;
        qint64 investmentCents = 0;
        QString description;
        QDateTime sentAt;
        // eToro answered with a success status that could not be read: it did create it,
        // whatever a list says later (with the status, for the message).
        bool serverAccepted = false;
        int httpStatus = 0;
        // The HandOffOwner id of the Agentfolio that sent it or took it up after a stop;
        // empty when that Agentfolio could not take its lock.
        QString owner;
    };
    // Every note, oldest first.
    QList<UnsettledCreate> unsettledCreates() const;
    // Writes the note of create.requestId. False if it could not be written to disk; then
    // `why` says which file and what is wrong with it.
    bool setUnsettledCreate(const UnsettledCreate &create, QString *why = nullptr);
    void clearUnsettledCreate(const QUuid &requestId);

signals:
    // A preference changed (not the unsettled create, which is state).
    void changed();

private:
    // Whether the previous version's single note is the note of `requestId`.
    bool isLegacyUnsettledCreate(const QUuid &requestId) const;
    // Removes the previous version's single note if it is the note of `requestId`.
    void dropLegacyUnsettledCreate(const QUuid &requestId);
    void reopen();
    bool hasUnsettledCreate(const QUuid &requestId) const;
    QSettings::Status writeUnsettledCreate(const UnsettledCreate &create);

    QString m_settingsFile; // empty: the platform's place for the application's settings
    std::unique_ptr<QSettings> m_settings;
};

} // namespace agentfolio
