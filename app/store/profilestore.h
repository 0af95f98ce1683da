#pragma once

#include "store/profile.h"

#include <QList>
#include <QObject>
#include <memory>
#include <optional>

class QSettings;

namespace agentfolio {

// The list of profiles and the active one, over QSettings. The built-in sandbox
// profile always exists, first in the list, and cannot be changed or removed.
// No secret is ever written here.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxDisplayNameLength = 64;
    static constexpr int MaxIdLength = 40;

    // The application's QSettings (organization and application names must be set).
    explicit ProfileStore(QObject *parent = nullptr);
    // An INI file at `settingsFile`: for tests, and for a portable setup.
    explicit ProfileStore(const QString &settingsFile, QObject *parent = nullptr);
    ~ProfileStore() override;

    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QString &id) const;
    bool contains(const QString &id) const { return profile(id).has_value(); }

    // Adds a real-account profile. An empty id is derived from the display name.
    // Returns the stored profile, or nullopt with *why set.
    std::optional<Profile> add(const Profile &profile, QString *why = nullptr);
    // Changes a real profile's display name and base URL.
    bool update(const Profile &profile, QString *why = nullptr);
    // Removes a real profile's settings. Its keychain entries are the caller's to delete
    // (SecretKeys); its index entries stay, as a record of what exists on the server.
    bool remove(const QString &id, QString *why = nullptr);

    // The sandbox until the user picks another; an unknown stored id falls back to it.
    QString activeProfileId() const;
    Profile activeProfile() const;
    bool setActiveProfileId(const QString &id);

    static bool isValidId(const QString &id);
    // An id for `displayName` that no existing profile uses: "My account" -> "my-account".
    QString uniqueIdFor(const QString &displayName) const;
    // Empty when acceptable; otherwise a sentence saying what is wrong.
    static QString checkDisplayName(const QString &displayName);
    static QString checkBaseUrl(const QUrl &url);

Q_SIGNALS:
    void profilesChanged();
    void activeProfileChanged(const QString &id);

private:
    std::optional<Profile> readProfile(const QString &id) const;
    bool checkProfile(const Profile &profile, bool isNew, QString *why) const;
    void writeProfile(const Profile &profile);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace agentfolio
