#include "session/session.h"

#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "session/appsettings.h"
#include "session/sessionlog.h"
#include "store/indexpreload.h"
#include "store/keychainsecretstore.h"
#include "store/portfolioindex.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"
#include "store/tokenhandoff.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcSession, "agentfolio.session")

namespace agentfolio {

Session::Session(const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_profiles = options.settingsFile.isEmpty()
        ? std::make_unique<ProfileStore>()
        : std::make_unique<ProfileStore>(options.settingsFile);
    m_settings = options.settingsFile.isEmpty()
        ? std::make_unique<AppSettings>()
        : std::make_unique<AppSettings>(options.settingsFile);
    if (options.secretStore) {
        m_secrets = options.secretStore;
    } else {
        m_ownedSecrets = std::make_unique<KeychainSecretStore>();
        m_secrets = m_ownedSecrets.get();
    }
    const QString indexPath =
        options.indexPreload ? options.indexPreload->path() : options.indexPath;
    m_index = indexPath.isEmpty() ? std::make_unique<PortfolioIndex>()
                                  : std::make_unique<PortfolioIndex>(indexPath);
    m_indexPreload = options.indexPreload;
    if (!m_indexPreload)
        m_index->load();
    // At quit, before the window and everything else is taken down (see stopWatching()).
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, m_index.get(), &PortfolioIndex::stopWatching);
    m_handOff = std::make_unique<TokenHandOff>(m_secrets, m_index.get());
    // A profile in use is the moment to finish what an Agentfolio that stopped midway began
    // for it (never earlier: the keychain is touched only once the window shows).
    connect(this, &Session::stateChanged, this, [this](State state) {
        if (state == State::Ready)
            m_handOff->recoverInterrupted(m_active.id);
    });
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_network.get());
    auto applyTimeout = [this] { m_client->setTimeout(m_settings->requestTimeout()); };
    applyTimeout();
    connect(m_settings.get(), &AppSettings::changed, this, applyTimeout);
}

Session::~Session()
{
    // The hand-off refers to the store and the index: it goes first.
    m_handOff.reset();
    if (m_index)
        m_index->flush();
}

bool Session::setBaseUrlOverride(const QUrl &url, QString *why)
{
    const QString problem = ApiClient::checkBaseUrl(url);
    if (!problem.isEmpty()) {
        if (why)
            *why = problem;
        return false;
    }
    m_baseUrlOverride = url;
    return true;
}

void Session::setState(State state, const QString &problem)
{
    m_problem = problem;
    if (m_state == state && problem.isEmpty())
        return;
    m_state = state;
    emit stateChanged(state);
}

bool Session::startSandbox(QString *why)
{
    if (m_sandbox && m_sandbox->port() != 0)
        return true;
    m_sandbox = std::make_unique<SandboxServer>();
    m_sandbox->setStateFile(m_options.sandboxStateFile.isEmpty() ? SandboxServer::defaultStateFile()
                                                                 : m_options.sandboxStateFile);
    if (m_sandbox->start() == 0) {
        *why = tr("The built-in sandbox could not listen on 127.0.0.1.");
        m_sandbox.reset();
        return false;
    }
    return true;
}

void Session::loadIndex()
{
    if (const auto preload = std::exchange(m_indexPreload, nullptr))
        m_index->load(preload.get());
}

bool Session::select(const QString &profileId)
{
    loadIndex(); // nothing may use a profile's index entries before they are read
    // A pending answer belongs to the profile selected before: it must be ignored.
    ++m_activation;
    const std::optional<Profile> profile = m_profiles->profile(profileId);
    if (!profile) {
        setState(State::Failed, tr("There is no account named \"%1\".").arg(profileId));
        return false;
    }
    m_profiles->setActiveProfileId(profile->id);
    m_active = *profile;
    setState(State::Connecting);
    // Forget the previous account's keys before anything else can use the client.
    m_client->setCredentials(Secret(), Secret());
    return true;
}

void Session::activate(const QString &profileId)
{
    if (!select(profileId))
        return;
    const int activation = m_activation;
    const Profile profile = m_active;

    if (profile.isSandbox) {
        QString why;
        if (!startSandbox(&why)) {
            setState(State::Failed, why);
            return;
        }
        m_client->setBaseUrl(m_sandbox->baseUrl());
        const ApiCredentials keys = ProfileKeys::sandboxCredentials();
        m_client->setCredentials(keys.apiKey, keys.userKey);
        qCInfo(lcSession) << "active profile: sandbox at" << m_sandbox->baseUrl().toString();
        setState(State::Ready);
        return;
    }

    QString why;
    const QUrl baseUrl = m_baseUrlOverride.value_or(
        profile.baseUrl.isEmpty() ? Profile::defaultBaseUrl() : profile.baseUrl);
    if (!m_client->setBaseUrl(baseUrl, &why)) {
        setState(State::Failed, why);
        return;
    }
    qCInfo(lcSession) << "active profile:" << profile.id << "reading its keys from the keychain";
    ProfileKeys::read(m_secrets, profile, this,
                      [this, activation](const std::optional<ApiCredentials> &credentials,
                                         const std::optional<SecretStoreError> &error) {
                          if (activation != m_activation)
                              return; // another profile was chosen meanwhile
                          if (!credentials) {
                              setState(State::Failed,
                                       error ? error->message
                                             : tr("The account's keys could not be read."));
                              return;
                          }
                          m_client->setCredentials(credentials->apiKey, credentials->userKey);
                          setState(State::Ready);
                      });
}

} // namespace agentfolio
