#pragma once

#include "store/profile.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace agentfolio {

class IndexPreload;

class ApiClient;
class AppSettings;
class PortfolioIndex;
class ProfileStore;
class SandboxServer;
class SecretStore;
class TokenHandOff;

// Where a session keeps things. Empty paths mean the user's real locations
// (QStandardPaths, QSettings); tests point them at temporary directories.
struct SessionOptions
{
    QString indexPath;
    QString settingsFile;
    QString sandboxStateFile;
    SecretStore *secretStore = nullptr; // not owned; null = the system keychain
    // Start-up reads the index on another thread while it builds the window: with a
    // preload, the index is loaded by loadIndex() (at the latest by select()), from the
    // preload's path, rather than in the constructor.
    std::shared_ptr<IndexPreload> indexPreload;
};

// Everything one running app shares: the profiles, the keychain, the index, the
// hand-off, the network and an API client pointed at the active profile (the
// embedded sandbox, started on demand, or a real eToro account whose keys are read
// from the keychain). Widgets hold a Session and connect to its signals.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Inactive, Connecting, Ready, Failed };
    Q_ENUM(State)

    explicit Session(const SessionOptions &options = {}, QObject *parent = nullptr);
    ~Session() override;

    ProfileStore *profiles() const { return m_profiles.get(); }
    AppSettings *settings() const { return m_settings.get(); }
    SecretStore *secrets() const { return m_secrets; }
    PortfolioIndex *index() const { return m_index.get(); }
    // Loads the index from the preload given in the options, once; does nothing otherwise.
    void loadIndex();
    TokenHandOff *handOff() const { return m_handOff.get(); }
    QNetworkAccessManager *network() const { return m_network.get(); }
    ApiClient *client() const { return m_client.get(); }
    SandboxServer *sandbox() const { return m_sandbox.get(); }

    // Makes `profileId` the active profile and prepares the client for it:
    // asynchronous for a real account (its keys come from the keychain).
    void activate(const QString &profileId);
    // Only the first half of activate(): makes `profileId` the active profile, in
    // State::Connecting (State::Failed if there is no such profile), without touching the
    // keychain, the network or the sandbox. What a window shows until activate() runs;
    // start-up uses it so that the window appears before anything slow or prompting.
    bool select(const QString &profileId);
    // Like activate(), for a base URL given on the command line (checked first).
    bool setBaseUrlOverride(const QUrl &url, QString *why);

    const Profile &activeProfile() const { return m_active; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QString problem() const { return m_problem; } // why State::Failed

signals:
    void stateChanged(agentfolio::Session::State state);

private:
    void setState(State state, const QString &problem = {});
    bool startSandbox(QString *why);

    SessionOptions m_options;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<SecretStore> m_ownedSecrets;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<PortfolioIndex> m_index;
    std::shared_ptr<IndexPreload> m_indexPreload; // until loadIndex()
    std::unique_ptr<TokenHandOff> m_handOff;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::optional<QUrl> m_baseUrlOverride;
    Profile m_active;
    State m_state = State::Inactive;
    QString m_problem;
    int m_activation = 0; // ignores answers to an activation that was superseded
};

} // namespace agentfolio
